"""A local server answering as the Base Adresse Nationale's ``/search/`` does (GeoJSON).

The format is the API's documented one (api-adresse.data.gouv.fr): a FeatureCollection
whose features carry ``properties`` with ``label``, ``score``, ``housenumber``, ``id``,
``name``, ``postcode``, ``citycode``, ``x``, ``y``, ``city``, ``context``, ``type``,
``importance`` and ``street``. Its few addresses cover ``kiosk.samples``' streets in
Paris 4e, and a postal code shared by two communes. ``requests_seen`` records each
query; ``delay_s`` and ``broken`` make it slow or wrong.
"""

from __future__ import annotations

import json
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from kiosk.samples import STREETS

COMMUNES = (("75004", "Paris", "75104"), ("54490", "Piennes", "54425"),
            ("54490", "Joudreville", "54280"), ("13001", "Marseille", "13201"))


def _feature(kind: str, name: str, postcode: str, city: str, citycode: str,
             housenumber: str = "", street: str = "") -> dict[str, Any]:
    label = f"{name} {postcode} {city}" if kind != "municipality" else city
    props: dict[str, Any] = {
        "label": label, "score": 0.9, "id": f"{citycode}_{len(name):04d}", "name": name,
        "postcode": postcode, "citycode": citycode, "x": 652000.0, "y": 6862000.0, "city": city,
        "context": "75, Paris, Île-de-France", "type": kind, "importance": 0.6}
    if housenumber:
        props["housenumber"] = housenumber
    if street:
        props["street"] = street
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
            "properties": props}


def _addresses() -> list[dict[str, Any]]:
    found = []
    for text in STREETS:
        number, _, rest = text.partition(" ")
        if rest.startswith("bis "):
            number, rest = number + " bis", rest[4:]
        street = rest[0].upper() + rest[1:]
        found.append(_feature("housenumber", f"{number} {street}", "75004", "Paris", "75104",
                              number, street))
    found += [_feature("municipality", city, postcode, city, code) for postcode, city, code in COMMUNES]
    return found


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if c.isalnum() or c == " ")


@dataclass
class FakeBan:
    delay_s: float = 0.0
    slow_queries: set[str] = field(default_factory=set)
    """Queries answered only after ``delay_s`` (all of them when empty)."""
    broken: bool = False
    requests_seen: list[dict[str, str]] = field(default_factory=list)

    def answer(self, params: dict[str, str]) -> dict[str, Any]:
        words = _plain(params.get("q", "")).split()
        kind, postcode = params.get("type"), params.get("postcode")
        features = [f for f in _addresses()
                    if (kind is None or f["properties"]["type"] == kind)
                    and (postcode is None or f["properties"]["postcode"] == postcode)
                    and all(any(w.startswith(word) for w in _plain(
                        f["properties"]["label"] + " " + f["properties"]["postcode"]).split())
                        for word in words)]
        limit = int(params.get("limit", "5"))
        return {"type": "FeatureCollection", "version": "draft", "features": features[:limit],
                "attribution": "BAN", "licence": "ETALAB-2.0", "query": params.get("q", ""),
                "limit": limit}


@contextmanager
def serve_ban(fake: FakeBan | None = None) -> Iterator[str]:
    """Serve ``fake`` on loopback; yields the base URL (without ``/search/``)."""
    ban = fake or FakeBan()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            url = urlparse(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            ban.requests_seen.append(params)
            if ban.delay_s and (not ban.slow_queries or params.get("q") in ban.slow_queries):
                time.sleep(ban.delay_s)
            if url.path != "/search/":
                self.send_error(404)
                return
            body = b"<html>oops</html>" if ban.broken else json.dumps(ban.answer(params)).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a timeout test)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
