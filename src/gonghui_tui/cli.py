"""Command-line entry: parse arguments, build paths, course and store, then act.

User errors end with a one-line message on stderr and exit status 2, never
a traceback. Textual is imported only when the app itself runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sqlite3
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Iterator, Sequence

from gonghui_tui import __version__
from gonghui_tui.clock import utc_now
from gonghui_tui.domain.course import CardKind, Course
from gonghui_tui.domain.loader import CourseError, load_course
from gonghui_tui.domain.ports import StoreError
from gonghui_tui.domain.formats import FORMATS
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.translate import Key
from gonghui_tui.cli_parser import build_parser, choose_language
from gonghui_tui.i18n import language, os_reason, set_language, t, translator
from gonghui_tui.paths import Paths, bundled_course
from gonghui_tui.storage.backup import daily_backup
from gonghui_tui.storage.course_cache import load_course_cached, load_course_ids_cached, load_search_entries
from gonghui_tui.storage.linebreak_cache import load_pieces, save_pieces
from gonghui_tui.storage.settings import Settings, load_settings
from gonghui_tui.storage.store import Store

EXIT_USER_ERROR = 2


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def say(text: object = "", err: bool = False) -> None:
    """Print one message: everything the command line prints passes the sanitiser,
    since course titles, paths and keys in it come from outside."""
    print(safe(text), file=sys.stderr if err else sys.stdout)


def quiet_closed_pipe() -> int:
    """``gonghui-tui stats --json | head -1``: the reader went away, which is not an error.
    Point stdout at /dev/null so the exit's own flush cannot complain either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 0


