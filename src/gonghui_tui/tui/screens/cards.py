"""A section's cards with their state; suspended cards are unsuspended here."""

from __future__ import annotations

from datetime import datetime
from typing import Callable, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from gonghui_tui.domain.card_states import card_rows, set_suspended
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.i18n import t
from gonghui_tui.tui.format import local_time
from gonghui_tui.tui.translated import Translated


class CardListScreen(Translated, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "bind.close", id="cards.close"),
        Binding("s", "toggle_suspend", "bind.toggle_suspend", id="cards.suspend"),
    ]

    def __init__(self, course: Course, store: ProgressStore, section_id: str | None,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.course, self.store, self.section_id, self.now = course, store, section_id, now

    def compose(self) -> ComposeResult:
        title = self.course.title if self.section_id is None else self.course.sections[self.section_id].title
        with Vertical(id="cards-box"):
            yield Static(Text(t("cards.title", title=title), style="bold"))
            yield DataTable(id="cards-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text(t("cards.hint"), style="dim"))

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("cards.kind"), t("cards.front"), t("cards.state"), t("cards.due"),
                          t("cards.flags"))
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in card_rows(self.course, self.store, self.section_id, self.now()):
            flags = []
            if row.suspended:
                flags.append(t("cards.suspended"))
            if row.buried:
                flags.append(t("cards.buried"))
            if row.leech:
                flags.append(t("cards.leech"))
            front = row.card.front.replace("\n", " ")
            table.add_row(
                Text(t(f"kind.{row.card.kind.value}")),
                Text(front[:40] + ("…" if len(front) > 40 else "")),
                Text(t(f"state.{row.state}")),
                Text(local_time(row.due) if row.due else "—"),
                Text(" ".join(flags), style="bold yellow"),
                key=row.card.id,
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def action_toggle_suspend(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        card_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        current = {r.card.id: r for r in card_rows(self.course, self.store, self.section_id, self.now())}
        set_suspended(self.course, self.store, card_id, not current[card_id].suspended, self.now())
        self._fill()

    def action_dismiss(self) -> None:
        self.dismiss(None)
