"""The typed-answer box: letters go in, Enter submits what was typed, and keys
typed right behind Enter reach the screen in order instead of the box."""

from __future__ import annotations

from textual.app import App, ComposeResult

from gonghui_tui.tui.widgets.answer_input import AnswerInput


class BoxApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield AnswerInput()

    def on_input_submitted(self, event: AnswerInput.Submitted) -> None:
        self.seen.append(("submitted", event.value))

    def on_answer_input_key_after_answer(self, message: AnswerInput.KeyAfterAnswer) -> None:
        self.seen.append(("key", message.key))


async def test_enter_then_a_grade_key_submits_the_typed_text_then_hands_on_the_key():
    app = BoxApp()
    async with app.run_test() as pilot:
        box = app.query_one(AnswerInput)
        box.focus()
        await pilot.press("a", "b", "backspace", "c", "enter", "3", "x")
        await pilot.pause()
        assert box.value == "ac"  # nothing typed after Enter lands in the box
        assert app.seen == [("submitted", "ac"), ("key", "3"), ("key", "x")]
        box.reset()
        await pilot.press("d")
        assert box.value == "d"
