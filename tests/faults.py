"""A fault-injecting HTTP proxy on loopback, for sync tests.

It sits between the sync client and the reference central service and, for
the requests a rule matches, drops the connection before forwarding, drops it
after the server answered, answers by itself (5xx, 429, a captive portal) or
forwards only the start of a body then cuts both sides. It counts the body
bytes it forwarded so tests can prove how much was sent again after a cut.

With a ``LineShape`` it also plays a slow, unreliable line: every request and
answer takes the time its bytes need at the line's rate plus half the round
trip each way, a share of connections is cut part-way through the request, and
the line can go down for a while at regular intervals (connections then close
at once, and a transfer under way is cut).

One request per connection (``Connection: close``) keeps the parsing trivial.
The end of the file holds the small bench the sync tests share.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from outbox_helpers import make_body, make_doc

from offline_queue import Outbox
from offline_queue.sync import SyncClient
from reference_central import CentralStore

CAPTIVE_PORTAL_HTML = (
    b"<!DOCTYPE html><html><head><title>Connexion Wi-Fi</title></head>"
    b"<body><h1>Bienvenue</h1><p>Acceptez les conditions pour continuer.</p></body></html>"
)


@dataclass
class Rule:
    """What to do with the requests matching ``method`` and the ``path`` regex."""

    method: str
    path: str
    action: str  # "drop_before" | "drop_after" | "respond" | "cut_body"
    times: int = 1
    skip: int = 0  # let this many matching requests through first
    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    cut_after: int = 0

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and method == self.method and re.search(self.path, path) is not None


@dataclass(frozen=True)
class LineShape:
    """A line's rate, round trip, share of cut connections and outage schedule."""

    rate_bps: float  # bits per second, each way
    rtt_s: float = 0.0
    cut_fraction: float = 0.0  # connections cut part-way through their request
    outage_every_s: float = 0.0  # the line goes down for ``outage_s`` at the end of each period
    outage_s: float = 0.0
    seed: int = 0

    def down_at(self, elapsed_s: float) -> bool:
        if self.outage_every_s <= 0:
            return False
        return elapsed_s % self.outage_every_s >= self.outage_every_s - self.outage_s

    def up_time_ideal(self, transfer_s: float) -> float:
        """When ``transfer_s`` seconds of bytes are through, using every second the line is up."""
        if self.outage_every_s <= 0:
            return transfer_s
        up = self.outage_every_s - self.outage_s
        periods, rest = divmod(transfer_s, up)
        return periods * self.outage_every_s + rest if rest else periods * self.outage_every_s - self.outage_s


@dataclass
class Seen:
    method: str
    path: str
    action: str  # "forward" or the rule's action
    headers: dict[str, str]  # names in lower case


class FaultProxy:
    """Threaded proxy from ``127.0.0.1:<port>`` to ``127.0.0.1:<upstream_port>``."""

    def __init__(self, upstream_port: int, shape: LineShape | None = None) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.rules: list[Rule] = []
        self.seen: list[Seen] = []
        self.body_bytes: dict[str, int] = {}  # method -> body bytes forwarded upstream
        self.shape = shape
        self.wire_bytes: dict[str, int] = {}  # method -> body bytes that crossed the line, cut or not
        self.cuts = 0  # transfers cut part-way (at random or by an outage)
        self.started = time.monotonic()
        self._rng = random.Random(shape.seed if shape else 0)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    def url(self, prefix: str = "/api") -> str:
        return f"http://127.0.0.1:{self.port}{prefix}"

    def add(self, rule: Rule) -> Rule:
        with self._lock:
            self.rules.append(rule)
        return rule

    def count(self, method: str, path: str = "", action: str | None = None) -> int:
        with self._lock:
            return sum(
                1
                for s in self.seen
                if s.method == method and path in s.path and (action is None or s.action == action)
            )

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()

    # -- internals ----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _pick(self, method: str, path: str) -> Rule | None:
        """The first matching rule done skipping; every matching rule counts the request."""
        chosen = None
        with self._lock:
            for rule in self.rules:
                if not rule.matches(method, path):
                    continue
                if rule.skip > 0:
                    rule.skip -= 1
                elif chosen is None:
                    rule.times -= 1
                    chosen = rule
        return chosen

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(10)
        try:
            request = _read_request(client)
            if request is None:
                return
            method, path, head, body = request
            rule = self._pick(method, path)
            headers = dict(
                (name.strip().lower(), value.strip())
                for name, _, value in (
                    line.partition(":") for line in head.decode("latin-1").split("\r\n")[1:] if line
                )
            )
            with self._lock:
                self.seen.append(Seen(method, path, rule.action if rule else "forward", headers))
            if self.shape is not None:
                self._shaped(client, self.shape, method, head, body)
                return
            if rule is not None and rule.action == "drop_before":
                return
            if rule is not None and rule.action == "respond":
                client.sendall(_canned(rule.status, rule.headers, rule.body, method))
                return
            sent_body = body[: rule.cut_after] if rule and rule.action == "cut_body" else body
            with self._lock:
                self.body_bytes[method] = self.body_bytes.get(method, 0) + len(sent_body)
            response = self._forward(head, sent_body, cut=rule is not None and rule.action == "cut_body")
            if rule is None or rule.action != "drop_after":
                client.sendall(response)
        except OSError:
            pass
        finally:
            client.close()

    def _shaped(self, client: socket.socket, shape: LineShape, method: str, head: bytes, body: bytes) -> None:
        """Play the line: the request's bytes, maybe cut; the server; the answer's bytes."""
        if self._down(shape):
            _reset(client)  # the line is down: nothing gets through
            return
        with self._lock:
            cut_at = (self._rng.uniform(0.0, 1.0) if self._rng.random() < shape.cut_fraction else None)
        size = len(head) + len(body)
        wanted = size if cut_at is None else int(size * cut_at)
        through = self._carry(shape, wanted)
        with self._lock:
            self.wire_bytes[method] = self.wire_bytes.get(method, 0) + max(0, through - len(head))
        if through < size:
            with self._lock:
                self.cuts += 1
            _reset(client)
            return
        with self._lock:
            self.body_bytes[method] = self.body_bytes.get(method, 0) + len(body)
        response = self._forward(head, body, cut=False)
        if self._carry(shape, len(response)) < len(response):
            with self._lock:
                self.cuts += 1
            _reset(client)  # the server acted, its answer is lost on the way back
            return
        client.sendall(response)

    def _down(self, shape: LineShape) -> bool:
        return shape.down_at(time.monotonic() - self.started)

    def _carry(self, shape: LineShape, size: int) -> int:
        """Wait the time ``size`` bytes need one way; the bytes through before an outage."""
        start = time.monotonic()
        deadline = start + shape.rtt_s / 2 + size * 8 / shape.rate_bps
        while (now := time.monotonic()) < deadline:
            if self._down(shape):
                return int(max(0.0, now - start - shape.rtt_s / 2) * shape.rate_bps / 8)
            time.sleep(min(0.01, deadline - now))
        return size

    def _forward(self, head: bytes, body: bytes, *, cut: bool) -> bytes:
        with socket.create_connection(self.upstream, timeout=10) as upstream:
            upstream.sendall(head + body)
            if cut:
                upstream.shutdown(socket.SHUT_RDWR)
                return b""
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)


