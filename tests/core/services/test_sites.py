"""Unplaced sites: placed on the map by hand (inside the service area, audited with where it was), or
sent to the geocoder again (an audit row the centre turns into a geocoder request)."""

import pytest
from sqlalchemy import select

from console.core.services.desk import DeskReader
from console.core.services.sites import SiteActions
from console.core.store.models import AuditEntry, Site, WorkOrder
from tests.fixtures.demo import DEMO_NOW


def _actions(demo_db) -> SiteActions:
    return SiteActions(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW)


def _unplaced(demo_db) -> Site:
    with demo_db.reading() as s:
        return s.scalars(select(Site).where(Site.latitude.is_(None)).join(WorkOrder, WorkOrder.site_id == Site.id)).first()


def test_a_site_placed_by_hand_has_its_position_and_the_history_says_where_it_was(demo_db) -> None:
    site = _unplaced(demo_db)
    changes = _actions(demo_db).place(site.id, 31.2304567891, 121.4737012345)
    assert changes.orders
    with demo_db.reading() as s:
        placed = s.get(Site, site.id)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "site.placed", AuditEntry.entity_id == site.id)).one()
    assert (placed.latitude, placed.longitude) == (31.230457, 121.473701) and placed.version == site.version + 1
    assert entry.before == {"latitude": None, "longitude": None} and entry.after["latitude"] == 31.230457


@pytest.mark.parametrize(("lat", "lon", "why"), [(0.0, 0.0, "outside the service area"), (39.9, 116.4, "outside the service area"),
                                                  (float("nan"), 121.4, "not a number"), (31.2, float("inf"), "not a number")])
def test_a_position_off_the_service_area_or_not_a_number_is_refused_and_nothing_changes(demo_db, lat, lon, why) -> None:
    site = _unplaced(demo_db)
    with pytest.raises(ValueError, match=why):
        _actions(demo_db).place(site.id, lat, lon)
    with demo_db.reading() as s:
        assert s.get(Site, site.id).latitude is None
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action == "site.placed")).all()


def test_geocoding_again_is_an_audit_row_per_site_and_a_missing_site_refuses_the_whole_request(demo_db) -> None:
    site = _unplaced(demo_db)
    import uuid

    with pytest.raises(ValueError, match="no longer exists"):
        _actions(demo_db).geocode_again([site.id, uuid.uuid4()])
    with pytest.raises(ValueError, match="between 1 and"):
        _actions(demo_db).geocode_again([])
    _actions(demo_db).geocode_again([site.id, site.id])
    with demo_db.reading() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "site.geocode_requested")).all()
    assert [(r.entity_id, r.after) for r in rows] == [(site.id, {"address": site.address})]
