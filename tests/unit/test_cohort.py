"""`gonghui-tui cohort`: many trainees' exports read, checked and summed up (issue 19)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest

from bench.gen_exports import export_data
from gonghui_tui.cli import main
from gonghui_tui.domain.cohort import build_cohort
from gonghui_tui.domain.cohort_read import read_cohort
from gonghui_tui.domain.cohort_sources import gather
from gonghui_tui.exporting import render
from gonghui_tui.domain.session import DrillSession
from gonghui_tui.domain.trainee import Trainee
from gonghui_tui.storage.settings import Settings


def _write(path, data) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _signed(the_course, clock, index, name, unit, reviews=40, **changes):
    data = export_data(index, reviews, the_course, now=clock.now())
    data["trainee"] = {"name": name, "unit": unit}
    data.update(changes)
    return data


def _cohort(paths, course, clock):
    return build_cohort(course, read_cohort(gather([str(p) for p in paths]), course, clock.now()), clock.now())


def test_real_exports_of_two_trainees_make_a_roster_with_their_figures(course, store, clock, tmp_path):
    store.set_read(course.id, "direction", True, clock.now())
    session = DrillSession(course, store, clock.now, section_id="summary", fuzzing=False)
    for _ in course.cards_under("summary"):
        session.next()
        session.grade(1)  # forgot every card once
    (tmp_path / "a.json").write_text(render("json", course, store, clock.now(), Settings(),
                                            trainee=Trainee("张三", "第一分会")), encoding="utf-8")
    (tmp_path / "b.toml").write_text(render("toml", course, store, clock.now(), Settings(), include_notes=False,
                                            trainee=Trainee("李四", "第二分会")), encoding="utf-8")
    clock.advance(days=3)  # three days later their recall of what they forgot is low
    cohort = _cohort([tmp_path], course, clock)
    assert [(r.name, r.unit) for r in cohort.roster] == [("张三", "第一分会"), ("李四", "第二分会")]
    assert cohort.roster[0].sections_read == 1 and cohort.roster[0].reviews == len(course.cards_under("summary"))
    assert cohort.roster[0].status == "active" and cohort.roster[0].streak == 0
    assert cohort.roster[0].last_active == (clock.now() - timedelta(days=3, hours=8)).date()
    direction = next(s for s in cohort.sections if s.section_id == "direction")
    assert direction.read_share == 1.0
    hardest = {h.card_id for h in cohort.hardest}
    assert hardest == {c.id for c in course.cards_under("summary")}
    assert all(len(h.strugglers) == 2 for h in cohort.hardest)
    assert sum(cohort.forecast) == 2 * len(course.cards_under("summary"))
    assert cohort.rejected == []


def test_bad_files_are_listed_with_a_reason_and_the_rest_still_count(course, clock, tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    _write(folder / "good.json", _signed(course, clock, 1, "王芳", "第一分会"))
    (folder / "notes.json").write_text('{"hello": "world"}', encoding="utf-8")
    _write(folder / "other.json", _signed(course, clock, 2, "赵强", "第一分会", course={"id": "other", "title": "别的课"}))
    whole = json.dumps(_signed(course, clock, 3, "孙丽", "第一分会"), ensure_ascii=False)
    (folder / "cut.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    bad_field = _signed(course, clock, 4, "周杰", "第一分会")
    bad_field["reviews"][0]["rating"] = "good"
    _write(folder / "typed.json", bad_field)
    (folder / "readme.txt").write_text("not looked at", encoding="utf-8")
    assert main(["cohort", str(folder), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert [r["name"] for r in report["roster"]] == ["王芳"]
    lines = {name: next(line for line in err.splitlines() if f"{folder / name}" in line)
             for name in ("notes.json", "other.json", "cut.json", "typed.json")}
    assert lines["notes.json"].endswith("notes.json: 不是本程序导出的学习进度文件")
    assert "课程“other”，不是“gonghui-ganbu-peixun”" in lines["other.json"]
    cut = whole[: len(whole) // 2]
    assert lines["cut.json"].endswith(f"cut.json:1:{len(cut) + 1}: 文件在此处中断，可能没有复制或下载完整")
    assert "typed.json: reviews[0].rating" in lines["typed.json"]
    assert all(line.startswith("gonghui-tui: ") for line in err.splitlines()) and len(err.splitlines()) == 4
    assert len(report["rejected"]) == 4 and "Traceback" not in err


@pytest.mark.parametrize("where, field, value", [
    ("reviews", "reviewed", "2099-01-01T00:00:00Z"), ("reviews", "reviewed", "1999-12-31T23:59:59Z"),
    ("reviews", "card", "bad id"), ("reviews", "rating", 9), ("reviews", "reviewed", "2026-03-01T10:00:00"),
    ("cards", "due", "2299-01-01T00:00:00Z"), ("cards", "last_review", "2099-01-01T00:00:00Z"),
    ("cards", "buried_until", "1999-01-01T00:00:00Z"), ("cards", "stability", None), ("cards", "id", "x y")])
def test_a_file_is_refused_with_the_very_line_import_gives(course, clock, tmp_path, capsys, monkeypatch,
                                                           where, field, value):
    monkeypatch.setattr("gonghui_tui.cli.utc_now", clock.now)
    data = _signed(course, clock, 1, "王芳", "第一分会")
    data[where][7][field] = value
    path = _write(tmp_path / "bad.json", data)
    _write(tmp_path / "good.json", _signed(course, clock, 2, "李强", "第一分会"))
    assert main(["--data-dir", str(tmp_path / "home"), "import", path]) == 2
    refused_by_import = capsys.readouterr().err.strip()
    assert main(["cohort", str(tmp_path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err.strip() == refused_by_import and f"{where}[7].{field}" in err
    assert [r["name"] for r in json.loads(out)["roster"]] == ["李强"]


def test_newest_export_per_trainee_counts_and_same_names_in_two_units_stay_apart(course, clock, tmp_path):
    old = _signed(course, clock, 1, "王芳", "第一分会", reviews=10)
    new = _signed(course, clock, 1, "王芳", "第一分会", reviews=30)
    old["exported_at"], new["exported_at"] = "2026-02-20T01:00:00.000Z", "2026-02-28T01:00:00.000Z"
    paths = [_write(tmp_path / "new.json", new), _write(tmp_path / "old.json", old),
             _write(tmp_path / "twin.json", _signed(course, clock, 2, "王芳", "第二分会", reviews=5))]
    cohort = _cohort(paths, course, clock)
    assert [(r.name, r.unit, r.reviews) for r in cohort.roster] == [("王芳", "第一分会", 30), ("王芳", "第二分会", 5)]
    assert cohort.replaced == 1
    assert [u.unit for u in cohort.units] == ["第一分会", "第二分会"]


def test_an_unsigned_export_shows_as_unsigned_with_its_file_name(course, clock, tmp_path, capsys):
    data = export_data(1, 20, course, now=clock.now())
    del data["trainee"]  # an export made before exports were signed
    _write(tmp_path / "gonghui-progress-2026-03-01.json", data)
    _write(tmp_path / "second.json", {**data, "trainee": {"name": "", "unit": ""}})
    assert main(["cohort", str(tmp_path), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "| 未署名（gonghui\\_progress" not in out  # file names are not mangled
    assert "未署名（gonghui-progress-2026-03-01.json）" in out and "未署名（second.json）" in out


def test_zip_files_and_globs_are_read_and_another_course_is_refused(course, clock, tmp_path, capsys):
    bundle = tmp_path / "class.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for i, name in enumerate(("甲", "乙", "丙")):
            archive.writestr(f"exports/{name}.json", json.dumps(_signed(course, clock, i, name, "第一分会")))
        archive.writestr("__MACOSX/._甲.json", b"\x00\x05")
    _write(tmp_path / "丁.json", _signed(course, clock, 9, "丁", "第二分会"))
    assert main(["cohort", str(bundle), str(tmp_path / "*.json"), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert sorted(r[0] for r in rows[1:]) == ["丁", "丙", "乙", "甲"]
    assert "Traceback" not in err
    assert main(["cohort", str(tmp_path / "nothing-*.json")]) == 2
    assert "nothing-*.json：没有这个文件或文件夹" in capsys.readouterr().err


def test_csv_report_has_a_bom_and_one_row_per_trainee_and_no_formulas(course, clock, tmp_path):
    paths = [_write(tmp_path / f"{i}.json", _signed(course, clock, i, name, "=HYPERLINK(1)"))
             for i, name in enumerate(("甲", "乙"))]
    target = tmp_path / "class.csv"
    assert main(["cohort", *paths, "--format", "csv", "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 3 and rows[0][:2] == ["姓名", "单位"]
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_the_cohort_never_shows_notes_even_when_a_file_holds_them(course, store, clock, tmp_path, capsys):
    store.save_note(course.id, "direction", "私人笔记：不给老师看", clock.now())
    (tmp_path / "a.json").write_text(render("json", course, store, clock.now(), Settings(),
                                            trainee=Trainee("张三", "一")), encoding="utf-8")
    assert "私人笔记" in (tmp_path / "a.json").read_text(encoding="utf-8")
    for fmt in ("md", "json", "html", "csv"):
        assert main(["cohort", str(tmp_path / "a.json"), "--format", fmt]) == 0
        assert "私人笔记" not in capsys.readouterr().out


def test_not_started_and_stopped_trainees_are_marked(course, clock, tmp_path):
    idle = _signed(course, clock, 1, "停了", "一")
    for review in idle["reviews"]:
        review["reviewed"] = "2026-02-01T02:00:00.000Z"
    idle["sections"] = []
    blank = _signed(course, clock, 2, "没开始", "一", reviews=0)
    blank["sections"], blank["cards"] = [], []
    paths = [_write(tmp_path / "idle.json", idle), _write(tmp_path / "blank.json", blank),
             _write(tmp_path / "busy.json", _signed(course, clock, 3, "在学", "一"))]
    status = {r.name: r.status for r in _cohort(paths, course, clock).roster}
    assert status == {"停了": "stopped", "没开始": "not_started", "在学": "active"}


def test_every_report_is_in_english_with_lang_en(course, clock, tmp_path, capsys):
    path = _write(tmp_path / "a.json", _signed(course, clock, 1, "王芳", ""))
    unsigned = export_data(2, 10, course, now=clock.now())
    del unsigned["trainee"]
    _write(tmp_path / "b.json", unsigned)
    assert main(["--lang", "en", "cohort", str(tmp_path), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Cohort report: ") and "(no unit)" in out and "Hardest cards" in out
    assert "- Generated: " in out and "Unsigned (b.json)" in out
    assert main(["--lang", "en", "cohort", str(tmp_path), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert "<title>Cohort report: " in html and "Generated: " in html and "Unsigned (b.json)" in html
    assert "：" not in html.split("<body>")[1].split("<h2")[0]  # no Chinese colon in the English heading


@pytest.mark.parametrize("days", [0, 8])
def test_the_forecast_and_heatmap_sum_the_class(course, clock, tmp_path, days):
    data = _signed(course, clock, 1, "王芳", "一", reviews=25)
    for i, card in enumerate(data["cards"]):
        card["due"] = "2026-02-01T00:00:00.000Z" if i % 2 else "2027-01-01T00:00:00.000Z"
    other = _signed(course, clock, 2, "李强", "二", reviews=5)
    for card in other["cards"]:
        card["due"] = (clock.now() + timedelta(days=days + 3)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    clock.advance(days=days)
    cohort = _cohort([_write(tmp_path / "a.json", data), _write(tmp_path / "b.json", other)], course, clock)
    assert sum(cohort.heatmap.values()) == 30  # every review of both inside the 16 weeks
    overdue = len(data["cards"]) // 2
    assert cohort.forecast[0] == overdue  # overdue cards count for today
    assert cohort.forecast[3] == len(other["cards"]) and sum(cohort.forecast) == overdue + len(other["cards"])


def test_two_worker_processes_read_the_same_class_as_one(course, clock, tmp_path, monkeypatch):
    import gonghui_tui.domain.cohort_read as cohort_read

    monkeypatch.setattr(cohort_read, "PARALLEL_FROM", 2)
    paths = [_write(tmp_path / f"{i}.json", _signed(course, clock, i, f"学员{i}", "一")) for i in range(6)]
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    calls = []
    one = read_cohort(gather([str(tmp_path)]), course, clock.now())
    two = read_cohort(gather([str(tmp_path)]), course, clock.now(), progress=calls.append, workers=2)
    assert calls == list(range(1, 8))
    assert sorted(one.trainees, key=lambda t: t.name) == sorted(two.trainees, key=lambda t: t.name)
    assert one.rejected == two.rejected and len(paths) == 6


def test_many_files_are_never_all_open_at_once(course, clock, tmp_path):
    """With at most 40 open files allowed, 150 exports still read (in a child process)."""
    import subprocess
    import sys

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(150):
        _write(folder / f"{i}.json", _signed(course, clock, i, f"学员{i}", "一", reviews=3))
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_NOFILE, (40, 40));"
            "from gonghui_tui.cli import main; sys.exit(main(['cohort', sys.argv[1], '--format', 'json']))")
    result = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["roster"]) == 150


def test_a_zip_of_many_exports_is_opened_once_to_list_and_once_to_read(course, clock, tmp_path, monkeypatch):
    """Opening a zip parses its whole directory: opened per member, a class's zip of
    5,000 exports took minutes. Members are read through one open zip."""
    bundle = tmp_path / "class.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for i in range(60):
            archive.writestr(f"{i}.json", json.dumps(_signed(course, clock, i, f"学员{i}", "一", reviews=3)))
    opened: list[str] = []
    real = zipfile.ZipFile

    def counting(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr("gonghui_tui.domain.cohort_sources.zipfile.ZipFile", counting)
    cohort = _cohort([bundle], course, clock)
    assert len(cohort.roster) == 60 and cohort.rejected == []
    assert len(opened) == 2
