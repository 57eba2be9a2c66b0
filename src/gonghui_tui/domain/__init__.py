"""Pure-Python course, scheduling and statistics logic: no textual, no rich."""
