"""Who else has the progress database open, and whether it needs checking.

Every running gonghui-tui (the app and every command) holds a shared
``flock`` on ``progress.sqlite3.lock`` for as long as its store is open; the
kernel drops it when the process dies, however it dies. An instance that can
take the lock exclusively knows it is alone: only then may a damaged file be
moved aside, and only then is the shutdown marker trusted.

The same file records, as one line of JSON, whether the last instance closed
cleanly, the size and modification time the database had then, and the UTC
day it was last checked, so the full-file health check runs once a day,
after a crash, or when something else changed the file, never at every
start. The
file is rewritten in place (it cannot be replaced: others hold locks on it);
a torn write reads as "unknown", which only costs one extra check.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Marker:
    clean: bool  # the last instance to close closed cleanly
    checked: str | None  # UTC day (ISO) of the last health check
    stamp: tuple[int, int] | None = None  # the database's (size, mtime ns) at that clean close


UNKNOWN = Marker(clean=False, checked=None)


def file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


class InstanceLock:
    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        # Raises OSError (PermissionError, ...) for the caller to report.
        self.fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)

    def untouched_since_clean_close(self, marker: Marker) -> bool:
        return marker.clean and marker.stamp is not None and file_stamp(self.database) == marker.stamp

    def try_exclusive(self) -> bool:
        """Take the lock alone if no other instance holds it. On failure this
        instance holds no lock at all (flock converts by dropping first)."""
        try:
            fcntl.flock(self._fd(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def share(self, timeout: float) -> bool:
        """Hold the lock shared, waiting up to ``timeout`` s for an instance that
        holds it alone (it is checking or closing); False if it never let go."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._fd(), fcntl.LOCK_SH | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.01)

    def read(self) -> Marker:
        try:
            data = json.loads(os.pread(self._fd(), 4096, 0) or b"null")
            stamp = data.get("stamp")
            return Marker(clean=data["clean"] is True, checked=str(data["checked"]) if data["checked"] else None,
                          stamp=(int(stamp[0]), int(stamp[1])) if stamp else None)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            return UNKNOWN

    def write(self, marker: Marker) -> None:
        """Only while holding the lock alone."""
        data = json.dumps({"clean": marker.clean, "checked": marker.checked, "stamp": marker.stamp}).encode()
        fd = self._fd()
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)

    def release(self, clean: bool) -> None:
        """Let go; the last instance out records a clean shutdown."""
        if self.fd is None:
            return
        try:
            if clean and self.try_exclusive():
                self.write(Marker(clean=True, checked=self.read().checked, stamp=file_stamp(self.database)))
        except OSError:
            pass  # a marker we cannot write only costs one extra check next time
        finally:
            os.close(self.fd)
            self.fd = None

    def _fd(self) -> int:
        if self.fd is None:
            raise ValueError("the instance lock is released")
        return self.fd
