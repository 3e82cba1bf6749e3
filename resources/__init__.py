"""Packaged resources: translations, style sheets, the map page, icons (read via importlib.resources)."""
