"""The instructor's figures over a class: roster, sections, the grid of
trainees × top-level sections, hardest cards, class activity, per unit.

Plain data computed from per-trainee summaries (domain/cohort_read.py);
the terminal screen and every report format render these same figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import fmean

from gonghui_tui.domain.cohort_read import FORECAST_DAYS, ReadResult, TraineeSummary
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.translate import Message
from gonghui_tui.domain.scheduler import study_day

STOPPED_DAYS = 7
WEAK_RECALL = 0.8
STRUGGLE_LAPSES = 2
HARDEST_CARDS = 15
HEATMAP_WEEKS = 16


@dataclass(frozen=True)
class RosterRow:
    name: str  # "" for an unsigned export: show 未署名 with ``file_name``
    unit: str
    file_name: str
    sections_read: int
    reviews: int
    retention_30d: float | None
    streak: int
    last_active: date | None
    mastered: int
    status: str  # "active" | "not_started" | "stopped"


@dataclass(frozen=True)
class SectionFigure:
    section_id: str
    title: str
    depth: int
    read_share: float  # of trainees
    mastery: float | None  # mean recall over (trainee, card) pairs studied
    reviews: int


@dataclass(frozen=True)
class GridCell:
    read: float  # share of the part's sections read
    mastery: float | None


@dataclass(frozen=True)
class HardCard:
    card_id: str
    section_title: str
    mean_recall: float
    lapses: int
    leeches: int
    learners: int
    strugglers: tuple[int, ...]  # indices into the roster


@dataclass(frozen=True)
class UnitFigure:
    unit: str
    trainees: int
    not_started: int
    stopped: int
    read_share: float
    reviews: int
    retention_30d: float | None
    mastery: float | None


@dataclass(frozen=True)
class Cohort:
    course_id: str
    course_title: str
    generated: datetime
    sections_total: int
    roster: list[RosterRow]
    sections: list[SectionFigure]  # hardest first
    parts: list[tuple[str, str]]  # top-level (id, title), the grid's columns
    grid: list[list[GridCell]]  # one row per roster row
    hardest: list[HardCard]
    heatmap: dict[str, int]  # ISO study day -> reviews, oldest first
    forecast: list[int]
    units: list[UnitFigure]
    rejected: list[tuple[str, Message]]  # (file, one line naming it and why)
    replaced: int


def _streak(days: set[date], today: date) -> int:
    end = today if today in days else today - timedelta(days=1)
    current = 0
    while end in days:
        current += 1
        end -= timedelta(days=1)
    return current


def _status(t: TraineeSummary, today: date) -> str:
    if not t.reviews and not t.read:
        return "not_started"
    last = t.last_active
    return "stopped" if last is None or (today - last).days >= STOPPED_DAYS else "active"


def _roster_row(t: TraineeSummary, today: date) -> RosterRow:
    return RosterRow(
        name=t.name, unit=t.unit, file_name=t.file_name, sections_read=len(t.read), reviews=t.reviews,
        retention_30d=t.passed_30d / t.judged_30d if t.judged_30d else None,
        streak=_streak(set(t.days), today), last_active=t.last_active,
        mastered=t.mastered, status=_status(t, today))


def build_cohort(course: Course, read: ReadResult, now: datetime, tz: tzinfo | None = None) -> Cohort:
    today = study_day(now, tz)
    trainees = sorted(read.trainees, key=lambda t: (t.unit, t.name == "", t.name, t.file_name))
    roster = [_roster_row(t, today) for t in trainees]
    n = len(trainees) or 1

    sections = []
    for section in course.walk():
        sid = section.id
        accs = [t.sections[sid] for t in trainees if sid in t.sections]
        recall_sum, studied, reviews = map(sum, zip(*accs)) if accs else (0.0, 0, 0)
        sections.append(SectionFigure(
            sid, section.title, len(course.path(sid)) - 1, sum(sid in t.read for t in trainees) / n,
            recall_sum / studied if studied else None, int(reviews)))
    sections.sort(key=lambda s: (s.mastery is None, s.mastery if s.mastery is not None else 0, s.read_share))

    subtree = {part: [s.id for s in course.walk(part)] for part in course.roots}
    grid = []
    for t in trainees:
        row = []
        for part, ids in subtree.items():
            a = t.sections.get(part)
            mastery = a[0] / a[1] if a and a[1] else None
            row.append(GridCell(sum(1 for sid in ids if sid in t.read) / len(ids), mastery))
        grid.append(row)

    return Cohort(
        course_id=course.id, course_title=course.title, generated=now, sections_total=len(course.sections),
        roster=roster, sections=sections,
        parts=[(sid, course.sections[sid].title) for sid in course.roots], grid=grid,
        hardest=_hardest(course, trainees), heatmap=_heatmap(trainees, today),
        forecast=[sum(day) for day in zip(*(t.forecast for t in trainees))] or [0] * FORECAST_DAYS,
        units=_units(roster, trainees, len(course.sections)),
        rejected=read.rejected, replaced=read.replaced)


def _hardest(course: Course, trainees: list[TraineeSummary]) -> list[HardCard]:
    """The cards with the lowest mean recall among those who studied them (then most
    lapses, most leeches); who struggles is worked out for those cards only. Each
    summary holds its cards as columns in course order, so the class's sums per
    card are sums of transposed columns."""
    if not trainees:
        return []
    studied = list(zip(*(t.studied_cards for t in trainees)))
    recalls = list(zip(*(t.recalls for t in trainees)))
    lapses = list(zip(*(t.lapses for t in trainees)))
    leeches = list(zip(*(t.leeches for t in trainees)))
    ranked = []
    for j in range(len(studied)):
        learners = sum(studied[j])
        if learners:  # recall, lapses and leech are 0 where a trainee has not studied the card
            ranked.append((sum(recalls[j]) / learners, -sum(lapses[j]), -sum(leeches[j]), course.cards[j].id, j))
    ranked.sort()
    out = []
    for mean_recall, minus_lapses, minus_leeches, cid, j in ranked[:HARDEST_CARDS]:
        rows = sorted((i for i, yes in enumerate(studied[j]) if yes), key=lambda i: recalls[j][i])  # ties: roster
        strugglers = tuple(i for i in rows if _struggles(recalls[j][i], lapses[j][i], leeches[j][i]))
        out.append(HardCard(cid, course.sections[course.card(cid).section].title, mean_recall, -minus_lapses,
                            -minus_leeches, len(rows), strugglers))
    return out


def _struggles(recall: float, lapses: int, leech: bool) -> bool:
    return leech or recall < WEAK_RECALL or lapses >= STRUGGLE_LAPSES


def _heatmap(trainees: list[TraineeSummary], today: date) -> dict[str, int]:
    first = today - timedelta(days=HEATMAP_WEEKS * 7 - 1)
    counts: dict[date, int] = defaultdict(int)
    for t in trainees:
        for day, n in t.days.items():
            if day >= first:
                counts[day] += n
    return {(first + timedelta(days=i)).isoformat(): counts.get(first + timedelta(days=i), 0)
            for i in range(HEATMAP_WEEKS * 7)}


def _units(roster: list[RosterRow], trainees: list[TraineeSummary], total: int) -> list[UnitFigure]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(roster):
        groups[row.unit].append(i)
    out = []
    for unit, members in sorted(groups.items()):
        rows = [roster[i] for i in members]
        judged = sum(trainees[i].judged_30d for i in members)
        studied = sum(trainees[i].studied for i in members)
        out.append(UnitFigure(
            unit, len(rows), sum(r.status == "not_started" for r in rows), sum(r.status == "stopped" for r in rows),
            fmean(r.sections_read / total for r in rows) if total else 0.0, sum(r.reviews for r in rows),
            sum(trainees[i].passed_30d for i in members) / judged if judged else None,
            sum(trainees[i].recall_sum for i in members) / studied if studied else None))
    return out
