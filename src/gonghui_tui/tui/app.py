"""The Textual app. Everything it works on (course, store, settings, clock)
is injected, so the CLI and the tests build it the same way.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from gonghui_tui.clock import utc_now
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.reading import Reading
from gonghui_tui.domain.safe_text import safe
from gonghui_tui import wrap_adapter
from gonghui_tui.i18n import language, other_language, set_language, t
from gonghui_tui.storage.settings import Settings, save_settings
from gonghui_tui.tui.boundary import saves
from gonghui_tui.tui.messages import JumpTo, OpenSearch, ShowCards, StartDrill
from gonghui_tui.tui.screens.reader import ReaderScreen
from gonghui_tui.tui.commands import StudyCommands
from gonghui_tui.tui.export_flow import ExportFlow
from gonghui_tui.tui.glyphs import Palette, key_display
from gonghui_tui.tui.idle_gc import IdleCollection, keep_for_session
from gonghui_tui.tui.kept_dialogs import KeptDialogs
from gonghui_tui.tui.translated import Translated, translate_bindings
from gonghui_tui.tui.search_index import SessionSearch
from gonghui_tui.tui.widgets.outline_tree import OutlineTree

if TYPE_CHECKING:
    from gonghui_tui.domain.search import CourseEntries, SearchIndex

READY_EXIT_ENV = "GONGHUI_TUI_EXIT_WHEN_READY"


class GonghuiApp(ExportFlow, IdleCollection, KeptDialogs, Translated, App[int]):
    CSS_PATH = "app.tcss"
    # Only our provider: Textual's system commands are English-only; the theme
    # and quit commands they offer are in ours (and on keys) in both languages.
    COMMANDS = {StudyCommands}
    # Every screen gets -short below 16 rows: app.tcss gives the content the room.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (16, "-roomy")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "bind.quit", id="app.quit"),
        Binding("question_mark", "help", "bind.help", id="app.help"),
        Binding("p", "dashboard", "bind.dashboard", id="app.dashboard"),
        Binding("e", "export", "bind.export", id="app.export"),
        Binding("comma", "settings", "bind.settings", id="app.settings"),
        Binding("ctrl+q", "quit", "bind.quit", show=False, priority=True, id="app.quit_hard"),
        Binding("ctrl+p", "command_palette", "bind.palette", show=False, priority=True,
                id="app.palette"),
    ]

    def __init__(
        self,
        course: Course,
        store: ProgressStore,
        settings: Settings | None = None,
        now: Callable[[], datetime] = utc_now,
        notices: list[str] | None = None,
        fuzzing: bool = True,
        tz: tzinfo | None = None,
        seed: int | None = None,
        export_dir: Path | None = None,
        settings_path: Path | None = None,
        search_entries: Callable[[], CourseEntries] | None = None,
        idle_work: bool = False,
    ) -> None:
        super().__init__()
        wrap_adapter.install()  # Chinese line breaking (禁则) wherever text wraps
        self.course = course
        self.store = store
        self.settings = settings or Settings()
        self.now = now
        self.notices = list(notices or [])
        self.reading = Reading(course, store, now)
        self.fuzzing = fuzzing
        self.tz = tz
        self.seed = seed  # for the order of choice options; tests fix it
        if export_dir is None:
            from gonghui_tui.paths import Paths

            export_dir = Paths.resolve().export_dir()
        self.export_dir = export_dir
        self.settings_path = settings_path  # None: settings changed in the app are not saved
        self.search = SessionSearch(course, search_entries)
        self._preload_search = search_entries is not None
        # `gonghui-tui` composes its dialogs and collects garbage in idle time; tests need not
        self._idle_work = idle_work
        self.title = t("app.title")
        self.sub_title = course.title

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(self.course, self.reading, self.settings.read_dwell_seconds)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._show_notices)
        if os.environ.get(READY_EXIT_ENV):  # benchmarks: leave as soon as the first screen is drawn
            # and before the search index loads: on a loaded host the 0.5 s timer
            # could fire first and add the index (~20 MB for course L) to the figure
            self.call_after_refresh(self.exit)
            return
        if self._preload_search:  # after the first screen: start-up stays short
            self.set_timer(0.5, lambda: self.run_worker(self._preload_search_index, thread=True, group="search"))
        if self._idle_work:
            self.warm_dialogs()
            self.collect_when_idle()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):  # a screen still filling in may need to catch up first
            before_key = getattr(self.screen, "before_key", None)
            if before_key is not None:
                before_key()
        await super().on_event(event)

    def _preload_search_index(self) -> None:
        self.search.preload()
        keep_for_session()  # the index stays: no full collection walks it again

    def _search_index(self) -> SearchIndex:
        """The session's search index with the trainee's notes as they are now."""
        notes = {sid: safe(text) for sid, (text, _) in self.store.notes(self.course.id).items()}
        return self.search.index(notes)

    def _theme_changed(self, theme) -> None:
        if theme.name != self.settings.theme:
            self._save_settings(replace(self.settings, theme=theme.name))

    def _save_settings(self, settings: Settings) -> bool:
        """Use ``settings`` from now on and keep them in config.toml; False (and said) when
        they could not be written."""
        self.settings = settings
        if self.settings_path is None:
            return True
        try:
            save_settings(self.settings_path, settings)
        except OSError as exc:
            self.notify(t("settings.save_failed", path=self.settings_path, error=exc), severity="error",
                        timeout=10, markup=False)
            return False
        return True

    async def toggle_language(self) -> None:
        """Switch the interface language now, and keep it in the settings."""
        self._save_settings(replace(self.settings, language=other_language()))
        await self._use_language(self.settings.language)
        self.notify(t("lang.switched"), timeout=3, markup=False)

    async def _use_language(self, lang: str) -> None:
        set_language(lang)
        translate_bindings(self)
        self.title = t("app.title")
        reader = self.reader()
        if reader is not None:
            while self.screen is not reader:
                await self.pop_screen()
            await reader.rebuild()
        await self.drop_dialogs()
        if self._idle_work:  # made again in the new language, in idle time
            self.warm_dialogs()

    def dialog(self, name: str) -> tuple[type[Screen], tuple]:
        """The class of a kept dialog and what a new one is made with now (tui/kept_dialogs.py)."""
        if name == "settings":
            from gonghui_tui.tui.screens.settings import SettingsScreen

            return SettingsScreen, (self.settings, sorted(self.available_themes))
        if name == "help":
            from gonghui_tui.tui.screens.help import HelpScreen, binding_rows

            return HelpScreen, (binding_rows(self.screen),)
        if name == "search":
            from gonghui_tui.tui.screens.search import SearchScreen

            return SearchScreen, (self._search_index(),)
        if name == "cards":
            from gonghui_tui.tui.screens.cards import CardBrowserScreen

            return CardBrowserScreen, self._cards_args(self.current_section())
        if name == "dashboard":
            from gonghui_tui.tui.screens.dashboard import DashboardScreen

            return DashboardScreen, (self.course, self.store, self.now, self.settings.desired_retention, self.tz)
        if name == "drill":
            from gonghui_tui.tui.screens.drill import DrillScreen

            return DrillScreen, (None, "", self.seed)  # a session is given at each opening
        from gonghui_tui.exporting import trainee_of
        from gonghui_tui.tui.screens.export_dialog import ExportScreen

        return ExportScreen, (self.export_dir, self.now(), self.tz, trainee_of(self.settings))

    def action_settings(self) -> None:
        self.show_kept("settings", self.apply_settings)

    async def apply_settings(self, settings: Settings | None) -> None:
        """Keep the settings chosen on the settings screen and use them at once."""
        if settings is None or (settings == self.settings and settings.language == language()):
            return
        old = self.settings
        saved = self._save_settings(settings)
        if settings.theme != old.theme and settings.theme in self.available_themes:
            self.theme = settings.theme
        reader = self.reader()
        if reader is not None:
            reader.set_dwell(settings.read_dwell_seconds)
        if settings.language != language():
            await self._use_language(settings.language)
        elif settings.desired_retention != old.desired_retention and self._on_dashboard():
            await self.pop_screen()  # its figures (recall now) follow the new retention
            await self.action_dashboard()
        if saved:
            self.notify(t("settings.saved"), timeout=3, markup=False)

    def _on_dashboard(self) -> bool:
        from gonghui_tui.tui.screens.dashboard import DashboardScreen

        return isinstance(self.screen, DashboardScreen)

    def _show_notices(self) -> None:
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=15, markup=False)

    # Screens other than the reader are imported when first opened: start-up stays short.
    @saves
    def on_start_drill(self, message: StartDrill) -> None:
        from gonghui_tui.domain.queue import Limits
        from gonghui_tui.domain.session import DrillSession

        section_id, cram = message.section_id, message.cram
        settings = self.settings

        def make_session() -> DrillSession:
            return DrillSession(
                self.course, self.store, self.now, section_id=section_id,
                limits=Limits(settings.new_cards_per_day, settings.max_reviews_per_day),
                desired_retention=settings.desired_retention, cram=cram,
                fuzzing=self.fuzzing, tz=self.tz,
            )

        if section_id is None:
            title = t("drill.title_course")
        else:
            name = self.course.sections[section_id].title
            title = t("drill.title_cram" if cram else "drill.title_section", title=name)
        # The screen is up at once; the session (today's queue) is made after its first
        # frame, and a drill with nothing to study closes with a notice (tui/screens/drill.py).
        self.show_kept("drill", args=(make_session, title, self.seed))

    def reader(self) -> ReaderScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    def current_section(self) -> str | None:
        reader = self.reader()
        return reader.current_section if reader else None

    def on_jump_to(self, message: JumpTo) -> None:
        self.jump_to(message.section_id)

    def jump_to(self, section_id: str) -> None:
        reader = self.reader()
        if reader is None:
            return
        while self.screen is not reader:
            self.pop_screen()
        reader.query_one(OutlineTree).select_section(section_id)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette", placeholder=t("cmd.placeholder")))

    def get_key_display(self, binding) -> str:
        return key_display(super().get_key_display(binding))

    def action_change_theme(self) -> None:
        """Textual's theme picker, with its prompt in the interface language."""
        from textual.theme import ThemeProvider

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=t("cmd.theme_placeholder")))

    def can_warm(self, name: str) -> bool:
        return name != "search" or self.search.ready

    def on_open_search(self, message: OpenSearch) -> None:
        def chosen(section_id: str | None) -> None:
            if section_id is not None:
                self.jump_to(section_id)

        self.show_kept("search", chosen)

    async def action_dashboard(self) -> None:
        from gonghui_tui.tui.screens.dashboard import DashboardScreen

        if isinstance(self.screen, DashboardScreen):
            return
        # Awaited: keys typed after p wait until the dashboard is up and has the focus.
        shown = self.show_kept("dashboard")
        if shown is not None:
            await shown

    def on_show_cards(self, message: ShowCards) -> None:
        self.show_kept("cards", args=self._cards_args(message.section_id))

    def _cards_args(self, section_id: str | None) -> tuple:
        return self.course, self.store, section_id, self.now, self._search_index, self.tz

    def action_help(self) -> None:
        self.show_kept("help")
