"""The closed vocabularies of the domain (DOMAIN.md), stored by value."""

from __future__ import annotations

from enum import StrEnum


class CustomerLevel(StrEnum):
    """Customer service level (客户服务等级), highest first."""

    KEY = "key"  # 重点保障级: production runs on the network; above Diamond in every respect
    DIAMOND = "diamond"
    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"

    @property
    def rank(self) -> int:
        """0 for the highest level (Key), 4 for Bronze."""
        return self._rank  # set once below: this is read for every row of a 100,000-row sort


for _rank, _level in enumerate(CustomerLevel):
    _level._rank = _rank


class Assurance(StrEnum):
    """Service assurance level (业务保障等级) of one service of a customer."""

    AAA = "AAA"
    AA = "AA"
    A = "A"
    ORDINARY = "ordinary"


class ServiceType(StrEnum):
    INTERNET_LINE = "internet_line"  # 互联网专线
    DATA_LINE = "data_line"  # 数据专线
    MPLS_VPN = "mpls_vpn"
    SD_WAN = "sd_wan"
    CLOUD_LINE = "cloud_line"  # 云专线
    VOICE_TRUNK = "voice_trunk"  # 语音中继


class OrderKind(StrEnum):
    """Work-order kind; `code` is the prefix of its order number (seed 001)."""

    SURVEY = "survey"  # 资源勘查, pre-sale
    PROVISIONING = "provisioning"  # 业务开通, in-sale
    FAULT = "fault"  # 故障, after-sale
    COMPLAINT = "complaint"  # 投诉

    @property
    def code(self) -> str:
        return _KIND_CODES[self]

    @classmethod
    def from_code(cls, code: str) -> OrderKind:
        for kind, kind_code in _KIND_CODES.items():
            if kind_code == code:
                return kind
        raise ValueError(f"unknown order kind code {code!r}")


_KIND_CODES = {
    OrderKind.SURVEY: "SV",
    OrderKind.PROVISIONING: "PR",
    OrderKind.FAULT: "FT",
    OrderKind.COMPLAINT: "CP",
}


class OrderStatus(StrEnum):
    NEW = "new"  # 待派单
    DISPATCHED = "dispatched"  # 已派单
    ACCEPTED = "accepted"  # 已接单
    IN_PROGRESS = "in_progress"  # 处理中 (on site or working remotely)
    RESOLVED = "resolved"  # 已完成, awaiting the customer's signature or confirmation
    CLOSED = "closed"  # 已归档
    CANCELLED = "cancelled"  # 已撤单
    SUPERSEDED = "superseded"  # 已作废: archived and re-issued after a field exception

    @property
    def is_open(self) -> bool:
        return self not in (OrderStatus.CLOSED, OrderStatus.CANCELLED, OrderStatus.SUPERSEDED)


OPEN_STATUSES = tuple(s for s in OrderStatus if s.is_open)


class ProvisioningStep(StrEnum):
    """The departments' steps of provisioning, each with its own limit (全程管控, seed 002)."""

    RESOURCE_CHECK = "resource_check"  # 资源核查
    CONSTRUCTION = "construction"  # 工程施工
    CONFIGURATION = "configuration"  # 传输/数据配置
    INSTALLATION = "installation"  # 上门安装
    TEST_DELIVERY = "test_delivery"  # 测试交付


class SlaStage(StrEnum):
    """Which limit of an order a rule sets."""

    TOTAL = "total"  # survey and provisioning overall
    RESOURCE_CHECK = "resource_check"
    CONSTRUCTION = "construction"
    CONFIGURATION = "configuration"
    INSTALLATION = "installation"
    TEST_DELIVERY = "test_delivery"
    RESPONSE = "response"  # fault: 接单
    RESTORATION = "restoration"  # fault: 恢复
    ACCEPT = "accept"  # complaint
    INVESTIGATE = "investigate"
    FEEDBACK = "feedback"


class CancelReason(StrEnum):
    """Why an order was withdrawn (撤单); the note says the rest."""

    CUSTOMER_WITHDREW = "customer_withdrew"  # the customer no longer wants it
    DUPLICATE = "duplicate"  # the same job ordered twice
    UPSTREAM_CANCELLED = "upstream_cancelled"  # the order system withdrew it
    NOT_FEASIBLE = "not_feasible"  # no resource can serve the site
    OTHER = "other"


class LimitUnit(StrEnum):
    WORKING_DAYS = "working_days"
    HOURS = "hours"
    MINUTES = "minutes"


class Band(StrEnum):
    """Colour band by the share of the limit used."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    BREACHED = "breached"


class PauseReason(StrEnum):
    CUSTOMER_NOT_READY = "customer_not_ready"
    CUSTOMER_POSTPONED = "customer_postponed"
    FIELD_EXCEPTION = "field_exception"  # a field exception the rules pause for (console.core.domain.field.ExceptionRule)


class Role(StrEnum):
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    TECHNICIAN = "technician"  # the field app's account of one technician
    INTAKE = "intake"  # the upstream order system's account: posts intake orders and reads what it posted, nothing else


class Skill(StrEnum):
    SURVEY = "survey"
    FIBER_SPLICING = "fiber_splicing"
    INSTALLATION = "installation"
    DATA_CONFIG = "data_config"
    TRANSMISSION = "transmission"
    TESTING = "testing"
    FAULT_REPAIR = "fault_repair"
    VOICE = "voice"


class ShiftKind(StrEnum):
    DAY = "day"
    NIGHT = "night"
    ON_CALL = "on_call"


class AppointmentStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"  # the customer agreed
    RECONFIRMED = "reconfirmed"  # the technician confirmed again on the day
    KEPT = "kept"  # arrival inside the window (履约)
    MISSED = "missed"
    CANCELLED = "cancelled"


class AppointmentChangeKind(StrEnum):
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    RESCHEDULED = "rescheduled"  # 改约
    RECONFIRMED = "reconfirmed"
    CANCELLED = "cancelled"
    MERGED = "merged"
    MOVED = "moved"  # the visit moved to another technician or time inside the agreed window
    LOCKED = "locked"  # pinned: the optimiser leaves it where it is
    UNLOCKED = "unlocked"


class ContactMethod(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    IN_PERSON = "in_person"


class RescheduleReason(StrEnum):
    CUSTOMER_REQUEST = "customer_request"
    CUSTOMER_UNREACHABLE = "customer_unreachable"
    SITE_NOT_READY = "site_not_ready"
    TECHNICIAN_UNAVAILABLE = "technician_unavailable"
    MATERIAL_MISSING = "material_missing"
    WEATHER = "weather"
    OTHER = "other"


class FieldEventKind(StrEnum):
    CHECK_IN = "check_in"  # 签到打卡
    EXCEPTION = "exception"  # 异常
    TEST_RESULT = "test_result"
    DELIVERY_REPORT = "delivery_report"
    SIGNATURE = "signature"
    SATISFACTION = "satisfaction"


class ExceptionKind(StrEnum):
    FIBER_PORT_BROKEN = "fiber_port_broken"
    FIBER_PORT_TAKEN = "fiber_port_taken"
    OPTICAL_BOX_UNUSABLE = "optical_box_unusable"


class SatisfactionRating(StrEnum):
    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    DISSATISFIED = "dissatisfied"


class Respondent(StrEnum):
    CUSTOMER = "customer"
    ACCOUNT_MANAGER = "account_manager"
