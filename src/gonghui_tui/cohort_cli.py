"""`gonghui-tui cohort PATH...`: read many trainees' exports, then open the
cohort screen or write a report (md, html, csv, json).

A progress bar runs on stderr while reading (a terminal only); every file
that does not count is listed there with its one-line reason.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Callable

from gonghui_tui.domain.cohort import Cohort, build_cohort
from gonghui_tui.domain.cohort_read import read_cohort
from gonghui_tui.domain.cohort_sources import gather
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.i18n import language, t

REPORT_FORMATS = ("md", "html", "csv", "json")
MAX_WORKERS = 4  # processes reading exports; measured in docs/performance.md


class CohortError(Exception):
    """Nothing to report on; one line for the user."""


def load_cohort(patterns: list[str], course: Course, now: datetime, show_progress: bool) -> Cohort:
    items = gather(patterns)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if show_progress:
        from rich.progress import Progress

        with Progress(transient=True, console=_stderr_console()) as bar:
            task = bar.add_task(t("cohort.reading"), total=len(items))
            read = read_cohort(items, course, now, progress=lambda n: bar.update(task, completed=n),
                               workers=workers)
    else:
        read = read_cohort(items, course, now, workers=workers)
    for _, reason in read.rejected:
        print(f"gonghui-tui: {safe(reason.render(t), one_line=True)}", file=sys.stderr)
    if not read.trainees:
        raise CohortError(t("cohort.none"))
    return build_cohort(course, read, now)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def render_report(fmt: str, cohort: Cohort, course: Course) -> str:
    from gonghui_tui.domain import cohort_report

    if fmt == "md":
        return cohort_report.to_markdown(cohort, course, t)
    if fmt == "csv":
        return cohort_report.to_csv(cohort, t)
    if fmt == "json":
        return cohort_report.to_json(cohort, course, t)
    from gonghui_tui.domain.cohort_html import to_html

    return to_html(cohort, course, t, language())


def run_cohort(patterns: list[str], course: Course, now: datetime, fmt: str | None, output: str | None,
               force: bool, write: Callable[[Path, bytes], None]) -> int:
    cohort = load_cohort(patterns, course, now, show_progress=sys.stderr.isatty())
    if fmt is None and output is None:
        from gonghui_tui.tui.cohort_app import CohortApp

        app = CohortApp(cohort, course)
        app.run()
        return app.return_code or 0
    fmt = fmt or _format_from(output)
    text = render_report(fmt, cohort, course)
    if output is None:
        sys.stdout.write(text)
        return 0
    target = Path(output)
    if target.exists() and not force:
        raise CohortError(t("export.exists", path=target))
    write(target, text.encode("utf-8"))
    print(t("cohort.written", path=target), file=sys.stderr)
    return 0


def _format_from(output: str | None) -> str:
    suffix = Path(output or "").suffix.lower().lstrip(".")
    return {"htm": "html", "markdown": "md"}.get(suffix, suffix) if suffix in (*REPORT_FORMATS, "htm",
                                                                                "markdown") else "md"
