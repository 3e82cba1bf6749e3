"""The centre as a desk and a security review meet it: real PostgreSQL, uvicorn on loopback."""

import subprocess
import sys
import time

import pytest
import requests
from sqlalchemy import create_engine, select, text

import db
from central.config import CentralConfig, ConfigError
from central.users import set_password
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.enums import PauseReason
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.database import Database
from console.core.store.models import User, WorkOrder
from tests.fixtures.centre import PASSWORD, auth, field_account, free_port, login
from tests.fixtures.demo import DEMO_NOW


def test_health_answers_without_a_token(centre) -> None:
    base, _database, _url = centre
    body = requests.get(f"{base}/health", timeout=5).json()
    assert body == {"status": "ok", "schema_revision": db.head_revision()}


def test_login_gives_an_expiring_token_stored_only_as_a_hash(centre) -> None:
    base, database, _url = centre
    answer = login(base, "wang.wei.central")
    assert answer.status_code == 200
    body = answer.json()
    assert body["role"] == "dispatcher" and body["region"] == "central" and len(body["token"]) > 30
    with database.reading() as s:
        stored = s.execute(text("SELECT token_hash FROM api_tokens")).scalars().all()
        assert body["token"] not in stored and len(stored[0]) == 64
        assert s.scalar(select(User.password_hash).where(User.username == "admin")).startswith("$argon2")
    assert requests.post(f"{base}/auth/logout", headers=auth(body["token"]), timeout=5).status_code == 204
    assert requests.get(f"{base}/orders", headers=auth(body["token"]), timeout=5).status_code == 401


def test_every_endpoint_but_login_and_health_needs_a_token(centre) -> None:
    base, _database, _url = centre
    for method, path in (("get", "/orders"), ("post", "/auth/logout"), ("post", f"/orders/{'0' * 32}/approve-pause")):
        answer = getattr(requests, method)(f"{base}{path}", timeout=5)
        assert answer.status_code == 401 and "token" in answer.json()["detail"]
    assert requests.get(f"{base}/orders", headers=auth("made-up"), timeout=5).status_code == 401


def test_wrong_passwords_are_refused_then_rate_limited(centre) -> None:
    base, _database, _url = centre
    for _ in range(3):
        answer = login(base, "supervisor.pudong", "wrong password!")
        assert answer.status_code == 401 and answer.json()["detail"] == "wrong user name or password"
    limited = login(base, "supervisor.pudong")
    assert limited.status_code == 429 and "try again" in limited.json()["detail"]
    assert login(base, "nobody-at-all", "whatever it is").status_code == 401
    assert login(base, "admin").status_code == 200  # another user is not held back
    assert requests.post(f"{base}/auth/login", json={"username": ""}, timeout=5).status_code == 422


def test_a_dispatcher_sees_only_their_region(centre) -> None:
    base, database, _url = centre
    mine = requests.get(f"{base}/orders", headers=auth(login(base, "wang.wei.central").json()["token"]), timeout=10).json()
    every = requests.get(f"{base}/orders?limit=5000", headers=auth(login(base, "admin").json()["token"]), timeout=10).json()
    with database.reading() as s:
        central = s.execute(text("SELECT id FROM regions WHERE code = 'central'")).scalar()
        in_region = {str(i) for i in s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == central))}
    assert mine and {o["id"] for o in mine} <= in_region and len(every) > len(mine)
    assert requests.get(f"{base}/orders?limit=0", headers=auth(login(base, "admin").json()["token"]), timeout=5).status_code == 422


