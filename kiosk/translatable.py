"""Every French text a citizen may read that the core supplies, by where it comes from.

What the translation coverage test and ``kiosk translations missing`` measure: procedure
definitions (titles, summaries, questions, help, choices, documents, fees, deadlines, what
happens next), the consent text, the validators' messages, the session's and the scanned
files' messages, the receipt's words, the picker's subjects (``themes.yaml``), « Pour
qui ? » (``representative``; not the mandate's wording, the French both people sign), « Où en
est ma demande ? » (``status_sheet``, ``reference_lookup``), the refusals of a scan
(``scan_quality``, ``document_age``), the stepper's stage titles, the advice when no
mediator can be called and why a receipt did not print (the screens show it). Not counted:
what only the mediator or IT reads (``dossier_status``'s sentence for the queue view,
``mediator_call``'s waiting line, logs), modules with no text of their own
(``image_reduce``, ``idle``), and the search's ``keywords`` (never shown). Messages are
read from the source of their module: every text given to ``ValidationError``, with
``{0}``, ``{1}``… where the message takes a value, and the phrases passed to the helpers
that build messages (« Le code postal »); for the session, every sentence it writes. A new
message is counted the moment it is written.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from kiosk import (
    checklist,
    document_age,
    document_intake,
    mediator_call,
    payment,
    reference_lookup,
    representative,
    scan_quality,
    session,
    speech,
    stepper,
    validators,
)
from kiosk.catalogue_themes import OTHERS_LABEL, load_themes
from kiosk.consent import ConsentText, load_consent
from kiosk.i18n_texts import lines_in
from kiosk.procedures import THEMES, Procedure, load_catalogue
from kiosk.receipts import (
    acknowledgement,
    errors,
    escpos_output,
    model,
    printing,
    status_sheet,
    translated,
    wording,
)


def procedure_texts(procedure: Procedure) -> list[str]:
    """The texts of one definition a citizen reads, in the order of the file."""

    def walk() -> Iterator[str]:
        yield procedure.title
        yield from procedure.summary
        for step in procedure.steps:
            yield step.title
            yield step.help
            for question in step.fields:
                yield question.label
                yield question.help
                yield question.refusal
                if question.bring is not None:
                    yield question.bring.title
                    yield question.bring.description
                    yield question.bring.if_missing
                for choice in question.choices:
                    yield choice.label
                    yield choice.help
        for document in procedure.documents:
            yield document.title
            yield document.description
            yield document.if_missing
        for fee in procedure.fees:
            yield fee.label
            yield fee.note
            yield fee.how
        yield from (note.text for note in procedure.deadlines)
        yield from (note.text for note in procedure.next_steps)

    return list(lines_in(walk()))


def consent_texts(consent: ConsentText | None = None) -> list[str]:
    consent = consent or load_consent()
    return list(lines_in((consent.title, *consent.paragraphs, consent.button)))


def _template(node: ast.expr, constants: dict[str, str]) -> str | None:
    """The text of a message expression, ``{n}`` where a value is put in; None if not text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.JoinedStr):
        parts: list[str] = []
        holes = 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                parts.append(f"{{{holes}}}")
                holes += 1
        return "".join(parts)
    return None


def module_messages(path: Path, exception: str = "ValidationError") -> list[str]:
    """Texts given to ``exception(...)`` in a module, and the phrases given to its own helpers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets if isinstance(target, ast.Name)
    }
    helpers = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id == exception and node.args:
            text = _template(node.args[0], constants)
            if text:
                found.append(text)
        elif node.func.id in helpers:
            found.extend(
                arg.value for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value
            )
    return list(lines_in(found))


def module_sentences(path: Path, leave_out: tuple[str, ...] = ()) -> list[str]:
    """Every sentence a module writes for people: texts that start with a capital and hold a
    space, docstrings, log lines and the functions named in ``leave_out`` left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in leave_out:
            skipped.update(id(sub) for sub in ast.walk(node))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "debug", "info", "warning", "error", "exception"):
            skipped.update(id(sub) for arg in node.args for sub in ast.walk(arg))
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(value) for value in node.values)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.Constant | ast.JoinedStr):
            continue
        text = _template(node, {})
        if text and " " in text and text[0].isupper():
            found.append(text)
    return list(lines_in(found))


