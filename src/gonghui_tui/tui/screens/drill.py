"""The drill screen: one card at a time on the FSRS schedule.

Space or Enter shows the answer; 1-4 grade it (Enter or Space after the
answer takes the suggested grade, as in Anki). Every grade goes through
DrillSession, which commits it before the next card is chosen.
"""

from __future__ import annotations

import random
import time
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from gonghui_tui.domain.cards import compare_answer, suggested_grade
from gonghui_tui.domain.course import CardKind
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.i18n import t
from gonghui_tui.domain.ports import StoreError
from gonghui_tui.tui.format import interval_label, local_time
from gonghui_tui.tui.widgets.title_header import TitleHeader
from gonghui_tui.tui.translated import Translated
from gonghui_tui.tui.widgets.answer_input import AnswerInput
from gonghui_tui.tui.widgets.flashcard import LETTERS, Face, render_face
from gonghui_tui.tui.widgets.key_footer import KeyFooter

GRADE_KEYS = {1: "grade.again", 2: "grade.hard", 3: "grade.good", 4: "grade.easy"}


class DrillScreen(Translated, Screen[None]):
    DEFAULT_CSS = """
    DrillScreen #drill { height: 1fr; padding: 0 1; }
    DrillScreen #drill-status { color: $text-muted; }
    DrillScreen #drill-path { padding-bottom: 1; }
    DrillScreen #drill-card-box { height: 1fr; border: round $primary 50%; padding: 0 1; }
    DrillScreen #drill-input { margin: 1 0 0 0; }
    DrillScreen #drill-grades { height: auto; margin-top: 1; }
    DrillScreen #drill-grades Button { width: 1fr; min-width: 8; margin: 0 1 0 0; }
    DrillScreen #drill-grades Button.suggested { text-style: bold reverse; }
    DrillScreen #drill-grades Button.grade { height: 1; border: none; min-width: 8; }
    DrillScreen #drill-summary { height: 1fr; padding: 1 2; border: round $success; }
    DrillScreen.-short #drill-path { padding-bottom: 0; }
    DrillScreen.-short #drill-grades { margin-top: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "space", "bind.reveal", id="drill.space"),
        Binding("enter", "enter", "bind.reveal_all", show=False, id="drill.enter"),
        Binding("1", "grade(1)", "grade.again", show=False, id="drill.grade1"),
        Binding("2", "grade(2)", "grade.hard", show=False, id="drill.grade2"),
        Binding("3", "grade(3)", "grade.good", show=False, id="drill.grade3"),
        Binding("4", "grade(4)", "grade.easy", show=False, id="drill.grade4"),
        Binding("u", "undo", "bind.undo", id="drill.undo"),
        Binding("b", "bury", "bind.bury", id="drill.bury"),
        Binding("exclamation_mark", "suspend", "bind.suspend", show=False, id="drill.suspend"),
        Binding("escape", "leave", "bind.leave", id="drill.leave"),
    ]

    def __init__(self, session: DrillSession, title: str, seed: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.drill_title = title
        self.rng = random.Random(seed)
        self.face: Face | None = None
        self.shown_at = time.monotonic()
        self.finished = False

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with Vertical(id="drill"):
            yield Static(id="drill-status")
            yield Static(id="drill-path")
            with VerticalScroll(id="drill-card-box"):
                yield Static(id="drill-card")
            yield AnswerInput(id="drill-input", placeholder=t("drill.type_here"))
            with Horizontal(id="drill-grades"):
                for rating in (1, 2, 3, 4):
                    yield Button("", id=f"grade-{rating}", classes=f"grade grade-{rating}")
            yield Static(id="drill-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.drill_title
        self._show_next()

    # -- showing --------------------------------------------------------------------
    def _show_next(self) -> None:
        card = self.session.next()
        if card is None:
            self._finish()
            return
        self.face = Face.for_card(card, self.rng)
        self.shown_at = time.monotonic()
        typed = card.kind is CardKind.TYPED
        box = self.query_one("#drill-input", AnswerInput)
        box.display = typed
        box.reset(enabled=typed)
        if typed:
            self.set_focus(box)  # now, not queued: keys typed at once must land in it
        else:
            self.set_focus(None)
        self._refresh()

    def _refresh(self) -> None:
        face = self.face
        if face is None:
            return
        card = face.card
        path = " › ".join(s.title for s in self.session.course.path(card.section))
        self.query_one("#drill-path", Static).update(Text(path, style="dim"))
        status = Text(t("drill.progress", done=self.session.done, left=self.session.left))
        if self.session.cram:
            status.append("  " + t("drill.cram"), style="bold magenta")
        if self.session.record(card.id).leech:
            status.append("  " + t("drill.leech"), style="bold red")
        self.query_one("#drill-status", Static).update(status)
        self.query_one("#drill-card", Static).update(render_face(face))
        grades = self.query_one("#drill-grades")
        grades.display = face.revealed
        if face.revealed:
            intervals = self.session.intervals() if not self.session.cram else {}
            for rating, key in GRADE_KEYS.items():
                label = f"{rating} {t(key)}"
                if rating in intervals:
                    label += f" {interval_label(intervals[rating])}"
                button = self.query_one(f"#grade-{rating}", Button)
                button.label = label
                button.set_class(rating == self._default_grade(), "suggested")
        self.query_one("#drill-summary", Static).display = False

    def _default_grade(self) -> int:
        return self.face.suggested if self.face and self.face.suggested else 3

    def _finish(self) -> None:
        self.finished = True
        self.face = None
        for selector in ("#drill-input", "#drill-grades", "#drill-card-box", "#drill-path"):
            self.query_one(selector).display = False
        summary = self.session.summary()
        lines = Text(t("drill.summary_title") + "\n\n", style="bold")
        lines.append(t("drill.summary_done", done=summary.done, again=summary.again) + "\n")
        lines.append(t("drill.summary_time", minutes=int(summary.seconds // 60),
                       seconds=int(summary.seconds % 60)) + "\n")
        if summary.next_due is not None:
            lines.append(t("drill.summary_next", when=local_time(summary.next_due)) + "\n")
        lines.append("\n" + t("drill.summary_leave"), style="dim")
        box = self.query_one("#drill-summary", Static)
        box.update(lines)
        box.display = True
        self.query_one("#drill-status", Static).update(
            Text(t("drill.progress", done=self.session.done, left=0)))
        self.refresh_bindings()

    # -- keys -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.finished:
            return action in ("leave", "undo", "enter", "space")
        face = self.face
        if action == "grade":
            return face is not None and face.revealed
        if action == "bury" and face is not None and face.card.kind is CardKind.CHOICE and not face.revealed:
            return False  # b picks option b
        return True

    def on_key(self, event: events.Key) -> None:
        face = self.face
        if face is None or face.revealed or face.card.kind is not CardKind.CHOICE:
            return
        if event.character and event.character in LETTERS[: len(face.order)]:
            event.stop()
            event.prevent_default()
            position = LETTERS.index(event.character)
            if face.multiple:
                face.picked ^= {position}
                self._refresh()
            else:
                face.picked = {position}
                self._reveal_choice()

    def _leave_or_grade(self) -> bool:
        """What Space and Enter share: leave a finished drill, grade a shown answer."""
        if self.finished:
            self.action_leave()
            return True
        if self.face is None:
            return True
        if self.face.revealed:
            self.action_grade(self._default_grade())
            return True
        return False

    def action_space(self) -> None:
        if self._leave_or_grade():
            return
        face = self.face
        assert face is not None
        if face.card.kind is CardKind.LIST and face.shown_items < len(face.card.items) - 1:
            face.shown_items += 1
            self._refresh()
        else:
            self._reveal()

    def action_enter(self) -> None:
        if self._leave_or_grade():
            return
        face = self.face
        assert face is not None
        if face.card.kind is CardKind.CHOICE and face.picked:
            self._reveal_choice()
        elif face.card.kind is CardKind.TYPED:
            # Enter may reach the screen before the input has focus: submit all the same.
            self._submit_typed(self.query_one("#drill-input", Input).value)
        else:
            self._reveal()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit_typed(event.value)

    def on_answer_input_key_after_answer(self, message: AnswerInput.KeyAfterAnswer) -> None:
        if message.key in ("1", "2", "3", "4"):
            self.action_grade(int(message.key))
        elif message.key == "enter":
            self.action_enter()
        elif message.key == "space":
            self.action_space()

    def _submit_typed(self, value: str) -> None:
        face = self.face
        if face is None or face.revealed or face.card.kind is not CardKind.TYPED:
            return
        face.comparison = compare_answer(value, face.card.answers)
        face.suggested = suggested_grade(face.comparison.similarity)
        self._reveal()

    def _reveal_choice(self) -> None:
        face = self.face
        assert face is not None
        if face.picked:
            face.suggested = 3 if face.picked == face.correct_positions() else 1
        self._reveal()

    def _reveal(self) -> None:
        if self.face is None:
            return
        self.face.revealed = True
        # A disabled input cannot take focus back, not even from a focus call still queued.
        self.query_one("#drill-input", Input).disabled = True
        self.set_focus(None)
        self._refresh()
        self.refresh_bindings()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("grade-"):
            self.action_grade(int(event.button.id.removeprefix("grade-")))

    def action_grade(self, rating: int) -> None:
        if self.face is None or not self.face.revealed:
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        if self._guard(self.session.grade, rating, duration):
            self._show_next()
            self.refresh_bindings()

    def action_undo(self) -> None:
        if not self.session.can_undo():
            self.notify(t("drill.nothing_to_undo"), timeout=2, markup=False)
            return
        if self._guard(self.session.undo):
            if self.finished:
                self.finished = False
                for selector in ("#drill-card-box", "#drill-path"):
                    self.query_one(selector).display = True
            self._show_next()
            self.notify(t("drill.undone"), timeout=2, markup=False)

    def action_bury(self) -> None:
        if self.face is not None and self._guard(self.session.bury):
            self.notify(t("drill.buried"), timeout=2, markup=False)
            self._show_next()

    def action_suspend(self) -> None:
        if self.face is not None and self._guard(self.session.suspend):
            self.notify(t("drill.suspended"), timeout=2, markup=False)
            self._show_next()

    def action_leave(self) -> None:
        self.dismiss(None)

    def _guard(self, action, *args) -> bool:
        try:
            action(*args)
        except StoreError as exc:
            self.notify(t("store.save_failed", error=exc), severity="error", timeout=8, markup=False)
            return False
        return True