def test_approving_a_long_pause_is_a_supervisors_act_enforced_by_the_service(centre) -> None:
    base, database, url = centre
    reader = DeskReader(database)
    row = next(r for r in reader.queue(reader.user("wang.wei.central").region_id) if not r.paused)
    OrderActions(database, reader.user("wang.wei.central"), lambda: DEMO_NOW).pause([row.id], PauseReason.CUSTOMER_POSTPONED)
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    refused = requests.post(f"{base}/orders/{row.id}/approve-pause", headers=dispatcher, timeout=10)
    assert refused.status_code == 403 and "supervisor" in refused.json()["detail"]
    other_region = auth(login(base, "supervisor.pudong").json()["token"])
    assert requests.post(f"{base}/orders/{row.id}/approve-pause", headers=other_region, timeout=10).status_code == 404
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    assert requests.post(f"{base}/orders/{row.id}/approve-pause", headers=supervisor, timeout=10).json() == {"status": "approved"}
    again = requests.post(f"{base}/orders/{row.id}/approve-pause", headers=supervisor, timeout=10)
    assert again.status_code == 409 and "already approved" in again.json()["detail"]
    result = subprocess.run([sys.executable, "-m", "central.cli", "verify-audit", "--database-url", url],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "intact" in result.stdout


def test_the_audit_log_is_append_only_and_tampering_is_detected(centre) -> None:
    base, database, url = centre
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    reader = DeskReader(database)
    row = next(r for r in reader.queue(reader.user("supervisor.central").region_id) if not r.paused)
    OrderActions(database, reader.user("supervisor.central"), lambda: DEMO_NOW).pause([row.id], PauseReason.CUSTOMER_NOT_READY)
    requests.post(f"{base}/orders/{row.id}/approve-pause", headers=supervisor, timeout=10)
    engine = create_engine(url)
    with pytest.raises(Exception, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text("UPDATE audit_log SET reason = 'edited' WHERE seq = 1"))
    with engine.begin() as conn:  # someone with the power to drop the trigger edits a row
        conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        conn.execute(text("UPDATE audit_log SET reason = 'edited' WHERE seq = 1"))
    result = subprocess.run([sys.executable, "-m", "central.cli", "verify-audit", "--database-url", url],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "row 1 was changed" in result.stderr
    engine.dispose()


def test_configuration_mistakes_are_named() -> None:
    with pytest.raises(ConfigError, match="no database"):
        CentralConfig.from_env({})
    with pytest.raises(ConfigError, match="TOKEN_MINUTES must be a whole number"):
        CentralConfig.from_env({"DISPATCH_CENTRAL_DATABASE_URL": "sqlite://", "DISPATCH_CENTRAL_TOKEN_MINUTES": "soon"})
    with pytest.raises(ConfigError, match="failures_per_user must be at least 1"):
        CentralConfig.from_env({"DISPATCH_CENTRAL_DATABASE_URL": "sqlite://", "DISPATCH_CENTRAL_FAILURES_PER_USER": "0"})
    with pytest.raises(ConfigError, match="pool_size must be at least 1"):
        CentralConfig.from_env({"DISPATCH_CENTRAL_DATABASE_URL": "sqlite://", "DISPATCH_CENTRAL_POOL_SIZE": "0"})
    with pytest.raises(ConfigError, match="pool_overflow must be 0 or more"):
        CentralConfig.from_env({"DISPATCH_CENTRAL_DATABASE_URL": "sqlite://", "DISPATCH_CENTRAL_POOL_OVERFLOW": "-1"})
    pooled = CentralConfig.from_env({"DISPATCH_CENTRAL_DATABASE_URL": "sqlite://", "DISPATCH_CENTRAL_POOL_SIZE": "3",
                                     "DISPATCH_CENTRAL_LISTEN_URL": "postgresql+psycopg://db:5432/dispatch"})
    assert (pooled.pool_size, pooled.pool_overflow, pooled.listen_url) == (3, 5, "postgresql+psycopg://db:5432/dispatch")


def test_order_intake_is_idempotent_validated_and_for_the_order_system_only(centre) -> None:
    from console.core.store.models import Customer, Service

    base, database, _url = centre
    with database.reading() as s:
        service = s.scalars(select(Service)).first()
        customer = s.get(Customer, service.customer_id)
    order = {"upstream_ref": "CRM-000001", "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
             "title": "业务中断", "received_at": "2026-11-22T09:55:00+08:00", "circuit_id": service.circuit_id}
    admin = auth(login(base, "admin").json()["token"])
    first = requests.post(f"{base}/intake/orders", json=order, headers=admin, timeout=10)
    again = requests.post(f"{base}/intake/orders", json=order, headers=admin, timeout=10)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["number"] == again.json()["number"] and first.json()["number"].startswith("FT20261122")
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    assert requests.post(f"{base}/intake/orders", json=order, headers=dispatcher, timeout=10).status_code == 403
    bad = requests.post(f"{base}/intake/orders", json=dict(order, upstream_ref="CRM-2", circuit_id=None), headers=admin, timeout=10)
    assert bad.status_code == 422 and "circuit_id" in bad.json()["detail"]
    assert requests.post(f"{base}/intake/orders", json=dict(order, kind="repair"), headers=admin, timeout=10).status_code == 422


def test_a_technician_reports_from_the_field_over_http(centre) -> None:
    from console.core.domain.enums import OrderStatus

    base, database, _url = centre
    order_id, lat, lon, field = field_account(base, database, OrderStatus.DISPATCHED, "")
    answer = requests.post(f"{base}/field/orders/{order_id}/check-in", headers=field, timeout=10,
                           json={"latitude": lat + 0.0005, "longitude": lon, "at": "2026-11-22T10:00:00+08:00"})
    assert answer.status_code == 200 and answer.json()["off_site"] is False and 40 < answer.json()["distance_m"] < 70
    assert requests.post(f"{base}/field/orders/{order_id}/check-in", headers=field, timeout=10,
                         json={"latitude": 95, "longitude": lon, "at": "2026-11-22T10:00:00+08:00"}).status_code == 422
    naive = requests.post(f"{base}/field/orders/{order_id}/check-in", headers=field, timeout=10,
                          json={"latitude": lat, "longitude": lon, "at": "2026-11-22T10:00:00"})
    assert naive.status_code == 422 and "time zone" in naive.json()["detail"]
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    assert requests.post(f"{base}/field/orders/{order_id}/signature", headers=dispatcher, timeout=10,
                         json={"channel": "on_site", "at": "2026-11-22T11:00:00+08:00"}).status_code == 403
    early = requests.post(f"{base}/field/orders/{order_id}/signature", headers=field, timeout=10,
                          json={"channel": "on_site", "at": "2026-11-22T10:30:00+08:00"})
    assert early.status_code == 409 and "report first" in early.json()["detail"]
    assert requests.post(f"{base}/field/orders/{order_id}/delivery-report", headers=field, timeout=10,
                         json={"at": "2026-11-22T10:40:00+08:00", "results": {"report_no": "DR1"}}).status_code == 204
    signed = requests.post(f"{base}/field/orders/{order_id}/signature", headers=field, timeout=10,
                           json={"channel": "on_site", "at": "2026-11-22T10:50:00+08:00"})
    assert signed.status_code == 204
    with database.reading() as s:
        assert s.get(WorkOrder, order_id).status is OrderStatus.CLOSED


def test_an_expired_token_is_refused_everywhere(centre) -> None:
    base, database, _url = centre
    token = login(base, "admin").json()["token"]
    with database.unit_of_work() as s:
        s.execute(text("UPDATE api_tokens SET expires_at = now() - interval '1 minute'"))
    for method, path in (("get", "/orders"), ("post", "/auth/logout"), ("post", f"/orders/{'0' * 32}/approve-pause"),
                         ("post", "/intake/orders"), ("post", f"/field/orders/{'0' * 32}/check-in")):
        answer = getattr(requests, method)(f"{base}{path}", headers=auth(token), json={}, timeout=5)
        assert answer.status_code == 401, path


def test_bad_input_gets_a_clear_4xx_and_changes_nothing(centre) -> None:
    from console.core.store.models import AuditEntry, Customer, Service

    base, database, _url = centre
    admin = auth(login(base, "admin").json()["token"])
    with database.reading() as s:
        before = (s.query(WorkOrder).count(), s.query(AuditEntry).count())
        service = s.scalars(select(Service)).first()
        customer = s.get(Customer, service.customer_id)
    good = {"upstream_ref": "CRM-X", "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
            "title": "业务中断", "received_at": "2026-11-22T09:55:00+08:00", "circuit_id": service.circuit_id}
    bad_bodies = [
        b"{not json",
        dict(good, access_points="many"),
        dict(good, title="x" * 10_000),
        dict(good, customer_code="'; DROP TABLE work_orders; --"),
        dict(good, site_id="not-a-uuid"),
        dict(good, received_at="yesterday"),
    ]
    for body in bad_bodies:
        kwargs = {"data": body, "headers": dict(admin, **{"Content-Type": "application/json"})} if isinstance(body, bytes) else {"json": body, "headers": admin}
        answer = requests.post(f"{base}/intake/orders", timeout=10, **kwargs)
        assert 400 <= answer.status_code < 500 and answer.json()["detail"], body
    with database.reading() as s:
        assert (s.query(WorkOrder).count(), s.query(AuditEntry).count()) == before


def test_a_check_in_800_metres_away_is_flagged(centre) -> None:
    from console.core.domain.enums import OrderStatus

    base, database, _url = centre
    order_id, lat, lon, field = field_account(base, database, OrderStatus.ACCEPTED, "field-")
    answer = requests.post(f"{base}/field/orders/{order_id}/check-in", headers=field, timeout=10,
                           json={"latitude": lat + 800 / 111_195, "longitude": lon, "at": "2026-11-22T10:00:00+08:00"})
    assert answer.json()["off_site"] is True and 790 < answer.json()["distance_m"] < 810


def test_the_centre_runs_on_sqlite_for_a_one_machine_trial(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'trial.sqlite'}"
    env = {"DISPATCH_CENTRAL_DATABASE_URL": url}
    import os

    migrate = subprocess.run([sys.executable, "-m", "central.cli", "migrate"], env=dict(os.environ, **env),
                             capture_output=True, text=True, timeout=120)
    assert migrate.returncode == 0, migrate.stderr
    engine = create_engine(url)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=4, customers=20, sites=30, technicians=4, open_orders=10, closed_orders=0), DEMO_NOW)
    with database.unit_of_work() as s:
        set_password(s, "admin", PASSWORD)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port)], env=dict(os.environ, **env),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        orders = requests.get(f"{base}/orders", headers=auth(login(base, "admin").json()["token"]), timeout=10)
        assert orders.status_code == 200 and len(orders.json()) == 10
    finally:
        server.terminate()
        server.wait(10)
        engine.dispose()


