"""One entry point for every export format, and the default file names."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, tzinfo
from pathlib import Path

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.export import progress_data, to_csv, to_json, to_toml
from gonghui_tui.domain.export_anki import to_anki_tsv
from gonghui_tui.domain.export_md import progress_markdown
from gonghui_tui.domain.stats import compute_stats
from gonghui_tui.storage.atomic import write_atomic
from gonghui_tui.storage.settings import Settings
from gonghui_tui.storage.store import Store

from gonghui_tui.domain.formats import FORMATS  # noqa: E402  (re-exported)
SUFFIXES = {"md": ".md", "toml": ".toml", "json": ".json", "csv": ".csv", "anki": ".txt"}


class ExportExists(Exception):
    """The target file exists and overwriting was not asked for."""


def default_name(fmt: str, now: datetime, tz: tzinfo | None = None) -> str:
    stem = "gonghui-cards" if fmt == "anki" else "gonghui-progress"
    return f"{stem}-{now.astimezone(tz).strftime('%Y-%m-%d')}{SUFFIXES[fmt]}"


def render(fmt: str, course: Course, store: Store, now: datetime, settings: Settings,
           tz: tzinfo | None = None) -> str:
    if fmt == "md":
        stats = compute_stats(course, store, now, settings.desired_retention, tz)
        return progress_markdown(course, store, stats, now, settings.desired_retention, tz)
    if fmt == "anki":
        return to_anki_tsv(course)
    if fmt == "csv":
        return to_csv(course, store)
    data = progress_data(course, store, now, asdict(settings))
    return (to_json if fmt == "json" else to_toml)(data, course, store)


def export(fmt: str, target: Path, course: Course, store: Store, now: datetime, settings: Settings,
           force: bool = False, tz: tzinfo | None = None) -> Path:
    """Write the export atomically, readable by the user only; never over a file unless forced."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if target.exists() and not force:
        raise ExportExists(str(target))
    write_atomic(target, render(fmt, course, store, now, settings, tz).encode("utf-8"), mode=0o600)
    return target
