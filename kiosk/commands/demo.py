"""``kiosk demo seed --count N``: fill the queue with realistic confirmed requests.

Used to show the mediator's queue view and to load-test sync: each request is
walked through its procedure's session like a citizen would, with documents.
"""

from __future__ import annotations

import argparse
import random
import sys
from typing import Any

from kiosk.consent import load_consent
from kiosk.procedures import load_catalogue
from kiosk.samples import fill_session
from kiosk.session import ProcedureSession
from offline_queue import OutboxError, open_outbox


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("demo", help="outils de démonstration")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    seed = actions.add_parser("seed", help="ajouter N demandes réalistes à la file d'attente")
    seed.add_argument("--count", type=int, default=10, help="nombre de demandes (1 à 10000)")
    seed.add_argument("--seed", type=int, default=None, help="graine du hasard (reproductible)")
    seed.set_defaults(handler=_seed)


def _seed(args: argparse.Namespace, context: Any) -> int:
    if not 1 <= args.count <= 10_000:
        print("--count : un nombre entre 1 et 10000.", file=sys.stderr)
        return 1
    config = context.config
    rng = random.Random(args.seed)
    procedures = list(load_catalogue().procedures.values())
    consent = load_consent()
    try:
        outbox = open_outbox(config.data_dir)
    except OutboxError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    with outbox:
        for number in range(args.count):
            procedure = procedures[number % len(procedures)]
            mediator = rng.choice((None, "m-0001", "m-0002"))
            session = ProcedureSession(procedure, kiosk_id=config.kiosk_id, site=config.site,
                                       mediator_id=mediator)
            fill_session(session, rng)
            session.give_consent(consent.version)
            try:
                item = outbox.enqueue(session.to_submission(), list(session.documents.values()),
                                      receipt_fields=procedure.receipt_snapshot_fields)
            except OutboxError as exc:
                print(str(exc), file=sys.stderr)
                return 1
            finally:
                session.wipe()
            print(f"{item.local_reference}  {procedure.code}")
    print(f"{args.count} demande(s) ajoutée(s) à la file d'attente.")
    return 0
