"""The data folder, its files, backups, settings and exports are the user's only."""

from __future__ import annotations

import os
import stat

from gonghui_tui.cli import main


def test_everything_written_is_private(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(home), "due"]) == 0  # creates store and today's backup
    assert main(["--data-dir", str(home), "export", "--format", "json", "-o", str(tmp_path / "out" / "p.json")]) == 0
    assert main(["--data-dir", str(home), "export"]) == 0  # Markdown into the current folder
    written = [home, *home.rglob("*"), tmp_path / "out", tmp_path / "out" / "p.json",
               *tmp_path.glob("gonghui-progress-*.md")]
    assert len(written) >= 6
    for path in written:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{path} is {oct(mode)}"
