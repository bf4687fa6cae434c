"""``kiosk procedures list|check``: lets IT see the catalogue and check a file before shipping it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.procedures import UNEXPECTED, DefinitionRefused, load_catalogue, load_definition


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("procedures", help="lister ou vérifier les démarches")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="les démarches chargées, par thème")
    listing.add_argument("--dir", type=Path, help="dossier des définitions (par défaut : intégré)")
    listing.set_defaults(handler=_list)
    checking = actions.add_parser("check", help="vérifier un ou plusieurs fichiers de démarche")
    checking.add_argument("files", nargs="+", type=Path)
    checking.set_defaults(handler=_check)


def _list(args: argparse.Namespace, context: Any) -> int:
    catalogue = load_catalogue(args.dir)
    for theme, procedures in catalogue.by_theme().items():
        print(f"{theme}:")
        for procedure in procedures:
            print(f"  {procedure.code} (version {procedure.version}) — {procedure.title}")
    for error in catalogue.errors:
        print(f"REFUSÉ {error}", file=sys.stderr)
    return 1 if catalogue.errors else 0


def _check(args: argparse.Namespace, context: Any) -> int:
    failed = 0
    for path in args.files:
        try:
            procedure = load_definition(path)
        except DefinitionRefused as exc:
            for place, message in ((exc.place, exc.message), *exc.others):
                print(f"REFUSÉ {path.name}, {place} : {message}", file=sys.stderr)
            failed += 1
        except Exception as exc:  # as load_catalogue: a case the checks missed is a refusal
            print(f"REFUSÉ {path.name} : {UNEXPECTED} ({type(exc).__name__})", file=sys.stderr)
            failed += 1
        else:
            print(f"OK {path.name} : {procedure.code} version {procedure.version}")
    return 1 if failed else 0
