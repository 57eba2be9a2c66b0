"""gonghui-tui: a terminal study companion for the trade-union cadre course."""

__version__ = "0.1.0"
