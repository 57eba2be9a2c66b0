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
    one_folder: bool = False  # --data-dir or GONGHUI_TUI_HOME: everything, exports too, in data_dir

    @property
    def database(self) -> Path:
        return self.data_dir / "progress.sqlite3"

    @property
    def config(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    def export_dir(self) -> Path:
        """Where the app offers to write exports: ``exports/`` in the one
        folder when one was chosen (nothing goes outside it), else Documents."""
        if self.one_folder:
            return self.data_dir / "exports"
        import platformdirs

        return Path(platformdirs.user_documents_dir())

    def not_a_folder(self) -> Path | None:
        """The first existing path that should be a folder and is a file
        (GONGHUI_TUI_HOME pointing at a file, say), or None."""
        for folder in (self.data_dir, self.config_dir, self.cache_dir):
            current = folder
            while not current.exists() and current.parent != current:
                current = current.parent
            if current.exists() and not current.is_dir():
                return current
        return None

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        home = data_dir or os.environ.get(HOME_ENV)
        if home:
            folder = Path(home).expanduser()
            return cls(folder, folder, folder / "cache", one_folder=True)
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
