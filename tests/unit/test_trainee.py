"""Every export names its trainee; notes can stay private (issue 19, point 1)."""

from __future__ import annotations

import json
import tomllib

from gonghui_tui.cli import main
from gonghui_tui.exporting import default_name, render
from gonghui_tui.domain.trainee import Trainee
from gonghui_tui.i18n import translator
from gonghui_tui.paths import Paths
from gonghui_tui.storage.settings import Settings, load_settings, save_settings


def test_trainee_is_a_table_in_config_toml_and_survives_a_round_trip(tmp_path):
    path = tmp_path / "config.toml"
    save_settings(path, Settings(trainee_name="张三", trainee_unit="第一分会"))
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw["trainee"] == {"name": "张三", "unit": "第一分会", "asked": False}
    assert "trainee_name" not in raw
    loaded = load_settings(path)
    assert loaded.problems == []
    assert (loaded.settings.trainee_name, loaded.settings.trainee_unit) == ("张三", "第一分会")


def test_a_bad_trainee_table_is_named_and_the_rest_still_loads(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[trainee]\nname = 3\nunit = "工会"\nphone = "1"\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.theme == "nord" and loaded.settings.trainee_unit == "工会"
    assert loaded.settings.trainee_name == ""
    problems = [p.render(translator("en")) for p in loaded.problems]
    assert any("'trainee_name' must be a string" in p for p in problems)
    assert any("trainee.phone" in p for p in problems)


def _studied(course, store, clock):
    store.set_read(course.id, "direction", True, clock.now())
    store.save_note(course.id, "direction", "只给自己看的笔记", clock.now())
    return store


def test_json_and_toml_carry_the_trainee_and_can_leave_notes_out(course, store, clock):
    _studied(course, store, clock)
    settings = Settings(trainee_name="张三", trainee_unit="第一分会")
    data = json.loads(render("json", course, store, clock.now(), settings))
    assert data["trainee"] == {"name": "张三", "unit": "第一分会"}
    assert data["notes"][0]["text"] == "只给自己看的笔记"
    assert "trainee_name" not in data["settings"]
    private = tomllib.loads(render("toml", course, store, clock.now(), settings, include_notes=False,
                                   trainee=Trainee("李四", "机关工会")))
    assert private["trainee"] == {"name": "李四", "unit": "机关工会"}
    assert "notes" not in private and "只给自己看" not in json.dumps(private, ensure_ascii=False)


def test_markdown_heading_names_the_trainee_and_notes_can_be_left_out(course, store, clock):
    _studied(course, store, clock)
    text = render("md", course, store, clock.now(), Settings(trainee_name="张三", trainee_unit="第一分会"),
                  t=translator("zh"))
    assert text.splitlines()[0] == f"# {course.title} · 张三（第一分会）"
    assert "只给自己看的笔记" in text
    without = render("md", course, store, clock.now(), Settings(), include_notes=False, trainee=Trainee("王五"),
                     t=translator("zh"))
    assert without.splitlines()[0] == f"# {course.title} · 王五"
    assert "只给自己看的笔记" not in without


def test_default_file_names_carry_the_name_made_safe(clock):
    assert default_name("json", clock.now(), trainee=Trainee("张 三/x", "u")) == "gonghui-progress-张-三-x-2026-03-02.json"
    assert default_name("md", clock.now()) == "gonghui-progress-2026-03-02.md"
    assert default_name("anki", clock.now(), trainee=Trainee("张三")) == "gonghui-cards-2026-03-02.txt"


def test_cli_export_overrides_the_saved_trainee_and_drops_notes(tmp_path, monkeypatch, capsys):
    paths = Paths.resolve(None)
    save_settings(paths.config, Settings(trainee_name="张三", trainee_unit="第一分会"))
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "json", "--unit", "第二分会", "--no-notes"]) == 0
    written = next(tmp_path.glob("gonghui-progress-张三-*.json"))
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["trainee"] == {"name": "张三", "unit": "第二分会"} and "notes" not in data
    assert main(["export", "--format", "toml", "--name", "李四", "-o", str(tmp_path / "x.toml")]) == 0
    assert tomllib.loads((tmp_path / "x.toml").read_text(encoding="utf-8"))["trainee"]["name"] == "李四"
