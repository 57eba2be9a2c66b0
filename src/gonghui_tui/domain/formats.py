"""Export format names, importable without the exporters (the CLI parser needs them at start)."""

FORMATS = ("md", "toml", "json", "csv", "anki")
