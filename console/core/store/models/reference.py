"""Who and where: regions, districts, customers, sites, services, technicians, shifts, users."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.core.domain.enums import Assurance, CustomerLevel, Role, ServiceType, ShiftKind
from console.core.store.models.base import Base, Synced, enum_type

_LAT_OK = "{c} IS NULL OR ({c} >= -90 AND {c} <= 90)"
_LON_OK = "{c} IS NULL OR ({c} >= -180 AND {c} <= 180)"


def _position_checks(lat: str, lon: str, prefix: str) -> tuple[CheckConstraint, CheckConstraint, CheckConstraint]:
    return (
        CheckConstraint(_LAT_OK.format(c=lat), name=f"{prefix}lat_range"),
        CheckConstraint(_LON_OK.format(c=lon), name=f"{prefix}lon_range"),
        CheckConstraint(f"({lat} IS NULL) = ({lon} IS NULL)", name=f"{prefix}lat_lon_together"),
    )


class Region(Synced, Base):
    """A desk's area of responsibility; users and technicians belong to one."""

    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64))


class District(Synced, Base):
    """An administrative district (区), named by its adcode."""

    __tablename__ = "districts"
    adcode: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64))
    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("regions.id"), index=True)
    center_lat: Mapped[float] = mapped_column(Float)
    center_lon: Mapped[float] = mapped_column(Float)


class Customer(Synced, Base):
    __tablename__ = "customers"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[CustomerLevel] = mapped_column(enum_type(CustomerLevel), index=True)
    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("regions.id"), index=True)
    industry: Mapped[str] = mapped_column(String(64), default="")
    contact_name: Mapped[str] = mapped_column(String(64), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    account_manager: Mapped[str] = mapped_column(String(64), default="")


class Site(Synced, Base):
    """An installation site (装机地址) of a customer."""

    __tablename__ = "sites"
    __table_args__ = (
        *_position_checks("latitude", "longitude", ""),
        CheckConstraint("access_points >= 1", name="access_points_positive"),
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    district_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("districts.id"), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    access_points: Mapped[int] = mapped_column(Integer, default=1)
    optical_box: Mapped[str] = mapped_column(String(64), default="")
    optical_port: Mapped[str] = mapped_column(String(32), default="")


class Service(Synced, Base):
    """One service (业务/专线) of a customer, with its own assurance level."""

    __tablename__ = "services"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"), index=True)
    service_type: Mapped[ServiceType] = mapped_column(enum_type(ServiceType))
    circuit_id: Mapped[str] = mapped_column(String(64), unique=True)
    assurance: Mapped[Assurance] = mapped_column(enum_type(Assurance))
    bandwidth_mbps: Mapped[int] = mapped_column(Integer, default=100)
    billing_started_at: Mapped[datetime | None]


class Technician(Synced, Base):
    """A field technician (装维人员), with skills, a home base and the last known position."""

    __tablename__ = "technicians"
    __table_args__ = (
        *_position_checks("home_lat", "home_lon", "home_"),
        *_position_checks("last_lat", "last_lon", "last_"),
    )
    employee_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32), default="")
    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("regions.id"), index=True)
    team: Mapped[str] = mapped_column(String(64), default="")
    skills: Mapped[list[str]] = mapped_column(default=list)
    home_lat: Mapped[float | None] = mapped_column(Float)
    home_lon: Mapped[float | None] = mapped_column(Float)
    last_lat: Mapped[float | None] = mapped_column(Float)
    last_lon: Mapped[float | None] = mapped_column(Float)
    last_seen_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)


class Shift(Synced, Base):
    __tablename__ = "shifts"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="ends_after_start"),)
    technician_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("technicians.id"), index=True)
    kind: Mapped[ShiftKind] = mapped_column(enum_type(ShiftKind))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    break_starts_at: Mapped[datetime | None]
    break_ends_at: Mapped[datetime | None]


class User(Synced, Base):
    """A person at a desk: dispatcher, supervisor or admin, with a region (none: all regions)."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username"),)
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[Role] = mapped_column(enum_type(Role))
    region_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("regions.id"))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))  # role technician only
    active: Mapped[bool] = mapped_column(default=True)
    phone: Mapped[str] = mapped_column(String(32), default="")  # work phone: escalated alerts reach a supervisor here
