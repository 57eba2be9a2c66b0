"""The data folder given as a file, and export -o with a folder: one clear line."""

from __future__ import annotations

import pytest

from gonghui_tui.cli import main


@pytest.mark.parametrize("command", [["paths"], ["due"], ["stats"], ["export"], []])
def test_home_that_is_a_file_is_one_message_everywhere(tmp_path, monkeypatch, capsys, command):
    afile = tmp_path / "notes.txt"
    afile.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("GONGHUI_TUI_HOME", str(afile))
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"gonghui-tui: {afile} 是文件，不是文件夹；请用 --data-dir 或 GONGHUI_TUI_HOME 指定一个文件夹\n"
    assert afile.read_text(encoding="utf-8") == "not a folder"


def test_export_into_a_folder_writes_the_dated_file_there(tmp_path, capsys):
    folder = tmp_path / "for-instructor"
    folder.mkdir()
    assert main(["--lang", "en", "export", "-o", str(folder)]) == 0
    written = list(folder.iterdir())
    assert len(written) == 1 and written[0].name.startswith("gonghui-progress-")
    assert f"Exported to {written[0]}" in capsys.readouterr().out
    assert main(["--lang", "en", "export", "-o", str(folder)]) == 2  # same day: exists, say --force
    assert "exists; add --force" in capsys.readouterr().err
