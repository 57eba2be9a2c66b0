"""Every command of the command line in both languages (issue 15.2).

Each command runs as the user runs it (a subprocess); its output, its errors
and the files it writes for people are checked by tests/language_leaks.py.
A new command or message is covered by one more line in COMMANDS.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.gen_exports import export_data
from gonghui_tui.domain import loader
from gonghui_tui.domain.course import CardKind
from gonghui_tui.domain.loader import load_course
from gonghui_tui.paths import bundled_course
from tests.conftest import FIXTURES, FROZEN_NOW
from tests.language_leaks import course_corpus, leaks

COMMAND_NAMES = frozenset({"validate", "paths", "stats", "export", "import", "cohort", "due", "nosuch", "xyz",
                           "nope", "MESSAGES"})
BAD_COURSES = sorted((FIXTURES / "bad").glob("*.toml"))
# The course format's own words (field names, kinds) are typed as they are in every language.
FORMAT_WORDS = frozenset(key for name, spec in vars(loader).items() if name.startswith("_") and name[1:].isupper()
                         and isinstance(spec, dict) for key in spec) | set(loader.NOTE_KINDS) | {k.value for k in CardKind}


def exports(folder: Path) -> Path:
    """Two trainees' exports and a file that is not one."""
    course = load_course(bundled_course())
    folder.mkdir()
    for i, reviews in enumerate((40, 0)):
        data = export_data(i, reviews, course, now=FROZEN_NOW)
        data["trainee"] = {"name": f"学员{i}", "unit": "第一分会"}
        (folder / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "notes.json").write_text('{"hello": "world"}', encoding="utf-8")
    return folder


# (name, arguments; {tmp} is a fresh folder, {home} the data folder, {out} a folder for written files)
COMMANDS = [
    ("help", ["--help"]),
    *((f"help-{c}", [c, "--help"]) for c in ("validate", "paths", "stats", "export", "import", "cohort", "due")),
    ("unknown-command", ["nosuch"]),
    ("bad-choice", ["export", "--format", "xyz"]),
    ("missing-argument", ["import"]),
    ("unknown-option", ["stats", "--nope"]),
    ("validate", ["validate"]),
    ("validate-missing", ["validate", "{tmp}/nope.toml"]),
    ("validate-folder", ["validate", "{tmp}"]),
    *((f"validate-{p.stem}", ["validate", str(p)]) for p in BAD_COURSES),
    ("paths", ["paths"]),
    ("stats", ["stats"]),
    ("due", ["due"]),
    ("export-md", ["export", "-o", "{out}/notes.md", "--name", "张三"]),
    ("export-exists", ["export", "-o", "{home}/progress.sqlite3"]),
    ("export-folder-target", ["export", "-o", "{out}", "--format", "csv"]),
    ("import-not-export", ["import", "{exports}/notes.json"]),
    ("import-missing", ["import", "{tmp}/nope.json"]),
    ("import-folder", ["import", "{tmp}"]),
    ("cohort-md", ["cohort", "{exports}", "--format", "md"]),
    ("cohort-csv", ["cohort", "{exports}", "--format", "csv"]),
    ("cohort-html", ["cohort", "{exports}", "--format", "html", "-o", "{out}/report.html"]),
    ("cohort-nothing", ["cohort", "{tmp}/nope-*.json"]),
    ("data-dir-is-a-file", ["--data-dir", "{exports}/0.json", "stats"]),
    ("broken-settings", ["due"], 'new_cards_per_day = "many"\ncolour = "red"\n[trainee]\nage = 3\n'),
    ("settings-syntax", ["due"], "new_cards_per_day = = 3\n"),
]


def run(args: list[str], lang: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gonghui_tui", "--lang", lang, *args], capture_output=True,
                          text=True, timeout=120, env=env)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name,args,config", [(*c, None)[:3] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
def test_command_speaks_only_the_interface_language(tmp_path, isolated_home, lang, name, args, config):
    folders = {"tmp": tmp_path / "tmp", "home": isolated_home, "out": tmp_path / "out",
               "exports": tmp_path / "exports"}
    for key in ("tmp", "home", "out"):
        folders[key].mkdir(parents=True, exist_ok=True)
    exports(folders["exports"])
    run(["stats"], lang, dict(os.environ))  # the data folder and its database exist
    if config is not None:
        (isolated_home / "config.toml").write_text(config, encoding="utf-8")
    result = run([a.format(**folders) for a in args], lang, dict(os.environ))
    written = "\n".join(_words(p) for p in folders["out"].iterdir() if p.suffix in (".md", ".html"))
    text = result.stdout + result.stderr + written
    assert "Traceback" not in text and text.strip(), (name, text)
    names = COMMAND_NAMES | FORMAT_WORDS | {"学员0", "学员1", "第一分会", "张三"}
    found = leaks(_without_options(text), lang, course_corpus(load_course(bundled_course())), frozenset(names))
    if found:
        pytest.fail(f"{name} in {lang}: {found}\n{text}")


def _words(path: Path) -> str:
    """What a person reads in a written file: an HTML page's text, without its markup."""
    import html
    import re

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?s)<(style|script)\b.*?</\1>|<svg\b.*?</svg>|<[^>]+>", "\n", text)
    return html.unescape(text)


def _without_options(text: str) -> str:
    """Option names are typed as they are (--data-dir, -o) in every language."""
    import re

    return re.sub(r"(?<![\w])--?[a-z][\w-]*", " ", text)
