"""Every screen in both languages: no English in the Chinese UI, no Chinese in the English one (issue 15.2).

The rules are in tests/language_leaks.py. A new screen is covered by adding
one entry to SCREENS: a name and how to get there from the reader.
"""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest

from gonghui_tui.i18n import set_language
from gonghui_tui.tui.app import GonghuiApp

from tests.glyphs import font, glyph_problems
from tests.language_leaks import course_corpus, leaks

from .helpers import screen_text


async def go(pilot, *keys: str, wait: float = 0.2) -> None:
    await pilot.press(*keys)
    await pilot.pause(wait)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def palette(pilot):
    await go(pilot, "ctrl+p")


async def theme_picker(pilot):
    await go(pilot, "ctrl+p")
    await go(pilot, *"zhuti" if pilot.app.language == "zh" else "theme", wait=0.5)
    await go(pilot, "enter", wait=0.5)


async def drill_revealed(pilot):
    await go(pilot, "D", "space")


async def drill_summary(pilot):
    await go(pilot, "D")
    for _ in range(60):
        if getattr(pilot.app.screen, "finished", False):
            break
        await pilot.press("enter", "4")
    await go(pilot)


async def dashboard_after_drill(pilot):
    await drill_summary(pilot)
    await go(pilot, "escape")
    await go(pilot, "p", wait=0.5)


async def search_results(pilot):
    await go(pilot, "slash")
    pilot.app.screen.query_one("Input").value = "工会"
    await go(pilot, wait=0.5)


async def cohort_tab(pilot, tab: str):
    pilot.app.screen.query_one("TabbedContent").active = tab
    await go(pilot)


def main_app(course, store, clock, tmp_path):
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7, export_dir=tmp_path)
    return app, frozenset()


def cohort_app(course, store, clock, tmp_path):
    """Three trainees' exports and one file that is not an export."""
    from bench.gen_exports import export_data
    from gonghui_tui.domain.cohort import build_cohort
    from gonghui_tui.domain.cohort_read import read_cohort
    from gonghui_tui.domain.cohort_sources import gather
    from gonghui_tui.tui.cohort_app import CohortApp

    trainees = (("甲", "第二分会", 30), ("乙", "第一分会", 90), ("丙", "第一分会", 0))
    for i, (name, unit, reviews) in enumerate(trainees):
        data = export_data(i, reviews, course, now=clock.now())
        data["trainee"] = {"name": name, "unit": unit}
        (tmp_path / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    cohort = build_cohort(course, read_cohort(gather([str(tmp_path)]), course, clock.now()), clock.now())
    return CohortApp(cohort, course), frozenset(word for row in trainees for word in row[:2])


# Every view of the app: (name, how to get there from the first screen, which app).
# A new screen is covered by one more line here.
SCREENS = [
    ("reader", lambda pilot: go(pilot), main_app),
    ("reader-section", lambda pilot: go(pilot, "down", "down", "enter"), main_app),
    ("reader-marked-read", lambda pilot: go(pilot, "down", "r"), main_app),
    ("help", lambda pilot: go(pilot, "question_mark"), main_app),
    ("help-end", lambda pilot: go(pilot, "question_mark", "end"), main_app),
    ("help-in-drill", lambda pilot: go(pilot, "D", "question_mark"), main_app),
    ("help-in-drill-end", lambda pilot: go(pilot, "D", "question_mark", "end"), main_app),
    ("search", lambda pilot: go(pilot, "slash"), main_app),
    ("search-results", search_results, main_app),
    ("note", lambda pilot: go(pilot, "down", "n"), main_app),
    ("cards", lambda pilot: go(pilot, "down", "l"), main_app),
    ("cards-preview", lambda pilot: go(pilot, "down", "l", "enter"), main_app),
    ("cards-help", lambda pilot: go(pilot, "down", "l", "question_mark"), main_app),
    ("drill", lambda pilot: go(pilot, "D"), main_app),
    ("drill-revealed", drill_revealed, main_app),
    ("drill-summary", drill_summary, main_app),
    ("dashboard", lambda pilot: go(pilot, "p", wait=0.5), main_app),
    ("dashboard-after-drill", dashboard_after_drill, main_app),
    ("trainee-question", lambda pilot: go(pilot, "e"), main_app),
    ("export", lambda pilot: go(pilot, "e", "escape"), main_app),
    ("settings", lambda pilot: go(pilot, "comma"), main_app),
    ("settings-help", lambda pilot: go(pilot, "comma", "question_mark"), main_app),
    ("palette", palette, main_app),
    ("theme-picker", theme_picker, main_app),
    ("cohort", lambda pilot: go(pilot), cohort_app),
    ("cohort-help", lambda pilot: go(pilot, "question_mark"), cohort_app),
    *((f"cohort-{tab}", lambda pilot, tab=tab: cohort_tab(pilot, f"tab-{tab}"), cohort_app)
      for tab in ("sections", "grid", "cards", "activity", "units", "files")),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name,reach,build", SCREENS, ids=[name for name, _, _ in SCREENS])
async def test_screen_speaks_only_the_interface_language(course, store, clock, tmp_path, lang, name, reach, build):
    set_language(lang)
    app, user_data = build(course, store, clock, tmp_path)
    corpus = course_corpus(course)
    async with app.run_test(size=(120, 40)) as pilot:
        app.language = lang  # for the drivers
        await reach(pilot)
        text = screen_text(app)
        themes = frozenset(part for theme in app.available_themes for part in theme.split("-"))
        names = themes | user_data  # names are not words of a language
        found = leaks(text, lang, corpus, names)
        if font() is not None:  # every symbol drawn, Textual's own too, is in a CJK monospace font
            found += glyph_problems(set(text) - set(corpus))
        if found:
            pytest.fail(f"{name} in {lang}: {found}\n{text}")
