"""Saved queue views: the built-in ones and the user's own, kept by meaning in `views.json`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from console.core.domain.enums import Band
from console.core.services.queue_filter import UNASSIGNED, QueueFilter
from console.json_files import write_json_atomic

VIEWS_VERSION = 1


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: QueueFilter = field(default_factory=QueueFilter)
    builtin: bool = False


# The views every desk has, by key; the UI gives them their translated names.
BUILTIN_FILTERS: dict[str, QueueFilter] = {
    "all": QueueFilter(),
    "red_and_breached": QueueFilter(bands=frozenset({Band.RED, Band.BREACHED})),
    "unassigned_and_breached": QueueFilter(bands=frozenset({Band.BREACHED}), assignee=UNASSIGNED),
    "pauses_awaiting_approval": QueueFilter(awaiting_approval=True),
}


class SavedViewsError(ValueError):
    """The saved views file cannot be used."""


def load_views(path: Path) -> list[SavedView]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SavedViewsError(f"the saved views file {path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("version") != VIEWS_VERSION or not isinstance(raw.get("views"), list):
        raise SavedViewsError(f"the saved views file {path} is not a version {VIEWS_VERSION} views file")
    try:
        return [SavedView(str(v["name"]), QueueFilter.from_json(v["filter"])) for v in raw["views"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise SavedViewsError(f"the saved views file {path} has a view that cannot be used: {exc}") from exc


def save_views(views: Iterable[SavedView], path: Path) -> None:
    payload = {"version": VIEWS_VERSION, "views": [{"name": v.name, "filter": v.filter.to_json()} for v in views if not v.builtin]}
    write_json_atomic(path, payload)


def with_view(views: list[SavedView], view: SavedView) -> list[SavedView]:
    """Add or replace (by name) a user's view; built-in names are refused."""
    name = view.name.strip()
    if not name:
        raise SavedViewsError("a saved view needs a name")
    if any(v.builtin and v.name == name for v in views):
        raise SavedViewsError(f"{name!r} is a built-in view; choose another name")
    return [v for v in views if v.name != name] + [replace(view, name=name, builtin=False)]
