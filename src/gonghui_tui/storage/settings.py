"""Settings in config.toml: read with tomllib, written atomically with tomli-w.

A broken file is never overwritten behind the user's back: the defaults are
used for this run and the message names the line to fix.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import tomli_w

from gonghui_tui.domain.safe_text import first_control
from gonghui_tui.domain.toml_errors import syntax_message
from gonghui_tui.domain.translate import Key, Message
from gonghui_tui.domain.input_files import CONFIG_LIMIT, MAX_NESTING, InputFileError, nesting_position, read_limited
from gonghui_tui.storage.atomic import write_atomic


@dataclass(frozen=True)
class Settings:
    new_cards_per_day: int = 20
    max_reviews_per_day: int = 200
    desired_retention: float = 0.9
    read_dwell_seconds: float = 8.0
    theme: str = "textual-dark"
    language: str = ""  # "" until chosen: --lang, then LANG decide (docs/i18n.md)
    trainee_name: str = ""  # config.toml: [trainee] name = "…"
    trainee_unit: str = ""  # config.toml: [trainee] unit = "…"
    trainee_asked: bool = False  # config.toml: [trainee] asked = true once the app asked for the name


# Settings kept in a table of their own: field -> (table, key).
_TABLED = {"trainee_name": ("trainee", "name"), "trainee_unit": ("trainee", "unit"),
           "trainee_asked": ("trainee", "asked")}


_LIMITS: dict[str, tuple[float, float]] = {
    "new_cards_per_day": (0, 9999),
    "max_reviews_per_day": (0, 99999),
    "desired_retention": (0.7, 0.99),
    "read_dwell_seconds": (0, 3600),
}


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    problems: list[Message]  # one line each, for the user, rendered at the edge


def load_settings(path: Path) -> LoadedSettings:
    """Settings from ``path`` (a regular file of at most CONFIG_LIMIT bytes), or the
    defaults with one line saying why: a broken config must not stop any command."""
    try:
        path.lstat()
    except FileNotFoundError:
        return LoadedSettings(Settings(), [])
    except OSError:
        pass  # read_limited says what is wrong
    try:
        text = read_limited(path, CONFIG_LIMIT).decode("utf-8")
        raw = tomllib.loads(text)
    except InputFileError as exc:
        return _all_defaults(path, exc.reason)
    except RecursionError:
        line, col = nesting_position(text)
        return _all_defaults(f"{path}:{line}:{col}", Message("load.too_deep", {"limit": MAX_NESTING}))
    except UnicodeDecodeError:
        return _all_defaults(path, Message("load.not_utf8"))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"at line (\d+), column (\d+)", message)
        where = f"{path}:{match.group(1)}:{match.group(2)}" if match else str(path)
        return _all_defaults(where, syntax_message(re.sub(r"\s*\(at .*\)$", "", message)))
    return _from_table(raw, path)


def _all_defaults(where: Path | str, problem: Message) -> LoadedSettings:
    return LoadedSettings(Settings(), [Message("settings.all_defaults", {"where": where, "problem": problem})])


def _problem(catalogue_key: str, path: Path, **values: Any) -> Message:
    return Message(catalogue_key, {"where": path, **values})


_TYPE_NAMES = {int: "load.type_int", float: "load.type_float", str: "load.type_str", bool: "load.type_bool"}


def _flatten(raw: dict[str, Any], path: Path, problems: list[str]) -> dict[str, Any]:
    """config.toml's tables ([trainee]) as the flat field names of Settings."""
    flat = dict(raw)
    for table in {t for t, _ in _TABLED.values()}:
        if table not in flat:
            continue
        values = flat.pop(table)
        if not isinstance(values, dict):
            problems.append(_problem("settings.not_table", path, table=table))
            continue
        known = {key: name for name, (t, key) in _TABLED.items() if t == table}
        for key, value in values.items():
            if key in known:
                flat[known[key]] = value
            else:
                problems.append(_problem("settings.unknown", path, key=f"{table}.{key}"))
    return flat


def _from_table(raw: dict[str, Any], path: Path) -> LoadedSettings:
    defaults = Settings()
    values: dict[str, Any] = {}
    problems: list[str] = []
    raw = _flatten(raw, path, problems)
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value, default = raw[f.name], getattr(defaults, f.name)
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not type(default):
            problems.append(_problem("settings.wrong_type", path, name=f.name,
                                     type=Key(_TYPE_NAMES[type(default)]), default=repr(default)))
            continue
        if isinstance(value, str) and first_control(value) is not None:  # shown on screen and in exports
            problems.append(_problem("settings.control", path, name=f.name, default=repr(default)))
            continue
        low, high = _LIMITS.get(f.name, (None, None))
        if low is not None and not low <= value <= high:
            problems.append(_problem("settings.range", path, name=f.name, low=low, high=high,
                                     default=repr(default)))
            continue
        values[f.name] = value
    for key in raw.keys() - {f.name for f in fields(Settings)} - _TABLED.keys():
        problems.append(_problem("settings.unknown", path, key=key))
    return LoadedSettings(replace(defaults, **values), problems)


def settings_table(settings: Settings) -> dict[str, Any]:
    """The settings as config.toml holds them: tabled fields in their tables."""
    table: dict[str, Any] = {}
    for name, value in asdict(settings).items():
        if name in _TABLED:
            outer, key = _TABLED[name]
            table.setdefault(outer, {})[key] = value
        else:
            table[name] = value
    return table


def save_settings(path: Path, settings: Settings) -> None:
    write_atomic(path, tomli_w.dumps(settings_table(settings)).encode("utf-8"))


class InvalidSetting(ValueError):
    """A value typed for a setting that cannot be used; ``message`` says why, in words
    the edge translates (the setting's label, the range)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def parse_setting(name: str, text: str) -> int | float:
    """The value of a numeric setting typed as text (full-width digits too).
    Desired retention may be typed as a share (0.9) or a percentage (90, 90%)."""
    low, high = _LIMITS[name]
    whole = isinstance(getattr(Settings(), name), int)
    typed = text.strip().replace("％", "%")
    percent = name == "desired_retention" and typed.endswith("%")
    try:
        value: int | float = int(typed) if whole else float(typed.removesuffix("%").strip() if percent else typed)
    except ValueError:
        value = float("nan")
    if name == "desired_retention" and (percent or value > 1):
        value = round(value / 100, 4)
    if not low <= value <= high:  # NaN fails too
        kind, scale = ("retention", 100) if name == "desired_retention" else ("int" if whole else "float", 1)
        raise InvalidSetting(Message(f"settings.invalid_{kind}", {
            "label": Key(f"settings.{name}"), "low": _shown(low * scale), "high": _shown(high * scale)}))
    return value


def _shown(number: float) -> int | float:
    number = round(number, 6)
    return int(number) if float(number).is_integer() else number
