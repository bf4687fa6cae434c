"""``kiosk central serve|set-status|revoke-token``: run and drive the reference central service.

For demos and tests only: a real prefecture runs its own central service.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reference_central import STATUSES, CentralStore, serve_forever
from reference_central.store import StatusDetailsError

DEFAULT_PORT = 8765
STATUS_MESSAGES = {
    "received": "Demande reçue, elle sera examinée par le service instructeur.",
    "in_review": "Votre demande est en cours d'examen par le service instructeur.",
    "needs_info": "Il manque une information ou une pièce : vous allez être contacté.",
    "awaiting_payment": "Votre demande attend un paiement avant d'être traitée.",
    "accepted": "Votre demande est acceptée.",
    "rejected": "Votre demande est refusée : le courrier qui vous est envoyé en donne la raison.",
    "title_sent": "Votre titre a été envoyé par courrier.",
}


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser(
        "central", help="service central de référence (démonstration et tests)"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    serve = actions.add_parser("serve", help="démarrer le service (Ctrl+C pour l'arrêter)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (par défaut {DEFAULT_PORT})")
    serve.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (par défaut 127.0.0.1)")
    _data_option(serve)
    serve.add_argument("--token", help="jeton accepté (par défaut : central.token de la configuration)")
    serve.add_argument("--kiosk-id", help="borne à qui appartient le jeton (par défaut : kiosk.id)")
    serve.add_argument("--site", help="site de cette borne (par défaut : kiosk.site)")
    serve.set_defaults(handler=_serve)

    status = actions.add_parser("set-status", help="faire avancer un dossier (comme un instructeur)")
    status.add_argument("id", help="identifiant de la demande (UUID)")
    status.add_argument("status", choices=STATUSES)
    status.add_argument("--message", help="message montré au demandeur")
    status.add_argument(
        "--missing", action="append", default=[], metavar="PIÈCE=MESSAGE",
        help="avec needs_info : une pièce ou un champ qui manque, et la phrase pour le demandeur "
        "(répétable)",
    )
    status.add_argument("--amount", metavar="EUROS", help="avec awaiting_payment : montant, ex. 13.76")
    status.add_argument("--reason", help="avec awaiting_payment : motif du paiement")
    status.add_argument(
        "--pay-before", metavar="DATE", help="avec awaiting_payment : date limite, ex. 2026-12-31T23:00:00Z"
    )
    _data_option(status)
    status.set_defaults(handler=_set_status)

    revoke = actions.add_parser("revoke-token", help="révoquer un jeton (les bornes reçoivent 403)")
    revoke.add_argument("token")
    _data_option(revoke)
    revoke.set_defaults(handler=_revoke)


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, help="dossier des données du service (par défaut : <data_dir>/central)"
    )


def _data_dir(args: argparse.Namespace, context: Any) -> Path:
    return args.data if args.data is not None else Path(context.config.data_dir) / "central"


def _serve(args: argparse.Namespace, context: Any) -> int:
    token = args.token if args.token is not None else context.config.central_token
    if not token:
        print(
            "Aucun jeton : donnez --token ou renseignez « central.token » dans la configuration.",
            file=sys.stderr,
        )
        return 2
    if not 0 < args.port < 65536:
        print("--port doit être entre 1 et 65535.", file=sys.stderr)
        return 2
    data_dir = _data_dir(args, context)
    print(f"Service central de référence : http://{args.host}:{args.port}/api (données : {data_dir})")
    serve_forever(
        data_dir, token, host=args.host, port=args.port,
        kiosk_id=args.kiosk_id or context.config.kiosk_id, site=args.site or context.config.site,
    )
    return 0


def _status_details(
    args: argparse.Namespace,
) -> tuple[list[dict[str, str]] | None, dict[str, str] | None]:
    """``--missing`` and the payment options as the contract's ``missing`` and ``payment``."""
    missing = []
    for item in args.missing:
        kind, separator, message = item.partition("=")
        if not separator:
            raise StatusDetailsError(
                f"« {item} » : écrivez --missing PIÈCE=MESSAGE, ex. "
                "justificatif_domicile=Le justificatif a plus de six mois."
            )
        missing.append({"kind": kind.strip(), "message": message.strip()})
    given = {"amount_eur": args.amount, "reason": args.reason, "pay_before": args.pay_before}
    payment = {key: value for key, value in given.items() if value is not None}
    return missing or None, payment or None


def _set_status(args: argparse.Namespace, context: Any) -> int:
    try:
        missing, payment = _status_details(args)
    except StatusDetailsError as problem:
        print(str(problem), file=sys.stderr)
        return 2
    store = CentralStore(_data_dir(args, context))
    try:
        stored = store.set_status(
            args.id, args.status, args.message or STATUS_MESSAGES[args.status],
            missing=missing, payment=payment,
        )
    except LookupError:
        print(f"Aucune demande « {args.id} » dans ce service central.", file=sys.stderr)
        return 1
    except StatusDetailsError as problem:
        print(str(problem), file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"{stored.dossier_number} : {stored.status} ({stored.status_changed_at})")
    return 0


def _revoke(args: argparse.Namespace, context: Any) -> int:
    store = CentralStore(_data_dir(args, context))
    try:
        known = store.revoke_token(args.token)
    finally:
        store.close()
    if not known:
        print("Ce jeton n'a jamais été accepté par ce service central.", file=sys.stderr)
        return 1
    print("Jeton révoqué : les bornes qui l'utilisent reçoivent maintenant l'erreur 403.")
    return 0