def test_the_service_role_cannot_change_or_delete_audit_rows(postgres_server, postgres_url) -> None:
    """db/postgres/roles.sql: the service's role reads and writes rows, but audit rows only by insert."""
    from sqlalchemy.exc import DBAPIError

    from tests.fixtures.postgres import as_service, grant_service

    engine = create_engine(postgres_url)
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=6, customers=20, sites=30, technicians=4, open_orders=10, closed_orders=0), DEMO_NOW)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")  # the grant alone must hold
    grant_service(postgres_url)
    service = create_engine(as_service(postgres_url))
    with service.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM work_orders")).scalar() > 0
        conn.execute(text("UPDATE work_orders SET priority = 2"))
    for statement in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="permission denied"):
            with service.begin() as conn:
                conn.execute(text(statement))
    service.dispose()
    engine.dispose()  # (the role stays: every centre of the suite runs as it)


def test_calendar_and_sla_rules_are_a_supervisors_to_change(centre) -> None:
    from console.core.store.models import SlaRuleRow

    base, database, _url = centre
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    day = {"is_working": False, "note": "停电"}
    refused = requests.put(f"{base}/calendar/days/2026-11-24", json=day, headers=dispatcher, timeout=10)
    assert refused.status_code == 403 and "supervisor" in refused.json()["detail"]
    assert requests.put(f"{base}/calendar/days/2026-11-24", json=day, headers=supervisor, timeout=30).status_code == 204
    rule = {"amount": "6", "unit": "working_days", "reason": "2027 年服务协议"}
    assert requests.put(f"{base}/sla-rules/provisioning/total/gold", json=rule, headers=dispatcher, timeout=10).status_code == 403
    assert requests.put(f"{base}/sla-rules/provisioning/total/gold", json=dict(rule, amount="-1"), headers=supervisor,
                        timeout=10).status_code == 422
    assert requests.put(f"{base}/sla-rules/provisioning/total/gold", json=rule, headers=supervisor, timeout=30).status_code == 204
    with database.reading() as s:
        amount = s.scalar(select(SlaRuleRow.amount).where(SlaRuleRow.kind == "provisioning", SlaRuleRow.stage == "total",
                                                          SlaRuleRow.grade == "gold"))
    assert str(amount.normalize()) == "6"


