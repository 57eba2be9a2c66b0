"""Reading files the user names: only regular files, only up to a size limit,
and never a hang or a RecursionError, whatever sits at the path.

``/dev/zero`` would fill memory, a FIFO would block for ever, a directory or
socket gives a confusing error; a TOML or JSON file nested 100,000 levels
deep makes the parsers raise RecursionError. The course loader, the settings
and the importer all read through :func:`read_limited` and turn
:class:`InputFileError` into their own one-line message; :func:`nesting_position`
names the line and column where a too-deep document goes too deep.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from gonghui_tui.domain.translate import Key, Message

MB = 1024 * 1024
COURSE_LIMIT = 64 * MB
IMPORT_LIMIT = 1024 * MB
CONFIG_LIMIT = 1 * MB
MAX_NESTING = 100  # arrays and tables inside each other; the course format needs 3

# Codes for what else can sit at a path, with their English names (the i18n
# catalogue has "filekind.<code>" for messages in the user's language).
KIND_NAMES = {"folder": "a folder", "fifo": "a FIFO (named pipe)", "socket": "a socket",
              "char_device": "a character device", "block_device": "a block device",
              "other": "not a regular file"}
_KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "socket"),
          (stat.S_ISCHR, "char_device"), (stat.S_ISBLK, "block_device"))


class InputFileError(Exception):
    """A file that cannot be read as input. ``reason`` is the message for people
    (rendered at the edge, without the path); ``str()`` is an English line for logs
    and for callers that have no translator."""

    def __init__(self, path: Path | str, reason: Message, english: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {english}")


def _not_regular(path: Path | str, kind: str) -> InputFileError:
    return InputFileError(path, Message("file.not_regular", {"kind": Key(f"filekind.{kind}")}),
                          f"is {KIND_NAMES[kind]}, not a regular file")


def _too_big(path: Path | str, size: str, limit: int) -> InputFileError:
    return InputFileError(path, Message("file.too_big", {"size": size, "limit": human_size(limit)}),
                          f"is {size}; the limit is {human_size(limit)}")


def _unreadable(path: Path | str, exc: OSError) -> InputFileError:
    return InputFileError(path, Message("load.cannot_read", {"reason": exc}),
                          f"cannot read ({exc.strerror or exc})")


def kind_of(mode: int) -> str | None:
    """The code (a KIND_NAMES key) of what a non-regular file is, or None for a regular file."""
    for test, code in _KINDS:
        if test(mode):
            return code
    return None if stat.S_ISREG(mode) else "other"


def human_size(size: int) -> str:
    """``900 B``, ``64 MB``, ``64.5 MB``, ``1 GB``."""
    if size < MB:
        return f"{size} B"
    unit, name = (MB, "MB") if size < 1024 * MB else (1024 * MB, "GB")
    return f"{size / unit:.1f}".removesuffix(".0") + f" {name}"


def read_limited(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit`` of them.

    Raises InputFileError for anything else: missing, unreadable, not a regular
    file, or larger than ``limit``. Opening never blocks (O_NONBLOCK, so a FIFO
    is refused rather than waited on).
    """
    try:
        kind = kind_of(os.stat(path).st_mode)  # a socket cannot even be opened: say what it is
        if kind is not None:
            raise _not_regular(path, kind)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        info = os.fstat(fd)  # what was opened, in case the path changed since the stat
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise _not_regular(path, kind)
        if info.st_size > limit:
            raise _too_big(path, human_size(info.st_size), limit)
        chunks, total = [], 0
        while total <= limit:
            # the whole file in one read (joining one chunk copies nothing), then any growth
            chunk = os.read(fd, min(limit + 1 - total, max(info.st_size + 1 - total, 16 * MB)))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while we read
            raise _too_big(path, f"> {human_size(limit)}", limit)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    finally:
        os.close(fd)


_TOKENS = re.compile(r'"""|\'\'\'|\\.|["\'#\n\[\]{}]', re.S)


def nesting_position(text: str, limit: int = MAX_NESTING) -> tuple[int, int]:
    """(line, column) where TOML or JSON ``text`` first nests deeper than ``limit``;
    (1, 1) if it never does. Strings and comments are skipped."""
    depth, line, line_start = 0, 1, 0
    quote: str | None = None  # the open string's delimiter
    comment = False
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token == "\n":
            line, line_start, comment = line + 1, match.end(), False
            if quote in ('"', "'"):
                quote = None  # one-line strings end with the line (the parser said the rest)
            continue
        if comment:
            continue
        if quote is not None:
            if token == quote:
                quote = None
            continue
        if token[0] == "\\":
            continue
        if token in ('"""', "'''", '"', "'"):
            quote = token
        elif token == "#":
            comment = True
        elif token in "[{":
            depth += 1
            if depth > limit:
                return line, match.start() - line_start + 1
        else:
            depth -= 1
    return 1, 1
