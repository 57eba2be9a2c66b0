"""Property-based: a valid export mutated in every way hypothesis finds (issue 13.3).

Each mutated file, as JSON or TOML, is either imported — and then `stats`,
every export format and the dashboard still work — or refused with exit 2,
one line and the progress database byte for byte as it was. Never a
traceback, never another exit status. About 100 files in every run; 1,000
under the slow marker.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonghui_tui.cli import main
from gonghui_tui.paths import bundled_course
from gonghui_tui.domain.loader import load_course
from tests.conftest import FROZEN_NOW, Clock
from tests.unit.import_helpers import studied_export, toml_text

COURSE = load_course(bundled_course())
CARD_IDS = [c.id for c in COURSE.cards][:5]
SECTION_IDS = list(COURSE.sections)[:5]
TIMES = ["2026-03-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z", "2000-01-01T00:00:00.000Z",
         "9999-01-01T00:00:00.000Z", "0001-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-03-01T00:00:00",
         "2026-03-01T08:00:00+08:00", "2026-03-03T02:00:00.000Z", "2126-01-01T00:00:00Z", "yesterday"]
ODD_TEXT = ["", " ", "a b", "=HYPERLINK(\"http://x\")", "\x1b]52;c;SEVMTE8=\x07", "\u202e", "x" * 300, "笔记",
            "gone-card", "c.1", "-x"]
SCALARS = st.one_of(
    st.sampled_from([0, 1, 2, 3, 4, 5, -1, -7, 99, 10**30, 2**63, -(2**63) - 1, 86_400_001]),
    st.integers(),
    st.sampled_from([0.0, -5.0, 3.9, 1e-9, 0.5, 0.95, 11.0, float("inf"), float("-inf"), float("nan"), 1e308]),
    st.floats(),
    st.booleans(),
    st.none(),
    st.sampled_from(TIMES + ODD_TEXT + CARD_IDS + SECTION_IDS),
    st.text(max_size=12),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.sampled_from(["id", "x", "rating"]),
                                                                            SCALARS, max_size=2))


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _mutate(data, draw) -> None:
    path = draw(st.sampled_from([p for p in _paths(data) if p]))
    *head, last = path
    parent = data
    for step in head:
        parent = parent[step]
    action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "duplicate", "add"]))
    if action == "replace":
        parent[last] = draw(VALUES)
    elif action == "delete":
        del parent[last]
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif action == "add" and isinstance(parent[last], dict):
        parent[last][draw(st.sampled_from(["extra", "id", "state", "zz"]))] = draw(VALUES)


@st.composite
def mutated_files(draw):
    data = copy.deepcopy(BASE["export"])
    for _ in range(draw(st.integers(1, 3))):
        _mutate(data, draw)
    suffix = draw(st.sampled_from(["json", "toml"]))
    try:
        text = json.dumps(data, ensure_ascii=False) if suffix == "json" else toml_text(data)
    except (TypeError, ValueError):
        text = json.dumps(data, ensure_ascii=False, default=str)
        suffix = "json"
    if draw(st.integers(0, 19)) == 0:  # now and then, a value nested far too deep
        depth = draw(st.sampled_from([150, 2_000, 100_000]))
        deep = "[" * depth + "]" * depth
        text = text.replace("{", '{"deep": ' + deep + ", ", 1) if suffix == "json" else f"deep = {deep}\n" + text
    return suffix, text


BASE: dict = {}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A studied home and its export, made once: each example imports into a copy of the home."""
    folder = tmp_path_factory.mktemp("hostile-imports")
    clock = Clock(FROZEN_NOW)
    with pytest.MonkeyPatch.context() as mp:
        BASE["export"] = studied_export(folder, clock, COURSE, mp)
    BASE["home"], BASE["now"] = folder / "home", clock.now()
    return folder


def _digest(home: Path) -> str:
    files = sorted(p for p in home.iterdir() if p.name.startswith("progress.sqlite3"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def import_one(folder: Path, case: tuple[str, str], accepted: list[Path]) -> None:
    suffix, text = case
    home = folder / f"try-{len(list(folder.glob('try-*')))}"
    shutil.copytree(BASE["home"], home)
    path = home.with_suffix(f".{suffix}")
    path.write_text(text, encoding="utf-8")
    before = _digest(home)
    code, _, err = _run(["--lang", "en", "--data-dir", str(home), "import", str(path)])
    assert "Traceback" not in err and "\x1b" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err
        assert _digest(home) == before
        shutil.rmtree(home)
        return
    assert code == 0, err
    code, out, err = _run(["--data-dir", str(home), "stats", "--json"])
    assert code == 0 and json.loads(out)["reviews_total"] >= 0, err
    for fmt in ("md", "toml", "json", "csv", "anki"):
        code, _, err = _run(["--data-dir", str(home), "export", "--format", fmt,
                             "-o", str(home / f"out.{fmt}"), "--force"])
        assert code == 0, (fmt, err)
    accepted.append(home)


async def _dashboard_opens(home: Path) -> None:
    from zoneinfo import ZoneInfo

    from gonghui_tui.storage.store import Store
    from gonghui_tui.tui.app import GonghuiApp
    from gonghui_tui.tui.screens.dashboard import DashboardScreen

    store = Store.open(home / "progress.sqlite3", BASE["now"])
    try:
        app = GonghuiApp(course=COURSE, store=store, now=lambda: BASE["now"], tz=ZoneInfo("Asia/Shanghai"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("p")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            assert app.screen.stats is not None
        assert app.return_code in (None, 0)
    finally:
        store.close()


def _check(base_folder: Path, examples: int, dashboards: int) -> None:
    accepted: list[Path] = []

    @settings(max_examples=examples, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutated_files())
    def run(case):
        import_one(base_folder, case, accepted)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("gonghui_tui.cli.utc_now", lambda: BASE["now"])
        run()
    print(f"accepted {len(accepted)} of {examples}")
    assert accepted, "no mutation was accepted: the test would not see the dashboard"
    step = max(1, len(accepted) // dashboards)
    for home in accepted[::step][:dashboards]:
        asyncio.run(_dashboard_opens(home))


def test_mutated_exports_quick(base):
    _check(base, examples=100, dashboards=3)


@pytest.mark.slow
def test_mutated_exports_1000(base):
    _check(base, examples=1000, dashboards=25)


def test_the_cohort_check_refuses_exactly_what_import_refuses(base):
    """check_export without rows (the cohort report's) raises the very message import's
    check raises, or passes when it passes, on 300 mutated exports (orphans kept, as the
    cohort keeps them)."""
    from gonghui_tui.domain.import_check import check_export
    from gonghui_tui.domain.import_errors import ImportProblem
    from gonghui_tui.domain.importer import decode_export

    outcomes: list[str] = []

    def outcome(export, rows: bool) -> str:
        try:
            check_export(export, COURSE.ids(), BASE["now"], True, "f.json", rows=rows)
        except ImportProblem as exc:
            return str(exc.message)
        return "ok"

    @settings(max_examples=300, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutated_files())
    def run(case):
        suffix, text = case
        try:
            export = decode_export(text.encode("utf-8"), "f." + suffix, "." + suffix)
        except ImportProblem:
            return
        full = outcome(export, rows=True)
        assert outcome(export, rows=False) == full
        outcomes.append(full)

    run()
    assert "ok" in outcomes and any(o != "ok" for o in outcomes)  # both kinds were compared
