"""Where the sync client may send the kiosk's token and the citizens' documents.

Only to the configured central service's origin (scheme, host and port, as the
contract's section 6 settles for an absolute upload ``Location``), and never
in clear across a network: plain http:// is for this machine (the demo, the
tests) unless IT allows it in so many words. Standard library only.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        return scheme, "", -1  # an unreadable port matches nothing
    return scheme, (parts.hostname or "").lower(), port or {"http": 80, "https": 443}.get(scheme)


def same_origin(url: str, base_url: str) -> bool:
    """True when ``url`` has the scheme, host and port of ``base_url`` (contract section 6)."""
    return _origin(url) == _origin(base_url) and _origin(url)[1] != ""


def is_loopback(url: str) -> bool:
    """True for ``localhost`` and the loopback addresses, the only hosts plain http may reach."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


ALLOW_HTTP_SETTING = "central.allow_http"


def plain_http_refused(url: str, allow_http: bool) -> str | None:
    """The French reason a central URL must not be used, or None when it may.

    Plain ``http://`` would carry the kiosk's token and the citizens' documents in
    clear across the network, so it is refused unless it stays on this machine or IT
    allows it in so many words."""
    if urlsplit(url).scheme.lower() != "http" or allow_http or is_loopback(url):
        return None
    return (
        f"L'adresse du service central ({urlsplit(url).netloc}) est en http:// sans chiffrement : "
        "le jeton de la borne et les documents des demandeurs y passeraient en clair. "
        "Utilisez une adresse https://, ou, seulement sur un réseau privé sûr, mettez "
        f"« {ALLOW_HTTP_SETTING} = true » dans la configuration."
    )
