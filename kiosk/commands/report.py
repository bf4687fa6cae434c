"""``kiosk report``: what this kiosk did over some days, in counts (no personal data).

The requests by day, procedure and state (from the queue), then the visits by
day, procedure, outcome, help, autonomy and duration (from the visit records);
``--csv``, ``--pdf`` and ``--cra`` write the visits' counts, their charts, and
one row per accompaniment for the Coop de la médiation numérique.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.activity import activity
from kiosk.audit import AuditError
from kiosk.paris_time import PARIS
from kiosk.procedures import load_catalogue
from kiosk.report_cra import cra_csv, cra_rows
from kiosk.report_visits import SECTIONS_FR, VisitReport, label_fr, report_csv, sections, visit_report
from kiosk.visits import VisitStore
from offline_queue import STATE_LABELS_FR, OutboxError, open_outbox


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("report", help="rapport d'activité (sans données personnelles)")
    parser.add_argument("--days", type=int, default=7, help="nombre de jours, aujourd'hui compris")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.add_argument("--from", dest="first", type=_day, metavar="JJ/MM/AAAA",
                        help="premier jour (remplace --days)")
    parser.add_argument("--to", dest="last", type=_day, metavar="JJ/MM/AAAA",
                        help="dernier jour (aujourd'hui sinon)")
    parser.add_argument("--csv", type=Path, metavar="FICHIER", help="les comptes des visites en CSV")
    parser.add_argument("--pdf", type=Path, metavar="FICHIER", help="le rapport des visites en PDF")
    parser.add_argument("--cra", type=Path, metavar="FICHIER",
                        help="un compte-rendu par accompagnement (Coop de la médiation numérique)")
    parser.set_defaults(handler=_report)


def _day(text: str) -> date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date (ex. 30/11/2026).")


def _report(args: argparse.Namespace, context: Any) -> int:
    if not 1 <= args.days <= 3650:
        print("--days : un nombre entre 1 et 3650.", file=sys.stderr)
        return 1
    today = datetime.now(PARIS).date()
    first = today - timedelta(days=args.days - 1)
    if args.first or args.last:
        first, today = args.first or first, args.last or today
        if first > today:
            print("--from : le premier jour doit venir avant le dernier (--to).", file=sys.stderr)
            return 1
    try:
        with open_outbox(context.config.data_dir, context.config.key_file) as outbox:
            report = activity(outbox.list_items(), first, today)
    except OutboxError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        visits = _visits(context, first, today, args)
    except (AuditError, OSError) as exc:
        print(getattr(exc, "message", None) or f"Écriture impossible : {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({
            "first_day": first.isoformat(), "last_day": today.isoformat(), "total": report.total,
            "by_day": {d.isoformat(): n for d, n in report.by_day.items()},
            "by_procedure": report.by_procedure, "by_state": report.by_state,
            "corrections": report.corrections,
            "oldest_waiting": report.oldest_waiting.isoformat() if report.oldest_waiting else None,
            "visits": {"total": visits.total, **sections(visits)},
        }, ensure_ascii=False, indent=1))
        return 0
    titles = _titles()
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
    _print_visits(visits, titles)
    return 0


def _visits(context: Any, first: date, last: date, args: argparse.Namespace) -> VisitReport:
    """The visits' counts, and the files asked for (written before anything is printed)."""
    config = context.config
    titles = _titles()
    with VisitStore.in_data_dir(config.data_dir) as store:
        records = store.records(first, last)
        report = visit_report(records, store.counts(first, last), first, last)
    if args.csv:
        args.csv.write_text(report_csv(report, titles), encoding="utf-8")
    if args.pdf:
        from kiosk.report_pdf import render_report_pdf  # reportlab only when a PDF is asked

        args.pdf.write_bytes(render_report_pdf(report, site_name=config.site_name, titles=titles))
    if args.cra:
        args.cra.write_text(cra_csv(cra_rows(records, config, titles)), encoding="utf-8")
    return report


def _titles() -> dict[str, str]:
    return {p.code: p.title for p in load_catalogue().procedures.values()}


def _print_visits(report: VisitReport, titles: dict[str, str]) -> None:
    print(f"Visites : {report.total}, durée moyenne {report.mean_minutes:.0f} min, "
          f"{report.calls} appel(s) d'un médiateur")
    for section, counts in sections(report).items():
        if section == "day":
            continue
        print(f"  {SECTIONS_FR[section]}")
        for key, count in counts.items():
            print(f"    {count:5d}  {label_fr(section, key, titles)}")


def _fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")
