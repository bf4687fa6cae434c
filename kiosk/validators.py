"""Check and normalise what a citizen types, with messages they can act on.

Every kind returns the official written form of the value (``AB-123-CD`` for
a plate, digits without separators for numbers, ISO ``AAAA-MM-JJ`` for dates)
or raises :class:`ValidationError` whose message is one short French sentence
saying what is wrong and how to fix it. Normalising twice gives the same
result, so a stored answer can be checked again at any time.

Written forms chosen here:
- FNI plate (before 2009): ``1234 AB 75`` (digits, letters, département,
  separated by spaces, as on the old plates);
- time: ``14:30`` (24-hour clock, two digits each);
- phone: ten digits without spaces, ``0612345678``; ``+33``, ``0033`` and the
  overseas codes that share the French numbering plan (``+262``, ``+269``,
  ``+590``, ``+594``, ``+596``) become ``0`` + nine digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["KINDS", "NOTICES", "OPTIONS", "ValidationError", "check", "option_problems", "with_notice"]


class ValidationError(ValueError):
    """A value the citizen typed cannot be accepted; ``message`` is for them."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


REQUIRED = "Ce champ est obligatoire. Merci de le remplir."
UNREADABLE = "Ce champ contient des caractères illisibles. Merci de le retaper."

# Hyphens, dashes and the minus sign that keyboards and copy-paste produce.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"  # "-" last: literal in a [set]
_SEPARATORS = re.compile(rf"[\s{_DASHES}]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def _compact(value: str) -> str:
    """Uppercase compatibility form without spaces or hyphens."""
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()
    if not compact:
        raise ValidationError(REQUIRED)
    return compact


def _collapse_spaces(value: str) -> str:
    collapsed = " ".join(value.split())
    if not collapsed:
        raise ValidationError(REQUIRED)
    return collapsed


# --- vehicle ---------------------------------------------------------------

_SIV = re.compile(r"([A-Z]{2})([0-9]{3})([A-Z]{2})", re.ASCII)
_SIV_WITH_LETTER_O = re.compile(r"[A-Z]{2}[0-9O]{3}[A-Z]{2}", re.ASCII)
_FNI = re.compile(r"([1-9][0-9]{0,3})([A-Z]{1,3})(2A|2B|97[1-6]|0[1-9]|[1-8][0-9]|9[0-5])", re.ASCII)
_PLATE_SHAPE = "Le numéro d'immatriculation doit ressembler à AB-123-CD (ou 1234 AB 75 s'il est ancien)."


def _plate(value: str) -> str:
    compact = _compact(value)
    siv = _SIV.fullmatch(compact)
    if siv:
        left, number, right = siv.groups()
        if set(left + right) & set("IOU"):
            raise ValidationError(
                "Les lettres I, O et U n'existent pas sur les plaques. "
                "Ce sont peut-être les chiffres 1 et 0, ou la lettre V."
            )
        if "SS" in (left, right):
            raise ValidationError("Les lettres SS n'existent pas sur les plaques. Vérifiez le numéro.")
        if number == "000":
            raise ValidationError("Le nombre du milieu ne peut pas être 000. Vérifiez le numéro.")
        return f"{left}-{number}-{right}"
    if _SIV_WITH_LETTER_O.fullmatch(compact):
        raise ValidationError(
            "Le milieu du numéro ne contient que des chiffres. Remplacez la lettre O par un zéro."
        )
    fni = _FNI.fullmatch(compact)
    if fni:
        return " ".join(fni.groups())
    raise ValidationError(_PLATE_SHAPE)


_VIN = re.compile(r"[A-Z0-9]{17}", re.ASCII)


def _vin(value: str) -> str:
    compact = _compact(value)
    if len(compact) != 17:
        raise ValidationError(
            f"Le numéro d'identification (VIN, case E) compte 17 caractères ; "
            f"vous en avez saisi {len(compact)}."
        )
    if not _VIN.fullmatch(compact):
        raise ValidationError("Le numéro d'identification (VIN) ne contient que des lettres et des chiffres.")
    if set(compact) & set("IOQ"):
        raise ValidationError(
            "Le numéro d'identification (VIN) n'a jamais de lettre I, O ou Q. "
            "Ce sont sans doute les chiffres 1 et 0."
        )
    return compact


_FORMULE = re.compile(r"([0-9]{4})([A-Z]{2})([0-9]{5})", re.ASCII)
FIRST_FORMULE_YEAR = 2009


def _formule_number(value: str, *, today: date | None = None) -> str:
    compact = _compact(value)
    match = _FORMULE.fullmatch(compact)
    if not match:
        raise ValidationError(
            "Le numéro de formule doit ressembler à 2017RV48832 (4 chiffres, 2 lettres, 5 chiffres)."
        )
    year = int(match.group(1))
    last_year = (today or date.today()).year
    if not FIRST_FORMULE_YEAR <= year <= last_year:
        raise ValidationError(
            f"Le numéro de formule commence par une année entre {FIRST_FORMULE_YEAR} "
            f"et {last_year}. "
            "Vérifiez les 4 premiers chiffres."
        )
    return compact


_CESSION = re.compile(r"[A-Z0-9]+", re.ASCII)
# No official format is published for the code de cession: these bounds only
# catch a truncated or runaway entry, they are not a rule of the ANTS.
CESSION_MIN, CESSION_MAX = 4, 30


def _code_cession(value: str) -> str:
    compact = _compact(value)
    if not _CESSION.fullmatch(compact):
        raise ValidationError("Le code de cession ne contient que des lettres et des chiffres.")
    if not CESSION_MIN <= len(compact) <= CESSION_MAX:
        raise ValidationError(
            "Ce code de cession semble incomplet ou trop long. Recopiez-le tel que le vendeur l'a donné."
        )
    return compact


# --- numbers ---------------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+", re.ASCII)


def _only_digits(value: str, what: str, length: int) -> str:
    compact = _compact(value)
    if not _DIGITS.fullmatch(compact):
        raise ValidationError(f"{what} ne contient que des chiffres.")
    if len(compact) != length:
        raise ValidationError(f"{what} compte {length} chiffres ; vous en avez saisi {len(compact)}.")
    return compact


def _digits(value: str, *, length: int | None = None, max_length: int = 50) -> str:
    compact = _compact(value)
    if not _DIGITS.fullmatch(compact):
        raise ValidationError("Saisissez uniquement des chiffres.")
    if length is not None and len(compact) != length:
        raise ValidationError(f"Ce numéro compte {length} chiffres ; vous en avez saisi {len(compact)}.")
    if len(compact) > max_length:
        raise ValidationError(f"Ce numéro est trop long : {max_length} chiffres au plus.")
    return compact


def _neph(value: str) -> str:
    return _only_digits(value, "Le numéro de dossier (NEPH)", 12)


def _timbre_fiscal(value: str) -> str:
    return _only_digits(value, "Le numéro du timbre fiscal", 16)


_EPHOTO = re.compile(r"[A-Z0-9]{22}", re.ASCII)


# Said under every question of these kinds, whatever the procedure: a code used twice, or an
# e-photo too old, sends the request back weeks later.
NOTICES: dict[str, str] = {
    "ephoto_code": "Il ne sert qu'une seule fois. La photo doit dater de moins de 6 mois.",
    "timbre_fiscal": "Il ne sert qu'une seule fois. Un timbre déjà utilisé est refusé.",
}


def with_notice(help_text: str, kind: str | None) -> str:
    """A question's help followed by its kind's notice (``NOTICES``), said once."""
    notice = NOTICES.get(kind or "")
    if not notice:
        return help_text
    return f"{help_text} {notice}".strip()


def _ephoto_code(value: str) -> str:
    compact = _compact(value)
    if not _EPHOTO.fullmatch(compact):
        if re.fullmatch(r"[A-Z0-9]*", compact, re.ASCII):
            raise ValidationError(
                "Le code e-photo compte 22 lettres ou chiffres ; "
                f"vous en avez saisi {len(compact)}."
            )
        raise ValidationError("Le code de la photo (e-photo) ne contient que des lettres et des chiffres.")
    return compact


def _postal_code(value: str) -> str:
    code = _only_digits(value, "Le code postal", 5)
    if code.startswith("00"):
        raise ValidationError("Aucun code postal ne commence par 00. Vérifiez les deux premiers chiffres.")
    return code


_INSEE = re.compile(r"(?:[0-9]{2}|2A|2B)[0-9]{3}", re.ASCII)


def _insee_code(value: str) -> str:
    code = _compact(value)
    if not _INSEE.fullmatch(code):
        raise ValidationError(
            "Le code de la commune (code INSEE) compte 5 caractères, par exemple 75056 ou 2A004."
        )
    if code.startswith("00"):
        raise ValidationError(
            "Aucun code de commune ne commence par 00. Vérifiez les deux premiers chiffres."
        )
    return code


# Country codes of the overseas departments that share the French numbering
# plan: the national number is 0 followed by the same nine digits.
_FRENCH_PLAN_PREFIXES = ("33", "262", "269", "590", "594", "596")
_PHONE_SEPARATORS = re.compile(r"[\s.()/" + _DASHES + "]+")


def _phone(value: str) -> str:
    raw = unicodedata.normalize("NFKC", value).strip()
    raw = raw.replace("(0)", "")
    compact = _PHONE_SEPARATORS.sub("", raw)
    if compact.startswith("+"):
        compact = "00" + compact[1:]
    if not _DIGITS.fullmatch(compact):
        raise ValidationError(
            "Le numéro de téléphone ne contient que des chiffres. Par exemple : 06 12 34 56 78."
        )
    if compact.startswith("00"):
        international = compact[2:]
        for prefix in _FRENCH_PLAN_PREFIXES:
            if international.startswith(prefix) and len(international) == len(prefix) + 9:
                compact = "0" + international[len(prefix) :]
                break
        else:
            raise ValidationError("Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78.")
    if len(compact) != 10 or not compact.startswith("0"):
        raise ValidationError("Le numéro de téléphone compte 10 chiffres, par exemple 06 12 34 56 78.")
    if compact[1] == "0":
        raise ValidationError(
            "Ce numéro de téléphone n'existe pas. Après le premier 0 vient un chiffre de 1 à 9."
        )
    return compact


# --- people and places -----------------------------------------------------

_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+", re.ASCII)
_EMAIL_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", re.ASCII)
_EMAIL_EXAMPLE = "L'adresse e-mail doit ressembler à jean.dupont@orange.fr."


def _email(value: str, *, max_length: int = 254) -> str:
    address = unicodedata.normalize("NFC", value).strip()
    if any(ch.isspace() for ch in address):
        raise ValidationError("L'adresse e-mail ne contient pas d'espace. Merci de les retirer.")
    if "@" not in address:
        raise ValidationError("Il manque le signe @ dans l'adresse e-mail (exemple : jean.dupont@orange.fr).")
    local, _, domain = address.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    if (
        not _EMAIL_LOCAL.fullmatch(local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or len(labels) < 2
        or not all(_EMAIL_LABEL.fullmatch(label) for label in labels)
        or not labels[-1].isalpha()
    ):
        raise ValidationError(_EMAIL_EXAMPLE)
    normalised = f"{local}@{domain}"
    if len(normalised) > max_length:
        raise ValidationError(f"L'adresse e-mail est trop longue : {max_length} caractères au plus.")
    return normalised


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _name(value: str, *, max_length: int = 80) -> str:
    name = _collapse_spaces(unicodedata.normalize("NFC", value).translate(_APOSTROPHES))
    if not all(_is_latin_letter(ch) or ch in " -'" for ch in name):
        raise ValidationError(
            "Le nom ne contient que des lettres, des espaces, des traits d'union (-) et des apostrophes (')."
        )
    if not (_is_latin_letter(name[0]) and _is_latin_letter(name[-1])):
        raise ValidationError("Le nom commence et finit par une lettre. Vérifiez le début et la fin.")
    if len(name) > max_length:
        raise ValidationError(f"Ce nom est trop long : {max_length} caractères au plus.")
    return name


_STREET_PUNCTUATION = frozenset(" ,.'-/()°&")


def _street(value: str, *, max_length: int = 100) -> str:
    street = _collapse_spaces(unicodedata.normalize("NFC", value).translate(_APOSTROPHES))
    allowed = all(_is_latin_letter(ch) or ch in _STREET_PUNCTUATION or ("0" <= ch <= "9") for ch in street)
    if not allowed:
        raise ValidationError(
            "L'adresse ne contient que des lettres, des chiffres et les signes , . ' - / ( )."
        )
    if not any(_is_latin_letter(ch) for ch in street):
        raise ValidationError("Indiquez le nom de la rue, par exemple 12 rue des Lilas.")
    if len(street) > max_length:
        raise ValidationError(f"Cette ligne d'adresse est trop longue : {max_length} caractères au plus.")
    return street


def _text(value: str, *, max_length: int = 500) -> str:
    text = unicodedata.normalize("NFC", value).strip()
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise ValidationError(UNREADABLE)
    if len(text) > max_length:
        raise ValidationError(f"Ce texte est trop long : {max_length} caractères au plus.")
    return text


# --- dates -----------------------------------------------------------------

_DATE_FR = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]+)", re.ASCII)
_DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_DATE_SHAPE = "Écrivez la date sous la forme JJ/MM/AAAA, par exemple 05/03/1950."


