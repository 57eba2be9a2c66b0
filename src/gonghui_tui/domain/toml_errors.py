"""tomllib's error messages (English only) as catalogue messages.

tomllib raises about twenty distinct messages; each maps to a key whose
quoted part (a key or a character) is carried over as ``detail``. A message
this table does not know keeps tomllib's English words under a general key.
"""

from __future__ import annotations

import re
from functools import cache

from gonghui_tui.domain.translate import Message

_PATTERNS = (
    (r"^Cannot overwrite a value", "toml.overwrite"),
    (r"^Unescaped '\\\\' in a string", "toml.backslash"),
    (r"^Cannot mutate immutable namespace (?P<detail>.+)", "toml.immutable"),
    (r"^Unterminated string", "toml.unterminated"),
    (r"^Unclosed inline table", "toml.unclosed_table"),
    (r"^Unclosed array", "toml.unclosed_array"),
    (r"^Invalid value", "toml.invalid_value"),
    (r"^Invalid statement", "toml.invalid_statement"),
    (r"^Invalid initial character for a key part", "toml.key_start"),
    (r"^Invalid hex value", "toml.hex"),
    (r"^Invalid date or datetime", "toml.datetime"),
    (r"^(?:Illegal|Found invalid) character (?P<detail>.+)", "toml.bad_char"),
    (r"^Expected ']]' at the end of an array declaration", "toml.expect_aot"),
    (r"^Expected ']' at the end of a table declaration", "toml.expect_table"),
    (r"^Expected '=' after a key", "toml.expect_equals"),
    (r"^Expected (?P<detail>.+)", "toml.expected"),
    (r"^Escaped character is not a Unicode scalar value", "toml.escape"),
    (r"^Duplicate inline table key (?P<detail>.+)", "toml.duplicate_key"),
    (r"^Cannot redefine namespace (?P<detail>.+)", "toml.redefine"),
    (r"^Cannot declare (?P<detail>.+) twice", "toml.declared_twice"),
)


@cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), key) for p, key in _PATTERNS]  # only when a file has an error


def syntax_message(text: str) -> Message:
    """The catalogue message for one tomllib error (without its "(at line, column)")."""
    for pattern, key in _compiled():
        match = pattern.match(text)
        if match:
            return Message(key, match.groupdict())
    return Message("toml.other", {"detail": text})
