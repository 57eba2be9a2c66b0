"""uniseg's answers about line-break pieces, kept between runs (see linebreak.py).

One small pickle in the cache folder (private to the user, like the course
cache), named by the uniseg build that gave the answers. Anything unreadable,
of the wrong shape or from another build is ignored: a missing answer only
costs the time of asking uniseg again.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from gonghui_tui.storage.atomic import write_atomic

PREFIX = "linebreaks"


def _entry(cache_dir: Path, engine: str) -> Path:
    return cache_dir / f"{PREFIX}-{hashlib.sha256(engine.encode()).hexdigest()[:16]}.pickle"


def load_pieces(cache_dir: Path, engine: str) -> dict[str, bytes]:
    """The saved answers for ``engine``, or nothing."""
    try:
        with _entry(cache_dir, engine).open("rb") as handle:
            saved = pickle.load(handle)
    except Exception:  # missing, truncated, another version: ask uniseg again
        return {}
    if not isinstance(saved, dict) or not all(
            type(text) is str and type(marks) is bytes and len(text) == len(marks)
            for text, marks in saved.items()):
        return {}
    return saved


def save_pieces(cache_dir: Path, engine: str, pieces: dict[str, bytes]) -> None:
    """Keep ``pieces`` for the next run; answers of other builds are removed."""
    entry = _entry(cache_dir, engine)
    try:
        for old in cache_dir.glob(f"{PREFIX}-*.pickle"):
            if old != entry:
                old.unlink()
        write_atomic(entry, pickle.dumps(pieces, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache we cannot write only costs time
