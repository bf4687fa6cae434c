"""Documents that must be recent: a proof of address, a contrôle technique, a theft report.

A request whose proof of address is eight months old comes back « à
compléter » weeks later. The definition of each document says how old it may
be (``max_age_months``) and, when a question already asks its date, which
one (``dated_by``); otherwise the kiosk asks the date written on the paper
when the scan is chosen. The date is checked here and not kept: only the
decision matters.
"""

from __future__ import annotations

from datetime import date

from kiosk.procedures import DocumentSpec
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError, check


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the 31st falls back to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, last)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def _french(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def check_age(spec: DocumentSpec, written: date, today: date) -> None:
    """``ValidationError`` in plain French when ``written`` is too old for ``spec``."""
    if spec.max_age_months is None:
        return
    earliest = months_before(today, spec.max_age_months)
    if written < earliest:
        raise ValidationError(
            f"Ce document date du {_french(written)}. Il a plus de {spec.max_age_months} mois. "
            f"Il faut un document daté du {_french(earliest)} ou après. "
            "Apportez un document plus récent."
        )


def asks_date(spec: DocumentSpec) -> bool:
    """Whether the kiosk must ask the date written on the document when it is chosen."""
    return spec.max_age_months is not None and spec.dated_by is None


def check_written_date(session: ProcedureSession, kind: str, raw: str) -> date:
    """The date the citizen read on document ``kind``, checked: a real date, not in the future,
    recent enough. ``ValidationError`` (French) otherwise."""
    today = session.today()
    written = date.fromisoformat(check("date", raw, not_future=True, today=today))
    check_age(session.procedure.document(kind), written, today)
    return written


def check_answered_date(session: ProcedureSession, kind: str) -> None:
    """For a document dated by an earlier answer, that date checked against the document's age."""
    spec = session.procedure.document(kind)
    answer = session.answers.get(spec.dated_by) if spec.dated_by else None
    if answer:
        check_age(spec, date.fromisoformat(answer), session.today())
