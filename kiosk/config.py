"""Kiosk configuration: one TOML file, overridable by environment variables.

IT sets the kiosk up once (id, site, central URL, token, printer); a wrong
value must stop the start with a message naming the key, never run half-set.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.input_limits import InputRefused, read_regular_file, shown_name

APP_NAME = "point-numerique-kiosk"
MAX_CONFIG_BYTES = 256 * 1024  # a kiosk.toml is a few hundred bytes

ENV_OVERRIDES: dict[str, str] = {
    "KIOSK_DATA_DIR": "kiosk.data_dir",
    "KIOSK_KEY_FILE": "kiosk.key_file",
    "KIOSK_CENTRAL_URL": "central.url",
    "KIOSK_CENTRAL_TOKEN": "central.token",
    "KIOSK_ID": "kiosk.id",
    "KIOSK_SITE": "kiosk.site",
}


class ConfigError(Exception):
    """A configuration value is missing or wrong; the message names the key."""


@dataclass(frozen=True)
class KioskConfig:
    """Everything a kiosk needs to know about where it runs."""

    kiosk_id: str = "0000-K01"
    site: str = "0000"
    site_name: str = "Point numérique"
    commune_insee: str = ""
    data_dir: Path = field(default_factory=lambda: _user_dir("data"))
    # the queue's key kept apart from the data; None: a systemd credential, else the data folder
    key_file: Path | None = None
    central_url: str = "http://127.0.0.1:8765/api"
    central_token: str = ""
    central_timeout_s: float = 10.0
    central_allow_http: bool = False  # plain http:// to another machine (a private network only)
    printer_name: str = ""
    printer_format: str = "thermal"
    escpos_device: str = ""
    printer_pdf_dir: Path | None = None
    receipt_ack_wait_s: float = 8.0  # wait this long for the dossier number before printing
    mediator_call: bool = True  # someone on site hears the chime; false: the button says whom to ask
    idle_warning_s: int = 90
    idle_reset_s: int = 30
    mediator_stay_minutes: int = 20  # a PIN lasts this long without the mediator's activity; 0: never
    voice_time_factor: float = 2.0  # voice mode: the idle warning and countdown this much longer
    retention_days: int = 30
    audit_retention_days: int = 365
    refused_retention_days: int = 30  # a refusal no mediator corrects is then erased
    refused_warning_days: int = 7  # the mediator space warns this long before
    scanner_dir: Path | None = None
    document_dirs: tuple[Path, ...] = ()  # other folders « Autre fichier… » may open
    sync_interval_s: float = 30.0
    backoff_base_s: float = 2.0
    backoff_max_s: float = 600.0
    language: str = "fr"
    address_lookup_url: str = ""  # the BAN's API (kiosk.address_lookup); empty: typed by hand
    address_lookup_timeout_s: float = 2.0

    def with_overrides(self, **changes: Any) -> KioskConfig:
        """A copy with some values changed (the demo and tests use it)."""
        return replace(self, **changes)


def default_config_path() -> Path:
    """Where the configuration lives when KIOSK_CONFIG does not say."""
    return _user_dir("config") / "kiosk.toml"


def _user_dir(kind: str) -> Path:
    """The system's folder for this user's ``kind`` ("data", "config") of the kiosk. Imported
    here: a kiosk set up by IT names its folders, and its start need not load the module."""
    import platformdirs

    finder = platformdirs.user_data_dir if kind == "data" else platformdirs.user_config_dir
    return Path(finder(APP_NAME))


_KIOSK_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,31}$")
_SITE = re.compile(r"^[0-9A-Za-z]{1,16}$")


def _text(pattern: re.Pattern[str] | None, hint: str) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("attendu : du texte")
        value = value.strip()
        if pattern is not None and not pattern.match(value):
            raise ValueError(hint)
        return value

    return convert


def _url(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+", value.strip()):
        raise ValueError("attendu : une adresse http:// ou https://")
    return value.strip().rstrip("/")


def _number(low: float, high: float, kind: type) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("attendu : un nombre")
        try:
            number = kind(value)
        except (TypeError, ValueError):
            raise ValueError("attendu : un nombre") from None
        if not low <= number <= high:
            raise ValueError(f"attendu : un nombre entre {low:g} et {high:g}")
        return number

    return convert


def _choice(*allowed: str) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in allowed:
            raise ValueError("attendu : " + " ou ".join(allowed))
        return str(value)

    return convert


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("attendu : true ou false")
    return value


def _path(value: Any) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("attendu : un chemin de dossier")
    return Path(value).expanduser()


def _optional_path(value: Any) -> Path | None:
    return None if value in ("", None) else _path(value)


def _folders(value: Any) -> tuple[Path, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and Path(v).is_absolute() for v in value):
        raise ValueError("attendu : une liste de chemins absolus de dossiers, ex. [\"/srv/documents\"]")
    return tuple(Path(v) for v in value)


def _key_file(value: Any) -> Path | None:
    if value in ("", None):
        return None
    if not isinstance(value, str) or not Path(value).expanduser().is_absolute():
        raise ValueError("attendu : le chemin absolu d'un fichier, hors du dossier de données")
    return Path(value).expanduser()


# key in the TOML file -> (dataclass attribute, converter)
def _optional_url(value: Any) -> str:
    return "" if value == "" else _url(value)


_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "kiosk.id": ("kiosk_id", _text(_KIOSK_ID, "attendu : lettres, chiffres et tirets, ex. 7501-K02")),
    "kiosk.site": ("site", _text(_SITE, "attendu : le code du site, ex. 7501")),
    "kiosk.site_name": ("site_name", _text(None, "")),
    "kiosk.commune_insee": ("commune_insee", _text(re.compile(r"^(?:[0-9]{5}|2[AB][0-9]{3})$"),
                                                   "attendu : le code INSEE de la commune, ex. 75056")),
    "kiosk.data_dir": ("data_dir", _path),
    "kiosk.key_file": ("key_file", _key_file),
    "kiosk.language": ("language", _text(re.compile(r"^[a-z]{2}$"), "attendu : fr, en…")),
    "central.url": ("central_url", _url),
    "central.token": ("central_token", _text(None, "")),
    "central.timeout_s": ("central_timeout_s", _number(0.5, 300, float)),
    "central.allow_http": ("central_allow_http", _flag),
    "kiosk.mediator_call": ("mediator_call", _flag),
    "printer.name": ("printer_name", _text(None, "")),
    "printer.format": ("printer_format", _choice("a4", "thermal")),
    "printer.escpos_device": ("escpos_device", _text(None, "")),
    "printer.pdf_dir": ("printer_pdf_dir", _optional_path),
    "printer.ack_wait_s": ("receipt_ack_wait_s", _number(0, 120, float)),
    "session.idle_warning_s": ("idle_warning_s", _number(10, 3600, int)),
    "session.idle_reset_s": ("idle_reset_s", _number(5, 600, int)),
    "mediators.stay_signed_in_minutes": ("mediator_stay_minutes", _number(0, 480, int)),
    "session.voice_time_factor": ("voice_time_factor", _number(1, 5, float)),
    "retention.days": ("retention_days", _number(0, 3650, int)),
    "retention.audit_days": ("audit_retention_days", _number(1, 3650, int)),
    "retention.refused_days": ("refused_retention_days", _number(1, 3650, int)),
    "retention.refused_warning_days": ("refused_warning_days", _number(0, 365, int)),
    "scanner.watch_dir": ("scanner_dir", _optional_path),
    "scanner.other_dirs": ("document_dirs", _folders),
    "sync.interval_s": ("sync_interval_s", _number(1, 86400, float)),
    "sync.backoff_base_s": ("backoff_base_s", _number(0.01, 3600, float)),
    "sync.backoff_max_s": ("backoff_max_s", _number(0.01, 86400, float)),
    "address.lookup_url": ("address_lookup_url", _optional_url),
    "address.timeout_s": ("address_lookup_timeout_s", _number(0.2, 10, float)),
}


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> KioskConfig:
    """Read the TOML file (if any), apply environment overrides, check every value."""
    env = os.environ if env is None else env
    if path is None:
        path = Path(env["KIOSK_CONFIG"]) if env.get("KIOSK_CONFIG") else default_config_path()
    values: dict[str, Any] = {}
    if path.exists():
        import tomllib  # only with a file to read (the tests' and the bench's kiosks have none)

        try:
            raw = read_regular_file(path, MAX_CONFIG_BYTES)
            values = _flatten(tomllib.loads(raw.decode("utf-8")))
        except InputRefused as exc:
            raise ConfigError(f"fichier de configuration : {exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{shown_name(path)} : fichier de configuration illisible ({exc})") from None
        except (RecursionError, ValueError):  # nesting thousands deep, a 5 000-digit number
            raise ConfigError(
                f"{shown_name(path)} : fichier de configuration illisible "
                "(tableaux imbriqués trop profondément ou nombre démesuré)") from None
    elif env.get("KIOSK_CONFIG"):
        raise ConfigError(f"KIOSK_CONFIG : le fichier {path} n'existe pas")
    for variable, key in ENV_OVERRIDES.items():
        if env.get(variable):
            values[key] = env[variable]
    settings: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _KEYS:
            raise ConfigError(f"{path} : clé inconnue « {key} »")
        attribute, convert = _KEYS[key]
        try:
            settings[attribute] = convert(value)
        except ValueError as exc:
            source = next((v for v, k in ENV_OVERRIDES.items() if k == key and env.get(v)), key)
            raise ConfigError(f"{source} : valeur refusée ({exc})") from None
    config = KioskConfig(**settings)
    if config.backoff_max_s < config.backoff_base_s:
        raise ConfigError("sync.backoff_max_s : doit être supérieur ou égal à sync.backoff_base_s")
    return config
