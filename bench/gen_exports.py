"""Synthetic trainee exports for the cohort report (issue 19).

    python bench/gen_exports.py OUT_DIR [COUNT [REVIEWS]]   # default 5,000 × 1,000

Each file is a JSON progress export of the bundled course, shaped exactly
like `gonghui-tui export --format json` writes it (a test reads one back
through the same validation), signed by a trainee from one of a dozen units.
Seeded: the same arguments give the same files.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from gonghui_tui.domain.export import FORMAT_NAME, FORMAT_VERSION, iso
from gonghui_tui.domain.loader import load_course
from gonghui_tui.paths import bundled_course

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英")
UNITS = tuple(f"第{n}分会" for n in "一二三四五六七八九十") + ("机关工会", "直属工会")
NOW = datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def export_data(index: int, reviews: int, course, now: datetime = NOW, seed: int = 0) -> dict:
    rng = random.Random(seed * 1_000_003 + index)
    name = SURNAMES[index % len(SURNAMES)] + GIVEN[(index // len(SURNAMES)) % len(GIVEN)] + (
        str(index // (len(SURNAMES) * len(GIVEN))) if index >= len(SURNAMES) * len(GIVEN) else "")
    unit = UNITS[index % len(UNITS)]
    cards = [c.id for c in course.cards]
    span_days = rng.randint(5, 60)
    idle_days = rng.choice((0, 0, 0, 1, 2, 9, 20))  # some have stopped
    end = now - timedelta(days=idle_days)
    start = end - timedelta(days=span_days)
    times = sorted(_ms(start) + rng.randrange(span_days * 86_400_000) for _ in range(reviews))
    weak = set(rng.sample(cards, 5))
    log, state, lapses, reps, last = [], {}, {}, {}, {}
    for ms in times:
        card = rng.choice(cards)
        before = state.get(card, 0)
        rating = 1 if rng.random() < (0.35 if card in weak else 0.1) else rng.choice((2, 3, 3, 3, 4))
        if before == 2 and rating == 1:
            lapses[card] = lapses.get(card, 0) + 1
        state[card] = 3 if (before == 2 and rating == 1) else 2
        reps[card] = reps.get(card, 0) + 1
        last[card] = ms
        log.append({"card": card, "rating": rating, "reviewed": iso(ms), "duration_ms": rng.randint(2000, 20000),
                    "state_before": before or None})
    card_rows = []
    for card in cards:
        if card not in state:
            continue
        stability = rng.uniform(0.5, 4.0) if card in weak else rng.uniform(3.0, 60.0)
        card_rows.append({"id": card, "state": state[card], "step": 0 if state[card] == 3 else None,
                          "stability": round(stability, 4),
                          "difficulty": round(rng.uniform(3, 9), 4), "reps": reps[card],
                          "lapses": lapses.get(card, 0), "suspended": False, "leech": lapses.get(card, 0) >= 8,
                          "due": iso(last[card] + int(stability * 86_400_000)), "last_review": iso(last[card])})
    sections = [{"id": sid, "read": True, "first_read": iso(_ms(start)), "last_read": iso(_ms(start)),
                 "seconds": 60.0} for sid in course.sections if rng.random() < 0.8]
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "app_version": "0.1.0",
            "exported_at": iso(_ms(end)), "course": {"id": course.id, "title": course.title},
            "trainee": {"name": name, "unit": unit}, "settings": {"desired_retention": 0.9},
            "position": None, "sections": sections,
            "cards": [{k: v for k, v in row.items() if v is not None} for row in card_rows], "reviews": log}


def export_text(data: dict) -> str:
    """The layout `gonghui-tui export --format json` writes: one review per line."""
    parts = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()
             if k != "reviews" and v is not None]
    reviews = [json.dumps(r, ensure_ascii=False) for r in data["reviews"]]
    parts.append(' "reviews": [\n  ' + ",\n  ".join(reviews) + "\n ]" if reviews else ' "reviews": []')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_exports(out: Path, count: int, reviews: int, seed: int = 0) -> list[Path]:
    course = load_course(bundled_course())
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        data = export_data(i, reviews, course, seed=seed)
        path = out / f"gonghui-progress-{i:05d}.json"
        path.write_text(export_text(data), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000
    write_exports(target, n, per)
    print(f"{n} exports of {per} reviews each in {target}")
