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

    def reset(self, enabled: bool) -> None:
        """Empty, and taking keys only when the card wants a typed answer.

        Only a change is made: each change of `disabled` restyles the widget
        (4 ms a card here), and most cards are not typed.
        """
        self.answered = False
        if self.value:
            self.value = ""
        if self.disabled == enabled:
            self.disabled = not enabled

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
