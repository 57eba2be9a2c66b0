"""Synthetic courses for benchmarks: S (the bundled one), M, L.

    python bench/gen_course.py M out.toml     # 500 sections, 5,000 cards
    python bench/gen_course.py L out.toml     # 2,000 sections, 20,000 cards

Sections nest three deep (parts > chapters > sections); every card kind is
used. Every file passes `gonghui-tui validate`.
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZES = {"M": (500, 5_000), "L": (2_000, 20_000)}
KINDS = ("basic", "cloze", "list", "choice", "typed")


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def course_text(sections: int, cards: int) -> str:
    out = ['format = 1\n[course]\nid = "bench"\ntitle = "基准测试课程"\nsubtitle = "合成"\n']
    ids = []
    parts = max(1, sections // 100)
    for i in range(sections):
        sid = f"s{i}"
        if i < parts:
            parent = None
        elif i < parts * 10:
            parent = f"s{i % parts}"
        else:
            parent = f"s{parts + i % (parts * 9)}"
        out.append(f"[[sections]]\nid = {_q(sid)}\ntitle = {_q(f'第{i}节 工会工作')}\n"
                   + (f"parent = {_q(parent)}\n" if parent else "")
                   + f"body = {_q(f'本节正文 {i}：坚持党对工会工作的领导，全心全意依靠工人阶级。')}\n")
        if i % 5 == 0:
            out.append(f'[[sections.lists]]\nid = "l{i}"\ntitle = "列表{i}"\n'
                       + "".join(f'[[sections.lists.items]]\ntext = "要点{i}-{k}"\n' for k in range(4)))
        ids.append(sid)
    for n in range(cards):
        sid = ids[n % sections]
        kind = KINDS[n % len(KINDS)]
        head = f"[[cards]]\nid = \"c{n}\"\nsection = {_q(sid)}\nkind = \"{kind}\"\n"
        if kind == "basic":
            body = f"front = {_q(f'问题{n}')}\nback = {_q(f'答案{n}')}\n"
        elif kind == "cloze":
            body = f"text = {_q(f'填空{n}：{{{{答案{n}}}}}')}\n"
        elif kind == "list":
            body = f"prompt = {_q(f'列出{n}')}\nitems = [\"甲\", \"乙\", \"丙\"]\n"
        elif kind == "choice":
            body = f"question = {_q(f'选择{n}')}\noptions = [\"甲\", \"乙\", \"丙\", \"丁\"]\nanswer = [\"乙\"]\n"
        else:
            body = f"prompt = {_q(f'输入{n}')}\nanswer = {_q(f'答{n}')}\n"
        out.append(head + body)
    return "\n".join(out)


def write_course(size: str, path: Path) -> Path:
    sections, cards = SIZES[size]
    path.write_text(course_text(sections, cards), encoding="utf-8")
    return path


if __name__ == "__main__":
    size, target = sys.argv[1], Path(sys.argv[2])
    write_course(size, target)
    print(f"wrote {target} ({SIZES[size][0]} sections, {SIZES[size][1]} cards)")
