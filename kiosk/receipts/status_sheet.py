"""« Où en est votre demande ? » on paper: what is missing, or what is to pay, to take home.

A citizen without e-mail or phone leaves with the list of the pieces the service
asks for (``needs_info``), or the amount, its reason and the last day to pay
(``awaiting_payment``), laid out like the mandate (``kiosk.receipts.mandate``).
"""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable

from kiosk.paris_time import in_paris
from kiosk.receipts import french
from kiosk.receipts.mandate import SheetPrinter, paragraph, render_sheet, styles
from kiosk.receipts.render import Format
from kiosk.reference_lookup import Finding
from offline_queue.times import utc_now

HEADLINES: dict[str, str] = {
    "received": "Votre demande est arrivée au service. Elle n'est pas encore examinée.",
    "in_review": "Votre demande est en cours d'examen.",
    "needs_info": "Le service vous demande une information ou une pièce en plus.",
    "awaiting_payment": "Le service attend un paiement.",
    "accepted": "Votre demande est acceptée.",
    "rejected": "Votre demande est refusée.",
    "title_sent": "Votre demande est acceptée. Le titre vous a été envoyé par courrier.",
}
"""Where a request stands, said to the citizen (the statuses of ``central-api.md`` § 3)."""


def _when(moment: datetime) -> str:
    return f"{french.day_in_words(in_paris(moment).date())} à {in_paris(moment):%H:%M}"


def status_lines(finding: Finding) -> list[tuple[str, str]]:
    """The sheet as (kind, text) lines: ``title``, ``heading``, ``body``, ``bullet``, ``small``.

    The screen shows the same lines, so paper and screen never disagree."""
    lines = [("title", "Où en est votre demande ?"), ("body", f"Référence du reçu : {finding.reference}")]
    status = finding.status
    if status is None:
        lines.append(("body", finding.problem or finding.local))
        return lines
    if status.dossier_number and status.dossier_number != "?":
        lines.append(("body", f"Numéro de dossier : {status.dossier_number}"))
    if finding.stale_note():
        lines.append(("body", finding.stale_note()))
    words = HEADLINES.get(status.status)
    lines.append(("heading", words or status.message or status.status))
    if status.changed_at is not None:
        lines.append(("body", f"Depuis le {_when(status.changed_at)}."))
    titles = finding.titles or {}
    if status.missing:
        lines.append(("heading", "Ce qu'il manque"))
        for item in status.missing:
            title = titles.get(item.kind, "")
            text = f"{title} : {item.message}" if title and item.message else (item.message or title)
            lines.append(("bullet", text))
        lines.append(("body", "Apportez ce qui manque au point numérique, avec ce papier "
                              "et votre reçu. Un médiateur vous aidera à l'envoyer."))
    payment = status.payment
    if payment is not None:
        lines.append(("heading", "À payer"))
        amount = french.euros(payment.amount_eur) if payment.amount_eur is not None else None
        lines.append(("bullet", f"Montant : {amount}" if amount else
                      "Montant : demandez-le au point numérique."))
        if payment.reason:
            lines.append(("bullet", f"Pour : {payment.reason}"))
        if payment.pay_before is not None:
            lines.append(("bullet", f"Avant le {_when(payment.pay_before)}"))
    if words and status.message:
        lines.append(("body", f"Message du service : {status.message}"))
    return lines


def render_status(finding: Finding, printed_at: datetime, fmt: Format = "a4") -> bytes:
    """The sheet as PDF on the kiosk's paper."""
    return render_sheet(lambda: [_story(finding, printed_at, fmt)], fmt,
                        f"Où en est votre demande ? {finding.reference}")


def _story(finding: Finding, printed_at: datetime, fmt: Format) -> list[Flowable]:
    sheet = styles(fmt)
    story: list[Flowable] = []
    for kind, text in status_lines(finding):
        story.append(paragraph(f"• {text}" if kind == "bullet" else text,
                               sheet["body" if kind == "bullet" else kind]))
    story.append(paragraph(f"Imprimé le {_when(printed_at)}.", sheet["small"]))
    return story


def print_finding(finding: Finding, fmt: Format, printer: SheetPrinter) -> None:
    """Lay the sheet out and print it (runs on a pool thread)."""
    printer(render_status(finding, utc_now(), fmt), f"etat-{finding.reference}.pdf")
