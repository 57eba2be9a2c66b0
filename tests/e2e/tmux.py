"""Driving the installed console script in a real terminal through tmux."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest


def console_script() -> Path:
    script = Path(sys.executable).parent / "gonghui-tui"
    if not script.exists():
        pytest.skip("gonghui-tui is not installed in this environment")
    return script


class Terminal:
    """One tmux server on its own socket, running one command."""

    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30),
                 config: Path | None = None):
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed")
        self.socket = f"gonghui-test-{uuid.uuid4().hex[:8]}"
        self.config = ["-f", str(config)] if config else []  # read when the server starts
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        shell = f"env {exports} TERM=xterm-256color {' '.join(map(str, command))}; sleep 30"
        self._tmux("new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), shell)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *self.config, *args], capture_output=True, text=True,
                                timeout=20)
        return result.stdout

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 20.0, message: str = "") -> str:
        deadline = time.monotonic() + timeout
        squashed = "".join(text.split())
        while time.monotonic() < deadline:
            screen = self.screen()
            if squashed in "".join(screen.split()):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{message} {text!r} never appeared; the screen was:\n{self.screen()}")

    def app_pid(self) -> int | None:
        """The pid of the program running in the pane (the shell's child)."""
        shell = self._tmux("display-message", "-p", "#{pane_pid}").strip()
        if not shell:
            return None
        found = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
        return int(found[0]) if found else None

    def pane_command(self) -> str:
        return self._tmux("display-message", "-p", "#{pane_current_command}").strip()

    def buffers(self) -> str:
        """tmux's paste buffers: where OSC 52 "set clipboard" lands with set-clipboard on."""
        return self._tmux("list-buffers")

    def pane_title(self) -> str:
        return self._tmux("display-message", "-p", "#{pane_title}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=20)
