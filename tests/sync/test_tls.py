"""The desk talks to the centre over TLS with the certificate verified: against a CA bundle the
settings name, and never accepting one it cannot trust (a throwaway CA from trustme, the real
service on loopback behind it)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import trustme
import uvicorn

from central.app import create_app
from central.config import CentralConfig
from console.sync.client import CentreClient, Unreachable
from tests.fixtures.centre import PASSWORD
from tests.fixtures.postgres import as_service


@pytest.fixture
def tls_centre(centre, tmp_path):
    _base, _database, url = centre
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    key_file, cert_file, ca_file = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "ca.pem"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    ca.cert_pem.write_to_path(str(ca_file))
    # The socket is bound here and handed to uvicorn, so that no other test process (xdist) can take
    # the port between choosing and binding it; a connection left open does not hold the shutdown.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(CentralConfig(database_url=as_service(url))), host="127.0.0.1", port=port,
                                           log_level="warning", ssl_keyfile=str(key_file), ssl_certfile=str(cert_file),
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"https://127.0.0.1:{port}", str(ca_file)
    server.should_exit = True
    thread.join(10)
    sock.close()


def test_the_centre_is_trusted_through_the_ca_bundle_and_only_so(tls_centre) -> None:
    base, ca_file = tls_centre
    trusted = CentreClient(base, ca_bundle=ca_file)
    assert trusted.login("wang.wei.central", PASSWORD).username == "wang.wei.central"
    assert trusted.pull("0:0", limit=1)["cursor"] != "0:0"
    with pytest.raises(Unreachable, match="certificate is not trusted"):
        CentreClient(base).login("wang.wei.central", PASSWORD)


def test_the_environment_s_ca_bundle_and_proxy_are_read_once_and_used(tls_centre, monkeypatch) -> None:
    """A desk behind a company proxy or trusting a company CA through the environment
    (REQUESTS_CA_BUNDLE, HTTPS_PROXY, NO_PROXY): read when the client is made, used at every call."""
    base, ca_file = tls_centre
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_file)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # (nothing listens: used, it would fail)
    client = CentreClient(base)
    assert client.login("wang.wei.central", PASSWORD).username == "wang.wei.central"
    monkeypatch.delenv("NO_PROXY")
    proxied = CentreClient(base)
    assert proxied.http.proxies.get("https") == "http://127.0.0.1:9"
    with pytest.raises(Unreachable):
        proxied.login("wang.wei.central", PASSWORD)
    monkeypatch.delenv("HTTPS_PROXY")
    assert proxied.http.proxies.get("https") == "http://127.0.0.1:9"  # (read once: the client made behind the proxy stays so)