@contextmanager
def terminate_as_exit() -> Iterator[None]:
    """SIGTERM raises SystemExit while inside, so ``finally`` clean-ups run
    (an export's temp file is removed). SIGINT already raises KeyboardInterrupt."""
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    set_language(choose_language(argv, os.environ))
    args = build_parser().parse_args(argv)
    try:
        code = run_command(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the exit's own flush
        return code
    except BrokenPipeError:
        return quiet_closed_pipe()
    except CourseError as exc:
        say(t("cli.course_invalid", n=len(exc.problems)), err=True)
        for problem in exc.problems:
            say(problem.render(t), err=True)
        return EXIT_USER_ERROR
    except UserError as exc:
        say(t("cli.error", message=safe(exc, one_line=True)), err=True)
        return EXIT_USER_ERROR
    except StoreError as exc:
        say(t("cli.error", message=safe(store_message(exc), one_line=True)), err=True)
        return EXIT_USER_ERROR
    except OSError as exc:  # a folder or file we cannot use: say so in one line
        detail = t("cli.cannot_use", path=exc.filename, reason=exc) if exc.filename else os_reason(exc)
        say(t("cli.error", message=safe(detail, one_line=True)), err=True)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


def run_command(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return cmd_validate(Path(args.path) if args.path else course_path(args))
    check_folders(Paths.resolve(args.data_dir))
    if args.command == "paths":
        return cmd_paths(args)
    if args.command == "due":
        return cmd_due(args)
    if args.command == "stats":
        return cmd_stats(args)
    if args.command == "export":
        return cmd_export(args)
    if args.command == "import":
        return cmd_import(args)
    if args.command == "cohort":
        return cmd_cohort(args)
    return cmd_run(args)


def check_folders(paths: Paths) -> None:
    """The same one line for every command when the data folder is a file."""
    blocked = paths.not_a_folder()
    if blocked is not None:
        raise UserError(t("cli.not_a_folder", path=blocked))


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def course_path(args: argparse.Namespace) -> Path:
    return Path(args.course) if args.course else bundled_course()


def summarise(course: Course) -> dict[str, int]:
    counts = Counter(card.kind for card in course.cards)
    return {kind.value: counts.get(kind, 0) for kind in CardKind}


def cmd_validate(path: Path) -> int:
    course = load_course(path)
    kinds = t("punct.enum_sep").join(f"{t('kind.' + kind)} {n}" for kind, n in summarise(course).items())
    say(t("cli.validate_ok", file=path, sections=len(course.sections), cards=len(course.cards),
            kinds=kinds))
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    paths = Paths.resolve(args.data_dir)
    rows = [
        ("cli.path_data", paths.data_dir),
        ("cli.path_config", paths.config_dir),
        ("cli.path_db", paths.database),
        ("cli.path_settings", paths.config),
        ("cli.path_backups", paths.backups),
        ("cli.path_cache", paths.cache_dir),
        ("cli.path_course", course_path(args)),
    ]
    for key, value in rows:
        say(t("punct.field", label=Key(key), value=safe(value, one_line=True)))
    return 0


def store_message(exc: StoreError) -> str:
    """A store error in the user's language (its English text if it has no key)."""
    return exc.message.render(t) if exc.message else str(exc)


def open_progress(paths: Paths) -> tuple[Settings, Store, list[str]]:
    """Settings and store for a command, with the messages the user should see."""
    loaded = load_settings(paths.config)
    notices = [t("startup.settings_problem", problem=p) for p in loaded.problems]
    try:
        store = Store.open(paths.database, utc_now())
    except StoreError as exc:
        raise UserError(store_message(exc)) from None
    if store.moved_aside is not None:
        notices.append(t("startup.moved_aside", path=store.moved_aside))
    try:
        daily_backup(store.conn, paths.backups, local_day(utc_now()))
    except (OSError, sqlite3.Error) as exc:
        notices.append(t("startup.backup_failed", error=exc))
    return loaded.settings, store, notices


@contextmanager
def progress_session(args: argparse.Namespace) -> Iterator[tuple[Course, Settings, Store]]:
    """The course, settings and an open store for one command; notices go to stderr."""
    paths = Paths.resolve(args.data_dir)
    course = load_course_cached(course_path(args), paths.cache_dir)
    with store_session(paths) as (settings, store):
        yield course, settings, store


@contextmanager
def store_session(paths: Paths) -> Iterator[tuple[Settings, Store]]:
    """Settings and an open store for one command; notices go to stderr."""
    settings, store, notices = open_progress(paths)
    for notice in notices:
        say(notice, err=True)
    try:
        yield settings, store
    finally:
        store.close()


def cmd_due(args: argparse.Namespace) -> int:
    from gonghui_tui.domain.queue import Limits, due_summary

    with progress_session(args) as (course, settings, store):
        limits = Limits(settings.new_cards_per_day, settings.max_reviews_per_day)
        summary = due_summary(course, store, utc_now(), limits)
    if args.json:
        say(json.dumps({"due": summary.due, "new": summary.new,
                          "reviewed_today": summary.reviewed_today, "sections": summary.sections},
                         ensure_ascii=False, indent=2))
        return 0
    from rich.cells import cell_len  # terminal cells: CJK characters take two

    say(t("due.overall", due=summary.due, new=summary.new, reviewed=summary.reviewed_today))
    width = max((cell_len(s["title"]) for s in summary.sections.values()), default=0)
    for section in summary.sections.values():
        pad = " " * (width - cell_len(section["title"]))
        say(f"  {safe(section['title'], one_line=True)}{pad}  "
            + t("due.section", due=section["due"], new=section["new"]))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from gonghui_tui.domain.stats import compute_stats, stats_json

    with progress_session(args) as (course, settings, store):
        stats = compute_stats(course, store, utc_now(), settings.desired_retention)
    if args.json:
        say(json.dumps(stats_json(stats), ensure_ascii=False, indent=2))
        return 0
    from gonghui_tui.stats_report import print_stats

    print_stats(stats, course)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from gonghui_tui.exporting import ExportExists, ExportNotAFile, default_name, export, trainee_of

    now = utc_now()
    with progress_session(args) as (course, settings, store):
        saved = trainee_of(settings)
        trainee = saved._replace(**{k: v for k, v in (("name", args.name), ("unit", args.unit)) if v is not None})
        target = Path(args.output) if args.output else Path.cwd()
        if target.is_dir():  # -o FOLDER: the dated name inside it
            target = target / default_name(args.format, now, trainee=trainee)
        try:
            with terminate_as_exit():
                written = export(args.format, target, course, store, now, settings, force=args.force,
                                 include_notes=args.include_notes, trainee=trainee,
                                 t=translator(language()))
        except ExportExists:
            raise UserError(t("export.exists", path=target)) from None
        except ExportNotAFile as exc:
            raise UserError(t("export.not_a_file", path=target, kind=Key(f"filekind.{exc.kind}"))) from None
        except OSError as exc:
            raise UserError(t("export.failed", error=f"{target}: {exc.strerror or exc}")) from None
    say(t("export.written", path=written))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """The whole file is checked before the store is opened: a refused file leaves it untouched."""
    from gonghui_tui.domain.import_check import check_export
    from gonghui_tui.domain.importer import ImportProblem, import_checked, read_export

    # A short command that makes hundreds of thousands of objects and no cycles:
    # the collector's passes over them were a third of the checking time.
    gc.disable()
    paths = Paths.resolve(args.data_dir)
    course = load_course_ids_cached(course_path(args), paths.cache_dir)
    try:
        checked = check_export(read_export(Path(args.file)), course, utc_now(), args.keep_orphans, args.file)
    except ImportProblem as exc:
        raise UserError(exc.message.render(t)) from None
    with store_session(paths) as (_, store):
        result = import_checked(store, course.id, checked)
    say(t("import.done", **{k: v for k, v in asdict(result).items() if k != "orphans_kept"}))
    if result.orphans_kept:
        say(t("import.orphans_kept", n=result.orphans_kept))
    return 0


def cmd_cohort(args: argparse.Namespace) -> int:
    from gonghui_tui.cohort_cli import CohortError, run_cohort
    from gonghui_tui.storage.atomic import write_atomic

    paths = Paths.resolve(args.data_dir)
    course = load_course_cached(course_path(args), paths.cache_dir)
    try:
        return run_cohort(args.paths, course, utc_now(), args.format, args.output, args.force, write_atomic)
    except CohortError as exc:
        raise UserError(str(exc)) from None


def cmd_run(args: argparse.Namespace) -> int:
    paths = Paths.resolve(args.data_dir)
    # Modules, the course and the settings live as long as the process. Made
    # with the collector off, they are not walked again and again while they
    # pile up (gen-0 and gen-1 passes over the growing heap: 30-40 ms at S, two
    # full passes over the course at L, 110-160 ms); frozen, they are left out
    # of every later collection, which would otherwise come back as a hitch
    # between keypresses (docs/performance.md).
    gc.disable()
    try:
        course = load_course_cached(course_path(args), paths.cache_dir)
        settings, store, notices = open_progress(paths)
        from gonghui_tui import linebreak
        from gonghui_tui.tui.app import READY_EXIT_ENV, GonghuiApp

        engine = linebreak.engine()
        linebreak.remember(load_pieces(paths.cache_dir, engine))
        gc.freeze()
    finally:
        gc.enable()
    source = course_path(args)
    app = GonghuiApp(course=course, store=store, settings=settings, notices=notices,
                     export_dir=paths.export_dir(), settings_path=paths.config,
                     search_entries=lambda: load_search_entries(course, source, paths.cache_dir),
                     idle_work=True)
    try:
        app.run(headless=bool(os.environ.get(READY_EXIT_ENV)))
    finally:
        store.close()
        if linebreak.asked():
            save_pieces(paths.cache_dir, engine, linebreak.known())
    return app.return_code or 0
