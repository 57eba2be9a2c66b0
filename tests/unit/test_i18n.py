"""One catalog, both languages, and every key the code uses is in it."""

from __future__ import annotations

import re
from string import Formatter
from pathlib import Path

import gonghui_tui
from gonghui_tui.i18n import CATALOG, LANGUAGES, set_language, t
from gonghui_tui.tui.translated import TEXTUAL_DESCRIPTIONS

SOURCE = Path(gonghui_tui.__file__).parent


def test_every_entry_has_both_languages():
    for key, texts in CATALOG.items():
        assert len(texts) == len(LANGUAGES), key
        assert all(text.strip() for text in texts), key
        zh, en = texts
        assert sorted(_fields(zh)) == sorted(_fields(en)), key


def _fields(text: str) -> list[str]:
    return [name for _, name, _, _ in Formatter().parse(text) if name is not None]


def test_every_key_used_in_the_code_is_in_the_catalog():
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_]+)["']""", text))
        used |= set(re.findall(r"""Binding\([^)]*?["']((?:bind|grade|export)\.[a-z0-9_]+)["']""", text))
    used |= set(TEXTUAL_DESCRIPTIONS.values())
    assert len(used) > 100
    missing = sorted(k for k in used if k not in CATALOG)
    assert not missing, f"missing from the catalog: {missing}"


def test_dynamic_keys_exist():
    for prefix, names in {"kind": ["basic", "cloze", "list", "choice", "typed"],
                          "state": ["new", "learning", "review", "relearning", "suspended", "leech"],
                          "search.kind": ["title", "body", "list", "note", "card"],
                          "reader": ["gap", "supplement", "info"],
                          "export.fmt": ["md", "toml", "json", "csv", "anki"],
                          "md": ["read", "unread", "partial"]}.items():
        for name in names:
            assert f"{prefix}_{name}" in CATALOG or f"{prefix}.{name}" in CATALOG, (prefix, name)


def test_english_switch():
    set_language("en")
    try:
        assert t("bind.quit") == "Quit"
    finally:
        set_language("zh")
    assert t("bind.quit") == "退出"


def test_domain_and_storage_never_read_the_interface_language():
    """Language is passed in at the edges; what the domain stores is language-neutral."""
    for layer in ("domain", "storage"):
        for path in (SOURCE / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(from gonghui_tui\.i18n|from gonghui_tui import i18n|import gonghui_tui\.i18n)",
                                 text, re.M), path
