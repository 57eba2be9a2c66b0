"""A small app for `gonghui-tui cohort PATH`: the cohort screen and help.

It needs no progress store: the instructor's machine may never have run
the course itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from gonghui_tui import wrap_adapter
from gonghui_tui.domain.cohort import Cohort
from gonghui_tui.domain.course import Course
from gonghui_tui.i18n import t
from gonghui_tui.tui.screens.cohort import CohortScreen
from gonghui_tui.tui.glyphs import key_display
from gonghui_tui.tui.translated import Translated


class CohortApp(Translated, App[int]):
    CSS_PATH = "app.tcss"
    # As in the main app: below 16 rows the screen gets -short and chrome gives way (app.tcss).
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (16, "-roomy")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "bind.quit", id="cohort.quit"),
        Binding("question_mark", "help", "bind.help", id="cohort.help"),
        Binding("ctrl+q", "quit", "bind.quit", show=False, priority=True, id="cohort.quit_hard"),
    ]

    def __init__(self, cohort: Cohort, course: Course) -> None:
        super().__init__()
        wrap_adapter.install()  # Chinese line breaking (禁则) in the detail lines
        self.cohort, self.course = cohort, course
        self.title = t("cohort.title")

    def get_default_screen(self) -> CohortScreen:
        return CohortScreen(self.cohort, self.course)

    def get_key_display(self, binding) -> str:
        return key_display(super().get_key_display(binding))

    def action_help(self) -> None:
        from gonghui_tui.tui.screens.help import HelpScreen, binding_rows

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(binding_rows(self.screen)))
