"""``kiosk receipt``: make (again) the receipt of a queued request, as a PDF or on the printer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig
from kiosk.procedures import load_catalogue
from kiosk.receipts import (
    FORMATS,
    Format,
    PrintError,
    PrintLog,
    PrintLogError,
    Receipt,
    ReceiptError,
    print_receipt,
    receipt_from_queue,
    render_pdf,
)
from kiosk.receipts.print_log import CITIZEN
from kiosk.receipts.printing import save_pdf
from offline_queue import OutboxError, UnknownSubmission, open_outbox


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser(
        "receipt", help="refaire le reçu d'une demande (fichier PDF ou imprimante)"
    )
    parser.add_argument("submission", metavar="ID",
                        help="identifiant de la demande ou sa référence (PN-…)")
    parser.add_argument("--final", action="store_true",
                        help="accusé de réception (la demande doit avoir été reçue par le service)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="a4 ou thermal (rouleau 80 mm) ; par défaut celui de la configuration")
    parser.add_argument("-o", "--output", type=Path, metavar="FICHIER.pdf",
                        help="écrire le reçu dans ce fichier PDF")
    parser.add_argument("--print", dest="send_to_printer", action="store_true",
                        help="envoyer le reçu à l'imprimante configurée")
    parser.add_argument("--mediator", metavar="ID", default=None,
                        help="identifiant du médiateur qui imprime (journal des impressions)")
    parser.set_defaults(handler=_receipt)


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _receipt(args: argparse.Namespace, context: Any) -> int:
    if args.output is None and not args.send_to_printer:
        return _fail("Indiquez -o FICHIER.pdf pour enregistrer le reçu, ou --print pour "
                     "l'imprimer (ou les deux).", 2)
    config: KioskConfig = context.config
    fmt: Format = "a4" if (args.format or config.printer_format) == "a4" else "thermal"
    try:
        with open_outbox(config.data_dir, config.key_file) as outbox:
            item = outbox.find(args.submission)
            catalogue = load_catalogue()
            if item.procedure_code not in catalogue.procedures:
                return _fail(f"La démarche « {item.procedure_code} » de cette demande n'est "
                             "plus installée sur la borne : le reçu ne peut pas être refait. "
                             "Prévenez le support informatique.")
            receipt = receipt_from_queue(outbox, item.id, catalogue.get(item.procedure_code),
                                         config, final=args.final)
    except UnknownSubmission:
        return _fail(f"Aucune demande « {args.submission} » dans la file de cette borne. "
                     "Vérifiez l'identifiant ou la référence (PN-…).")
    except (OutboxError, ReceiptError) as problem:
        return _fail(getattr(problem, "message", None) or str(problem))
    if args.output is not None:
        try:  # owner-only and whole: a receipt names the citizen
            save_pdf(render_pdf(receipt, fmt, full=True), args.output.parent, args.output.name)
        except PrintError as exc:
            return _fail(exc.message)
        print(f"{receipt.title} de {receipt.local_reference} écrit dans {args.output}.")
    if args.send_to_printer:
        return _print(receipt, config, fmt, args.mediator or CITIZEN)
    return 0


def _print(receipt: Receipt, config: KioskConfig, fmt: Format, who: str) -> int:
    try:
        log: PrintLog | None = PrintLog.in_data_dir(config.data_dir)
    except PrintLogError as problem:
        print(problem.message + " L'impression est faite quand même.", file=sys.stderr)
        log = None
    try:
        record = print_receipt(receipt, config, who=who, print_log=log, fmt=fmt, full=True)
    except PrintError as problem:
        return _fail(problem.message)
    except PrintLogError as problem:
        print(problem.message, file=sys.stderr)
        record = None
    finally:
        if log is not None:
            log.close()
    copy = f" (réimpression n° {record.reprint})" if record and record.reprint else ""
    print(f"{receipt.title} de {receipt.local_reference} envoyé à l'imprimante{copy}.")
    return 0
