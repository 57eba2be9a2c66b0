"""Words of the other language on a screen or in a command's output (issue 15.2).

Chinese: no run of three or more ASCII letters except key names, a few proper
names (file formats, FSRS, the program's own name) and course content; no ASCII
colon straight after a Chinese character ("：" is the Chinese one). English: no
CJK character or full-width punctuation except course content (the course title
is content too), and singular nouns after 1 ("1 day", never "1 days").
"""

from __future__ import annotations

import re

from gonghui_tui.domain.browser import card_line
from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.course import Course

KEY_NAMES = {"super", "space", "enter", "esc", "escape", "tab", "ctrl", "shift", "pageup", "pagedown", "home",
             "end", "delete", "backspace", "insert", "Space", "Enter", "Esc", "Tab", "Ctrl", "Shift", "Home",
             "End", "PgUp", "PgDn", "Super", "Alt", "Del", "Ins", "Backspace"}
PROPER_NAMES = {"FSRS", "Markdown", "TOML", "JSON", "CSV", "HTML", "Anki", "UTF", "FIFO", "NUL", "gonghui", "tui",
                "bgjc", "English", "GONGHUI", "TUI", "HOME", "LANG", "LC", "ALL", "zip", "toml", "json", "csv",
                "html", "anki", "bidi", "true", "false", "LC_ALL", "LC_MESSAGES", "GONGHUI_TUI_HOME",
                "config", "trainee", "language"}  # setting names as written in config.toml
ENDONYMS = {"中文"}  # a language switch names the other language in that language
CJK = r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
IDEOGRAPH = r"[\u3400-\u4dbf\u4e00-\u9fff]"
WORD = r"[^\s\u2500-\u259f]"  # not space, not box drawing or blocks (a modal's edge)


def course_corpus(course: Course) -> str:
    """Every piece of course text the app may show, as one string."""
    parts = [course.title, course.meta.subtitle, course.meta.trainer, course.meta.duration,
             course.meta.source_date, course.meta.source, "、".join(course.meta.methods)]
    for section in course.walk():
        parts += [section.title, section.body, section.source, *section.key_points]
        parts += [f"{i.text}：{i.detail}" for lst in section.lists for i in lst.items]
        parts += [lst.title for lst in section.lists] + [n.text + n.source for n in section.notes]
    for card in course.cards:
        parts += [card.front, cloze_plain(card.front, reveal=True), cloze_plain(card.front, reveal=False),
                  card.back, *card.options, *card.answers, *(i.text for i in card.items), card_line(card)[0]]
    return "\n".join(parts)


def leaks(text: str, lang: str, corpus: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Words of the other language that are not course content, key names or proper names."""
    # FILE:LINE:COL: field.path: is the same in every language; quoted values are the user's
    text = re.sub(r"(?m)^\S*:\d+:\d+: [\w.\[\]()（）]+: ", " ", text)
    text = re.sub(r"“[^”\n]*”" if lang == "zh" else r"'[^'\n]*'", " ", text)
    text = re.sub(r"(?:[\w.\-\\]*/[\w.\-\\]+)+/?", " ", text)  # paths are the user's data, not words
    return _english_in_chinese(text, corpus, names) if lang == "zh" else _chinese_in_english(text, corpus, names)


def _english_in_chinese(text: str, corpus: str, names: frozenset[str]) -> list[str]:
    found = []
    for word in re.findall(r"[A-Za-z_]*[A-Za-z]{3,}[A-Za-z_]*", text):
        if word not in KEY_NAMES | PROPER_NAMES | names and not re.search(rf"\b{word}\b", corpus):
            found.append(word)
    found += [f"ASCII colon in {m.group()!r}" for m in re.finditer(rf"{IDEOGRAPH}: ", text)]
    return found


def _chinese_in_english(text: str, corpus: str, names: frozenset[str]) -> list[str]:
    found = []
    for line in text.splitlines():
        for match in re.finditer(rf"{CJK}+", line):
            run = match.group()
            if run in ENDONYMS or run in names:
                continue
            if re.match(r"[\u2500-\u259f]", line[match.start() - 1:match.start()]):
                continue  # the end of a course line showing beside a dialog's edge
            if not re.search(IDEOGRAPH, run):  # punctuation alone: content only with its neighbours
                token = re.search(rf"{WORD}*{re.escape(run)}{WORD}*", line[max(0, match.start() - 40):]).group()
                if token.strip(" .…") not in corpus or not re.search(IDEOGRAPH, token):
                    found.append(f"{run!r} in {line.strip()!r}")
                continue
            # wrapped course text is a piece of the corpus; one character that starts
            # a line and stands alone ("一 ····") is a label
            label = len(run) == 1 and not line[:match.start()].strip() and line[match.end():][:1] == " "
            if run not in corpus or label:
                found.append(f"{run!r} in {line.strip()!r}")
    found += [f"plural after 1: {m.group()!r}" for m in re.finditer(r"(?<![\d.,/])\b1 (days|reviews|cards|sections|"
                                                                     r"minutes|notes|trainees|items|problems)\b", text)]
    return found