def _years_before(day: date, years: int) -> date:
    """Same day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _french(day: date) -> str:
    return day.strftime("%d/%m/") + f"{day.year:04d}"


_DATE_DASHES = re.compile(f"[{_DASHES}]")
_AROUND_SEPARATOR = re.compile(r"\s*([/.-])\s*")


def _parse_date(value: str) -> date:
    text = _DATE_DASHES.sub("-", unicodedata.normalize("NFKC", value).strip())
    text = "/".join(_AROUND_SEPARATOR.sub(r"\1", text).split())
    if _DIGITS.fullmatch(text) and len(text) == 8:
        text = f"{text[:2]}/{text[2:4]}/{text[4:]}"
    iso = _DATE_ISO.fullmatch(text)
    french = None if iso else _DATE_FR.fullmatch(text)
    if iso:
        year, month, day = iso.groups()
    elif french:
        day, month, year = french.groups()
        if len(year) != 4:
            raise ValidationError("Écrivez l'année en entier, avec 4 chiffres (par exemple 1950).")
    else:
        raise ValidationError(_DATE_SHAPE)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(
            "Cette date n'existe pas dans le calendrier. Vérifiez le jour et le mois."
        ) from None


def _date(
    value: str,
    *,
    not_future: bool = False,
    not_past: bool = False,
    min_years_ago: int | None = None,
    max_years_ago: int | None = None,
    max_days_ago: int | None = None,
    today: date | None = None,
) -> str:
    day = _parse_date(value)
    now = today or date.today()
    if not_future and day > now:
        raise ValidationError("Cette date ne peut pas être dans le futur. Vérifiez l'année.")
    if not_past and day < now:
        raise ValidationError("Cette date est déjà passée. Indiquez une date à partir d'aujourd'hui.")
    if min_years_ago is not None:
        latest = _years_before(now, min_years_ago)
        if day > latest:
            raise ValidationError(
                f"Cette date doit remonter à au moins {min_years_ago} ans "
                f"(le {_french(latest)} au plus tard)."
            )
    if max_years_ago is not None:
        earliest = _years_before(now, max_years_ago)
        if day < earliest:
            raise ValidationError(
                f"Cette date remonte à plus de {max_years_ago} ans "
                f"(le {_french(earliest)} au plus tôt)."
            )
    if max_days_ago is not None:
        earliest = now - timedelta(days=max_days_ago)
        if day < earliest:
            raise ValidationError(
                f"Cette date remonte à plus de {max_days_ago} jours "
                f"(le {_french(earliest)} au plus tôt)."
            )
    return day.isoformat()


_TIME = re.compile(r"([0-9]{1,2})(?:[:H]([0-9]{2})?)?", re.ASCII)


def _time(value: str) -> str:
    """An hour of the day, written ``14:30`` (``14h30``, ``14 h``, ``9:05`` accepted)."""
    match = _TIME.fullmatch(_compact(value))
    if not match:
        raise ValidationError("Écrivez l'heure sous la forme 14h30 ou 14:30.")
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise ValidationError("Cette heure n'existe pas : de 0h00 à 23h59. Vérifiez l'heure.")
    return f"{hours:02d}:{minutes:02d}"


# --- dispatch --------------------------------------------------------------

_VALIDATORS: dict[str, Callable[..., str]] = {
    "plate": _plate,
    "vin": _vin,
    "formule_number": _formule_number,
    "code_cession": _code_cession,
    "neph": _neph,
    "ephoto_code": _ephoto_code,
    "timbre_fiscal": _timbre_fiscal,
    "postal_code": _postal_code,
    "insee_code": _insee_code,
    "email": _email,
    "phone": _phone,
    "date": _date,
    "time": _time,
    "name": _name,
    "street": _street,
    "text": _text,
    "digits": _digits,
}

KINDS: frozenset[str] = frozenset(_VALIDATORS)


# --- options a procedure file may give ---------------------------------------------


@dataclass(frozen=True)
class OptionSpec:
    """The values a definition file may give one option: a flag, or a whole number in range."""

    type: type
    minimum: int = 0
    maximum: int = 0

    def describe(self) -> str:
        if self.type is bool:
            return "vaut true ou false"
        return f"est un nombre entier de {self.minimum} à {self.maximum}"


_FLAG = OptionSpec(bool)
# A person's life spans at most this many years: a date bound further back is a typo.
MAX_YEARS = 150
# Ranges only; the option names come from each validator's signature.
_RANGES: dict[str, dict[str, OptionSpec]] = {
    "date": {
        "not_future": _FLAG,
        "not_past": _FLAG,
        "min_years_ago": OptionSpec(int, 0, MAX_YEARS),
        "max_years_ago": OptionSpec(int, 1, MAX_YEARS),
        "max_days_ago": OptionSpec(int, 1, MAX_YEARS * 366),
    },
    "digits": {"length": OptionSpec(int, 1, 50), "max_length": OptionSpec(int, 1, 50)},
    # Shortest accepted address: a@b.fr.
    "email": {"max_length": OptionSpec(int, 6, 254)},
    "name": {"max_length": OptionSpec(int, 1, 500)},
    "street": {"max_length": OptionSpec(int, 1, 500)},
    "text": {"max_length": OptionSpec(int, 1, 500)},
}
# Options for tests and the session only: a file that froze the date would be wrong tomorrow.
_NOT_FROM_FILES = frozenset({"today"})


def _signature_options() -> dict[str, dict[str, OptionSpec]]:
    """Each kind's keyword options, read from its function so the two cannot drift apart."""
    options: dict[str, dict[str, OptionSpec]] = {}
    for kind, validator in _VALIDATORS.items():
        # Every keyword-only option has a default (``inspect`` would cost 10 ms at start-up).
        names = [name for name in validator.__kwdefaults__ or {} if name not in _NOT_FROM_FILES]
        ranges = _RANGES.get(kind, {})
        if set(names) != set(ranges):
            raise RuntimeError(f"validator {kind!r}: options {names} but ranges {sorted(ranges)}")
        options[kind] = {name: ranges[name] for name in names}
    return options


