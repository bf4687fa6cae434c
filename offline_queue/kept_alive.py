"""Tells a kept-alive connection closed by its server from a failure of the network.

Servers and proxies close a connection left idle a few seconds; when that happens
just as ``requests`` reuses it from its pool, the request dies before any answer,
which looks like a cut line. These connections count the answers their socket has
carried, so that such a close is raised as ``StaleConnection``, and ``idle_close``
finds it in what ``requests`` and urllib3 wrap it in. ``sync_http`` decides what to
send again.
"""

from __future__ import annotations

from http.client import RemoteDisconnected
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3 import HTTPResponse, PoolManager, ProxyManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class StaleConnection(RemoteDisconnected):
    """A connection that had already carried an answer was closed before this request's
    answer began: the server or a proxy timed it out, idle, just as it was reused."""


class _KeptAliveHttp(HTTPConnection):
    """Tells a kept-alive connection closed under a request from a new one closed on its
    first: only the first is the idle close that a second try on a new connection avoids."""

    answers = 0  # answers begun on this socket since it was opened

    def connect(self) -> None:
        self.answers = 0
        super().connect()

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]
        try:
            response = super().getresponse()
        except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError) as exc:
            if self.answers:
                raise StaleConnection(str(exc)) from exc
            raise
        self.answers += 1
        return response


class _KeptAliveHttps(_KeptAliveHttp, HTTPSConnection):
    pass


class _Pool(HTTPConnectionPool):
    ConnectionCls = _KeptAliveHttp


class _TlsPool(HTTPSConnectionPool):
    ConnectionCls = _KeptAliveHttps


POOLS: dict[str, type[HTTPConnectionPool]] = {"http": _Pool, "https": _TlsPool}


class KeptAliveAdapter(HTTPAdapter):
    """``requests``' adapter whose connections, direct or through an HTTP proxy, say when
    a kept-alive one was closed under a request (a SOCKS proxy keeps its own)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> PoolManager:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if type(manager) is ProxyManager:
            manager.pool_classes_by_scheme = POOLS
        return manager


def idle_close(exc: BaseException) -> bool:
    """True when ``exc`` wraps a ``StaleConnection`` (never a timeout): urllib3 wraps it in a
    ``ProtocolError``, or through an HTTP proxy in a ``ProxyError`` within a ``MaxRetryError``."""
    if isinstance(exc, StaleConnection):
        return True
    inner = (*exc.args, getattr(exc, "reason", None))
    return any(isinstance(wrapped, BaseException) and idle_close(wrapped) for wrapped in inner)
