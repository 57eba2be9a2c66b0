"""Atomic file writes: a temp file in the same folder, fsync, then os.replace,
so a crash leaves either the old file or the new one, never half of one.

The temp file is removed on every failure the process lives through
(exceptions, and SIGTERM/SIGINT once the command line turns them into
exceptions). A SIGKILL cannot be caught: its temp file carries the writer's
pid in its name, and the next write to the same target removes it.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from pathlib import Path
from typing import Iterable

from gonghui_tui.paths import ensure_private_dir


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but someone else's
    return True


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def remove_stale_temps(path: Path) -> None:
    """Delete temp files of earlier writes to ``path`` whose writer is gone."""
    prefix = f".{path.name}."
    for old in path.parent.glob(glob.escape(prefix) + "*.tmp"):
        pid = old.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                old.unlink()
            except OSError:
                pass


def write_atomic(path: Path, data: bytes | Iterable[bytes], mode: int = 0o600) -> None:
    """Write ``data`` (bytes, or pieces of it as they are made) to ``path`` atomically."""
    ensure_private_dir(path.parent)
    remove_stale_temps(path)
    # Named before it exists, so a signal at any moment after the file appears
    # finds the name to remove (tempfile.mkstemp returns it only afterwards).
    tmp: Path | None = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileExistsError:
            tmp = None  # not ours: leave it
            raise
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        try:
            kind = os.stat(path).st_mode
            if not stat.S_ISREG(kind):  # never replace a device, FIFO or folder
                code = errno.EISDIR if stat.S_ISDIR(kind) else errno.EEXIST  # the UI words come from errno
                raise OSError(code, f"{path} is not a regular file; not replaced", str(path))
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            _unlink(tmp)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
