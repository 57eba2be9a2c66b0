"""The cohort report as one self-contained HTML file.

No scripts, fonts or images from anywhere: charts are inline SVG, styles
inline, and a Content-Security-Policy forbids every request, so the file
reads the same offline, on a phone and on paper (print CSS).
"""

from __future__ import annotations

from datetime import date, tzinfo
from html import escape

from gonghui_tui.domain.cohort import Cohort
from gonghui_tui.domain.cohort_report import ROSTER_HEADERS, card_text, display_name, grid_symbol, roster_cells, unit_name
from gonghui_tui.domain.course import Course
from gonghui_tui.domain.figures import percent
from gonghui_tui.domain.translate import Translate

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
:root { --ink:#1d2733; --muted:#5b6875; --line:#d5dbe1; --accent:#b3261e; --ok:#2e7d32; --warn:#b26a00; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 70rem; line-height: 1.5; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem;
     border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
.meta { color: var(--muted); margin: 0; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; white-space: nowrap; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.not_started td:first-child::before { content: "○ "; color: var(--muted); }
tr.stopped td:first-child::before { content: "△ "; color: var(--warn); }
tr.not_started, tr.stopped { background: #fff7e6; }
.cell { text-align: center; white-space: nowrap; }
/* Roster and grid: one line per trainee; on a narrow screen the table scrolls
   sideways under a name column that stays put. */
table.roster td, table.grid td { white-space: nowrap; }
table.roster td:first-child, table.roster th:first-child, table.grid td:first-child, table.grid th:first-child {
  position: sticky; left: 0; z-index: 1; background: #fff; }
table.roster th:first-child, table.grid th:first-child { background: #f3f5f7; }
tr.not_started td:first-child, tr.stopped td:first-child { background: #fff7e6; }
.who { color: var(--muted); font-size: .85rem; }
.nb { white-space: nowrap; }
svg { max-width: 100%; height: auto; display: block; }
.rejected td { color: var(--accent); }
@media (max-width: 40rem) { body { padding: .5rem; } table { font-size: .82rem; } th, td { padding: .25rem; } }
@media print { body { max-width: none; padding: 0; font-size: 10pt; } h2 { break-after: avoid; }
  table.roster td, table.grid td { white-space: normal; } td:first-child, th:first-child { position: static; }
  tr, svg { break-inside: avoid; } .scroll { overflow: visible; } th { background: none; } }
"""


def _table(headers: list[str], rows: list[tuple[str, list[str]]], numeric: set[int] = frozenset(),
           cls: str = "") -> str:
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in headers)
    body = "".join(
        f"<tr class='{escape(row_cls)}'>" + "".join(
            f"<td class='n'>{c}</td>" if i in numeric else f"<td>{c}</td>" for i, c in enumerate(cells)) + "</tr>"
        for row_cls, cells in rows)
    return f"<div class='scroll'><table class='{cls}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _shade(count: int, top: int) -> str:
    if count == 0:
        return "#ebedf0"
    level = min(4, 1 + int(3 * count / max(top, 1)))
    return ("#c6e48b", "#7bc96f", "#239a3b", "#196127")[level - 1]


def heatmap_svg(heatmap: dict[str, int], t: Translate) -> str:
    """Weeks as columns, weekdays as rows, like a contribution calendar."""
    days = list(heatmap.items())
    if not days:
        return ""
    top = max(n for _, n in days)
    first = date.fromisoformat(days[0][0])
    offset = first.weekday()
    cell, gap = 12, 2
    weeks = (offset + len(days) + 6) // 7
    rects = []
    for i, (day, n) in enumerate(days):
        col, row = divmod(offset + i, 7)
        rects.append(f"<rect x='{col * (cell + gap)}' y='{row * (cell + gap)}' width='{cell}' height='{cell}' "
                     f"rx='2' fill='{_shade(n, top)}'><title>{escape(day)}: {n}</title></rect>")
    width, height = weeks * (cell + gap), 7 * (cell + gap)
    return (f"<svg role='img' aria-label='{escape(t('cohort.activity'))}' viewBox='0 0 {width} {height}' "
            f"width='{width * 2}' xmlns='http://www.w3.org/2000/svg'>{''.join(rects)}</svg>")


def forecast_svg(forecast: list[int], t: Translate) -> str:
    top = max(forecast) or 1
    bar, gap, height = 26, 6, 120
    parts = []
    for i, n in enumerate(forecast):
        h = round(n / top * (height - 30))
        x = i * (bar + gap)
        label = t("cohort.today") if i == 0 else f"+{i}"
        parts.append(f"<rect x='{x}' y='{height - 16 - h}' width='{bar}' height='{h}' fill='#3b6ea8'>"
                     f"<title>{escape(label)}: {n}</title></rect>"
                     f"<text x='{x + bar / 2}' y='{height - 19 - h}' font-size='10' text-anchor='middle'>{n}</text>"
                     f"<text x='{x + bar / 2}' y='{height - 3}' font-size='10' text-anchor='middle'>"
                     f"{escape(label)}</text>")
    width = len(forecast) * (bar + gap)
    return (f"<svg role='img' aria-label='{escape(t('cohort.forecast'))}' viewBox='0 0 {width} {height}' "
            f"width='{width}' xmlns='http://www.w3.org/2000/svg'>{''.join(parts)}</svg>")


def _grid_cell(read: float, mastery: float | None) -> str:
    tint = "#e8f5e9" if read >= 1 else "#fffde7" if read > 0 else "#fbe9e7"
    return (f"<span class='cell' style='display:block;background:{tint}'>{grid_symbol(read)} "
            f"{escape(percent(mastery))}</span>")


def _when(cohort: Cohort, tz: tzinfo | None) -> str:
    return cohort.generated.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def to_html(cohort: Cohort, course: Course, t: Translate, lang: str = "zh", tz: tzinfo | None = None) -> str:
    c = cohort
    e = escape
    title = t("punct.field", label=t("cohort.title"), value=c.course_title)
    out = [f"<!DOCTYPE html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>",
           f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">",
           "<meta name='viewport' content='width=device-width, initial-scale=1'>",
           f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{e(title)}</h1>",
           f"<p class='meta'>{e(t('punct.field', label=t('cohort.generated'), value=_when(c, tz)))}"
           f" · {e(t('cohort.counted', n=len(c.roster)))}"
           + (f" · {e(t('cohort.replaced', n=c.replaced))}" if c.replaced else "") + "</p>"]
    out.append(f"<h2 id='roster'>{e(t('cohort.roster'))}</h2>")
    out.append(_table([t(h) for h in ROSTER_HEADERS],
                      [(r.status, [e(x) for x in roster_cells(r, c.sections_total, t)]) for r in c.roster],
                      numeric={2, 3, 4, 5, 7}, cls="roster"))
    out.append(f"<h2 id='sections'>{e(t('cohort.sections'))}</h2>")
    out.append(_table([t("cohort.section"), t("cohort.read_share"), t("cohort.mastery"), t("cohort.reviews")],
                      [("", [f"<div style='padding-left:{s.depth}em'>{e(s.title)}</div>", percent(s.read_share), percent(s.mastery), str(s.reviews)])
                       for s in c.sections], numeric={1, 2, 3}))
    out.append(f"<h2 id='grid'>{e(t('cohort.grid'))}</h2><p class='meta'>{e(t('cohort.legend'))}</p>")
    out.append(_table([t("cohort.name")] + [title for _, title in c.parts],
                      [(r.status, [e(display_name(r, t))] + [_grid_cell(g.read, g.mastery) for g in cells])
                       for r, cells in zip(c.roster, c.grid)], cls="grid"))
    out.append(f"<h2 id='hardest'>{e(t('cohort.hardest'))}</h2>")
    out.append(_table([t("cohort.card"), t("cohort.recall"), t("cohort.lapses"), t("cohort.leeches"),
                       t("cohort.struggling")],
                      [("", [f"{e(card_text(course, h.card_id, 200))}<div class='who'>{e(h.section_title)}</div>",
                             percent(h.mean_recall), str(h.lapses), str(h.leeches),
                             e(t("punct.enum_sep")).join(f"<span class='nb'>{e(display_name(c.roster[i], t))}</span>"
                                      for i in h.strugglers) or "—"])
                       for h in c.hardest], numeric={1, 2, 3}, cls="hardest"))
    out.append(f"<h2 id='activity'>{e(t('cohort.activity'))}</h2>{heatmap_svg(c.heatmap, t)}")
    if c.heatmap:
        days = list(c.heatmap)
        out.append(f"<p class='meta'>{e(t('cohort.heat_span', first=days[0], last=days[-1]))}</p>")
    out.append(f"<h2 id='forecast'>{e(t('cohort.forecast'))}</h2>{forecast_svg(c.forecast, t)}")
    out.append(f"<h2 id='units'>{e(t('cohort.units'))}</h2>")
    out.append(_table([t("cohort.unit"), t("cohort.trainees"), t("cohort.not_started"), t("cohort.stopped"),
                       t("cohort.read"), t("cohort.reviews"), t("cohort.retention"), t("cohort.mastery")],
                      [("", [e(unit_name(u.unit, t)), str(u.trainees), str(u.not_started), str(u.stopped),
                             percent(u.read_share), str(u.reviews), percent(u.retention_30d), percent(u.mastery)])
                       for u in c.units], numeric={1, 2, 3, 4, 5, 6, 7}))
    if c.rejected:
        out.append(f"<h2 id='rejected'>{e(t('cohort.rejected'))}</h2>")
        out.append(_table([t("cohort.reason")], [("", [e(r.render(t))]) for _, r in c.rejected], cls="rejected"))
    out.append("</body></html>\n")
    return "\n".join(out)
