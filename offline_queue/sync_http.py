"""One place that talks HTTP to the central service and sorts every answer into
success, temporary failure, permanent failure or refused credentials.

Each failure carries a French message for the mediator (stored as the
submission's last error); logs get the status code only, never a body.

Servers and proxies close a kept-alive connection after a few idle seconds; when
that happens just as the kiosk reuses it, the request dies before any answer. Such
a request is sent once more on a new connection when repeating it is harmless, so
an idle close is not taken for « injoignable » (and a needless back-off).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError

from offline_queue.backoff import parse_retry_after
from offline_queue.central_url import plain_http_refused, same_origin
from offline_queue.kept_alive import KeptAliveAdapter, idle_close

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
LATER = "nouvel essai automatique plus tard, rien n'est perdu."


class SyncError(Exception):
    """Base of the sync errors; ``str(error)`` is a French message a mediator can act on."""


class AuthError(SyncError):
    """The central service refuses the kiosk's token (401) or has revoked it (403)."""


class TemporaryFailure(SyncError):
    """Worth trying again later with the same request (network, 5xx, 429, captive portal)."""

    def __init__(self, message: str, retry_after_s: float | None = None, *, cut: bool = False) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
        self.cut = cut  # the connection was made, then dropped: the line is lossy, not down


class InsecureCentralUrl(SyncError):
    """The central URL is plain http:// to another machine and no setting allows it."""


class PermanentFailure(SyncError):
    """The server refused this submission for good; a mediator must look at it."""

    def __init__(self, message: str, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


# Methods that HTTP makes idempotent (RFC 9110, 9.2.2): sending one twice does what once does.
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


def _repeatable(method: str, headers: Mapping[str, str] | None) -> bool:
    """True when the contract makes a second copy of this request harmless.

    Beyond the idempotent methods (health, reads, HEAD of an upload, the heartbeat PUT):
    the submission POST carries its ``Idempotency-Key``, and the server answers the same
    key with the same content by ``200`` and the same body, filing it once; a tus PATCH is
    conditional on its ``Upload-Offset``, so a copy the server already applied gets ``409``,
    which the uploader settles with a HEAD. Not the upload creation POST, which has no key:
    a copy could leave a stray upload on the server."""
    names = {name.lower() for name in headers or {}}
    return (
        method in IDEMPOTENT
        or (method == "POST" and "idempotency-key" in names)
        or (method == "PATCH" and "upload-offset" in names)
    )


def unexpected_answer(status: int) -> TemporaryFailure:
    """What a captive portal, a proxy or a wrong address produce."""
    return TemporaryFailure(
        f"Réponse inattendue du réseau (code {status}) : la borne est peut-être derrière une "
        "page de connexion Wi-Fi ou l'adresse du service central est fausse ; " + LATER
    )


def error_body(response: requests.Response) -> dict[str, Any]:
    """The contract's error object, or an empty dict when the body is not one."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class CentralHttp:
    """A ``requests`` session with the contract's headers and a timeout on every request."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_s: float,
        user_agent: str,
        session: requests.Session | None = None,
        now: Callable[[], datetime],
        allow_http: bool = False,
    ) -> None:
        refused = plain_http_refused(base_url, allow_http)
        if refused is not None:
            raise InsecureCentralUrl(refused)
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self._now = now
        self.session = session or requests.Session()
        adapter = KeptAliveAdapter()
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.headers.update(
            {
                "Authorization": f"Bearer {token}",
                "User-Agent": user_agent,
                "Tus-Resumable": TUS_VERSION,
            }
        )

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """Send one request; raise for network trouble, 401/403, 429, 5xx and redirects.

        Only to the base URL's origin: the session carries the token."""
        if not same_origin(url, self.base_url):
            log.error("%s refused: %s is not the central service's origin", method, urlsplit(url).netloc)
            raise TemporaryFailure(
                "Adresse hors du service central : rien n'y est envoyé, prévenez "
                "l'assistance informatique ; " + LATER
            )
        try:
            try:
                response = self._send(method, url, kwargs)
            except requests.ConnectionError as exc:
                # Once, and only for an idle close: a timeout, a refused or cut new connection
                # and a second failure are the network's, « injoignable » as before.
                if not (idle_close(exc) and _repeatable(method, kwargs.get("headers"))):
                    raise
                log.info(
                    "%s %s: kept-alive connection closed by the server, sent again on a new connection",
                    method, _path(url),
                )
                response = self._send(method, url, kwargs)
        except requests.Timeout:
            log.info("%s %s: timeout after %ss", method, _path(url), self.timeout_s)
            raise TemporaryFailure(
                "Le service central ne répond pas (délai dépassé) : " + LATER
            ) from None
        except requests.RequestException as exc:
            log.info("%s %s: %s", method, _path(url), type(exc).__name__)
            raise TemporaryFailure(
                "Le service central est injoignable (réseau coupé ?) : " + LATER,
                cut=_was_connected(exc),
            ) from None
        status = response.status_code
        if status in (401, 403):
            log.warning("%s %s: HTTP %d, the token is refused", method, _path(url), status)
            raise AuthError(_auth_message(status))
        if status == 429 or status >= 500:
            retry_after = parse_retry_after(response.headers.get("Retry-After"), self._now())
            log.info("%s %s: HTTP %d (Retry-After %s)", method, _path(url), status, retry_after)
            what = (
                "demande d'attendre (trop d'envois)" if status == 429 else f"est en difficulté ({status})"
            )
            raise TemporaryFailure(f"Le service central {what} : " + LATER, retry_after)
        if 300 <= status < 400:
            log.info("%s %s: unexpected redirect %d", method, _path(url), status)
            raise unexpected_answer(status)
        return response

    def _send(self, method: str, url: str, options: dict[str, Any]) -> requests.Response:
        return self.session.request(method, url, timeout=self.timeout_s, allow_redirects=False, **options)


def _was_connected(exc: requests.RequestException) -> bool:
    """True when the connection was made and then cut, False when it could not be made
    (refused, unreachable, no answer to connect)."""
    reason = exc.args[0] if exc.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    return not isinstance(exc, requests.ConnectTimeout) and not isinstance(
        reason, NewConnectionError | ConnectTimeoutError
    )


def _path(url: str) -> str:
    """The URL without scheme and host, enough for a log line."""
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1]


def _auth_message(status: int) -> str:
    if status == 401:
        return (
            "Le service central refuse le jeton de la borne (erreur 401) : vérifiez "
            "« central.token » dans la configuration ou appelez l'assistance informatique. "
            "Les demandes restent en attente, rien n'est perdu."
        )
    return (
        "Le jeton de cette borne a été révoqué ou n'est pas autorisé (erreur 403) : demandez "
        "un nouveau jeton à l'assistance informatique. Les demandes restent en attente, "
        "rien n'est perdu."
    )
