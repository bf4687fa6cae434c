"""``kiosk mediators add|list|disable|enable|reset-pin``: the kiosk's mediator accounts for IT.

A real kiosk has no demo accounts: IT creates one per mediator here. A PIN is
never taken from the command line (it would stay in the shell's history and
be visible in the process list): it is typed without echo at the terminal, or
read from the first line of standard input when that is not a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from kiosk.mediators import (
    AccountsRefused,
    MediatorDirectory,
    MediatorError,
    directory_in,
    pin_problem,
    wait_text,
)

MAX_PIN_LINE = 64  # a line of standard input longer than this is not a PIN


def register(subparsers: argparse._SubParsersAction, context: Any) -> None:
    parser = subparsers.add_parser("mediators", help="comptes des médiateurs de la borne")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    pin_help = "le code est demandé sans écho (ou lu sur l'entrée standard), jamais en argument"

    add = actions.add_parser("add", help="créer un compte", description=pin_help)
    add.add_argument("id", metavar="ID", help="identifiant, ex. m-0042")
    add.add_argument("name", metavar="NOM", help="nom affiché sur l'écran de connexion")
    add.set_defaults(handler=_guarded(_add))

    listing = actions.add_parser("list", help="les comptes, actifs, désactivés ou bloqués")
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    listing.set_defaults(handler=_guarded(_list))

    for action, text, active in (("disable", "désactiver un compte (il est gardé)", False),
                                 ("enable", "réactiver un compte désactivé", True)):
        switch = actions.add_parser(action, help=text)
        switch.add_argument("id", metavar="ID")
        switch.set_defaults(handler=_guarded(_switch(active)))

    reset = actions.add_parser("reset-pin", help="donner un nouveau code (lève le blocage)",
                               description=pin_help)
    reset.add_argument("id", metavar="ID")
    reset.set_defaults(handler=_guarded(_reset))


def _guarded(handler: Any) -> Any:
    """Exit 1 with the French message on stderr for every expected failure."""

    def run(args: argparse.Namespace, context: Any) -> int:
        directory = directory_in(context.config.data_dir)
        try:
            return int(handler(args, directory))
        except AccountsRefused as exc:
            print(f"Erreur : comptes des médiateurs refusés — {exc.detail} Le fichier "
                  f"{directory.path} est laissé tel quel : remettez-le depuis une sauvegarde "
                  "avec sa clé, ou mettez-le de côté et recréez les comptes.", file=sys.stderr)
        except MediatorError as exc:
            print(f"Erreur : {exc}", file=sys.stderr)
        except OSError as exc:  # e.g. a key folder the kiosk's user cannot write
            print(f"Erreur : impossible d'écrire les comptes ({exc.strerror} : {exc.filename}).",
                  file=sys.stderr)
        return 1

    return run


def read_pin(confirm: bool) -> str:
    """The new PIN: typed twice without echo at a terminal, else the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline(MAX_PIN_LINE).rstrip("\r\n")
    pin = getpass.getpass("Nouveau code (6 à 8 chiffres) : ")
    if (problem := pin_problem(pin)) is not None:
        raise MediatorError(problem)
    if confirm and getpass.getpass("Le même code encore une fois : ") != pin:
        raise MediatorError("Les deux codes tapés sont différents : rien n'a changé.")
    return pin


def _add(args: argparse.Namespace, directory: MediatorDirectory) -> int:
    mediator = directory.add(args.id, args.name, read_pin(confirm=True))
    print(f"Compte {mediator.id} créé pour « {mediator.name} ».")
    return 0


def _reset(args: argparse.Namespace, directory: MediatorDirectory) -> int:
    if args.id not in {s.id for s in directory.statuses()}:
        raise MediatorError(f"Aucun compte {args.id} sur cette borne.")
    directory.reset_pin(args.id, read_pin(confirm=True))
    print(f"Nouveau code enregistré pour {args.id} ; le blocage éventuel est levé.")
    return 0


def _switch(active: bool) -> Any:
    def switch(args: argparse.Namespace, directory: MediatorDirectory) -> int:
        directory.set_active(args.id, active)
        print(f"Compte {args.id} {'réactivé' if active else 'désactivé'}.")
        return 0

    return switch


def _list(args: argparse.Namespace, directory: MediatorDirectory) -> int:
    statuses = directory.statuses()
    if args.json:
        rows = [{"id": s.id, "name": s.name, "active": s.active, "failures": s.failures,
                 "locked_for_s": round(s.locked_for_s)} for s in statuses]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not statuses:
        print("Aucun compte médiateur. Créez-en un : kiosk mediators add m-0001 \"Prénom Nom\"")
        return 0
    for s in statuses:
        state = "actif" if s.active else "désactivé"
        if s.locked_for_s > 0:
            state += f", bloqué encore {wait_text(s.locked_for_s)}"
        elif s.failures:
            state += f", {s.failures} code(s) faux depuis la dernière connexion"
        print(f"{s.id}  {s.name}  {state}")
    return 0
