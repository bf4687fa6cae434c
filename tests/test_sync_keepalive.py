"""A kept-alive connection the server closes just as the kiosk reuses it is not « Hors ligne ».

The demo's service (uvicorn) and the proxies of a prefecture's network close idle
connections after a few seconds; when that happens just as the kiosk sends its next
request on the pooled connection, the request dies before any answer. The server here
plays that moment without waiting: it answers on a connection, then closes the same
connection on the next request it reads there, as a server timing out at that very
instant does.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from offline_queue import Outbox
from offline_queue.sync import SyncClient
from offline_queue.sync_http import CentralHttp, TemporaryFailure

# What the server does with the n-th request (from 0) read on the c-th connection (from 0).
Plan = Callable[[int, int], str]  # "answer" | "answer-close" | "close" | "stall"

HEALTH = json.dumps({"status": "ok", "api_version": "1", "server_time": "2026-12-02T04:00:00Z"})


@dataclass(frozen=True)
class Seen:
    connection: int
    method: str
    path: str
    headers: dict[str, str]


class KeepAliveServer(ThreadingHTTPServer):
    """HTTP/1.1 on loopback that keeps connections open and follows ``plan`` for each request."""

    daemon_threads = True

    def __init__(self, plan: Plan, stall_s: float = 1.0, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Connection)
        self.plan = plan
        self.tls = tls
        self.stall_s = stall_s
        self.seen: list[Seen] = []
        self.connections = 0
        self.lock = threading.Lock()
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, path: str) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/api{path}"

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Connection(BaseHTTPRequestHandler):
    """One connection, kept open between requests as HTTP/1.1 allows."""

    protocol_version = "HTTP/1.1"
    timeout = 5
    server: KeepAliveServer

    def setup(self) -> None:
        if self.server.tls is not None:
            self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        super().setup()
        with self.server.lock:
            self.number = self.server.connections
            self.server.connections += 1
        self.requests = 0

    def finish(self) -> None:
        super().finish()
        self.request.close()  # the TLS socket too, so the client sees the close at once

    def log_message(self, format: str, *args: object) -> None:
        pass

    def any_method(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.server.lock:
            headers = {name.lower(): value for name, value in self.headers.items()}
            self.server.seen.append(Seen(self.number, self.command, self.path, headers))
        action = self.server.plan(self.number, self.requests)
        self.requests += 1
        if action == "stall":
            time.sleep(self.server.stall_s)  # working on it past the client's timeout
        if not action.startswith("answer"):
            self.close_connection = True  # closed without a word, as an idle close looks
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(HEALTH)))
        if action == "answer-close":
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(HEALTH.encode())

    do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = any_method


def closes_reused(connection: int, index: int) -> str:
    """The first connection's second request meets the idle-timeout close; all else is answered."""
    return "close" if (connection, index) == (0, 1) else "answer"


@pytest.fixture
def serve() -> Iterator[Callable[..., KeepAliveServer]]:
    servers: list[KeepAliveServer] = []

    def start(plan: Plan, stall_s: float = 1.0, tls: ssl.SSLContext | None = None) -> KeepAliveServer:
        servers.append(KeepAliveServer(plan, stall_s, tls))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def client(server: KeepAliveServer, timeout_s: float = 3.0) -> CentralHttp:
    return CentralHttp(
        server.url(""), "jeton", timeout_s=timeout_s, user_agent="kiosk/test",
        now=lambda: datetime(2026, 12, 2, 4, 0, tzinfo=UTC),
    )


def test_a_kept_alive_connection_closed_under_a_request_is_retried_once_on_a_new_one(
    serve: Callable[..., KeepAliveServer], caplog: pytest.LogCaptureFixture
) -> None:
    server = serve(closes_reused)
    http = client(server)
    assert http.request("GET", server.url("/v1/health")).status_code == 200
    with caplog.at_level(logging.DEBUG, logger="offline_queue.sync_http"):
        second = http.request("GET", server.url("/v1/health"))
    assert second.json()["status"] == "ok"
    assert [(s.connection, s.method) for s in server.seen] == [(0, "GET"), (0, "GET"), (1, "GET")]
    retried = [r for r in caplog.records if "again on a new connection" in r.getMessage()]
    assert [r.getMessage() for r in retried] == [
        "GET /api/v1/health: kept-alive connection closed by the server, sent again on a new connection"
    ]
    assert retried[0].levelno == logging.INFO
    assert http.request("GET", server.url("/v1/health")).status_code == 200  # the new one is kept


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("HEAD", "/v1/uploads/u-1", {}),
        ("PUT", "/v1/kiosks/7501-K02/heartbeat", {}),
        ("POST", "/v1/submissions", {"Idempotency-Key": "6f1c0d5e"}),
        ("PATCH", "/v1/uploads/u-1", {"Upload-Offset": "0"}),
    ],
)
def test_requests_the_contract_makes_safe_to_repeat_are_retried(
    serve: Callable[..., KeepAliveServer], method: str, path: str, headers: dict[str, str]
) -> None:
    server = serve(closes_reused)
    http = client(server)
    http.request("GET", server.url("/v1/health"))
    assert http.request(method, server.url(path), data=b"{}", headers=headers).status_code == 200
    sent = [(s.connection, s.method) for s in server.seen]
    assert sent == [(0, "GET"), (0, method), (1, method)]
    if "Idempotency-Key" in headers:  # the same key both times: the server files it once
        assert server.seen[1].headers["idempotency-key"] == server.seen[2].headers["idempotency-key"]


