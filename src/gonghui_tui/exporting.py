"""One entry point for every export format, and the default file names.

It sits beside the CLI, above both the domain (which renders each format)
and storage (settings, atomic file writes), because it joins the two.
"""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import datetime, tzinfo
from pathlib import Path

from gonghui_tui.domain.course import Course
from gonghui_tui.domain.export import json_chunks, progress_data, to_csv, to_json, to_toml
from gonghui_tui.domain.export_anki import to_anki_tsv
from gonghui_tui.domain.export_md import progress_markdown
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.input_files import KIND_NAMES, kind_of
from gonghui_tui.domain.stats import compute_stats
from gonghui_tui.domain.trainee import Trainee, file_part
from gonghui_tui.domain.translate import Translate
from gonghui_tui.storage.atomic import write_atomic
from gonghui_tui.storage.settings import Settings

from gonghui_tui.domain.formats import FORMATS  # noqa: E402  (re-exported)
SUFFIXES = {"md": ".md", "toml": ".toml", "json": ".json", "csv": ".csv", "anki": ".txt"}


class ExportExists(Exception):
    """The target file exists and overwriting was not asked for."""


class ExportNotAFile(OSError):
    """Something other than a regular file sits at the target: a device, FIFO,
    socket or folder is never replaced, not even with --force."""

    def __init__(self, target: Path, kind: str) -> None:
        super().__init__(f"{target} is {KIND_NAMES[kind]}; exports are written only to regular files")
        self.target = target
        self.kind = kind  # a KIND_NAMES code; the catalogue has "filekind.<code>"


def trainee_of(settings: Settings) -> Trainee:
    return Trainee(settings.trainee_name, settings.trainee_unit)


def default_name(fmt: str, now: datetime, tz: tzinfo | None = None, trainee: Trainee = Trainee()) -> str:
    """A dated name; progress exports also carry the trainee's name, so an
    instructor's folder of forty files says whose each one is."""
    stem = "gonghui-cards" if fmt == "anki" else "gonghui-progress"
    name = file_part(trainee.name) if fmt != "anki" else ""
    return f"{stem}-{name + '-' if name else ''}{now.astimezone(tz).strftime('%Y-%m-%d')}{SUFFIXES[fmt]}"


def _machine_settings(settings: Settings) -> dict:
    # The trainee travels as its own top-level object, not among the settings.
    return {k: v for k, v in asdict(settings).items() if not k.startswith("trainee_")}


def render(fmt: str, course: Course, store: ProgressStore, now: datetime, settings: Settings,
           tz: tzinfo | None = None, include_notes: bool = True, trainee: Trainee | None = None,
           *, t: Translate | None = None) -> str:
    """One export as text. ``trainee`` defaults to the one in the settings;
    ``include_notes=False`` leaves the private notes out (for the instructor).
    ``t`` gives the language of the words meant for people: only the Markdown
    notes have any, the other formats are data and need no translator."""
    who = trainee_of(settings) if trainee is None else Trainee(*trainee)
    if fmt == "md":
        if t is None:
            raise TypeError("Markdown notes need a translator: pass t=translator(lang)")
        stats = compute_stats(course, store, now, settings.desired_retention, tz)
        return progress_markdown(course, store, stats, now, t, settings.desired_retention, tz,
                                 trainee=who, include_notes=include_notes)
    if fmt == "anki":
        return to_anki_tsv(course)
    if fmt == "csv":
        return to_csv(course, store)
    data = progress_data(course, store, now, _machine_settings(settings), who, include_notes)
    return (to_json if fmt == "json" else to_toml)(data, course, store)


def export(fmt: str, target: Path, course: Course, store: ProgressStore, now: datetime, settings: Settings,
           force: bool = False, tz: tzinfo | None = None, include_notes: bool = True,
           trainee: Trainee | None = None, *, t: Translate | None = None) -> Path:
    """Write the export atomically, readable by the user only; never over a file unless forced."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    try:
        kind = kind_of(os.stat(target).st_mode)  # symlinks followed: what would be overwritten
    except FileNotFoundError:
        pass
    else:
        if kind is not None:
            raise ExportNotAFile(target, kind)
        if not force:
            raise ExportExists(str(target))
    if fmt == "json":  # written as it is made: a million reviews never sit in memory as one string
        who = trainee_of(settings) if trainee is None else Trainee(*trainee)
        data = progress_data(course, store, now, _machine_settings(settings), who, include_notes)
        write_atomic(target, (piece.encode("utf-8") for piece in json_chunks(data, course, store)), mode=0o600)
        return target
    text = render(fmt, course, store, now, settings, tz, include_notes, trainee, t=t)
    write_atomic(target, text.encode("utf-8"), mode=0o600)
    return target
