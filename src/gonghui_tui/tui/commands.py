"""Command-palette provider: jump to any section, drill, cram, help.

Titles are course content, so every prompt is built as Content (never
parsed as markup).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from gonghui_tui.i18n import t
from gonghui_tui.tui.messages import JumpTo, OpenSearch, ShowCards, StartDrill

if TYPE_CHECKING:
    from gonghui_tui.tui.app import GonghuiApp


class StudyCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: GonghuiApp = self.app  # type: ignore[assignment]
        current = app.current_section()
        post = app.post_message
        commands = [
            (t("cmd.drill_course"), partial(post, StartDrill(None)), t("cmd.drill_course_help")),
            (t("cmd.dashboard"), app.action_dashboard, ""),
            (t("cmd.export"), app.action_export, ""),
            (t("cmd.search"), partial(post, OpenSearch()), t("cmd.search_help")),
            (t("cmd.browse_cards"), partial(post, ShowCards(None)), t("cmd.browse_cards_help")),
            (t("cmd.settings"), app.action_settings, t("cmd.settings_help")),
            (t("cmd.help"), app.action_help, t("cmd.help_help")),
            (t("cmd.quit"), app.action_quit, ""),
            # Also in the settings: listed last, so the first ten (discover) keep help and quit.
            (t("cmd.theme"), app.action_change_theme, ""),
            (t("cmd.language"), app.toggle_language, ""),
        ]
        if current is not None:
            title = app.course.sections[current].title
            commands[1:1] = [
                (t("cmd.drill_section", title=title), partial(post, StartDrill(current)), ""),
                (t("cmd.cram_section", title=title), partial(post, StartDrill(current, cram=True)), ""),
            ]
        for section in app.course.walk():
            path = " › ".join(s.title for s in app.course.path(section.id))
            commands.append((t("cmd.jump", title=section.title), partial(post, JumpTo(section.id)), path))
        return commands

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands()[:10]:
            yield DiscoveryHit(Content(text), callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        """Fuzzy match on the text, or pinyin (full or initials) for ASCII queries."""
        from gonghui_tui.domain.search import pinyin_text

        matcher = self.matcher(query)
        pinyin_query = query.strip().lower().replace(" ", "")
        use_pinyin = pinyin_query.isascii() and pinyin_query.isalnum()
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text or None)
            elif use_pinyin:
                hit = pinyin_text(text).find(pinyin_query)
                if hit is not None:
                    start, length = hit
                    shown = Content(text).stylize("reverse", start, start + length)
                    yield Hit(0.5, shown, callback, help=help_text or None)
