"""domain/ and storage/ stay free of UI libraries (checked in a fresh interpreter)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import gonghui_tui.domain
import gonghui_tui.storage


def _modules(package) -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def test_domain_and_storage_import_no_ui_library():
    modules = _modules(gonghui_tui.domain) + _modules(gonghui_tui.storage) + [
        "gonghui_tui.cli", "gonghui_tui.paths", "gonghui_tui.i18n"]
    assert "gonghui_tui.domain.loader" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"UI modules loaded: {result.stdout}"