def test_an_upload_creation_is_not_sent_twice(serve: Callable[..., KeepAliveServer]) -> None:
    """POST /v1/uploads has no key: a second one could leave the server a stray upload."""
    server = serve(closes_reused)
    http = client(server)
    http.request("GET", server.url("/v1/health"))
    with pytest.raises(TemporaryFailure, match="injoignable"):
        http.request("POST", server.url("/v1/uploads"), headers={"Upload-Length": "10"})
    assert [(s.connection, s.method) for s in server.seen] == [(0, "GET"), (0, "POST")]


def test_a_new_connection_closed_without_an_answer_is_not_retried(
    serve: Callable[..., KeepAliveServer],
) -> None:
    """A cut on a connection just made is the network, not an idle close: « injoignable » at once."""
    server = serve(lambda connection, index: "close")
    http = client(server)
    with pytest.raises(TemporaryFailure, match="injoignable"):
        http.request("GET", server.url("/v1/health"))
    assert len(server.seen) == 1


def test_a_connection_the_server_said_it_would_close_counts_as_new(
    serve: Callable[..., KeepAliveServer],
) -> None:
    """After « Connection: close » (the fault tests' proxy says it every time) the next request
    opens a new socket: a cut there is the network's, not an idle close."""
    server = serve(lambda connection, index: "answer-close" if connection == 0 else "close")
    http = client(server)
    http.request("GET", server.url("/v1/health"))
    with pytest.raises(TemporaryFailure, match="injoignable"):
        http.request("GET", server.url("/v1/health"))
    assert [s.connection for s in server.seen] == [0, 1]


def test_the_kiosk_stays_online_through_an_idle_close(
    serve: Callable[..., KeepAliveServer], outbox: Outbox
) -> None:
    """What the mediator sees: the health check says online, not « Hors ligne », and the
    line is not put to rest."""
    server = serve(closes_reused)
    sync = SyncClient(outbox, server.url(""), "jeton", kiosk_id="7501-K02", user_agent="kiosk/test")
    assert sync.health()
    assert sync.health()
    assert len(server.seen) == 3


def test_a_second_failure_is_the_real_injoignable(serve: Callable[..., KeepAliveServer]) -> None:
    server = serve(lambda connection, index: "answer" if (connection, index) == (0, 0) else "close")
    http = client(server)
    http.request("GET", server.url("/v1/health"))
    with pytest.raises(TemporaryFailure, match="injoignable") as failure:
        http.request("GET", server.url("/v1/health"))
    assert failure.value.cut
    assert [s.connection for s in server.seen] == [0, 0, 1]  # once more, never twice


def test_a_timeout_on_a_kept_alive_connection_is_not_retried(
    serve: Callable[..., KeepAliveServer],
) -> None:
    """The server may be working on it: the request waits for the next pass."""
    server = serve(lambda connection, index: "stall" if index == 1 else "answer", stall_s=0.6)
    http = client(server, timeout_s=0.3)
    http.request("GET", server.url("/v1/health"))
    with pytest.raises(TemporaryFailure, match="délai dépassé"):
        http.request("GET", server.url("/v1/health"))
    time.sleep(0.4)  # past the stall: a retry would have been seen by now
    assert len(server.seen) == 2


def test_through_an_http_proxy_the_idle_close_is_retried_too(
    serve: Callable[..., KeepAliveServer],
) -> None:
    """A prefecture's proxy closes idle connections as well; the server here plays the proxy."""
    server = serve(closes_reused)
    http = CentralHttp(
        "http://central.invalid/api", "jeton", timeout_s=3.0, user_agent="kiosk/test",
        now=lambda: datetime(2026, 12, 2, 4, 0, tzinfo=UTC), allow_http=True,
    )
    proxies = {"http": f"http://127.0.0.1:{server.port}"}
    http.request("GET", http.url("/v1/health"), proxies=proxies)
    assert http.request("GET", http.url("/v1/health"), proxies=proxies).status_code == 200
    assert [(s.connection, s.path) for s in server.seen] == [
        (0, "http://central.invalid/api/v1/health"),
        (0, "http://central.invalid/api/v1/health"),
        (1, "http://central.invalid/api/v1/health"),
    ]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "central.test")])
    now = datetime.now(UTC)
    here = x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1)).not_valid_after(now + timedelta(hours=1))
        .add_extension(here, critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "central.pem", folder / "central.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))
    return cert_path, key_path


def test_over_https_the_idle_close_is_retried_too(
    serve: Callable[..., KeepAliveServer], tmp_path: Path
) -> None:
    """The kiosk's real line is https: the same idle close, through TLS."""
    cert, key = self_signed(tmp_path)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    server = serve(closes_reused, tls=tls)
    http = client(server)
    http.request("GET", server.url("/v1/health"), verify=str(cert))
    assert http.request("GET", server.url("/v1/health"), verify=str(cert)).status_code == 200
    assert [s.connection for s in server.seen] == [0, 0, 1]