def test_a_change_to_an_order_changed_since_is_refused_with_if_match(centre) -> None:
    base, database, _url = centre
    reader = DeskReader(database)
    row = next(r for r in reader.queue(reader.user("supervisor.central").region_id) if not r.paused)
    OrderActions(database, reader.user("supervisor.central"), lambda: DEMO_NOW).pause([row.id], PauseReason.CUSTOMER_NOT_READY)
    with database.reading() as s:
        version = s.get(WorkOrder, row.id).version
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    stale = requests.post(f"{base}/orders/{row.id}/approve-pause", headers=dict(supervisor, **{"If-Match": str(version - 1)}), timeout=10)
    assert stale.status_code == 409 and "changed since" in stale.json()["detail"]
    garbled = requests.post(f"{base}/orders/{row.id}/approve-pause", headers=dict(supervisor, **{"If-Match": "yesterday"}), timeout=10)
    assert garbled.status_code == 422
    fresh = requests.post(f"{base}/orders/{row.id}/approve-pause", headers=dict(supervisor, **{"If-Match": str(version)}), timeout=10)
    assert fresh.status_code == 200


def test_a_configuration_file_is_read_and_checked(tmp_path) -> None:
    good = tmp_path / "central.toml"
    good.write_text('database_url = "sqlite:///x.sqlite"\ntoken_minutes = 60\n', encoding="utf-8")
    config = CentralConfig.from_env({"DISPATCH_CENTRAL_CONFIG": str(good), "DISPATCH_CENTRAL_TOKEN_MINUTES": "30"})
    assert config.database_url == "sqlite:///x.sqlite" and config.token_minutes == 30  # the environment wins
    for content, message in (('token_minutes = "soon"', "must be a whole number"), ("colour = 1", "unknown settings: colour"),
                             ("= broken", "not valid TOML")):
        bad = tmp_path / "bad.toml"
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            CentralConfig.from_env({"DISPATCH_CENTRAL_CONFIG": str(bad)})
    with pytest.raises(ConfigError, match="cannot be read"):
        CentralConfig.from_env({"DISPATCH_CENTRAL_CONFIG": str(tmp_path / "missing.toml")})


