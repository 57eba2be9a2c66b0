"""The one catalogue of UI strings (Chinese first, English second) and the
functions that pick the language and fill in values.

Course content is never translated; only the interface is. A test checks
that every key has both languages and that every key used in the code is
here.
"""

from __future__ import annotations

import errno
import functools

from gonghui_tui.catalog_cli import CLI
from gonghui_tui.catalog_messages import MESSAGES
from gonghui_tui.catalog_settings import SETTINGS_MESSAGES
from gonghui_tui.catalog_ui import UI
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.translate import Key, Message, Translate

LANGUAGES = ("zh", "en")

# key: (Chinese, English); the entries live in the catalog_*.py modules by subject.
CATALOG: dict[str, tuple[str, str]] = {**UI, **MESSAGES, **SETTINGS_MESSAGES, **CLI}


_current = "zh"  # the interface's language; read by the UI and CLI only, never by domain code

# errno name -> catalogue key: the operating system's own words are English.
_OS_REASONS = {"ENOENT": "os.enoent", "EACCES": "os.eacces", "EPERM": "os.eacces", "EISDIR": "os.eisdir",
               "ENOTDIR": "os.enotdir", "ENOSPC": "os.enospc", "EROFS": "os.erofs", "EEXIST": "os.eexist"}


def other_language() -> str:
    return LANGUAGES[(LANGUAGES.index(_current) + 1) % len(LANGUAGES)]


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def _text(key: str, index: int, values: dict[str, object]) -> str:
    if values.get("n") == 1 and f"{key}_one" in CATALOG:  # "1 day", "2 days"
        key = f"{key}_one"
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry[index]
    if not values:
        return text
    return text.format(**{name: _shown(_value(v, index)) for name, v in values.items()})


def _shown(value: object) -> object:
    """Values are titles, paths, errors, keys: untrusted, so their controls are made visible."""
    return value if isinstance(value, (int, float)) else safe(value)


def _value(value: object, index: int) -> object:
    if isinstance(value, Key):
        return _text(value, index, {})
    if isinstance(value, Message):
        return _text(value.key, index, dict(value.values))
    if isinstance(value, OSError):
        return os_reason(value, LANGUAGES[index])
    return value


def os_reason(exc: OSError, lang: str | None = None) -> str:
    """Why a file could not be used, in the user's language (the OS speaks English)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    key = _OS_REASONS.get(name)
    if key is not None:
        return translator(lang or _current)(key)
    return str(exc.strerror or exc)


def short_label(text: str) -> str:
    """The short form of a label in the current language (``<key>_short``), or the label itself."""
    return _short_forms(LANGUAGES.index(_current)).get(text, text)


@functools.cache
def _short_forms(index: int) -> dict[str, str]:
    return {entry[index]: CATALOG[f"{key}_short"][index]
            for key, entry in CATALOG.items() if f"{key}_short" in CATALOG}


def translator(lang: str) -> Translate:
    """A ``Translate`` bound to one language, for domain code that writes text for people."""
    index = LANGUAGES.index(lang)

    def tr(key: str, /, **values: object) -> str:
        return _text(key, index, values)

    return tr


def t(key: str, **values: object) -> str:
    """The string for ``key`` in the interface's language, formatted with ``values``."""
    return _text(key, LANGUAGES.index(_current), values)
