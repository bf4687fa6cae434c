"""One citizen's walk through one procedure, as a screen-free state machine.

The session knows which steps and fields are visible given the answers so
far, checks each answer with the validators, tracks the documents the
answers call for, and finally produces the body of ``POST /v1/submissions``.
The screens only render what it says; tests drive it directly.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from kiosk.conditions import holds
from kiosk.file_size import file_size as size_text
from kiosk.inference import inferred
from kiosk.paris_time import PARIS
from kiosk.procedures import DocumentSpec, Field, Procedure, Step
from kiosk.validators import ValidationError, check
from offline_queue.submission import Consent, ProcedureRef, Representative, Submission
from offline_queue.times import utc_now

if TYPE_CHECKING:
    from kiosk.representation import Representation

# Leading bytes of each accepted format: the extension alone proves nothing.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "bmp": (b"BM",),
    "tiff": (b"II*\x00", b"MM\x00*"),
}
_EXTENSIONS: dict[str, str] = {
    "pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png", "bmp": "bmp", "tif": "tiff",
    "tiff": "tiff",
}
CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png", "bmp": "image/bmp",
    "tiff": "image/tiff",
}
FORMAT_NAMES: dict[str, str] = {"pdf": "PDF", "jpg": "JPEG", "png": "PNG", "bmp": "BMP",
                                "tiff": "TIFF"}


@dataclass(frozen=True)
class DocumentFile:
    """A checked supporting document; ``data`` is a bytearray so it can be zeroed."""

    kind: str
    filename: str
    content_type: str
    data: bytearray = field(repr=False)
    size: int
    sha256: str
    source: str = ""  # the scan it was read from, so a second use of one scan is noticed

    def wipe(self) -> None:
        self.data[:] = bytes(len(self.data))


@dataclass(frozen=True)
class SummarySection:
    step_id: str
    title: str
    items: tuple[tuple[str, str], ...]


def detect_format(data: bytes | bytearray) -> str | None:
    """The format the bytes really are, from their signature."""
    for name, signatures in _SIGNATURES.items():
        if any(bytes(data[: len(s)]) == s for s in signatures):
            return name
    return None


class ProcedureSession:
    """State of one request being filled in; forget it with :meth:`wipe`."""

    def __init__(
        self,
        procedure: Procedure,
        *,
        kiosk_id: str,
        site: str,
        mediator_id: str | None = None,
        supersedes: str | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.procedure = procedure
        self.kiosk_id = kiosk_id
        self.site = site
        self.mediator_id = mediator_id
        self.supersedes = supersedes
        self.representative: Representative | None = None  # acting for someone: not asked yet
        self.representation: Representation | None = None  # who acts, read from the answers
        self._now = now
        self._answers: dict[str, str] = {}
        self._documents: dict[str, DocumentFile] = {}
        self._errors: dict[str, str] = {}
        self._consent: Consent | None = None
        self._current_id = self.steps()[0].id
        self.read_from_document: dict[str, tuple[str, str]] = {}
        """Answers offered from a document's 2D-Doc: field id → (document kind, value) (``kiosk.prefill``)."""

    # --- what is visible ---------------------------------------------------

    def today(self) -> date:
        return self._now().astimezone(PARIS).date()

    @property
    def answers(self) -> Mapping[str, str]:
        return MappingProxyType(self._answers)

    @property
    def errors(self) -> Mapping[str, str]:
        """Messages of the last failed check, by field id."""
        return MappingProxyType(self._errors)

    def steps(self) -> list[Step]:
        today = self.today()
        return [s for s in self.procedure.steps if holds(s.when, self._answers, today)]

    def fields(self, step: Step | None = None) -> list[Field]:
        step = step or self.current
        today = self.today()
        return [f for f in step.fields if holds(f.when, self._answers, today)]

    @property
    def current(self) -> Step:
        visible = self.steps()
        return next((s for s in visible if s.id == self._current_id), visible[-1])

    @property
    def index(self) -> int:
        return self.steps().index(self.current)

    @property
    def at_last_step(self) -> bool:
        return self.index == len(self.steps()) - 1

    # --- answers -------------------------------------------------------------

    def check_field(self, field_id: str, raw: str) -> str:
        """The normalised answer, or ValidationError with a French sentence."""
        fld = self.procedure.field(field_id)
        value = (raw or "").strip()
        if not value:
            if fld.required:
                raise ValidationError("Merci de répondre à cette question.")
            return ""
        if fld.type == "yes_no":
            value = value.lower()
            if value not in ("oui", "non"):
                raise ValidationError("Répondez par oui ou par non.")
        elif fld.type == "choice" and value not in {c.value for c in fld.choices}:
            raise ValidationError("Choisissez une des réponses proposées.")
        if fld.type in ("yes_no", "choice"):
            if fld.must_equal is not None and value != fld.must_equal:
                # An attestation on one's honour: without it the request cannot go on.
                raise ValidationError(fld.refusal or "Sans cette réponse, la demande ne peut pas "
                                      "être faite. Parlez-en au médiateur.")
            return value
        options: dict[str, Any] = dict(fld.options)
        if fld.check == "date":
            options.setdefault("today", self.today())
        return check(fld.check or "text", value, **options)

    def set_answer(self, field_id: str, raw: str) -> str:
        """Check and keep an answer; answers that became irrelevant are dropped."""
        try:
            value = self.check_field(field_id, raw)
        except ValidationError as exc:
            self._errors[field_id] = exc.message
            raise
        self._errors.pop(field_id, None)
        if value:
            self._answers[field_id] = value
        else:
            self._answers.pop(field_id, None)
        for deduced, deduced_value in inferred(self.procedure.all_fields(), self._answers).items():
            self._answers[deduced] = deduced_value  # (``kiosk.inference``): any refusal is moot
            self._errors.pop(deduced, None)
        self._drop_hidden()
        return value

    def _drop_hidden(self) -> None:
        """Forget answers whose question is no longer asked (repeat until stable)."""
        while True:
            visible = {f.id for s in self.steps() for f in self.fields(s)}
            hidden = [name for name in self._answers if name not in visible]
            if not hidden:
                return
            for name in hidden:
                del self._answers[name]
                self._errors.pop(name, None)

    def step_errors(self, step: Step | None = None) -> dict[str, str]:
        """What stops the step from being accepted, by field id."""
        problems: dict[str, str] = {}
        for fld in self.fields(step):
            if fld.id in self._errors:
                problems[fld.id] = self._errors[fld.id]
            elif fld.required and fld.id not in self._answers:
                problems[fld.id] = "Merci de répondre à cette question."
        return problems

    def next(self) -> bool:
        """Go to the next visible step; False (errors kept) when the step is not complete."""
        problems = self.step_errors()
        if problems:
            self._errors.update(problems)
            return False
        visible = self.steps()
        position = visible.index(self.current)
        if position + 1 >= len(visible):
            return False
        self._current_id = visible[position + 1].id
        return True

    def back(self) -> bool:
        visible = self.steps()
        position = visible.index(self.current)
        if position == 0:
            return False
        self._current_id = visible[position - 1].id
        return True

    def goto(self, step_id: str) -> None:
        """Jump to a visible step (the summary's « Modifier »)."""
        if step_id not in {s.id for s in self.steps()}:
            raise KeyError(step_id)
        self._current_id = step_id

    def steps_complete(self) -> bool:
        return all(not self.step_errors(s) for s in self.steps())

    def prefill(self, answers: Mapping[str, str]) -> dict[str, str]:
        """Load earlier answers (a correction after a rejection); returns refused ones."""
        refused: dict[str, str] = {}
        for step in self.procedure.steps:
            for fld in step.fields:
                if fld.id in answers:
                    try:
                        self.set_answer(fld.id, answers[fld.id])
                    except ValidationError as exc:
                        refused[fld.id] = exc.message
        return refused

    # --- documents -------------------------------------------------------------

    def required_documents(self) -> list[DocumentSpec]:
        """Documents the answers call for (optional ones included, marked by ``required``)."""
        today = self.today()
        return [d for d in self.procedure.documents if holds(d.when, self._answers, today)]

    def check_document(self, kind: str, filename: str, data: bytes | bytearray) -> DocumentFile:
        """A DocumentFile, or ValidationError saying why the file cannot be used."""
        spec = self.procedure.document(kind)
        allowed = ", ".join(FORMAT_NAMES[f] for f in spec.formats)
        if not data:
            raise ValidationError("Ce fichier est vide. Numérisez le document à nouveau.")
        if len(data) > spec.max_size_bytes:
            raise ValidationError(
                f"Ce fichier est trop lourd ({size_text(len(data))}). "
                f"La taille maximale est {size_text(spec.max_size_bytes)}."
            )
        actual = detect_format(data)
        extension = _EXTENSIONS.get(filename.rsplit(".", 1)[-1].lower()) if "." in filename else None
        if actual is None or actual not in spec.formats:
            raise ValidationError(f"Ce type de fichier n'est pas accepté. Formats acceptés : {allowed}.")
        if extension != actual:
            raise ValidationError(
                f"Le nom du fichier ne correspond pas à son contenu ({FORMAT_NAMES[actual]}). "
                "Numérisez le document à nouveau."
            )
        content = bytearray(data)
        return DocumentFile(
            kind=kind,
            filename=filename.replace("/", "_").replace("\\", "_")[-120:],
            content_type=CONTENT_TYPES[actual],
            data=content,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )

    def attach(self, document: DocumentFile) -> None:
        previous = self._documents.get(document.kind)
        if previous is not None and previous is not document:
            previous.wipe()
        self._documents[document.kind] = document

    def detach(self, kind: str) -> None:
        document = self._documents.pop(kind, None)
        if document is not None:
            document.wipe()

    @property
    def documents(self) -> Mapping[str, DocumentFile]:
        """Attached documents still called for by the answers."""
        wanted = {d.kind for d in self.required_documents()}
        return MappingProxyType({k: v for k, v in self._documents.items() if k in wanted})

    def missing_documents(self) -> list[DocumentSpec]:
        return [d for d in self.required_documents() if d.required and d.kind not in self._documents]

    # --- summary, consent, submission ---------------------------------------------

    def display_value(self, fld: Field, value: str) -> str:
        if fld.type in ("choice", "yes_no"):
            return fld.choice_label(value)
        if fld.type == "date":
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        return value

    def summary(self) -> list[SummarySection]:
        sections = []
        for step in self.steps():
            items = tuple(
                (f.label, self.display_value(f, self._answers[f.id]))
                for f in self.fields(step)
                if f.id in self._answers
            )
            sections.append(SummarySection(step.id, step.title, items))
        # « Ajouté », not the file's name: a name and its extension are technical noise.
        documents = tuple((self.procedure.document(k).title, "Ajouté")
                          for k in self.documents)
        sections.append(SummarySection("documents", "Pièces justificatives", documents))
        return sections

    def give_consent(self, text_version: str) -> None:
        self._consent = Consent(self._now().replace(microsecond=0), text_version)

    def ready_for_consent(self) -> list[str]:
        """Why the summary cannot lead to the consent yet, in French; empty when it can."""
        reasons = []
        for step in self.steps():
            if self.step_errors(step):
                reasons.append(f"L'étape « {step.title} » n'est pas complète.")
        reasons += [f"Il manque : {d.title}." for d in self.missing_documents()]
        return reasons

    def ready_to_submit(self) -> list[str]:
        """Why the request cannot be sent yet, in French; empty when ready."""
        reasons = self.ready_for_consent()
        if self._consent is None:
            reasons.append("Le consentement n'a pas été donné.")
        return reasons

    def to_submission(
        self, submission_id: str | None = None, local_reference: str | None = None
    ) -> Submission:
        """The confirmed request; upload ids are filled in by the sync client."""
        reasons = self.ready_to_submit()
        if reasons or self._consent is None:
            raise ValidationError(" ".join(reasons))
        visible = {f.id for s in self.steps() for f in self.fields(s)}
        return Submission(
            id=submission_id or str(uuid.uuid4()),
            local_reference=local_reference,
            procedure=ProcedureRef(self.procedure.code, self.procedure.version),
            created_at=self._now().replace(microsecond=0),
            kiosk_id=self.kiosk_id,
            site=self.site,
            mediator_id=self.mediator_id,
            answers={k: v for k, v in self._answers.items() if k in visible},
            documents=(),
            consent=self._consent,
            representative=self.representative if self.representation is None
            else self.representation.record(self._answers, self.documents, self._now()),
            supersedes=self.supersedes,
        ).with_documents(list(self.documents.values()))

    def wipe(self) -> None:
        """Forget everything about this citizen: answers, errors, consent, document bytes."""
        for document in self._documents.values():
            document.wipe()
        self._documents.clear()
        self._answers.clear()
        self._errors.clear()
        self.read_from_document.clear()
        self._consent = None
        self._current_id = self.procedure.steps[0].id
