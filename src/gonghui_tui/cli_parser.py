"""The command line's parser, in the interface language, and how that language is chosen.

argparse takes its own words (``usage:``, ``options``, its errors) from
gettext at the moment it prints them; ``speak_argparse`` points it at the
catalogue instead, so ``--help`` and usage errors follow ``--lang`` like
everything else.
"""

from __future__ import annotations

import argparse
from typing import Mapping, Sequence

from gonghui_tui import __version__
from gonghui_tui.catalog_cli import ARGPARSE_KEYS
from gonghui_tui.domain.formats import FORMATS
from gonghui_tui.i18n import LANGUAGES, t

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the order POSIX reads them in


def choose_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """--lang; else ``language`` in the settings file; else an English locale means
    English; else Chinese (docs/i18n.md)."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    early.add_argument("--data-dir")
    known, _ = early.parse_known_args(list(argv))
    if known.lang in LANGUAGES:
        return known.lang
    chosen = _setting(known.data_dir)
    if chosen in LANGUAGES:
        return chosen
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def _setting(data_dir: str | None) -> str:
    from gonghui_tui.paths import Paths
    from gonghui_tui.storage.settings import load_settings

    try:
        return load_settings(Paths.resolve(data_dir).config).settings.language
    except (OSError, ValueError):  # the command itself will say what is wrong with the folder
        return ""


def speak_argparse() -> None:
    """argparse's words from the catalogue, in the interface language."""

    def gettext(message: str) -> str:
        key = ARGPARSE_KEYS.get(message)
        return t(key) if key else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class CellHelpFormatter(argparse.HelpFormatter):
    """argparse's help measured in terminal cells (a Chinese character takes two),
    wrapped by the Chinese rules, with the language's own colon after headings."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            names = [self._format_action_invocation(a) for a in [action, *self._iter_indented_subactions(action)]]
            self._action_max_length = max(self._action_max_length, max(map(_cells, names)) + self._current_indent)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        lead = " " * self._current_indent + self._format_action_invocation(action)
        extra = _cells(lead) - len(lead)  # padded by len(): take back what the wide characters took
        if not extra or not text.startswith(lead + "  "):
            return text
        rest = text[len(lead):]
        spaces = len(rest) - len(rest.lstrip(" "))
        if spaces - extra >= 2:
            return lead + rest[extra:]
        help_position = min(self._action_max_length + 2, self._max_help_position)
        return lead + "\n" + " " * help_position + rest[spaces:]  # too wide: help on the next line

    def _split_lines(self, text: str, width: int) -> list[str]:
        from gonghui_tui.linebreak import wrap

        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def format_help(self) -> str:
        text = super().format_help()
        for heading in (t("argparse.positionals"), t("argparse.options")):
            text = text.replace(f"{heading}:\n", t("punct.heading", heading=heading) + "\n")
        return text


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def build_parser() -> argparse.ArgumentParser:
    speak_argparse()
    path, folder, file = t("cli.mv_path"), t("cli.mv_dir"), t("cli.mv_file")
    parser = argparse.ArgumentParser(prog="gonghui-tui", description=t("cli.description"), epilog=t("cli.epilog"),
                                     formatter_class=CellHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=t("cli.h_version"))
    parser.add_argument("--course", metavar=path, help=t("cli.h_course"))
    parser.add_argument("--data-dir", metavar=folder, help=t("cli.h_data_dir"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.h_lang"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.mv_command"),
                                parser_class=lambda **kw: argparse.ArgumentParser(formatter_class=CellHelpFormatter, **kw))
    validate = sub.add_parser("validate", help=t("cli.h_validate"), description=t("cli.h_validate"))
    validate.add_argument("path", nargs="?", metavar=path, help=t("cli.h_validate_path"))
    sub.add_parser("paths", help=t("cli.h_paths"), description=t("cli.h_paths"))
    stats = sub.add_parser("stats", help=t("cli.h_stats"), description=t("cli.h_stats"))
    stats.add_argument("--json", action="store_true", help=t("cli.h_stats_json"))
    export = sub.add_parser("export", help=t("cli.h_export"), description=t("cli.h_export"))
    export.add_argument("--format", choices=FORMATS, default="md", help=t("cli.h_format"))
    export.add_argument("-o", "--output", metavar=file, help=t("cli.h_output"))
    export.add_argument("--force", action="store_true", help=t("cli.h_force"))
    export.add_argument("--name", metavar=t("cli.mv_name"), help=t("cli.h_name"))
    export.add_argument("--unit", metavar=t("cli.mv_unit"), help=t("cli.h_unit"))
    export.add_argument("--no-notes", dest="include_notes", action="store_false", help=t("cli.h_no_notes"))
    imp = sub.add_parser("import", help=t("cli.h_import"), description=t("cli.h_import"))
    imp.add_argument("file", metavar=file, help=t("cli.h_import_file"))
    imp.add_argument("--keep-orphans", action="store_true", help=t("cli.h_keep_orphans"))
    cohort = sub.add_parser("cohort", help=t("cli.h_cohort"), description=t("cli.h_cohort"))
    cohort.add_argument("paths", nargs="+", metavar=path, help=t("cli.h_cohort_paths"))
    cohort.add_argument("--format", choices=("md", "html", "csv", "json"), help=t("cli.h_cohort_format"))
    cohort.add_argument("-o", "--output", metavar=file, help=t("cli.h_cohort_output"))
    cohort.add_argument("--force", action="store_true", help=t("cli.h_force"))
    due = sub.add_parser("due", help=t("cli.h_due"), description=t("cli.h_due"))
    due.add_argument("--json", action="store_true", help=t("cli.h_due_json"))
    return parser


__all__ = ["build_parser", "choose_language", "speak_argparse"]
