"""Where things live: platformdirs by default, one folder with --data-dir or
GONGHUI_TUI_HOME. Computing paths never creates anything; folders appear on
first write, readable by the user only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "gonghui-tui"
HOME_ENV = "GONGHUI_TUI_HOME"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "progress.sqlite3"

    @property
    def config(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        home = data_dir or os.environ.get(HOME_ENV)
        if home:
            folder = Path(home).expanduser()
            return cls(folder, folder, folder / "cache")
        import platformdirs

        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents, each readable by the user only.

    (``Path.mkdir(parents=True)`` gives the parents the default mode, 0755.)
    """
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
    return folder


def bundled_course() -> Path:
    """The course shipped in the wheel, or data/course.toml in a source checkout."""
    packaged = Path(__file__).parent / "data" / "course.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "course.toml"