def test_concurrent_requests_do_not_duplicate_or_reopen(centre) -> None:
    """Six taps on 'exception' make one replacement; ten identical intakes make one order."""
    from concurrent.futures import ThreadPoolExecutor

    from console.core.domain.enums import OrderStatus
    from console.core.store.models import Customer, Service

    base, database, _url = centre
    order_id, _lat, _lon, field = field_account(base, database, OrderStatus.ACCEPTED, "tap-")
    with database.reading() as s:
        service = s.scalars(select(Service)).first()
        customer = s.get(Customer, service.customer_id)
    body = {"kind": "fiber_port_taken", "note": "端口占用", "at": "2026-11-22T10:00:00+08:00"}
    with ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(lambda _i: requests.post(f"{base}/field/orders/{order_id}/exception", json=body, headers=field,
                                                        timeout=30).status_code, range(6)))
    assert sorted(codes) == [200] + [409] * 5
    with database.reading() as s:
        assert s.query(WorkOrder).filter(WorkOrder.replaces_order_id == order_id).count() == 1
    admin = auth(login(base, "admin").json()["token"])
    intake = {"upstream_ref": "CRM-RACE", "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
              "title": "业务中断", "received_at": "2026-11-22T09:55:00+08:00", "circuit_id": service.circuit_id}
    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda _i: requests.post(f"{base}/intake/orders", json=intake, headers=admin, timeout=30), range(10)))
    assert {a.status_code for a in answers} <= {200, 201} and len({a.json()["number"] for a in answers}) == 1


def test_tokens_end_with_a_new_password_or_a_deleted_account(centre) -> None:
    base, database, _url = centre
    token = auth(login(base, "wang.wei.central").json()["token"])
    with database.unit_of_work() as s:
        set_password(s, "wang.wei.central", PASSWORD + "!")
    assert requests.get(f"{base}/orders", headers=token, timeout=5).status_code == 401
    token = auth(login(base, "admin").json()["token"])
    with database.unit_of_work() as s:
        s.execute(text("UPDATE users SET deleted = true WHERE username = 'admin'"))
    assert requests.get(f"{base}/orders", headers=token, timeout=5).status_code == 401


def test_rule_values_that_are_not_limits_are_refused(centre) -> None:
    base, _database, _url = centre
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    for path, amount, message in (("provisioning/total/gold", "NaN", "must be a number"),
                                  ("provisioning/total/gold", "0.001", "at least 0.01"),
                                  ("provisioning/total/nonsense", "5", "grade must be one of"),
                                  ("fault/restoration/gold", "5", "grade must be one of")):
        answer = requests.put(f"{base}/sla-rules/{path}", headers=supervisor, timeout=10,
                              json={"amount": amount, "unit": "working_days", "reason": "test"})
        assert answer.status_code == 422 and message in answer.json()["detail"], (path, amount)
