"""Where a cohort's exports come from: files, folders, globs and zip files.

Sources are listed first (so a progress bar knows the total) and read one
at a time later, so 5,000 files are never open at once.
"""

from __future__ import annotations

import glob
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from gonghui_tui.domain.import_errors import escape
from gonghui_tui.domain.input_files import IMPORT_LIMIT, InputFileError, human_size, read_limited
from gonghui_tui.domain.translate import Message

EXPORT_SUFFIXES = (".json", ".toml")
# A zip member bigger than this is not an export (a zip bomb is refused unread).
MAX_MEMBER_BYTES = 64 * 1024 * 1024


class SourceError(Exception):
    """A source that cannot be read; ``reason`` is one line naming it, for the edge to render."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """One export to read: a file, or a member of a zip file."""

    path: Path
    member: str | None = None

    @property
    def label(self) -> str:
        return f"{self.path}:{self.member}" if self.member else str(self.path)

    @property
    def name(self) -> str:
        """The file name alone, for an unsigned export's label."""
        return Path(self.member).name if self.member else self.path.name

    @property
    def suffix(self) -> str:
        return Path(self.member or self.path.name).suffix.lower()

    def read(self, zips: OpenZip | None = None) -> bytes:
        """The bytes, read with the limits `import` uses; SourceError otherwise.
        A zip member is read through ``zips`` (one zip kept open) when given."""
        if self.member is None:
            try:
                return read_limited(self.path, IMPORT_LIMIT)
            except InputFileError as exc:
                raise SourceError(Message("import.file", {"path": escape(self.label), "problem": exc.reason})) \
                    from None
        own = zips or OpenZip()
        try:
            archive = own.open(self.path)
            info = archive.getinfo(self.member)
            if info.file_size > MAX_MEMBER_BYTES:
                raise SourceError(Message("cohort.too_big", {"path": escape(self.label),
                                                             "size": human_size(info.file_size)}))
            return archive.read(info)
        except (OSError, KeyError, zipfile.BadZipFile, RuntimeError) as exc:  # RuntimeError: encrypted
            raise SourceError(Message("cohort.bad_zip", {"path": escape(self.label), "problem": str(exc)})) \
                from None
        finally:
            if zips is None:
                own.close()


class OpenZip:
    """The zip file read last, kept open. Members of a zip are read one after
    another, and opening a zip parses its whole directory: opened per member,
    a zip of 5,000 exports would be parsed 5,000 times. One zip at a time."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.archive: zipfile.ZipFile | None = None

    def open(self, path: Path) -> zipfile.ZipFile:
        if self.archive is None or self.path != path:
            self.close()
            self.archive, self.path = zipfile.ZipFile(path), path
        return self.archive

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
        self.archive = self.path = None


@dataclass(frozen=True)
class Unreadable:
    """A path given that holds no export at all (missing, or a broken zip)."""

    label: str
    reason: Message


def _zip_members(path: Path) -> Iterator[Source | Unreadable]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        yield Unreadable(str(path), Message("cohort.bad_zip", {"path": escape(str(path)), "problem": str(exc)}))
        return
    for name in sorted(names):
        if Path(name).suffix.lower() in EXPORT_SUFFIXES and not Path(name).name.startswith("."):
            yield Source(path, name)


def _one(path: Path, explicit: bool) -> Iterator[Source | Unreadable]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield from _one(child, explicit=False)
    elif path.suffix.lower() == ".zip":
        yield from _zip_members(path)
    elif explicit or path.suffix.lower() in EXPORT_SUFFIXES:
        yield Source(path)  # a file named on the command line is read whatever its name


def gather(patterns: list[str]) -> list[Source | Unreadable]:
    """Every export under the given paths, each once, in a stable order."""
    found: list[Source | Unreadable] = []
    seen: set[Source] = set()
    for pattern in patterns:
        path = Path(pattern)
        if path.exists():
            matches = [path]
        else:
            matches = [Path(m) for m in sorted(glob.glob(pattern, recursive=True))]
            if not matches:
                found.append(Unreadable(pattern, Message("cohort.no_such", {"path": escape(pattern)})))
                continue
        for match in matches:
            for item in _one(match, explicit=True):
                if isinstance(item, Source):
                    if item in seen:
                        continue
                    seen.add(item)
                found.append(item)
    return found