def _read_request(client: socket.socket) -> tuple[str, str, bytes, bytes] | None:
    """(method, path, head with ``Connection: close``, body) of one request; None on EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    raw_head, _, body = data.partition(b"\r\n\r\n")
    lines = raw_head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = [line for line in lines[1:] if not line.lower().startswith("connection:")]
    length = 0
    for line in headers:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None
        body += chunk
    head = "\r\n".join([lines[0], *headers, "Connection: close", "", ""]).encode("latin-1")
    return method, path, head, body[:length]


def _reset(client: socket.socket) -> None:
    """Close with a reset, as a cut line does, rather than a clean end of stream."""
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _canned(status: int, headers: dict[str, str], body: bytes, method: str) -> bytes:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Fault"
    lines = [f"HTTP/1.1 {status} {phrase}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines += [f"Content-Length: {len(body)}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1") + (b"" if method == "HEAD" else body)


# -- the small bench the sync tests share ------------------------------------------------

TOKEN = "jeton-de-test-7501-K02"
USER_AGENT = "point-numerique-kiosk/test"
CHUNK = 16 * 1024


def fast_client(outbox: Outbox, url: str, token: str = TOKEN, **options: Any) -> SyncClient:
    """A sync client with back-off in hundredths of a second, so fault tests stay quick."""
    settings: dict[str, Any] = {
        "kiosk_id": "7501-K02",
        "user_agent": USER_AGENT,
        "timeout_s": 5.0,
        "backoff_base_s": 0.01,
        "backoff_max_s": 0.05,
        "chunk_size": CHUNK,
        "max_chunk_size": CHUNK,  # fixed chunks, so tests can count them
        **options,
    }
    return SyncClient(outbox, url, token, **settings)


def fill(outbox: Outbox, count: int, sizes: tuple[int, ...] = (3000, 500)) -> list[str]:
    """Queue ``count`` submissions with one document per size; their ids, oldest first."""
    ids = []
    for n in range(count):
        docs = [make_doc(f"piece_{i}", size=size, seed=n * 7 + i) for i, size in enumerate(sizes)]
        ids.append(outbox.enqueue(make_body(), docs).id)
    return ids


def assert_delivered_once(store: CentralStore, outbox: Outbox, ids: list[str]) -> None:
    """Every id filed once on the server, marked sent with that dossier number, documents intact."""
    filed = store.submissions()
    assert sorted(s.id for s in filed) == sorted(ids)
    assert len({s.dossier_number for s in filed}) == len(filed)
    for stored in filed:
        item = outbox.get(stored.id)
        assert item.state == "sent", (item.state, item.last_error)
        assert item.dossier_number == stored.dossier_number
        body = json.loads(stored.canonical)
        local = outbox.documents(stored.id)
        assert len(body["documents"]) == len(local)
        for cited, doc in zip(body["documents"], local, strict=True):
            upload = store.upload(cited["upload_id"])
            assert upload.complete and upload.verified
            data = store.upload_bytes(cited["upload_id"])
            assert hashlib.sha256(data).hexdigest() == doc.sha256 == cited["sha256"]
