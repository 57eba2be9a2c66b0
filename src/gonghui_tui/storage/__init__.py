"""Pure-Python persistence (SQLite progress store, settings): no textual, no rich."""
