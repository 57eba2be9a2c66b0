"""The SQL statements a store runs during an action, for query-plan tests."""

from __future__ import annotations

from typing import Callable


def traced(store, action: Callable[[], object]) -> list[str]:
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        store.conn.set_trace_callback(None)
    return statements
