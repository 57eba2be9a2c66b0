"""Find the line and column of a field path in TOML text.

tomllib returns plain values without positions, but a course author needs
``FILE:LINE:COL`` for every problem. This scanner follows table headers,
arrays of tables and keys line by line, which covers the way course files
are written (one key per line, one array element per line in multi-line
arrays). Anything it cannot place falls back to the nearest enclosing path.
"""

from __future__ import annotations

import re

_BARE_KEY = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=')


def _key_parts(raw: str) -> list[str]:
    parts = []
    for piece in raw.split("."):
        piece = piece.strip()
        if len(piece) >= 2 and piece[0] == piece[-1] and piece[0] in "\"'":
            piece = piece[1:-1]
        parts.append(piece)
    return parts


class Locator:
    """Maps dotted field paths with indices (``sections[2].lists[0].title``) to positions."""

    def __init__(self, text: str) -> None:
        self.positions: dict[str, tuple[int, int]] = {}
        self._arrays: dict[str, int] = {}
        self._scan(text)

    def _table_path(self, parts: list[str]) -> str:
        path = ""
        for i, part in enumerate(parts):
            path = f"{path}.{part}" if path else part
            if i < len(parts) - 1 and path in self._arrays:
                path = f"{path}[{self._arrays[path]}]"
        return path

    def _scan(self, text: str) -> None:
        current = ""
        open_string: str | None = None
        array_key: str | None = None
        array_index = 0
        depth = 0
        for lineno, line in enumerate(text.splitlines(), 1):
            if open_string is not None:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            stripped = line.strip()
            col = len(line) - len(line.lstrip()) + 1
            if array_key is not None:
                if stripped and not stripped.startswith("#") and not stripped.startswith("]"):
                    self.positions[f"{array_key}[{array_index}]"] = (lineno, col)
                    array_index += stripped.count(",") or 1
                depth += line.count("[") - line.count("]")
                if depth <= 0:
                    array_key = None
                continue
            if stripped.startswith("[["):
                end = stripped.find("]]")
                parts = _key_parts(stripped[2:end if end > 0 else None])
                base = self._table_path(parts)
                index = self._arrays.get(base, -1) + 1
                self._arrays[base] = index
                current = f"{base}[{index}]"
                self.positions.setdefault(base, (lineno, col))
                self.positions[current] = (lineno, col)
                continue
            if stripped.startswith("["):
                end = stripped.find("]")
                current = self._table_path(_key_parts(stripped[1:end if end > 0 else None]))
                self.positions[current] = (lineno, col)
                continue
            match = _BARE_KEY.match(line)
            if not match:
                continue
            key = ".".join(_key_parts(match.group(1)))
            full = f"{current}.{key}" if current else key
            self.positions[full] = (lineno, col)
            value = line[match.end():].strip()
            for quote in ('"""', "'''"):
                if value.startswith(quote) and value.count(quote) == 1:
                    open_string = quote
            if value.startswith("[") and value.count("[") > value.count("]"):
                array_key, array_index = full, 0
                depth = value.count("[") - value.count("]")
                inner = value[1:].strip()
                if inner and not inner.startswith("#"):
                    self.positions[f"{full}[0]"] = (lineno, col)
                    array_index = inner.count(",")

    def locate(self, path: str) -> tuple[int, int]:
        """Position of ``path`` or of its nearest enclosing path that was seen."""
        while path:
            if path in self.positions:
                return self.positions[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self.positions.get(path, (1, 1))
