"""An Input for typed answers that submits in key order.

Textual handles a plain Input's Enter through its binding, after the input
has already inserted characters typed right behind it: a fast trainee's
"Enter 3" would submit "3" as part of the answer and never grade. Here Enter
submits at once with the text as it is; keys that still reach the box after
that are handed to the screen, in order, as KeyAfterAnswer messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


class AnswerInput(Input):
    answered = False

    @dataclass
    class KeyAfterAnswer(Message):
        key: str

    def reset(self) -> None:
        """Empty, for the next card. The drill hides the box when a card takes no typed
        answer and once one is in: a hidden box takes no keys and no focus, so it is
        never disabled (each change of `disabled` restyled it, ~4 ms)."""
        self.answered = False
        if self.value:
            self.value = ""

    def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handler (a subclass's handler comes first);
        # prevent_default keeps Input from inserting the key.
        if self.answered:
            if event.is_printable or event.key == "enter":
                event.stop()
                event.prevent_default()
                self.post_message(self.KeyAfterAnswer(event.key))
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.answered = True
            self.post_message(self.Submitted(self, self.value))

    def _on_hide(self, event: events.Hide) -> None:
        # A Hide from a layout made while the box was hidden can arrive after the drill
        # has shown it again and focused it (a kept drill screen hides the box while
        # its next session is made): Textual would then take the focus away, and the
        # trainee's letters would reach the drill's keys (b buries, q quits).
        if self.display:
            event.prevent_default()
