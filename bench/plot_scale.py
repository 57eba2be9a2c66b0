"""Draw issue 18's growth curves from `python bench/run.py --scale --json FILE`,
in CPU seconds (on a shared host the steadier figure; wall times are in the JSON).

    python -m bench.plot_scale FILE [docs/scale-curves.svg]

Needs matplotlib (the `bench` extra: pip install -e '.[bench]'); only this
script uses it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ACTIONS = {"stats_json": "stats --json", "export_md": "export MD", "export_json": "export JSON"}


def plot(results: dict, target: Path) -> None:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    scale = results["scale"]
    fig, (by_reviews, by_course) = plt.subplots(1, 2, figsize=(10, 4))
    rows = scale["batch_by_reviews"]
    reviews = [r["reviews"] for r in rows]
    for key, label in ACTIONS.items():
        by_reviews.plot(reviews, [r[key]["cpu_s"] for r in rows], marker="o", label=label)
    by_reviews.plot(reviews, [r["stats_json"]["baseline_cpu_s"] for r in rows], "k--", marker=".",
                    label="plain sqlite3 read of the log")
    low, high = reviews[0], reviews[-1]
    first = rows[0]["export_json"]["cpu_s"]
    by_reviews.plot([low, high], [first, first * high / low], ":", color="grey", label="linear from the first point")
    by_reviews.set(xscale="log", yscale="log", xlabel="reviews stored (course L)", ylabel="CPU seconds (median)",
                   title="Commands vs history length")
    by_reviews.legend(fontsize=7)
    rows = scale["batch_by_course"]
    courses = [r["course"] for r in rows]
    for key, label in ACTIONS.items():
        by_course.plot(courses, [r[key]["cpu_s"] for r in rows], marker="o", label=label)
    by_course.plot(courses, [r["stats_json"]["baseline_cpu_s"] for r in rows], "k--", marker=".",
                   label="plain sqlite3 read")
    by_course.set(xlabel=f"course ({rows[0]['reviews']:,} reviews)", ylabel="CPU seconds (median)",
                  title="Commands vs course size (S, M, L)")
    by_course.legend(fontsize=7)
    fig.suptitle("gonghui-tui, issue 18: growth per action (same-run baselines dashed)", fontsize=10)
    fig.tight_layout()
    fig.savefig(target, format="svg")


if __name__ == "__main__":
    plot(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2] if len(sys.argv) > 2 else "docs/scale-curves.svg"))
