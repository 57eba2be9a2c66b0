"""Import checks every value before it writes anything (issue 13, item 3).

Each bad file is refused by `gonghui-tui import` with exit 2 and one line
that names the JSON/TOML path of the first bad value; the progress database
stays byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import tomllib

import pytest

from gonghui_tui.cli import main
from tests.unit.import_helpers import studied_export, toml_text

pytestmark = pytest.mark.usefixtures("isolated_home")


def db_digest(home) -> str:
    files = sorted(p for p in home.iterdir() if p.name.startswith("progress.sqlite3"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def refused(tmp_path, capsys, data, suffix="json", raw: str | None = None, keep_orphans=False) -> str:
    """Import ``data`` into the studied home; assert exit 2, one line, store unchanged."""
    home = tmp_path / "home"
    before = db_digest(home)
    path = tmp_path / f"bad.{suffix}"
    path.write_text(raw if raw is not None else (json.dumps(data) if suffix == "json" else toml_text(data)),
                    encoding="utf-8")
    capsys.readouterr()
    keep = ["--keep-orphans"] if keep_orphans else []
    assert main(["--lang", "en", "--data-dir", str(home), "import", *keep, str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "\x1b" not in err
    assert db_digest(home) == before
    return err.strip()


@pytest.fixture
def export(tmp_path, clock, course, monkeypatch):
    return studied_export(tmp_path, clock, course, monkeypatch)


def review(data, **changes):
    data["reviews"][3].update(changes)
    return data


@pytest.mark.parametrize("changes, message", [
    ({"rating": 99}, "reviews[3].rating: 99 is not 1–4"),
    ({"rating": 0}, "reviews[3].rating: 0 is not 1–4"),
    ({"rating": -7}, "reviews[3].rating: -7 is not 1–4"),
    ({"rating": 3.9}, "reviews[3].rating: 3.9 is not a whole number"),
    ({"rating": "3"}, 'reviews[3].rating: "3" is not a whole number'),
    ({"rating": 10**30}, "reviews[3].rating: 1000000000000000000000000000000 is not 1–4"),
    ({"reviewed": "9999-01-01T00:00:00.000Z"}, "reviews[3].reviewed: \"9999-01-01T00:00:00+00:00\" is not between"),
    ({"reviewed": "0001-01-01T00:00:00.000Z"}, "reviews[3].reviewed: \"0001-01-01T00:00:00+00:00\" is not between"),
    ({"reviewed": "2026-13-01T00:00:00.000Z"}, "reviews[3].reviewed: \"2026-13-01T00:00:00.000Z\" is not a time"),
    ({"reviewed": "2026-01-01T00:00:00"}, "is not a time with a time zone"),
    ({"card": "=HYPERLINK(\"http://x\")"}, "reviews[3].card: \"=HYPERLINK(\\\"http://x\\\")\" is not a valid id"),
    ({"card": "no-such-card"}, "reviews[3].card: \"no-such-card\" is not a card of this course"),
    ({"duration_ms": -1}, "reviews[3].duration_ms: -1 is not 0–86,400,000"),
    ({"state_before": 9}, "reviews[3].state_before: 9 is not 0–3"),
])
def test_a_bad_review_is_refused_by_its_path(tmp_path, capsys, export, changes, message):
    assert message in refused(tmp_path, capsys, review(export, **changes))


@pytest.mark.parametrize("field, value, message", [
    ("state", 9, "cards[0].state: 9 is not 0–3"),
    ("state", "x", 'cards[0].state: "x" is not a whole number'),
    ("stability", "abc", 'cards[0].stability: "abc" is not a number'),
    ("stability", -5, "cards[0].stability: -5 is not > 0, ≤ 1e+06"),
    ("stability", 0, "cards[0].stability: 0 is not > 0"),
    ("difficulty", 11.5, "cards[0].difficulty: 11.5 is not 1–10"),
    ("due", "9999-01-01T00:00:00.000Z", "cards[0].due:"),
    ("reps", -1, "cards[0].reps: -1 is not 0–1,000,000"),
    ("suspended", "yes", 'cards[0].suspended: "yes" is not true or false'),
    ("stability", None, "cards[0].stability: a card in state 2 needs stability"),
])
def test_a_bad_card_is_refused_by_its_path(tmp_path, capsys, export, field, value, message):
    card = export["cards"][0]
    assert card["state"] == 2
    if value is None:
        del card[field]
    else:
        card[field] = value
    assert message in refused(tmp_path, capsys, export)


def test_other_bad_values_are_refused_by_their_path(tmp_path, capsys, export):
    cases = [
        (lambda d: d.update(settings=[1, 2]), "settings: […] is not a table"),
        (lambda d: d.update(settings="x"), 'settings: "x" is not a table'),
        (lambda d: d["settings"].update(desired_retention=0), "settings.desired_retention: 0 is not 0.7–0.99"),
        (lambda d: d["settings"].update(desired_retention=-1), "settings.desired_retention: -1 is not 0.7–0.99"),
        (lambda d: d["notes"][0].update(text=5), "notes[0].text: 5 is not text"),
        (lambda d: d["sections"][0].update(seconds=-3), "sections[0].seconds: -3 is not 0–1e+09"),
        (lambda d: d["sections"].append(dict(d["sections"][0])), "appears twice (also at sections[0])"),
        (lambda d: d.update(reviews={"a": 1}), "reviews: {…} is not a list"),
        (lambda d: d["reviews"][5].pop("rating"), "reviews[5]: the field rating is missing"),
        (lambda d: d["course"].update(id="another-course"), "course.id: the export is for course 'another-course'"),
        (lambda d: d.update(format_version=2), "export format 2 is not supported"),
        (lambda d: d.update(format="something-else"), "not a gonghui-tui progress export"),
    ]
    for change, message in cases:
        data = json.loads(json.dumps(export))
        change(data)
        assert message in refused(tmp_path, capsys, data), message


@pytest.mark.parametrize("raw", ["[]", "[1, 2]", "42", '"text"', "null"])
def test_json_that_is_not_an_object_is_named_as_not_an_export(tmp_path, capsys, export, raw):
    assert refused(tmp_path, capsys, None, raw=raw) == f"gonghui-tui: {tmp_path / 'bad.json'}: not a gonghui-tui progress export"


def test_a_file_cut_short_is_named_as_cut_short_where_it_ends(tmp_path, capsys, export):
    """A copy or download that stopped part way: said so, at the file's last line and
    column (the JSON decoder names no position; it was "not a JSON or TOML export")."""
    text = json.dumps(export, indent=1)
    cut = text[:len(text) // 2]
    line, column = cut.count("\n") + 1, len(cut) - cut.rfind("\n")
    assert refused(tmp_path, capsys, None, raw=cut) == (
        f"gonghui-tui: {tmp_path / 'bad.json'}:{line}:{column}: the file ends here, cut short "
        "(copied or downloaded only in part?)")


def test_numbers_past_any_range_and_deep_nesting_are_located_errors(tmp_path, capsys, export):
    text = json.dumps(export)
    huge = text.replace('"duration_ms": ', '"duration_ms": 1e400, "x": ', 1)
    assert "reviews[0].duration_ms: the number is out of range" in refused(tmp_path, capsys, None, raw=huge)
    deep = text[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert "bad.json:1:" in refused(tmp_path, capsys, None, raw=deep)
    deep_toml = toml_text(export) + "extra = " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert "bad.toml:" in refused(tmp_path, capsys, None, suffix="toml", raw=deep_toml)
    infinite = toml_text(export).replace("\nseconds = ", "\nseconds = inf # ", 1)
    assert "sections[0].seconds: inf is not 0–1e+09" in refused(tmp_path, capsys, None, "toml", infinite)
    assert "reviews[3].rating: 99 is not 1–4" in refused(tmp_path, capsys, review(export, rating=99), "toml")


def test_the_message_is_in_the_users_language(tmp_path, capsys, export):
    home = tmp_path / "home"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(review(export, rating=99)))
    assert main(["--data-dir", str(home), "import", str(path)]) == 2
    assert "reviews[3].rating: 99 不在 1–4 之间" in capsys.readouterr().err


def test_control_characters_in_a_bad_value_are_shown_escaped(tmp_path, capsys, export):
    err = refused(tmp_path, capsys, review(export, card="\x1b]52;c;SEVMTE8=\x07\u202e"))
    assert "␛]52;c;SEVMTE8=␇\ufffd" in err


@pytest.mark.parametrize("where", ["reviews", "cards", "sections"])
def test_a_malformed_id_is_refused_even_when_orphans_are_kept(tmp_path, capsys, export, where):
    record = export[where][0]
    record["card" if where == "reviews" else "id"] = "bad id\n"
    path = tmp_path / "orphan.json"
    path.write_text(json.dumps(export))
    home = tmp_path / "home"
    assert main(["--lang", "en", "--data-dir", str(home), "import", "--keep-orphans", str(path)]) == 2
    field = "card" if where == "reviews" else "id"
    assert f'{where}[0].{field}: "bad id\u240a" is not a valid id' in capsys.readouterr().err


def test_orphans_are_refused_unless_kept_and_then_counted(tmp_path, capsys, export, course):
    export["reviews"].append({**export["reviews"][0], "card": "gone-card"})
    export["sections"].append({"id": "gone-section", "read": True, "seconds": 5.0})
    assert "--keep-orphans" in refused(tmp_path, capsys, export)
    path = tmp_path / "orphans.json"
    path.write_text(json.dumps(export))
    home = tmp_path / "fresh"
    assert main(["--lang", "en", "--data-dir", str(home), "import", "--keep-orphans", str(path)]) == 0
    assert "Also kept 2 records" in capsys.readouterr().out
    assert main(["--data-dir", str(home), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reviews_total"] == len(export["reviews"])  # the orphan kept


def test_a_kept_orphan_must_still_be_a_valid_id(tmp_path, capsys, export):
    export["reviews"].append({**export["reviews"][0], "card": "gone card!"})
    assert 'reviews[{}].card: "gone card!" is not a valid id'.format(len(export["reviews"]) - 1) in \
        refused(tmp_path, capsys, export, keep_orphans=True)


def test_a_valid_file_still_imports_after_all_the_checks(tmp_path, capsys, export):
    path = tmp_path / "good.toml"
    path.write_text(toml_text(export))
    assert tomllib.loads(path.read_text())["reviews"]
    home = tmp_path / "fresh"
    assert main(["--lang", "en", "--data-dir", str(home), "import", str(path)]) == 0
    assert f"{len(export['reviews'])} reviews added" in capsys.readouterr().out
