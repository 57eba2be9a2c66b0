"""Who an export belongs to: the trainee's name and unit (单位/分会).

An instructor who receives forty files must tell whose is whose, so every
progress export carries this pair and its default file name carries the name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters no file system or shell should see in a name taken from a person.
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
NAME_MAX = 100  # characters a name or unit may have where it is typed


class Trainee(NamedTuple):
    name: str = ""
    unit: str = ""


def clean(text: str) -> str:
    """One line of plain text: control and format characters out, spaces trimmed."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return " ".join(kept.split())


def file_part(name: str, limit: int = 40) -> str:
    """The name as a piece of a file name: no separators, no spaces, not too long."""
    return _UNSAFE.sub("-", clean(name)).strip("-.")[:limit]
