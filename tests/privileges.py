"""Running a command without the power to ignore file modes."""

from __future__ import annotations

import os
import shutil

import pytest


def unprivileged() -> list[str]:
    """The prefix that runs a command the way an ordinary user meets file modes.

    As root, the same user with every capability dropped (setpriv): modes such
    as 0555 or 0000 then apply, yet the checkout and its venv stay reachable
    even when they sit inside a 0700 folder (a clone under ``mktemp -d``),
    which switching to another user ("nobody") could not enter.
    """
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop the power to ignore file modes")
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all"]