def receipt_module_texts(path: Path) -> list[str]:
    """What a receipt module prints: its sentences, every text given to ``Line`` (label, value,
    note) or ``Block``, and the words it assigns to ``amount``, ``note`` or ``kind`` (« gratuit »)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str) and " " in node.value.value
        for target in node.targets if isinstance(target, ast.Name) and not target.id.startswith("_")
    }
    found = [*module_sentences(path), *constants.values()]
    for node in ast.walk(tree):
        called = node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else ""
        if called in ("Line", "Block"):
            arguments = node.args if called == "Line" else node.args[1:]  # type: ignore[attr-defined]
            texts = [_template(arg, {}) for arg in arguments]
            found += [text for text in texts if text and text.strip("{}0123456789 ")]
        named = {target.id for target in getattr(node, "targets", []) if isinstance(target, ast.Name)}
        if isinstance(node, ast.Assign) and named & {"amount", "note", "kind"}:
            found += [sub.value for sub in ast.walk(node.value)
                      if isinstance(sub, ast.Constant) and isinstance(sub.value, str)]
    return list(lines_in(found))


def receipt_texts() -> list[str]:
    files = (wording.__file__, model.__file__, translated.__file__)
    return [text for file in files if file for text in receipt_module_texts(Path(file))]


PAYMENT_PIECES = ("montant calculé plus tard", "{0} : {1}", "{0} : {1}. {2}")
"""How ``kiosk.payment`` writes an unknown amount and puts a charge's words together
(« Taxe fixe (Y.4) : 11 €. » then the note): each piece is translated on its own."""

YES_NO = ("Oui", "Non")
"""How ``Field.choice_label`` writes a yes/no answer on the summary."""


def validator_texts() -> list[str]:
    return module_messages(Path(validators.__file__))


def translatable_texts(procedures_dir: Path | None = None) -> dict[str, list[str]]:
    """Source name → its French texts: one entry per procedure, the consent, the validators."""
    catalogue = load_catalogue(procedures_dir)
    sources = {
        f"procedures/{code}": procedure_texts(procedure)
        for code, procedure in sorted(catalogue.procedures.items())
    }
    sources["consent"] = consent_texts()
    sources["validators"] = validator_texts()
    sources["session"] = [*YES_NO, *module_sentences(Path(session.__file__))]
    sources["documents"] = module_messages(Path(document_intake.__file__))
    sources["receipt"] = receipt_texts()
    sources["checklist"] = [*module_sentences(Path(checklist.__file__)),
                            *module_sentences(Path(payment.__file__)), *PAYMENT_PIECES,
                            *module_sentences(Path(acknowledgement.__file__))]
    sources["speech"] = module_messages(Path(speech.__file__), exception="tr")
    subjects = [text for theme in load_themes() for text in (theme.label, theme.help)]
    sources["subjects"] = list(lines_in([*subjects, OTHERS_LABEL, *THEMES.values()]))
    # the mandate's wording is the French text both people sign (its hash is kept): shown as is
    sources["for_whom"] = module_sentences(Path(representative.__file__), leave_out=("mandate_text",))
    sources["status"] = [*module_sentences(Path(status_sheet.__file__)),
                         *module_sentences(Path(reference_lookup.__file__))]
    sources["scans"] = [*module_sentences(Path(scan_quality.__file__)),
                        *module_sentences(Path(document_age.__file__))]
    sources["screens"] = [*module_sentences(Path(stepper.__file__)), mediator_call.NO_CALL_ADVICE]
    sources["printing"] = [errors.KEPT, *(
        text for file in (printing.__file__, escpos_output.__file__) if file
        for text in module_sentences(Path(file))
        if text != printing.JOB_TITLE)]  # the job's name in the print queue, never shown
    return sources
