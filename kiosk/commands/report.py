"""``kiosk report``: what this kiosk did over some days, in counts (no personal data)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.activity import activity
from kiosk.paris_time import PARIS
from kiosk.procedures import load_catalogue
from offline_queue import STATE_LABELS_FR, OutboxError, open_outbox


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("report", help="rapport d'activité (sans données personnelles)")
    parser.add_argument("--days", type=int, default=7, help="nombre de jours, aujourd'hui compris")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.set_defaults(handler=_report)


def _report(args: argparse.Namespace, context: Any) -> int:
    if not 1 <= args.days <= 3650:
        print("--days : un nombre entre 1 et 3650.", file=sys.stderr)
        return 1
    today = datetime.now(PARIS).date()
    first = today - timedelta(days=args.days - 1)
    try:
        with open_outbox(context.config.data_dir, context.config.key_file) as outbox:
            report = activity(outbox.list_items(), first, today)
    except OutboxError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({
            "first_day": first.isoformat(), "last_day": today.isoformat(), "total": report.total,
            "by_day": {d.isoformat(): n for d, n in report.by_day.items()},
            "by_procedure": report.by_procedure, "by_state": report.by_state,
            "corrections": report.corrections,
            "oldest_waiting": report.oldest_waiting.isoformat() if report.oldest_waiting else None,
        }, ensure_ascii=False, indent=1))
        return 0
    titles = {p.code: p.title for p in load_catalogue().procedures.values()}
    print(f"Activité du {_fr(first)} au {_fr(today)} : {report.total} demande(s)")
    for code, count in report.by_procedure.items():
        print(f"  {count:5d}  {titles.get(code, code)}")
    labels = {**STATE_LABELS_FR, "replaced": "remplacée par une correction"}
    for state, count in report.by_state.items():
        print(f"  {count:5d}  {labels.get(state, state)}")
    if report.corrections:
        print(f"  {report.corrections:5d}  corrections de demandes refusées")
    if report.oldest_waiting:
        print(f"La plus ancienne demande en attente date du "
              f"{report.oldest_waiting.astimezone(PARIS):%d/%m/%Y à %H:%M}.")
    return 0


def _fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")
