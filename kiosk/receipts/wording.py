"""The sentences of a receipt, in reading order, for every output (PDF, ESC/POS).

Keeping the words here means the A4 sheet, the thermal roll and a raw
ESC/POS printer all say exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kiosk import PRODUCT, __version__
from kiosk.receipts import french
from kiosk.receipts.model import LAW, Line, Receipt

BlockKind = Literal["title", "intro", "reference", "heading", "pairs", "bullets", "text",
                    "small"]


@dataclass(frozen=True)
class Block:
    """One piece of the receipt; ``text`` for prose, ``lines`` or ``items`` for lists.

    The ``reference`` block holds the reference lines, the QR payload as its
    only item, and the QR caption as its text.
    """

    kind: BlockKind
    text: str = ""
    lines: tuple[Line, ...] = ()
    items: tuple[str, ...] = ()


def _intro(receipt: Receipt) -> str:
    if receipt.final:
        return "Votre demande a bien été reçue par le service. Gardez votre numéro de dossier."
    return ("Votre demande est enregistrée sur la borne. Le service ne l’a pas encore reçue : "
            "elle part dès que la connexion le permet. Votre numéro de dossier vous sera donné "
            "au point numérique, sur présentation de ce reçu.")


def _facts(receipt: Receipt) -> tuple[Line, ...]:
    facts = [
        Line("Démarche", f"{receipt.procedure_title} (version {receipt.procedure_version})"),
        Line("Enregistrée le", french.moment_in_words(receipt.created_at), "heure de Paris"),
    ]
    if receipt.final and receipt.received_at:
        facts.append(Line("Reçue par le service le",
                          french.moment_in_words(receipt.received_at), "heure de Paris"))
    facts.append(Line("Lieu", f"{receipt.site_name}, borne {receipt.kiosk_id}"))
    return tuple(facts)


def _follow_up(receipt: Receipt) -> tuple[str, ...]:
    ants = f"Sur le site de l’ANTS : {receipt.ants_site}"
    if receipt.final and receipt.dossier_number:
        ants += f", avec votre numéro de dossier {receipt.dossier_number}"
    return (
        f"Au point numérique ({receipt.site_name}) : présentez ce document ou donnez "
        f"votre référence {receipt.local_reference}.",
        ants + ".",
        "Gardez ce document : il prouve que vous avez déposé votre demande.",
    )


def _legal(receipt: Receipt) -> str:
    if receipt.final:
        return f"Ce document est un accusé de réception au sens de l’{LAW}."
    return (f"Ce document est un accusé d’enregistrement au sens de l’{LAW}. Il ne vaut "
            "pas accusé de réception : celui-ci sera établi quand le service aura reçu "
            "votre demande.")


def _essentials(receipt: Receipt) -> list[Block]:
    """What a short roll keeps: reference, QR, dossier number, what next, deadlines."""
    result = [Block("heading", "Et maintenant ?"), Block("bullets", items=receipt.next_steps)]
    if receipt.deadlines:
        result += [Block("heading", "Délais à respecter"),
                   Block("bullets", items=receipt.deadlines)]
    follow = f"Pour suivre votre demande : au point numérique avec ce reçu, ou sur {receipt.ants_site}"
    kind = "de réception" if receipt.final else "d’enregistrement (il ne vaut pas accusé de réception)"
    result += [Block("small", follow + "."), Block("small", f"Accusé {kind}, {LAW}.")]
    return result


def blocks(receipt: Receipt, full: bool = True) -> list[Block]:
    """The receipt, top to bottom; empty sections are left out. ``full`` False: the essentials
    only, for the thermal roll (the detail is printed on A4 or on request)."""
    reference = [Line("Votre référence", receipt.local_reference)]
    if receipt.final and receipt.dossier_number:
        reference.append(Line("Numéro de dossier", receipt.dossier_number))
    result = [
        Block("title", receipt.title),
        Block("intro", _intro(receipt)),
        Block("reference", f"Ce code contient votre référence {receipt.local_reference}.",
              lines=tuple(reference), items=(receipt.qr_payload,)),
    ]
    if not full:
        return result + _essentials(receipt)
    result += [
        Block("heading", "Votre demande"),
        Block("pairs", lines=_facts(receipt) + receipt.answers),
        Block("heading", "Documents fournis"),
        Block("pairs", lines=receipt.documents) if receipt.documents
        else Block("text", "Aucun document."),
        Block("pairs", lines=(Line("Empreinte de la demande",
                                   receipt.content_hash.replace(" ", french.NBSP)),)),
        Block("small", "Cette empreinte identifie le contenu exact de la demande enregistrée. "
                       "Les numéros confidentiels ne sont imprimés qu’en partie."),
    ]
    if receipt.next_steps:
        result += [Block("heading", "Et ensuite ?"), Block("bullets", items=receipt.next_steps)]
    if receipt.deadlines:
        result += [Block("heading", "Délais à respecter"),
                   Block("bullets", items=receipt.deadlines)]
    if receipt.fees:
        result += [Block("heading", "Frais"), Block("pairs", lines=receipt.fees)]
    result += [
        Block("heading", "Suivre votre demande"),
        Block("bullets", items=_follow_up(receipt)),
        Block("small", _legal(receipt)),
        Block("small", f"Demande {receipt.submission_id} — {PRODUCT} {__version__}"),
    ]
    return result
