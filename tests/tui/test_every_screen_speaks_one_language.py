"""Every screen in both languages: no English in the Chinese UI, no Chinese in the English one (issue 15.2).

Chinese: no run of three or more ASCII letters except key names, a few
proper names (file formats, FSRS) and course content. English: no CJK
character (or full-width punctuation) except course content. A new screen is
covered by adding one entry to SCREENS.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest

from gonghui_tui.domain.browser import card_line
from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.i18n import set_language
from gonghui_tui.tui.app import GonghuiApp

from .helpers import screen_text

KEY_NAMES = {"super", "space", "enter", "esc", "escape", "tab", "ctrl", "shift", "pageup", "pagedown", "home", "end",
             "delete", "backspace", "insert", "Space", "Enter", "Esc", "Tab", "Ctrl", "Shift", "Home", "End"}
PROPER_NAMES = {"FSRS", "Markdown", "TOML", "JSON", "CSV", "Anki", "UTF", "gonghui", "tui", "bgjc",
                "English"}  # a language switch names the other language in that language
ENDONYMS = {"中文"}
CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"


def course_corpus(course) -> str:
    parts = [course.title, course.meta.subtitle, course.meta.trainer, course.meta.duration,
             course.meta.source_date, course.meta.source, "、".join(course.meta.methods)]
    for section in course.walk():
        parts += [section.title, section.body, section.source, *section.key_points]
        parts += [f"{i.text}：{i.detail}" for lst in section.lists for i in lst.items] + [lst.title for lst in section.lists]
        parts += [n.text + n.source for n in section.notes]
    for card in course.cards:
        parts += [card.front, cloze_plain(card.front, reveal=True), cloze_plain(card.front, reveal=False), card.back,
                  *card.options, *card.answers, *(i.text for i in card.items), card_line(card)[0]]
    return "\n".join(parts)


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


# (name, how to get there from the reader)
SCREENS = [
    ("reader", lambda pilot: go(pilot)),
    ("reader-section", lambda pilot: go(pilot, "down", "down", "enter")),
    ("help", lambda pilot: go(pilot, "question_mark")),
    ("help-in-drill", lambda pilot: go(pilot, "D", "question_mark")),
    ("search", lambda pilot: go(pilot, "slash")),
    ("note", lambda pilot: go(pilot, "down", "n")),
    ("cards", lambda pilot: go(pilot, "down", "l")),
    ("drill", lambda pilot: go(pilot, "D")),
    ("drill-revealed", drill_revealed),
    ("drill-summary", drill_summary),
    ("dashboard", lambda pilot: go(pilot, "p", wait=0.5)),
    ("export", lambda pilot: go(pilot, "e")),
    ("palette", palette),
    ("theme-picker", theme_picker),
]


def leaks(text: str, lang: str, corpus: str, names: set[str]) -> list[str]:
    """Words of the other language that are not course content, key names or proper names."""
    found = []
    text = re.sub(r"(?:/[\w.\-]+)+/?", " ", text)  # paths are the user's data, not words
    if lang == "zh":
        for word in re.findall(r"[A-Za-z]{3,}", text):
            if word not in KEY_NAMES | PROPER_NAMES | names and not re.search(rf"\b{word}\b", corpus):
                found.append(word)
    else:
        for line in text.splitlines():
            for match in re.finditer(rf"{CJK}+", line):
                run = match.group()
                # wrapped course text is a piece of the corpus; one character that starts
                # a line and stands alone ("一 ····") is a label
                label = len(run) == 1 and not line[:match.start()].strip() and line[match.end():][:1] == " "
                if run not in ENDONYMS and (run not in corpus or label):
                    found.append(f"{run!r} in {line.strip()!r}")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name,reach", SCREENS, ids=[name for name, _ in SCREENS])
async def test_screen_speaks_only_the_interface_language(course, store, clock, lang, name, reach):
    set_language(lang)
    app = GonghuiApp(course=course, store=store, now=clock.now, fuzzing=False,
                     tz=ZoneInfo("Asia/Shanghai"), seed=7)
    corpus = course_corpus(course)
    async with app.run_test(size=(120, 40)) as pilot:
        app.language = lang  # for the drivers
        await reach(pilot)
        text = screen_text(app)
        names = {part for theme in app.available_themes for part in theme.split("-")}  # theme names are names
        found = leaks(text, lang, corpus, names)
        assert not found, (name, found, text)
