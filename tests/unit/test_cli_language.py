"""Which language the command line and the app speak: --lang, then the setting, then the locale."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gonghui_tui.cli_parser import choose_language


@pytest.mark.parametrize("argv,environ,setting,expected", [
    ([], {}, None, "zh"),
    ([], {"LANG": "C.UTF-8"}, None, "zh"),
    ([], {"LANG": "en_US.UTF-8"}, None, "en"),
    ([], {"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, None, "en"),  # LC_ALL outranks LANG
    ([], {"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, None, "zh"),
    ([], {"LANG": "en_US.UTF-8"}, "zh", "zh"),  # the setting outranks the locale
    (["--lang", "zh"], {"LANG": "en_US.UTF-8"}, "en", "zh"),  # --lang outranks both
    (["stats", "--lang=en"], {}, "zh", "en"),
    (["--lang", "fr"], {"LANG": "en_US.UTF-8"}, None, "en"),  # argparse then says --lang is wrong
])
def test_the_language_rule(tmp_path, argv, environ, setting, expected):
    if setting is not None:
        (tmp_path / "config.toml").write_text(f'language = "{setting}"\n', encoding="utf-8")
    assert choose_language([*argv, "--data-dir", str(tmp_path)], environ) == expected


def test_an_english_locale_gives_english_help_and_the_rule_is_stated(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    english = subprocess.run([sys.executable, "-m", "gonghui_tui", "--help"], capture_output=True, text=True,
                             timeout=60).stdout
    assert english.startswith("usage: gonghui-tui") and "LC_ALL, LC_MESSAGES or LANG" in english
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    chinese = subprocess.run([sys.executable, "-m", "gonghui_tui", "--help"], capture_output=True, text=True,
                             timeout=60).stdout
    assert chinese.startswith("用法：gonghui-tui") and "选项：" in chinese and "界面语言：--lang 优先" in chinese