OPTIONS: dict[str, dict[str, OptionSpec]] = _signature_options()


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def did_you_mean(name: str, possible: list[str]) -> str:
    """`` — vouliez-vous dire « x » ?`` for a near miss, else nothing."""
    import difflib  # noqa: PLC0415 - only for a refused file, not at every start

    close = difflib.get_close_matches(name, possible, n=1, cutoff=0.6)
    return f" — vouliez-vous dire « {close[0]} » ?" if close else ""


def option_problems(kind: str, options: Mapping[object, object]) -> Iterator[tuple[str, str]]:
    """Each option ``check(kind, ..., **options)`` would choke on, or that no answer could pass.

    Yields ``(option, French sentence)``; the option is ``""`` for a problem of the whole set.
    """
    accepted = OPTIONS[kind]
    usable: dict[str, object] = {}
    for name, value in options.items():
        if not isinstance(name, str) or name not in accepted:
            shown = name if isinstance(name, str) else _shown(name)
            if not accepted:
                yield str(name), f"le contrôle « {kind} » ne prend aucune option (« {shown} » donnée)"
                continue
            hint = did_you_mean(shown, list(accepted))
            listed = ", ".join(accepted)
            yield str(name), (f"option « {shown} » inconnue pour le contrôle « {kind} »{hint} "
                              f"(options possibles : {listed})")
            continue
        spec = accepted[name]
        # bool is an int in Python: a flag must be a real bool, a number must not be one.
        in_range = type(value) is spec.type and (
            spec.type is bool or spec.minimum <= value <= spec.maximum  # type: ignore[operator]
        )
        if not in_range:
            yield name, f"l'option « {name} » {spec.describe()} (trouvé : {_shown(value)})"
            continue
        usable[name] = value
    yield from _impossible(kind, usable)


