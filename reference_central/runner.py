"""Start the reference service: in a background thread (demo, tests) or in the foreground (CLI)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from reference_central.app import create_app
from reference_central.store import CentralStore

API_PREFIX = "/api"


@dataclass
class RunningServer:
    """A reference service running in a thread of this process."""

    url: str  # base URL, ends with /api
    port: int
    store: CentralStore
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self) -> None:
        """Ask uvicorn to finish its requests and wait for the thread to end."""
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.store.close()


def _open_store(
    data_dir: Path, token: str, kiosk_id: str | None, site: str | None, **store_options: Any
) -> CentralStore:
    store = CentralStore(data_dir, **store_options)
    if token:
        store.allow_token(token, kiosk_id, site)
    return store


def serve_in_thread(
    data_dir: Path,
    token: str,
    port: int = 0,
    *,
    host: str = "127.0.0.1",
    upload_ttl_s: float = 24 * 3600,
    kiosk_id: str | None = None,
    site: str | None = None,
    **app_options: Any,
) -> RunningServer:
    """Serve on ``host:port`` (0 picks a free port) and return once it accepts connections.

    ``token`` belongs to ``kiosk_id`` of ``site``; left out, they are those of the
    first heartbeat or submission the token carries.
    """
    store = _open_store(data_dir, token, kiosk_id, site, upload_ttl_s=upload_ttl_s)
    app = create_app(store, prefix=API_PREFIX, **app_options)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"reference-central-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            store.close()
            raise RuntimeError(f"the reference central service did not start on {host}:{port}")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return RunningServer(
        url=f"http://{host}:{bound}{API_PREFIX}", port=bound, store=store, _server=server, _thread=thread
    )


def serve_forever(
    data_dir: Path, token: str, *, host: str, port: int, kiosk_id: str, site: str
) -> None:
    """Serve in the foreground until interrupted (``kiosk central serve``)."""
    store = _open_store(data_dir, token, kiosk_id, site)
    try:
        uvicorn.run(create_app(store, prefix=API_PREFIX), host=host, port=port, log_level="info")
    finally:
        store.close()
