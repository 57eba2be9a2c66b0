"""The cohort report as Markdown, CSV (one row per trainee) and JSON.

The HTML report is in cohort_html.py; all of them render domain/cohort.py's
figures. Names, units and file names come from trainees' files: they are
escaped for Markdown and guarded against spreadsheet formulas in CSV.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, tzinfo

from gonghui_tui.domain.cards import cloze_plain
from gonghui_tui.domain.cohort import Cohort, HardCard, RosterRow
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.export import csv_cell
from gonghui_tui.domain.export_md import md_escape
from gonghui_tui.domain.figures import percent
from gonghui_tui.domain.translate import Translate

BOM = "\ufeff"  # Excel and WPS read UTF-8 CSV as Chinese only with it


# A section's depth as indent: no-break spaces, which neither Markdown tables nor
# HTML trim, and which belong to no language (an ideographic space would).
INDENT = "\u00a0\u00a0"

def display_name(row: RosterRow, t: Translate) -> str:
    return row.name or t("trainee.unsigned") + t("punct.paren", text=row.file_name)


def struggler_names(cohort: Cohort, card: HardCard, t: Translate, limit: int | None = None) -> str:
    """Who struggles with a hard card, weakest first; past ``limit`` names, how many more."""
    shown = card.strugglers if limit is None else card.strugglers[:limit]
    names = t("punct.enum_sep").join(display_name(cohort.roster[i], t) for i in shown) or "—"
    rest = len(card.strugglers) - len(shown)
    return names + t("cohort.and_more", n=rest) if rest else names


def unit_name(unit: str, t: Translate) -> str:
    return unit or t("cohort.no_unit")


def day_text(day: date | None) -> str:
    return day.isoformat() if day else "—"


def status_text(row: RosterRow, t: Translate) -> str:
    return t(f"cohort.status_{row.status}")


def card_text(course: Course, card_id: str, limit: int = 80) -> str:
    card = course.card(card_id)
    text = " ".join(cloze_plain(card.front, reveal=True).split()) if card else card_id
    return text if len(text) <= limit else text[: limit - 1] + "…"


def roster_cells(row: RosterRow, total: int, t: Translate) -> list[str]:
    return [display_name(row, t), unit_name(row.unit, t), f"{row.sections_read}/{total}", str(row.reviews),
            percent(row.retention_30d), str(row.streak), day_text(row.last_active), str(row.mastered),
            status_text(row, t)]


ROSTER_HEADERS = ("cohort.name", "cohort.unit", "cohort.read", "cohort.reviews", "cohort.retention",
                  "cohort.streak", "cohort.last_active", "cohort.mastered", "cohort.status")


def grid_symbol(read: float) -> str:
    return "●" if read >= 1 else "◐" if read > 0 else "○"


_CELL_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md_cell(text: str) -> str:
    """A table cell read literally: Markdown and HTML characters escaped, one line."""
    return _CELL_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_md_cell(c) for c in cells) + " |"
    return [line(headers), "|" + "---|" * len(headers), *(line(r) for r in rows), ""]


def to_markdown(cohort: Cohort, course: Course, t: Translate, tz: tzinfo | None = None) -> str:
    c = cohort
    when = c.generated.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    lines = [f"# {md_escape(t('punct.field', label=t('cohort.title'), value=c.course_title))}", "",
             f"- {t('punct.field', label=t('cohort.generated'), value=when)}",
             f"- {t('cohort.counted', n=len(c.roster))}"]
    if c.replaced:
        lines.append(f"- {t('cohort.replaced', n=c.replaced)}")
    lines += ["", f"## {t('cohort.roster')}", ""]
    lines += _md_table([t(h) for h in ROSTER_HEADERS], [roster_cells(r, c.sections_total, t) for r in c.roster])
    lines += [f"## {t('cohort.sections')}", ""]
    lines += _md_table([t("cohort.section"), t("cohort.read_share"), t("cohort.mastery"), t("cohort.reviews")],
                       [[INDENT * s.depth + s.title, percent(s.read_share), percent(s.mastery), str(s.reviews)]
                        for s in c.sections])
    lines += [f"## {t('cohort.grid')}", "", t("cohort.legend"), ""]
    lines += _md_table([t("cohort.name")] + [title for _, title in c.parts],
                       [[display_name(r, t)] + [f"{grid_symbol(g.read)} {percent(g.mastery)}" for g in cells]
                        for r, cells in zip(c.roster, c.grid)])
    lines += [f"## {t('cohort.hardest')}", ""]
    lines += _md_table([t("cohort.card"), t("cohort.section"), t("cohort.recall"), t("cohort.lapses"),
                        t("cohort.leeches"), t("cohort.struggling")],
                       [[card_text(course, h.card_id), h.section_title, percent(h.mean_recall), str(h.lapses),
                         str(h.leeches), struggler_names(c, h, t)]
                        for h in c.hardest])
    recent = list(c.heatmap.items())[-14:]
    lines += [f"## {t('cohort.activity')}", ""]
    lines += _md_table([t("cohort.day")] + [d[5:] for d, _ in recent], [[t("cohort.reviews")] +
                                                                        [str(n) for _, n in recent]])
    lines += [f"## {t('cohort.forecast')}", ""]
    lines += _md_table([t("cohort.day")] + [_offset(i, t) for i in range(len(c.forecast))],
                       [[t("cohort.reviews")] + [str(n) for n in c.forecast]])
    lines += [f"## {t('cohort.units')}", ""]
    lines += _md_table([t("cohort.unit"), t("cohort.trainees"), t("cohort.not_started"), t("cohort.stopped"),
                        t("cohort.read"), t("cohort.reviews"), t("cohort.retention"), t("cohort.mastery")],
                       [[unit_name(u.unit, t), str(u.trainees), str(u.not_started), str(u.stopped),
                         percent(u.read_share), str(u.reviews), percent(u.retention_30d), percent(u.mastery)]
                        for u in c.units])
    if c.rejected:
        lines += [f"## {t('cohort.rejected')}", ""]
        lines += _md_table([t("cohort.reason")], [[r.render(t)] for _, r in c.rejected])
    return "\n".join(lines).rstrip() + "\n"


def _offset(i: int, t: Translate) -> str:
    return t("cohort.today") if i == 0 else t("cohort.in_days", n=i)


def to_csv(cohort: Cohort, t: Translate) -> str:
    """One row per trainee, the grid's parts as columns; UTF-8 with BOM for Excel/WPS."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    parts = [title for _, title in cohort.parts]
    writer.writerow([t("cohort.name"), t("cohort.unit"), t("cohort.file"), t("cohort.read"),
                     t("cohort.reviews"), t("cohort.retention"), t("cohort.streak"), t("cohort.last_active"),
                     t("cohort.mastered"), t("cohort.status")]
                    + [f"{p} {t('md.read')}" for p in parts] + [f"{p} {t('cohort.mastery')}" for p in parts])
    for row, cells in zip(cohort.roster, cohort.grid):
        writer.writerow([csv_cell(row.name or t("trainee.unsigned")), csv_cell(row.unit), csv_cell(row.file_name),
                         row.sections_read, row.reviews, _ratio(row.retention_30d), row.streak,
                         day_text(row.last_active), row.mastered, status_text(row, t)]
                        + [_ratio(g.read) for g in cells] + [_ratio(g.mastery) for g in cells])
    return BOM + out.getvalue()


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def to_json(cohort: Cohort, course: Course, t: Translate) -> str:
    c = cohort
    return json.dumps({
        "format": "gonghui-tui-cohort", "format_version": 1,
        "course": {"id": c.course_id, "title": c.course_title},
        "generated": c.generated.isoformat(), "sections_total": c.sections_total,
        "roster": [{"name": r.name, "unit": r.unit, "file": r.file_name, "sections_read": r.sections_read,
                    "reviews": r.reviews, "retention_30d": _r(r.retention_30d), "streak": r.streak,
                    "last_active": r.last_active.isoformat() if r.last_active else None,
                    "mastered": r.mastered, "status": r.status,
                    "parts": {pid: {"read": _r(g.read), "mastery": _r(g.mastery)}
                              for (pid, _), g in zip(c.parts, cells)}}
                   for r, cells in zip(c.roster, c.grid)],
        "sections": [{"id": s.section_id, "title": s.title, "read_share": _r(s.read_share),
                      "mastery": _r(s.mastery), "reviews": s.reviews} for s in c.sections],
        "hardest": [{"card": h.card_id, "text": card_text(course, h.card_id, 10_000), "section": h.section_title,
                     "mean_recall": _r(h.mean_recall), "lapses": h.lapses, "leeches": h.leeches,
                     "learners": h.learners, "struggling": [c.roster[i].name or c.roster[i].file_name
                                                           for i in h.strugglers]} for h in c.hardest],
        "heatmap": c.heatmap, "forecast_14d": c.forecast,
        "units": [{"unit": u.unit, "trainees": u.trainees, "not_started": u.not_started, "stopped": u.stopped,
                   "read_share": _r(u.read_share), "reviews": u.reviews, "retention_30d": _r(u.retention_30d),
                   "mastery": _r(u.mastery)} for u in c.units],
        "rejected": [{"file": f, "reason": r.render(t)} for f, r in c.rejected],
        "replaced": c.replaced,
    }, ensure_ascii=False, indent=1) + "\n"
