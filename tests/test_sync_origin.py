"""Where the kiosk's token and documents may go (contract section 6), and the revised
points about sending: a complete upload is kept for good, the heartbeat's field types."""

from __future__ import annotations

import re
import socket
import threading
from pathlib import Path

import pytest
from faults import USER_AGENT, FaultProxy, Rule, assert_delivered_once, fast_client, fill

from kiosk.central_client import make_sync_client
from kiosk.config import ConfigError, KioskConfig, load_config
from offline_queue import Outbox
from offline_queue.central_url import is_loopback, plain_http_refused, same_origin
from offline_queue.sync import InsecureCentralUrl, TemporaryFailure
from reference_central import RunningServer

RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


class Listener:
    """Another origin on loopback that counts who connects to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            client.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.socket.close()


def test_same_origin_compares_scheme_host_and_port() -> None:
    base = "https://central.example/api"
    assert same_origin("https://central.example/api/v1/uploads/u1", base)
    assert same_origin("https://CENTRAL.example:443/api/v1/uploads/u1", base)
    assert not same_origin("http://central.example/api/v1/uploads/u1", base)
    assert not same_origin("https://central.example:8443/api/v1/uploads/u1", base)
    assert not same_origin("https://evil.example/api/v1/uploads/u1", base)
    assert not same_origin("https://central.example.evil.example/v1/uploads/u1", base)
    assert not same_origin("https://central.example:99999/v1/uploads/u1", base)


def test_an_upload_location_on_another_origin_receives_nothing(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    elsewhere = Listener()
    try:
        ids = fill(outbox, 1)
        proxy.add(Rule("POST", "/uploads$", "respond", status=201, headers={
            "Location": f"http://127.0.0.1:{elsewhere.port}/api/v1/uploads/u-volee",
            "Tus-Resumable": "1.0.0"}))
        first = fast_client(outbox, proxy.url()).sync()
        assert first.failed == 1 and first.sent == 0
        assert "autre serveur" in (first.last_error or "")
        assert elsewhere.connections == 0  # neither the token nor a byte went there
        assert outbox.documents(ids[0])[0].upload_url is None  # never kept, never resumed
        assert fast_client(outbox, proxy.url()).sync(deadline_s=20).complete
        assert_delivered_once(server.store, outbox, ids)
        assert elsewhere.connections == 0
    finally:
        elsewhere.close()


def test_a_stored_upload_address_off_the_origin_is_asked_at_todays_address(
    server: RunningServer, outbox: Outbox
) -> None:
    elsewhere = Listener()
    try:
        [submission_id] = fill(outbox, 1, sizes=(3000,))
        # e.g. saved before IT moved the kiosk to another central address
        outbox.save_upload(submission_id, 0, f"http://127.0.0.1:{elsewhere.port}/api/v1/uploads/u1",
                           1000, False)
        report = fast_client(outbox, server.url).sync()
        assert report.complete  # asked under today's address: unknown there, so sent anew
        assert elsewhere.connections == 0
        assert_delivered_once(server.store, outbox, [submission_id])
    finally:
        elsewhere.close()


def test_plain_http_is_refused_off_this_machine_unless_allowed(outbox: Outbox) -> None:
    assert is_loopback("http://127.0.0.1:8765/api") and is_loopback("http://[::1]/api")
    assert is_loopback("http://localhost/api") and not is_loopback("http://10.0.0.5/api")
    assert plain_http_refused("https://central.example/api", False) is None
    assert plain_http_refused("http://127.0.0.1:8765/api", False) is None
    assert plain_http_refused("http://10.0.0.5/api", True) is None
    reason = plain_http_refused("http://central.example/api", False)
    assert reason is not None and "« central.allow_http = true »" in reason and "https://" in reason
    with pytest.raises(InsecureCentralUrl) as refused:
        fast_client(outbox, "http://central.example/api")
    assert str(refused.value) == reason
    config = KioskConfig(central_url="http://central.example/api", central_token="t")
    with pytest.raises(InsecureCentralUrl):
        make_sync_client(config, outbox)
    make_sync_client(config.with_overrides(central_allow_http=True), outbox)


def test_the_setting_is_read_from_the_configuration(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[central]\nurl = "http://10.0.0.5/api"\nallow_http = true\n', encoding="utf-8")
    assert load_config(path, env={}).central_allow_http
    path.write_text('[central]\nallow_http = "oui"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="central.allow_http"):
        load_config(path, env={})


def test_kiosk_sync_says_why_an_http_address_is_refused(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk.cli import main

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n[central]\n'
                      'url = "http://central.example/api"\ntoken = "t"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    assert main(["sync"]) == 1
    assert "central.allow_http" in capsys.readouterr().err


def test_a_complete_upload_is_never_sent_again(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1)
    proxy.add(Rule("POST", "/submissions$", "respond", status=503, times=2))
    proxy.add(Rule("HEAD", "/uploads/", "respond", status=404))  # would restart an upload
    client = fast_client(outbox, proxy.url())
    assert client.sync().failed == 1
    assert all(doc.upload_complete for doc in outbox.documents(ids[0]))
    uploads, patches = proxy.count("POST", "/uploads"), proxy.count("PATCH")
    assert client.sync(force=True).failed == 1
    assert client.sync(force=True).complete
    assert (proxy.count("POST", "/uploads"), proxy.count("PATCH")) == (uploads, patches)
    assert proxy.count("HEAD") == 0
    assert_delivered_once(server.store, outbox, ids)


def test_heartbeat_fields_have_the_contract_types(server: RunningServer, outbox: Outbox) -> None:
    fill(outbox, 2)
    client = fast_client(outbox, server.url)
    assert client.heartbeat() is True  # before any sync: last_sync_at is null
    beat = server.store.heartbeat("7501-K02")
    assert beat is not None and set(beat) == {
        "version", "queue_depth", "oldest_pending_at", "last_sync_at", "failed"}
    assert isinstance(beat["version"], str) and re.fullmatch(r"[^/\s]+/[^/\s]+", beat["version"])
    assert beat["version"] == USER_AGENT
    for name in ("queue_depth", "failed"):
        assert type(beat[name]) is int and beat[name] >= 0
    assert beat["queue_depth"] == 2 and beat["last_sync_at"] is None
    assert RFC3339_UTC.match(beat["oldest_pending_at"])
    assert client.health()
    client.heartbeat()
    beat = server.store.heartbeat("7501-K02")
    assert beat is not None and RFC3339_UTC.match(beat["last_sync_at"])


def test_a_request_off_the_origin_raises_before_any_connection(outbox: Outbox) -> None:
    elsewhere = Listener()
    try:
        client = fast_client(outbox, "http://127.0.0.1:9/api")
        with pytest.raises(TemporaryFailure):
            client._http.request("GET", f"http://127.0.0.1:{elsewhere.port}/api/v1/health")
        assert elsewhere.connections == 0
    finally:
        elsewhere.close()
