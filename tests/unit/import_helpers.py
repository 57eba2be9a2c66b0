"""A real progress export to import (and to mutate) in tests."""

from __future__ import annotations

import json

from gonghui_tui.exporting import export
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.storage.settings import Settings
from gonghui_tui.storage.store import Store


def study(course, store, clock, section, rating=3):
    s = DrillSession(course, store, clock.now, section_id=section, fuzzing=False)
    while s.next() is not None:
        s.grade(rating)
        clock.advance(minutes=11)


def studied_export(tmp_path, clock, course, monkeypatch) -> dict:
    """The JSON export of a home (tmp_path / "home") with reviews, a note and reading
    time. The command line's clock is the test's clock from here on."""
    monkeypatch.setattr("gonghui_tui.cli.utc_now", clock.now)
    home = tmp_path / "home"
    store = Store.open(home / "progress.sqlite3", clock.now())
    study(course, store, clock, "summary", rating=3)
    clock.advance(days=2)
    study(course, store, clock, "summary", rating=2)
    store.save_note(course.id, "summary", "总结笔记", clock.now())
    store.set_read(course.id, "summary", True, clock.now())
    store.add_reading_time(course.id, "summary", 30)
    path = tmp_path / "export.json"
    export("json", path, course, store, clock.now(), Settings())
    store.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["reviews"]) > 6 and data["cards"][0]["state"] == 2
    return data


def toml_text(data) -> str:
    """``data`` as TOML, which has no null: None values are left out, as the exporter does."""
    import tomli_w

    def drop(value):
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [drop(v) for v in value]
        return value

    return tomli_w.dumps(drop(data))