def _impossible(kind: str, options: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """Options valid one by one that together refuse every answer."""
    if kind == "digits":
        length, longest = options.get("length"), options.get("max_length", 50)
        if isinstance(length, int) and isinstance(longest, int) and length > longest:
            yield "length", (f"« length » ({length}) dépasse « max_length » ({longest}) : "
                             "aucun numéro ne passe")
    if kind == "date":
        # Any day of the year, including 29 February, must leave at least one date to give.
        for today in (date(2028, 2, 29), date(2027, 3, 1), date(2027, 12, 31)):
            earliest, latest = date_window(today, **options)  # type: ignore[arg-type]
            if earliest > latest:
                given = ", ".join(f"{k}: {_shown(v).lower()}" for k, v in options.items())
                yield "", f"aucune date ne respecte à la fois {given}"
                return


def date_window(
    today: date,
    *,
    not_future: bool = False,
    not_past: bool = False,
    min_years_ago: int | None = None,
    max_years_ago: int | None = None,
    max_days_ago: int | None = None,
) -> tuple[date, date]:
    """The first and last day the date options accept on ``today`` (first > last: none)."""
    earliest, latest = date(1000, 1, 1), date(9999, 12, 31)
    if not_future:
        latest = min(latest, today)
    if not_past:
        earliest = max(earliest, today)
    if min_years_ago is not None:
        latest = min(latest, _years_before(today, min_years_ago))
    if max_years_ago is not None:
        earliest = max(earliest, _years_before(today, max_years_ago))
    if max_days_ago is not None:
        earliest = max(earliest, today - timedelta(days=max_days_ago))
    return earliest, latest


def check(kind: str, value: str, **options: object) -> str:
    """Return ``value`` in its official written form, or raise ValidationError.

    An unknown ``kind`` is a programming error and raises ``KeyError``; an
    option the kind does not take raises ``TypeError``.
    """
    validator = _VALIDATORS[kind]
    if any(unicodedata.category(ch) in ("Cs", "Co", "Cn") for ch in value):
        raise ValidationError(UNREADABLE)
    if not value.strip():
        raise ValidationError(REQUIRED)
    return validator(value, **options)
