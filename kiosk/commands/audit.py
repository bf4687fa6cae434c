"""``kiosk audit verify|export|prune``: the audit journal checked, written out, and kept in time."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.audit import JOURNAL_FILE, AuditError, Head, Journal, export


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser(
        "audit", help="journal d'audit (qui a fait quoi, sans données personnelles)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="vérifier que personne n'a modifié le journal")
    verify.add_argument("--file", type=Path, default=None,
                        help="un autre fichier audit.db (une copie, par exemple)")
    verify.add_argument("--head", default=None, metavar="N:EMPREINTE",
                        help="la tête connue du service central, pour voir une fin coupée")
    verify.set_defaults(handler=_verify)
    out = actions.add_parser("export", help="écrire le journal (JSON lines ou CSV)")
    out.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    out.add_argument("--output", type=Path, default=None, help="fichier (sinon la sortie standard)")
    out.add_argument("--file", type=Path, default=None, help="un autre fichier audit.db")
    out.set_defaults(handler=_export)
    prune = actions.add_parser("prune", help="appliquer la durée de conservation maintenant")
    prune.set_defaults(handler=_prune)


def _open(args: argparse.Namespace, context: Any) -> Journal:
    path = args.file or context.config.data_dir / JOURNAL_FILE
    if not path.is_file():
        raise AuditError(f"Le fichier {path} n'existe pas : aucun journal à lire.")
    return Journal(path, readonly=True)


def _verify(args: argparse.Namespace, context: Any) -> int:
    try:
        expected = Head.parse(args.head) if args.head else None
        with _open(args, context) as journal:
            result = journal.verify(expected)
            head = journal.head()
    except AuditError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    if result.ok:
        print(f"Journal intact : {result.entries} entrée(s), tête {head}.")
        return 0
    print(f"Journal ALTÉRÉ : {len(result.problems)} problème(s) sur {result.entries} entrée(s).")
    for problem in result.problems:
        print(f"  {problem.message}")
    return 2


def _export(args: argparse.Namespace, context: Any) -> int:
    try:
        with _open(args, context) as journal:
            text = export(journal, args.format)
    except AuditError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"Impossible d'écrire {args.output} ({exc.strerror}).", file=sys.stderr)
        return 1
    print(f"Journal écrit dans {args.output}.")
    return 0


def _prune(args: argparse.Namespace, context: Any) -> int:
    from kiosk.retention import apply_retention

    try:
        report = apply_retention(context.config, datetime.now(UTC))
    except AuditError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(report.summary_fr())
    return 0
