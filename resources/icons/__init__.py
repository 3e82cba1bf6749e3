"""The application icon (SVG source; PNG and ICO made by packaging/make_icon.py)."""
