"""Sites the map cannot place: put on the map by hand, or sent to the centre's geocoder again.

Both are actions of their own (audited, synced as operations, run again at the centre as the
user). Placing sets the site's position, inside the service area (the box round the districts'
centres), and says what it was. Geocoding again writes only its audit row ("site.geocode_requested"):
at the centre that row asks the geocoder (central/outbound.py), whose answer reaches every desk
through the feed; a desk alone (no centre) keeps the request in its history.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.enums import OPEN_STATUSES
from console.core.domain.geo import Placement, placement, service_area
from console.core.operations import operation
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import District, Site, WorkOrder, touch
from console.core.store.rows import DeskUser

MAX_SITES = 500  # sites one request names


class SiteActions:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local", **_unused):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    @operation("sites.place")
    def place(self, site_id: uuid.UUID, latitude: float, longitude: float) -> Changes:
        """The site at this position (chosen on the map); ValueError saying why not."""
        if not (math.isfinite(latitude) and math.isfinite(longitude)):
            raise ValueError("the position is not a number")
        with self._database.unit_of_work() as session:
            site = session.get(Site, site_id)
            if site is None or site.deleted:
                raise ValueError("the site no longer exists")
            centres = session.execute(select(District.center_lat, District.center_lon).where(District.deleted.is_(False))).all()
            if centres and placement(latitude, longitude, service_area([tuple(c) for c in centres])) != Placement.PLACED:
                raise ValueError("the position is outside the service area")
            now = self._clock()
            before = {"latitude": site.latitude, "longitude": site.longitude}
            site.latitude, site.longitude = round(latitude, 6), round(longitude, 6)
            touch(site, now)
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="site.placed", entity="site",
                         entity_id=site.id, order_id=None, before=before,
                         after={"latitude": site.latitude, "longitude": site.longitude, "address": site.address})
            return Changes(orders=self._open_orders(session, [site.id]))

    @operation("sites.geocode_again")
    def geocode_again(self, site_ids: list[uuid.UUID]) -> Changes:
        """Ask the centre's geocoder again for these sites' positions (their addresses may have been corrected)."""
        ids = list(dict.fromkeys(site_ids))
        if not ids or len(ids) > MAX_SITES:
            raise ValueError(f"name between 1 and {MAX_SITES} sites")
        with self._database.unit_of_work() as session:
            sites = session.scalars(select(Site).where(Site.id.in_(ids), Site.deleted.is_(False))).all()
            if len(sites) != len(ids):
                raise ValueError("a site no longer exists")
            now = self._clock()
            for site in sites:
                audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="site.geocode_requested",
                             entity="site", entity_id=site.id, order_id=None, before=None, after={"address": site.address})
            return Changes(orders=self._open_orders(session, ids))

    @staticmethod
    def _open_orders(session, site_ids: Iterable[uuid.UUID]) -> frozenset[uuid.UUID]:
        return frozenset(session.scalars(select(WorkOrder.id).where(WorkOrder.site_id.in_(list(site_ids)),
                                                                    WorkOrder.status.in_(OPEN_STATUSES))))
