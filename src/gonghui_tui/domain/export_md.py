"""Markdown progress notes for the trainee and their instructor.

Course text and the trainee's notes are content: Markdown and HTML
characters in them are escaped so they read literally.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.figures import fraction, percent, reading_time, state_summary
from gonghui_tui.domain.ports import ProgressStore
from gonghui_tui.domain.reading import ReadStatus
from gonghui_tui.domain.records import CardState
from gonghui_tui.domain.scheduler import make_scheduler, retrievability
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.stats import Stats
from gonghui_tui.domain.trainee import Trainee, clean
from gonghui_tui.domain.translate import Translate

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")
WEAK_RECALL = 0.8


def md_escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _field(t: Translate, label: str, value: object) -> str:
    return "- " + t("punct.field", label=t(label), value=value)


def _study_dates(days: list[str], t: Translate) -> str:
    """First and last study day. A study day runs from 4 a.m. to 4 a.m., so an
    export made at 00:58 still belongs to the day before: the line says so."""
    if not days:
        return t("md.no_days")
    span = days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"
    return span + t("punct.paren", text=t("md.days", n=len(days)) + t("md.rollover"))


def heading(title: str, trainee: Trainee, t: Translate) -> str:
    """The course title, then whose notes these are: 张三（第一分会）."""
    name, unit = clean(trainee.name), clean(trainee.unit)
    if not name and not unit:
        return f"# {md_escape(title)}"
    who = f"{name or t('trainee.unsigned')}" + (t("punct.paren", text=unit) if unit else "")
    return f"# {md_escape(title)} · {md_escape(who)}"


def progress_markdown(course: Course, store: ProgressStore, stats: Stats, now: datetime, t: Translate,
                      desired_retention: float = 0.9, tz: tzinfo | None = None,
                      trainee: Trainee = Trainee(), include_notes: bool = True) -> str:
    """The notes in the language of ``t`` (the reader's, not the screen's)."""
    sections = store.sections(course.id)
    notes = store.notes(course.id) if include_notes else {}
    records = store.cards(course.id)
    scheduler = make_scheduler(desired_retention, fuzzing=False)
    lines = [heading(course.title, trainee, t), "", f"*{t('md.subtitle')}*", ""]
    dates = _study_dates(stats.studied_days, t)
    lines += [
        f"## {t('md.overview')}", "",
        _field(t, "md.exported", now.astimezone(tz).strftime('%Y-%m-%d %H:%M')),
        _field(t, "md.dates", dates),
        _field(t, "md.reading", fraction(stats.sections_read, stats.sections_total)),
        _field(t, "md.cards", state_summary(stats.cards_by_state, t)),
        _field(t, "md.reviews", stats.reviews_total),
        _field(t, "md.retention", percent(stats.retention_30d)),
        _field(t, "md.streak", f"{stats.streak_current}/{stats.streak_longest}"),
        "",
        f"## {t('md.by_section')}", "",
    ]
    mastery = {m.section_id: m for m in stats.mastery}
    read_ids = {sid for sid, r in sections.items() if r.read}
    for section in course.walk():
        depth = len(course.path(section.id))
        lines.append(f"{'#' * min(6, depth + 2)} {md_escape(section.title)}")
        lines.append("")
        record = sections.get(section.id)
        status = ReadStatus.READ if section.id in read_ids else ReadStatus.UNREAD
        lines.append(_field(t, "md.status", t("md." + status.value)) + t("punct.list_sep")
                     + t("punct.field", label=t("md.time"), value=reading_time(record.seconds if record else 0.0, t)))
        if section.id in mastery:
            m = mastery[section.id]
            lines.append(_field(t, "md.mastery", fraction(m.mature, m.cards)) + t("punct.list_sep")
                         + f"{t('md.recall')} {percent(m.mean_retrievability)}")
        weak = []
        for card in course.cards_in(section.id):
            r = records.get(card.id)
            if r is None or r.state == CardState.NEW:
                continue
            recall = retrievability(scheduler, r, now)
            if r.leech or recall < WEAK_RECALL:
                weak.append((recall, card))
        for recall, card in sorted(weak, key=lambda rc: rc[0]):
            recall_text = t("punct.paren", text=f"{t('md.recall')} {percent(recall)}")
            lines.append(_field(t, "md.weak", md_escape(cloze_plain(card.front, reveal=True))) + recall_text)
        if section.id in notes:
            lines.append("")
            lines.append(t("punct.field", label=t("md.note"), value="").rstrip())
            lines.append("")
            lines.extend("> " + md_escape(line) if line else ">" for line in safe(notes[section.id][0]).splitlines())
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
