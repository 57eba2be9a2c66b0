"""Settings in config.toml: defaults, atomic saves, broken files left alone."""

from __future__ import annotations

import os
import stat

from gonghui_tui.i18n import translator
from gonghui_tui.storage.settings import Settings, load_settings, save_settings


def test_defaults_when_there_is_no_file(tmp_path):
    loaded = load_settings(tmp_path / "config.toml")
    assert loaded.settings == Settings()
    assert (loaded.settings.new_cards_per_day, loaded.settings.max_reviews_per_day) == (20, 200)
    assert (loaded.settings.desired_retention, loaded.settings.read_dwell_seconds) == (0.9, 8.0)
    assert loaded.problems == []


def test_round_trip_is_atomic_and_private(tmp_path):
    path = tmp_path / "cfg" / "config.toml"
    wanted = Settings(new_cards_per_day=5, desired_retention=0.85, theme="nord", language="en")
    save_settings(path, wanted)
    assert load_settings(path).settings == wanted
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temp file left


def test_broken_file_names_its_line_and_is_left_alone(tmp_path):
    path = tmp_path / "config.toml"
    original = 'new_cards_per_day = 10\nmax_reviews_per_day = = 3\n'
    path.write_text(original, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert len(loaded.problems) == 1 and f"{path}:2:" in loaded.problems[0].render(translator("en"))
    assert path.read_text(encoding="utf-8") == original


def test_wrong_values_fall_back_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('new_cards_per_day = "many"\ndesired_retention = 1.5\nread_dwell_seconds = 3\n'
                    'colour = "red"\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.new_cards_per_day == 20
    assert loaded.settings.desired_retention == 0.9
    assert loaded.settings.read_dwell_seconds == 3.0
    assert len(loaded.problems) == 3



def test_typed_values_are_checked_with_their_range():
    import pytest

    from gonghui_tui.i18n import translator
    from gonghui_tui.storage.settings import InvalidSetting, parse_setting

    assert parse_setting("new_cards_per_day", " ２０ ") == 20  # full-width digits as typed by an IME
    assert parse_setting("read_dwell_seconds", "2.5") == 2.5
    for typed in ("90%", "90", "0.9", "９０％"):
        assert parse_setting("desired_retention", typed) == 0.9, typed
    wrong = {("new_cards_per_day", "1.5"): "每天新卡片数须是 0 到 9999 之间的整数",
             ("max_reviews_per_day", "100000"): "每天最多复习须是 0 到 99999 之间的整数",
             ("desired_retention", "100%"): "目标记忆率须在 70% 到 99% 之间，例如 90%",
             ("desired_retention", "0.5"): "目标记忆率须在 70% 到 99% 之间，例如 90%",
             ("read_dwell_seconds", "inf"): "阅读停留（秒）须是 0 到 3600 之间的数"}
    for (name, typed), said in wrong.items():
        with pytest.raises(InvalidSetting) as caught:
            parse_setting(name, typed)
        assert caught.value.message.render(translator("zh")) == said
    with pytest.raises(InvalidSetting) as caught:
        parse_setting("desired_retention", "")
    assert caught.value.message.render(translator("en")) == \
        "Desired retention must be from 70% to 99%, for example 90%"


def test_the_trainee_and_whether_they_were_asked_live_in_one_table(tmp_path):
    path = tmp_path / "config.toml"
    save_settings(path, Settings(trainee_name="王芳", trainee_unit="机关工会", trainee_asked=True))
    import tomllib

    assert tomllib.loads(path.read_text(encoding="utf-8"))["trainee"] == {
        "name": "王芳", "unit": "机关工会", "asked": True}
    assert load_settings(path).settings.trainee_asked is True
