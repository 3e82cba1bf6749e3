"""Dispatch Console: the dispatch desk application for enterprise-line installation and repair."""

__version__ = "0.1.0"
