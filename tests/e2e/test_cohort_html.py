"""The HTML cohort report in a real headless Chromium (Debian's `chromium`,
installed by .ci/run where missing): the roster and the hardest cards are
in the DOM, no request leaves the file, and a screenshot is taken.

GONGHUI_SCREENSHOTS=1 also copies the screenshots to docs/ (docs/cohort.md
shows them); otherwise they stay in the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bench.gen_exports import export_data
from gonghui_tui.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DOCS = Path(__file__).parent.parent.parent / "docs"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
# Quiet, and safe as root in a container: no sandbox, no GPU, none of the
# browser's own background requests, which would muddy the network log.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-first-run",
         "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
         "--no-default-browser-check", "--disable-crash-reporter", "--disable-breakpad"]


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked the network for (not the browser's own housekeeping)."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [event["params"]["url"] for event in log["events"]
            if event["type"] == start and "url" in event.get("params", {})
            and event["params"].get("initiator") != "not an origin"]


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append(attrs.get("class") or "")
        self.links += [v for k, v in attrs.items() if k in ("src", "href") and v]

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for cls in set(self.stack):
            self.text.setdefault(cls, []).append(data)


@pytest.fixture
def report(course, clock, tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr("gonghui_tui.cli.utc_now", clock.now)
    folder = tmp_path / "exports"
    folder.mkdir()
    for i in range(12):
        data = export_data(i, 150, course, now=clock.now())
        (folder / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data = export_data(99, 0, course, now=clock.now())
    del data["trainee"]
    data["sections"] = data["cards"] = []
    (folder / "unsigned.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    target = tmp_path / "report.html"
    assert main(["cohort", str(folder), "--format", "html", "-o", str(target)]) == 0
    return target


def test_report_loads_in_chromium_with_roster_and_hardest_cards_and_no_request(report, tmp_path):
    net_log = tmp_path / "net.json"
    dom = _Dom()
    dom.feed(chromium(tmp_path, f"--log-net-log={net_log}", "--dump-dom", report.as_uri()))
    roster = "".join(dom.text.get("roster", []))
    assert "张伟" in roster and "未署名（unsigned.json）" in roster and "未开始" in roster
    hardest = "".join(dom.text.get("hardest", []))
    assert "平均记忆概率" in hardest and "、" in hardest  # cards with the trainees who struggle
    assert "broken.json" in "".join(dom.text.get("rejected", []))
    assert dom.links == []  # nothing to fetch: no scripts, fonts, images or styles from elsewhere
    assert page_requests(net_log) == []


def test_the_network_check_sees_a_request_when_there_is_one(report, tmp_path):
    leaky = tmp_path / "leaky.html"
    text = report.read_text(encoding="utf-8").replace("Content-Security-Policy", "x-removed")
    leaky.write_text(text.replace("<body>", "<body><img src='http://127.0.0.1:9/pixel.png'>"), encoding="utf-8")
    net_log = tmp_path / "net.json"
    chromium(tmp_path, f"--log-net-log={net_log}", "--dump-dom", leaky.as_uri())
    assert page_requests(net_log) == ["http://127.0.0.1:9/pixel.png"]


def test_screenshots_wide_and_phone(report, tmp_path):
    """The top of the report wide and on a phone; then the hardest cards, activity and units
    (a headless screenshot is of the window's top, so a copy hides the three tables above them)."""
    lower = tmp_path / "lower.html"
    hide = "#roster, #sections, #grid, #roster + .scroll, #sections + .scroll, #grid + p, #grid + p + .scroll"
    lower.write_text(report.read_text(encoding="utf-8").replace("</style>", hide + " { display: none; }</style>"),
                     encoding="utf-8")
    for name, size, page in (("cohort-report.png", "1100,1800", report), ("cohort-report-phone.png", "390,1400", report),
                             ("cohort-report-lower.png", "1100,1800", lower)):
        shot = tmp_path / name
        chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size}", page.as_uri())
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
        if os.environ.get("GONGHUI_SCREENSHOTS"):
            shutil.copyfile(shot, DOCS / name)


def test_the_report_prints_to_pdf(report, tmp_path):
    """Printed (Chromium's print to PDF applies the print CSS): a PDF of several A4 pages."""
    import re

    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2
