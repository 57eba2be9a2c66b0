"""Property-based: whatever a course file holds, the loader loads it or
raises the one-line course error, and `validate` exits 0 or 2 without a
traceback. 2 × 1,000 generated files."""

from __future__ import annotations

import contextlib
import io
import string

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonghui_tui.cli import main
from gonghui_tui.domain.loader import CourseError, parse_course
from gonghui_tui.paths import bundled_course

ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Mn", "Zl", "Zp"]), max_size=20),
    st.sampled_from(["\u202eمرحبا\u202c", "e\u0301\u0301\u0301", "[@click=app.quit]x[/]", "{{}}", "{{空}}",
                     "\x1b[31m红", "\u200b", "", " ", "八个坚持" * 5000]),
)
IDS = st.one_of(st.sampled_from(["a", "b", "c", "a-1", "x.y"]), st.text(max_size=8))
ANY_VALUE = st.one_of(ODD_TEXT, st.integers(), st.booleans(), st.lists(ODD_TEXT, max_size=3),
                      st.floats(allow_nan=False), st.none())


def _field(strategy):
    return st.one_of(strategy, ANY_VALUE)


@st.composite
def sections(draw):
    count = draw(st.integers(0, 40))
    result = []
    for i in range(count):
        section = {"id": draw(_field(IDS)), "title": draw(_field(ODD_TEXT))}
        if draw(st.booleans()):
            section["parent"] = draw(st.one_of(_field(IDS), st.just(f"s{i - 1}")))
        if draw(st.booleans()):
            section["body"] = draw(_field(ODD_TEXT))
        if draw(st.integers(0, 4)) == 0:
            section["lists"] = [{"id": draw(_field(IDS)), "title": draw(_field(ODD_TEXT)),
                                 "items": [{"text": draw(_field(ODD_TEXT))} for _ in range(draw(st.integers(0, 3)))]}]
        if draw(st.integers(0, 6)) == 0:
            section[draw(st.text(string.ascii_lowercase, min_size=1, max_size=6))] = draw(ANY_VALUE)
        result.append({k: v for k, v in section.items() if v is not None})
    return result


@st.composite
def deep_chain(draw):
    depth = draw(st.integers(1, 300))
    return [{"id": f"s{i}", "title": f"第{i}层", **({"parent": f"s{i - 1}"} if i else {})} for i in range(depth)]


@st.composite
def cards(draw, section_ids):
    result = []
    for i in range(draw(st.integers(0, 15))):
        card = {"id": draw(_field(IDS)), "section": draw(st.one_of(st.sampled_from(section_ids or ["none"]),
                                                                   _field(IDS))),
                "kind": draw(st.one_of(st.sampled_from(["basic", "cloze", "list", "choice", "typed"]), ANY_VALUE))}
        for key in draw(st.lists(st.sampled_from(["front", "back", "text", "prompt", "list", "items",
                                                  "question", "options", "answer", "accept", "ordered"]),
                                 max_size=5)):
            card[key] = draw(ANY_VALUE)
        result.append({k: v for k, v in card.items() if v is not None})
    return result


@st.composite
def course_documents(draw):
    secs = draw(st.one_of(sections(), deep_chain()))
    ids = [s["id"] for s in secs if isinstance(s.get("id"), str)]
    doc = {"course": {"id": draw(_field(st.just("c"))), "title": draw(_field(ODD_TEXT))}, "sections": secs,
           "cards": draw(cards(ids))}
    if draw(st.booleans()):
        doc["format"] = draw(st.one_of(st.just(1), ANY_VALUE))
    return {k: v for k, v in doc.items() if v is not None}


def _strip_none(value):
    if isinstance(value, dict):
        return {k: _strip_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip_none(v) for v in value if v is not None]
    return value


def check(data: bytes, tmp_path) -> None:
    try:
        course = parse_course(data, "hostile.toml")
    except CourseError as exc:
        assert exc.problems
        for problem in exc.problems:
            line = str(problem)
            assert line.startswith("hostile.toml:") and "\n" not in problem.field
    else:
        assert course.sections
    path = tmp_path / "hostile.toml"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", str(path)])
    assert code in (0, 2)
    assert "Traceback" not in err.getvalue()


def _settings(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def generated_course(tmp_path, document):
    try:
        text = tomli_w.dumps(_strip_none(document))
    except (TypeError, ValueError):
        return  # not representable in TOML at all
    check(text.encode("utf-8"), tmp_path)


BUNDLED = bundled_course().read_bytes()
EDITS = st.lists(st.tuples(st.integers(0, len(BUNDLED)), st.integers(0, 64), st.binary(max_size=16)),
                 min_size=1, max_size=6)


def mangled_course(tmp_path, edits):
    data = bytearray(BUNDLED)
    for position, cut, insert in edits:  # cut bytes, insert random bytes (invalid UTF-8 too)
        data[position:position + cut] = insert
    check(bytes(data), tmp_path)


# A quick pass in every run, the full 2 x 1,000 under the slow marker (.ci/run runs both).
test_generated_courses_quick = _settings(100)(given(course_documents())(generated_course))
test_mangled_courses_quick = _settings(100)(given(EDITS)(mangled_course))
test_generated_courses_1000 = pytest.mark.slow(_settings(1000)(given(course_documents())(generated_course)))
test_mangled_courses_1000 = pytest.mark.slow(_settings(1000)(given(EDITS)(mangled_course)))
