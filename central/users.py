"""Setting the centre's users' passwords (the users themselves are replicated rows)."""

from __future__ import annotations

import re

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central.security import hash_password
from console.core.domain.enums import Role
from console.core.store.models import ApiToken, Technician, User, touch, utcnow


def set_password(session: Session, username: str, password: str) -> None:
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise LookupError(f"there is no user {username!r}")
    user.password_hash = hash_password(password)
    touch(user, utcnow())
    # A new password ends every session of the old one.
    session.execute(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)).values(revoked_at=utcnow()))


PHONE = re.compile(r"\+?[0-9][0-9 -]{4,30}")


def set_phone(session: Session, username: str, phone: str) -> None:
    """A desk user's work phone (empty: none): an alert escalated in their region reaches a
    supervisor here as a text message."""
    phone = phone.strip()
    if phone and not PHONE.fullmatch(phone):
        raise ValueError(f"{phone!r} is not a phone number (digits, spaces or dashes, an optional leading +; 5 to 32 characters)")
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise LookupError(f"there is no user {username!r}")
    if user.role in (Role.TECHNICIAN, Role.INTAKE):
        raise ValueError(f"{username} is a {user.role.value} account: a technician's phone is the technician's record's")
    user.phone = phone
    touch(user, utcnow())


def add_account(session: Session, username: str, role: Role, display_name: str, password: str) -> None:
    """An integration's account (no region, no desk): what its role allows and nothing more."""
    if role is not Role.INTAKE:
        raise ValueError("integration accounts are intake accounts")
    session.add(User(username=username, display_name=display_name, role=role, region_id=None, password_hash=hash_password(password),
                     active=True))


def add_field_accounts(session: Session, password: str) -> list[str]:
    """A field-app account for every technician without one, named by the employee number in lower
    case (`t00001`), for the technician's region, all with this password (a demo's or a trial's:
    hashed once, so eighty accounts take one hash's time). Returns the new user names."""
    taken = set(session.scalars(select(User.technician_id).where(User.technician_id.is_not(None))))
    names = set(session.scalars(select(User.username)))
    digest = hash_password(password)
    added = []
    for technician in session.scalars(select(Technician).where(Technician.deleted.is_(False)).order_by(Technician.employee_no)):
        username = technician.employee_no.lower()
        if technician.id in taken or username in names:
            continue
        session.add(User(username=username, display_name=technician.name, role=Role.TECHNICIAN, region_id=technician.region_id,
                         technician_id=technician.id, password_hash=digest, active=True))
        added.append(username)
    return added
