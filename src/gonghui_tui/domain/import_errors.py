"""One-line, located messages for a file that cannot be imported.

A problem is a catalogue message, rendered at the edge (the domain does not
know the interface language). msgspec's own messages are
mapped to catalogue keys; the offending value is looked up in the file's
plain parse and shown escaped, never raw.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from gonghui_tui.domain.import_schema import bounds
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.translate import Key, Message

SHOW_MAX = 40  # characters of a quoted value in a message


class ImportProblem(Exception):
    """The file cannot be imported; ``message`` is one line for the user, rendered at the edge.

    A problem at a place in the file reads ``FILE: PATH: what is wrong``, PATH
    being the JSON/TOML path of the first bad value (``reviews[17].rating``).
    """

    def __init__(self, key: str, file: str = "", at: str = "", **values: Any) -> None:
        values = {name: Key(v) if name.endswith("_key") else v for name, v in values.items()}
        values = {name.removesuffix("_key"): v for name, v in values.items()}
        problem = Message(key, values)
        if at:
            problem = Message("import.at", {"path": escape(file), "where": at, "problem": problem})
        self.message = problem
        self.at = at
        super().__init__(str(problem))


def escape(text: str) -> str:
    """Text from the file made safe for a one-line message (controls shown, not obeyed)."""
    return safe(text, one_line=True)


def show(value: Any) -> str:
    """A value from the file as it would be written there, short and safe to print."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, str):
        text = value if len(value) <= SHOW_MAX else value[:SHOW_MAX] + "…"
        return '"' + escape(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'
    if isinstance(value, int):
        digits = str(value) if abs(value) < 10**SHOW_MAX else f"{value:.3e}"
        return digits if len(digits) <= SHOW_MAX else digits[:SHOW_MAX] + "…"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return escape(str(value))[:SHOW_MAX]


_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_TYPE_KEYS = {"int": "import.t_int", "float": "import.t_float", "str": "import.t_str",
              "bool": "import.t_bool", "object": "import.t_object", "array": "import.t_array",
              "datetime": "import.t_time"}


def parse_path(dollar_path: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _PATH_STEP.findall(dollar_path)]


def path_text(steps: list[str | int]) -> str:
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def _lookup(data: Any, steps: list[str | int]) -> tuple[bool, Any]:
    for step in steps:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return False, None
    return True, data


def from_validation(message: str, plain: Callable[[], Any], file: str) -> ImportProblem:
    """An ImportProblem for msgspec's ``message`` (``... - at `$.reviews[17].rating```).

    ``plain`` parses the file without a schema, to quote the bad value.
    """
    text, _, at = message.partition(" - at `")
    steps = parse_path(at.rstrip("`"))
    where = path_text(steps)
    try:
        found, value = _lookup(plain(), steps)
    except (RecursionError, ValueError):
        found, value = False, None
    shown = show(value) if found else "?"
    if m := re.fullmatch(r"Expected `(int|float)` ([<>]=?) (\S+)", text):
        limits = bounds(steps)
        if limits is not None:
            return ImportProblem("import.range", file, where, value=shown, range=range_text(*limits))
    if m := re.fullmatch(r"Object missing required field `(\w+)`", text):
        return ImportProblem("import.missing", file, where, field=m.group(1))
    if text == "Number out of range":
        return ImportProblem("import.huge", file, where)
    if text.startswith("Expected `str` matching regex"):
        return ImportProblem("import.bad_id", file, where, value=shown)
    if m := re.fullmatch(r"Expected `(str|array)` of length <= (\d+)", text):
        return ImportProblem(f"import.too_long_{m.group(1)}", file, where, n=int(m.group(2)))
    if text == "Expected `str` of length >= 1":
        return ImportProblem("import.empty", file, where)
    if "datetime" in text:  # wrong type, no time zone, or not RFC 3339
        return ImportProblem("import.bad_time", file, where, value=shown)
    if m := re.fullmatch(r"Expected `([\w |]+)`, got `\w+`", text):
        wanted = [name for name in m.group(1).split(" | ") if name != "null"]
        if len(wanted) == 1 and wanted[0] in _TYPE_KEYS:
            return ImportProblem("import.wrong_type", file, where, value=shown, expected_key=_TYPE_KEYS[wanted[0]])
    return ImportProblem("import.invalid", file, where, value=shown, detail=escape(text))


def range_text(low: object, high: object, low_inclusive: bool, high_inclusive: bool) -> str:
    if low_inclusive and high_inclusive:
        return f"{_num(low)}–{_num(high)}"
    return f"{'≥' if low_inclusive else '>'} {_num(low)}, {'≤' if high_inclusive else '<'} {_num(high)}"


def _num(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else str(value)
