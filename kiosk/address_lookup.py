"""Addresses from the Base Adresse Nationale, so that a mediator picks one instead of typing it.

The BAN's public API (``api-adresse.data.gouv.fr``) answers ``GET /search/?q=…&limit=…``
with a GeoJSON FeatureCollection; each feature's ``properties`` hold ``label``,
``name`` (the number and street, for an address), ``housenumber``, ``street``,
``postcode``, ``city``, ``citycode`` and ``type`` (``housenumber``, ``street``,
``locality``, ``municipality``). The mediator types a few words of the street; the
kiosk offers the addresses found, and the one picked fills the street, the postal
code and the commune. A postal code alone gives its commune(s).

Off unless ``address.lookup_url`` is set (a site without network keeps typing the
address by hand, as before). Every failure (no network, timeout, an answer not in
that format) is :class:`LookupUnavailable`: the screen says nothing and the address is
typed by hand. What is typed is personal data: it is never logged, only the kind of
failure is.

Which questions of a step are filled: its first ``street`` question, its first
``postal_code`` question, and the first ``name`` question after the postal code (the
commune) — :func:`address_fields`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import requests

log = logging.getLogger(__name__)


def _without_queries(record: logging.LogRecord) -> bool:
    """urllib3 logs each request's URL at debug level: never those holding an address typed."""
    return "/search/" not in record.getMessage()


logging.getLogger("urllib3.connectionpool").addFilter(_without_queries)

ADDRESS_TYPES = ("housenumber", "street")
MAX_QUERY = 200  # the API refuses longer queries; an address is far shorter


class LookupUnavailable(Exception):
    """No answer usable now (network, timeout, format): type the address by hand."""


@dataclass(frozen=True)
class Address:
    label: str
    """What the suggestion shows: « 12 Rue de la République 75004 Paris »."""
    street: str
    """Number and street, for the street question: « 12 Rue de la République »."""
    postcode: str
    city: str


@dataclass(frozen=True)
class AddressFields:
    """The questions of a step an address picked fills, by id."""

    street: str
    postcode: str
    commune: str


class _Question(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def check(self) -> str | None: ...


def address_fields(fields: Iterable[_Question]) -> AddressFields | None:
    """The street, postal code and commune questions of a step, or None if it has not all three."""
    street = postcode = commune = ""
    for fld in fields:
        if fld.check == "street" and not street:
            street = fld.id
        elif fld.check == "postal_code" and not postcode:
            postcode = fld.id
        elif fld.check == "name" and postcode and not commune:
            commune = fld.id
    return AddressFields(street, postcode, commune) if street and postcode and commune else None


class AddressLookup:
    """The BAN client: short timeouts, plain data back, :class:`LookupUnavailable` on any failure."""

    def __init__(self, base_url: str, *, timeout_s: float = 2.0,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.session = session or requests.Session()

    def addresses(self, text: str, limit: int = 5) -> list[Address]:
        """Addresses matching a few words of one (numbers and streets first, as the API ranks)."""
        query = " ".join(text.split())[:MAX_QUERY]
        if len(query) < 3:  # the API needs three characters
            return []
        found = []
        for props in self._search({"q": query, "limit": str(limit), "autocomplete": "1"}):
            if props.get("type") in ADDRESS_TYPES and _texts(props, "label", "name", "postcode", "city"):
                found.append(Address(props["label"], props["name"], props["postcode"], props["city"]))
        return found

    def communes(self, postcode: str) -> list[str]:
        """The communes of a postal code, by name (several share one code in the country)."""
        if not (len(postcode) == 5 and postcode.isdigit()):
            return []
        names: list[str] = []
        for props in self._search({"q": postcode, "type": "municipality", "postcode": postcode,
                                   "limit": "20"}):
            name = props.get("city") or props.get("name")
            if props.get("postcode") == postcode and isinstance(name, str) and name not in names:
                names.append(name)
        return names

    def _search(self, params: Mapping[str, str]) -> list[Mapping[str, Any]]:
        try:
            response = self.session.get(f"{self.base_url}/search/", params=dict(params),
                                        timeout=self.timeout_s)
            response.raise_for_status()
            features = response.json()["features"]
            found = [f["properties"] for f in features if isinstance(f.get("properties"), dict)]
        except (requests.RequestException, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.info("address lookup unavailable: %s", type(exc).__name__)  # never the words typed
            raise LookupUnavailable(type(exc).__name__) from exc
        return found


def _texts(props: Mapping[str, Any], *keys: str) -> bool:
    return all(isinstance(props.get(key), str) and props[key] for key in keys)
