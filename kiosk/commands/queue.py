"""``kiosk queue add|list|show|retry|recover``: the outbox seen and mended from a terminal.

IT and mediators use it when the screens cannot help: to see what waits, put a
corrected request back in line, file a request prepared as JSON (the same
checks as at the counter), or salvage a damaged queue. Output shows states and
references, never answers or document bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.audit import SYSTEM, note
from kiosk.consent import load_consent
from kiosk.file_size import file_size
from kiosk.input_limits import InputRefused, parse_json, read_regular_file, shown_name
from kiosk.paris_time import paris_text
from kiosk.procedures import load_catalogue
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from offline_queue import (
    DB_NAME,
    STATE_LABELS_FR,
    OutboxError,
    QueuedSubmission,
    open_outbox,
)
from offline_queue.crypto import read_key
from offline_queue.outbox import default_key_path
from offline_queue.recover import recover

MAX_REQUEST_BYTES = 1024 * 1024  # answers are short texts: a request file is a few kilobytes


class UserError(Exception):
    """Bad input from the person at the terminal; the message says what to fix."""


def register(subparsers: argparse._SubParsersAction, context: Any) -> None:
    parser = subparsers.add_parser("queue", help="file d'attente des demandes à envoyer")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="enregistrer une demande décrite dans un fichier JSON")
    add.add_argument("file", type=Path, metavar="FICHIER.json")
    add.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="PIECE=CHEMIN",
        help="pièce justificative, ex. justificatif_domicile=facture.pdf (répétable)",
    )
    add.set_defaults(handler=_guarded(_add))

    listing = actions.add_parser("list", help="les demandes de la file et leur état")
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    listing.set_defaults(handler=_guarded(_list))

    show = actions.add_parser("show", help="le détail d'une demande (sans données personnelles)")
    show.add_argument("id", metavar="ID_OU_REFERENCE")
    show.set_defaults(handler=_guarded(_show))

    retry = actions.add_parser("retry", help="remettre en envoi une demande « à corriger »")
    retry.add_argument("id", metavar="ID_OU_REFERENCE")
    retry.set_defaults(handler=_guarded(_retry))

    rescue = actions.add_parser("recover", help="sauver les demandes d'une file abîmée")
    rescue.add_argument(
        "--from",
        dest="source",
        type=Path,
        help=f"fichier abîmé à lire (par défaut : {DB_NAME} du dossier de données)",
    )
    rescue.set_defaults(handler=_guarded(_recover))


def _guarded(handler: Any) -> Any:
    """Exit 1 with the French message on stderr for every expected failure."""

    def run(args: argparse.Namespace, context: Any) -> int:
        try:
            return int(handler(args, context))
        except (UserError, OutboxError) as exc:
            print(f"Erreur : {exc}", file=sys.stderr)
            return 1

    return run


def _state_text(item: QueuedSubmission) -> str:
    """The state as a mediator reads it; a replaced request says by which one."""
    if item.superseded_by is not None:
        return f"remplacée par {item.superseded_by_reference}"
    return STATE_LABELS_FR[item.state]


def _time(moment: datetime | None) -> str:
    return paris_text(moment) if moment else "—"


# --- add ---------------------------------------------------------------------


def _read_request(path: Path) -> dict[str, Any]:
    name = shown_name(path)
    try:
        data = parse_json(read_regular_file(path, MAX_REQUEST_BYTES).decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"le fichier {name} n'est pas du texte UTF-8.") from None
    except InputRefused as exc:
        raise UserError(f"{name} : {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("procedure"), str):
        raise UserError(
            f"{name} doit contenir un objet avec « procedure » (le code de la démarche) "
            "et « answers » (les réponses)."
        )
    if not isinstance(data.get("answers"), dict):
        raise UserError(f"{name} : « answers » doit être un objet {{question: réponse}}.")
    if data.get("mediator_id") is not None and not isinstance(data["mediator_id"], str):
        raise UserError(f"{name} : « mediator_id » doit être du texte.")
    return data


def _apply_answers(session: ProcedureSession, answers: Mapping[str, Any]) -> list[str]:
    """Answer step by step as the screens would; returns the French problems found."""
    problems: list[str] = []
    used: set[str] = set()
    while True:
        asked: set[str] = set()
        # an answer can reveal a further question in the same step
        while pending := [f for f in session.fields() if f.id not in asked]:
            for fld in pending:
                asked.add(fld.id)
                if fld.id not in answers:
                    continue
                used.add(fld.id)
                try:
                    session.set_answer(fld.id, str(answers[fld.id]))
                except ValidationError as exc:
                    problems.append(f"« {fld.label} » ({fld.id}) : {exc.message}")
        if not session.next():
            break
    labels = {f.id: f.label for f in session.fields()}
    for field_id, message in session.step_errors().items():
        line = f"« {labels.get(field_id, field_id)} » ({field_id}) : {message}"
        if line not in problems and field_id not in answers:
            problems.append(line)
    problems += [
        f"« {name} » : question inconnue, ou sans objet vu les autres réponses."
        for name in answers
        if name not in used
    ]
    return problems


def _attach_documents(session: ProcedureSession, specs: list[str]) -> list[str]:
    problems: list[str] = []
    for spec in specs:
        kind, sep, raw_path = spec.partition("=")
        if not sep or not kind or not raw_path:
            raise UserError(f"--doc « {spec} » : écrivez PIECE=CHEMIN, ex. piece_identite=cni.pdf.")
        path = Path(raw_path)
        try:
            document = session.procedure.document(kind)
        except KeyError:
            known = ", ".join(d.kind for d in session.procedure.documents)
            raise UserError(f"--doc : pièce « {kind} » inconnue (attendues : {known}).") from None
        try:  # stat first, then not a byte past the procedure's own size limit
            data = read_regular_file(path, document.max_size_bytes)
        except InputRefused as exc:
            raise UserError(f"--doc {kind} : {exc}") from None
        filename = shown_name(path.name)  # the name travels to the central service as UTF-8
        try:
            session.attach(session.check_document(kind, filename, data))
        except ValidationError as exc:
            problems.append(f"pièce {kind} ({filename}) : {exc.message}")
    return problems


def _add(args: argparse.Namespace, context: Any) -> int:
    config = context.config
    request = _read_request(args.file)
    catalogue = load_catalogue()
    try:
        procedure = catalogue.get(request["procedure"])
    except KeyError:
        known = ", ".join(sorted(catalogue.procedures))
        raise UserError(f"démarche « {request['procedure']} » inconnue (connues : {known}).") from None
    session = ProcedureSession(
        procedure, kiosk_id=config.kiosk_id, site=config.site, mediator_id=request.get("mediator_id")
    )
    problems = _apply_answers(session, request["answers"])
    problems += _attach_documents(session, args.doc)
    problems += [
        f"pièce manquante : {spec.title} (--doc {spec.kind}=CHEMIN)" for spec in session.missing_documents()
    ]
    session.give_consent(load_consent().version)
    problems = problems or session.ready_to_submit()
    if problems:
        raise UserError("la demande n'a pas été enregistrée :\n  - " + "\n  - ".join(problems))
    body = session.to_submission()
    with open_outbox(config.data_dir, config.key_file) as outbox:
        item = outbox.enqueue(body, list(session.documents.values()),
                              receipt_fields=procedure.receipt_snapshot_fields)
    session.wipe()
    print(f"Demande enregistrée : {item.local_reference} (id {item.id}), en attente d'envoi.")
    return 0


# --- list, show, retry -------------------------------------------------------


def _list(args: argparse.Namespace, context: Any) -> int:
    with open_outbox(context.config.data_dir, context.config.key_file) as outbox:
        items = outbox.list_items()
    if args.json:
        rows = [
            {
                "id": i.id,
                "local_reference": i.local_reference,
                "procedure": i.procedure_code,
                "state": i.state,
                "attempts": i.attempts,
                "dossier_number": i.dossier_number,
                "last_error": i.last_error,
                "supersedes": i.supersedes,
                "superseded_by": i.superseded_by,
                "superseded_by_reference": i.superseded_by_reference,
            }
            for i in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("La file d'attente est vide.")
        return 0
    for i in items:
        state = _state_text(i)
        print(
            f"{i.local_reference}  {i.procedure_code}  {state}  "
            f"tentatives {i.attempts}  dossier {i.dossier_number or '—'}  "
            f"id {i.id}" + (f"\n    dernière erreur : {i.last_error}" if i.last_error else "")
        )
    return 0


def _show(args: argparse.Namespace, context: Any) -> int:
    with open_outbox(context.config.data_dir, context.config.key_file) as outbox:
        item = outbox.find(args.id)
        documents = outbox.documents(item.id)
    lines = [
        f"Référence : {item.local_reference}",
        f"Identifiant : {item.id}",
        f"Démarche : {item.procedure_code} (version {item.procedure_version})",
        f"État : {_state_text(item)}",
        f"Créée le : {_time(item.created_at)}",
        f"Tentatives d'envoi : {item.attempts}",
    ]
    if item.state in ("queued", "sending"):
        lines.append(f"Prochain essai : {_time(item.next_attempt_at)}")
    if item.dossier_number:
        lines.append(f"Numéro de dossier : {item.dossier_number} (reçu le {_time(item.received_at)})")
    if item.supersedes:
        lines.append(f"Remplace la demande : {item.supersedes}")
    if item.superseded_by:
        lines.append(f"Remplacée par : {item.superseded_by_reference} (id {item.superseded_by})")
    if item.last_error:
        lines.append(f"Dernière erreur : {item.last_error}")
    for detail in item.error_details:
        lines.append(f"  - {detail.get('field', '?')} : {detail.get('message', '')}")
    if item.purged:
        lines.append("Réponses et pièces effacées (durée de conservation écoulée).")
    lines.append(f"Pièces : {len(documents)}")
    for doc in documents:
        sent = "envoyée" if doc.upload_complete else f"{file_size(doc.upload_offset)} envoyés"
        lines.append(f"  - {doc.kind} : {file_size(doc.size)}, {sent}")
    print("\n".join(lines))
    return 0


def _retry(args: argparse.Namespace, context: Any) -> int:
    with open_outbox(context.config.data_dir, context.config.key_file) as outbox:
        item = outbox.find(args.id)
        outbox.retry(item.id)
    print(f"La demande {item.local_reference} est remise en attente d'envoi.")
    return 0


# --- recover -----------------------------------------------------------------


def _recover(args: argparse.Namespace, context: Any) -> int:
    """Also run with no file at all: the ledger then says what was lost, and a
    half-done recovery (killed, power cut) is finished from where it stood."""
    data_dir: Path = context.config.data_dir
    target = data_dir / DB_NAME
    if args.source is not None and not args.source.is_file():
        raise UserError(f"le fichier {args.source} n'existe pas : rien à réparer.")
    key = read_key(context.config.key_file or default_key_path(data_dir))
    report = recover(args.source or target, target, key)
    note(data_dir, SYSTEM, "queue_recover", saved=report.salvaged, lost=len(report.lost_references))
    print(report.summary_fr())
    return 0
