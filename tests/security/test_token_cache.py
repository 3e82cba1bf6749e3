"""The centre keeps the accounts of the tokens it checked for the sync endpoints (`central.tokens`):
a revoked token, a new password, an account made inactive or moved to another region take effect at
once in the process that made the change and within the notification's delivery in any other
(here: the test's own connection, as another instance or `dispatch-central` would)."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import select

from central.tokens import TokenCache
from central.users import set_password
from console.core.domain.enums import Role
from console.core.store.models import Region, User
from console.core.store.rows import DeskUser
from tests.fixtures.centre import auth, login

DESK = "wang.wei.central"


def _pull(base: str, headers: dict) -> requests.Response:
    return requests.get(f"{base}/sync/pull", headers=headers, params={"after": "0:0", "limit": 1}, timeout=10)


def _soon(check, seconds: float = 2.0) -> float:
    """How long until `check()` held (fails after `seconds`)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, "the change to the account did not reach the token's cache"
        time.sleep(0.02)
    return time.monotonic() - started


def test_a_token_logged_out_is_refused_at_the_next_pull(centre) -> None:
    base, _database, _url = centre
    headers = auth(login(base, DESK).json()["token"])
    assert _pull(base, headers).status_code == 200 and _pull(base, headers).status_code == 200  # checked, then kept
    assert requests.post(f"{base}/auth/logout", headers=headers, timeout=10).status_code == 204
    assert _pull(base, headers).status_code == 401


def test_a_new_password_or_an_inactive_account_set_elsewhere_ends_its_tokens(centre) -> None:
    base, database, _url = centre
    headers = auth(login(base, DESK).json()["token"])
    assert _pull(base, headers).status_code == 200
    with database.unit_of_work() as s:
        set_password(s, DESK, "another password 2026")
    _soon(lambda: _pull(base, headers).status_code == 401)

    headers = auth(login(base, DESK, "another password 2026").json()["token"])
    assert _pull(base, headers).status_code == 200
    with database.unit_of_work() as s:
        s.scalars(select(User).where(User.username == DESK)).one().active = False
    _soon(lambda: _pull(base, headers).status_code == 401)


def test_an_account_moved_to_another_region_is_scoped_by_its_new_region(centre) -> None:
    base, database, _url = centre
    headers = auth(login(base, DESK).json()["token"])

    def counts() -> dict:
        with requests.get(f"{base}/sync/snapshot", headers=headers, stream=True, timeout=30) as answer:
            return {t: v["count"] for t, v in json.loads(next(answer.iter_lines()))["tables"].items()}

    before = counts()
    with database.unit_of_work() as s:
        user = s.scalars(select(User).where(User.username == DESK)).one()
        user.region_id = s.scalars(select(Region.id).where(Region.id != user.region_id, Region.code == "pudong")).one()
    _soon(lambda: counts()["work_orders"] != before["work_orders"])


def test_the_cache_keeps_nothing_unheard_and_nothing_expired() -> None:
    """Nothing is kept while the listener is not connected, a lookup begun before the cache was
    emptied is not kept, and an entry ends with its token."""
    cache = TokenCache()
    user = DeskUser(uuid.uuid4(), DESK, "王伟", Role.DISPATCHER, None, None, None)
    now = datetime.now(UTC)
    cache.put("a", user, now + timedelta(hours=1), cache.generation)
    assert cache.get("a", now) is None  # not listening
    cache.clear(live=True)
    began = cache.generation
    cache.clear()  # a token or an account changed meanwhile
    cache.put("a", user, now + timedelta(hours=1), began)
    assert cache.get("a", now) is None
    cache.put("a", user, now + timedelta(hours=1), cache.generation)
    assert cache.get("a", now) == user
    assert cache.get("a", now + timedelta(hours=1, seconds=1)) is None
    cache.clear(live=False)
    assert cache.get("a", now) is None
