"""The one error boundary: a store or file error in a screen's action becomes
one notice, the same everywhere, never a traceback.

Decorate the action (or the small method that saves); when the save fails,
the rest of the method does not run, so the screen stays as it was.
"""

from __future__ import annotations

import functools
from typing import Callable, ParamSpec, TypeVar

from textual.dom import DOMNode

from gonghui_tui.i18n import t
from gonghui_tui.domain.ports import StoreError

P = ParamSpec("P")
R = TypeVar("R")

SAVE_ERRORS = (StoreError, OSError)


def report_save_error(node: DOMNode, exc: BaseException) -> None:
    node.notify(t("store.save_failed", error=exc), severity="error", timeout=8, markup=False)


def saves(method: Callable[P, R]) -> Callable[P, R | None]:
    """Run ``method``; if saving fails, show the one notice and return None."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(*args, **kwargs)
        except SAVE_ERRORS as exc:
            report_save_error(args[0], exc)  # type: ignore[arg-type]
            return None

    return guarded
