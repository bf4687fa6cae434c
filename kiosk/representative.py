"""Acting for someone else: a relative with a mandate, a guardian or curator, an heir.

At the start of every procedure the citizen says for whom the request is made
(:data:`CHOICES`). For someone else, :func:`for_someone_else` gives the visit a
procedure derived from the catalogue's one, so the rest of the kiosk (questions,
documents, summary, receipt) needs no special case:

- two steps come first (after the questions that decide the case): the person
  the request is for, then the one who acts for them (name, first names, birth
  date, quality);
- the procedure's own questions speak of the person (« sa date de naissance »)
  through one wording rule, :func:`about_them`, applied to labels and titles;
- the proof of the right to act is required as documents: the signed mandate
  and the person's ID, the court decision, or the certificate of inheritance.

:func:`mandate_text` is the mandate's text, whose SHA-256 is printed on it;
``kiosk.representation`` turns the answers into the body's ``representative``
(``central-api.md`` § 3).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from kiosk.procedures import Choice, DocumentSpec, Field, Procedure, Step
from kiosk.representation import (
    AGENT_BIRTH_DATE,
    AGENT_FIRST_NAMES,
    AGENT_LAST_NAME,
    AGENT_QUALITY,
    MANDATE_KIND,
    PERSON_BIRTH_DATE,
    PERSON_FIRST_NAMES,
    PERSON_LAST_NAME,
    ForWhom,
)


@dataclass(frozen=True)
class ForWhomChoice:
    value: ForWhom
    title: str
    detail: str


CHOICES: tuple[ForWhomChoice, ...] = (
    ForWhomChoice("self", "Pour moi-même", "La démarche est à mon nom."),
    ForWhomChoice("mandat", "Pour une personne que j'aide",
                  "Elle me donne un mandat signé. La borne l'imprime."),
    ForWhomChoice("tutelle", "Pour une personne sous ma tutelle ou ma curatelle",
                  "Il faudra la décision du juge."),
    ForWhomChoice("heritier", "Pour une personne décédée dont je suis héritier",
                  "Il faudra l'acte de notoriété ou l'attestation d'hérédité."),
)


_FORMATS = ("pdf", "jpg", "png", "bmp", "tiff")
_MAX_BYTES = 10 * 1024 * 1024


def _proof(kind: str, title: str, description: str) -> DocumentSpec:
    return DocumentSpec(kind, title, description, _FORMATS, _MAX_BYTES)


PERSON_ID_KIND = "piece_identite_mandant"
HOLDER_ID_KIND = "piece_identite"
"""The holder's ID as procedures ask it: for someone else, the person's (not asked twice)."""
_AGENT_ID = _proof("piece_identite_mandataire", "Votre pièce d'identité",
                   "Votre carte d'identité, votre passeport ou votre titre de séjour, "
                   "en cours de validité.")

PROOFS: dict[ForWhom, tuple[DocumentSpec, ...]] = {
    "self": (),
    "mandat": (
        _proof(MANDATE_KIND, "Mandat signé",
               "Le mandat imprimé par la borne, signé par la personne et par vous. "
               "Numérisez un des deux exemplaires signés."),
        _proof(PERSON_ID_KIND, "Pièce d'identité de la personne",
               "Sa carte d'identité, son passeport ou son titre de séjour, en cours de validité."),
        _AGENT_ID,
    ),
    "tutelle": (
        _proof("decision_justice", "Décision du juge",
               "Le jugement qui vous nomme tuteur ou curateur de la personne."),
        _AGENT_ID,
    ),
    "heritier": (
        _proof("acte_heredite", "Acte de notoriété ou attestation d'hérédité",
               "Le document du notaire ou de la mairie qui dit que vous êtes héritier."),
        _AGENT_ID,
    ),
}

PROOF_TITLES: dict[str, str] = {spec.kind: spec.title for specs in PROOFS.values() for spec in specs}

_QUALITIES: dict[ForWhom, tuple[Choice, ...]] = {
    "mandat": (Choice("famille", "Un membre de sa famille"),
               Choice("proche", "Un proche ou un ami"),
               Choice("aidant", "Un aidant professionnel (par exemple Aidants Connect)")),
    "tutelle": (Choice("tuteur", "Son tuteur ou sa tutrice"),
                Choice("curateur", "Son curateur ou sa curatrice")),
    "heritier": (Choice("enfant", "Son enfant"),
                 Choice("conjoint", "Son conjoint, son partenaire de Pacs"),
                 Choice("autre", "Un autre héritier")),
}

_PERSON_TITLES: dict[ForWhom, str] = {
    "mandat": "La personne pour qui vous faites la démarche",
    "tutelle": "La personne sous tutelle ou sous curatelle",
    "heritier": "La personne décédée",
}


def _name_field(field_id: str, label: str, example: str) -> Field:
    return Field(field_id, label, "text", check="name", example=example)


def _birth_field(field_id: str, options: Mapping[str, object]) -> Field:
    return Field(field_id, "Date de naissance", "date", check="date", options=options)


PROCEDURE_PERSON: dict[str, str] = {
    PERSON_LAST_NAME: "nom", PERSON_FIRST_NAMES: "prenoms", PERSON_BIRTH_DATE: "date_naissance"}
"""The person's identity as procedures already ask it (of the holder, who is the person):
asked there in every case, it is not asked twice."""


def always_asked(procedure: Procedure) -> frozenset[str]:
    """Ids of the questions a procedure asks whatever the answers."""
    return frozenset(f.id for step in procedure.steps if step.when is None
                     for f in step.fields if f.when is None and f.required)


def person_answer(answers: Mapping[str, object], field_id: str) -> str:
    """The person's name or birth date, from this module's question or the procedure's."""
    return str(answers.get(field_id) or answers.get(PROCEDURE_PERSON[field_id]) or "")


def identity_steps(for_whom: ForWhom, asked: frozenset[str] = frozenset()) -> tuple[Step, ...]:
    """The steps asked first: the person's identity the procedure does not ask itself (``asked``),
    then the one who acts (``()`` for oneself)."""
    if for_whom == "self":
        return ()
    person_fields = tuple(fld for fld in (
        _name_field(PERSON_LAST_NAME, "Son nom de famille", "DUPONT"),
        _name_field(PERSON_FIRST_NAMES, "Ses prénoms", "Marie Louise"),
        replace(_birth_field(PERSON_BIRTH_DATE, {"not_future": True, "max_years_ago": 120}),
                label="Sa date de naissance"),
    ) if PROCEDURE_PERSON[fld.id] not in asked)
    person = (Step("personne", _PERSON_TITLES[for_whom], person_fields,
                   help="Écrivez les noms comme sur sa pièce d'identité."),) if person_fields else ()
    agent = Step("representant", "Vous, qui faites la démarche pour elle", (
        _name_field(AGENT_LAST_NAME, "Votre nom de famille", "MARTIN"),
        _name_field(AGENT_FIRST_NAMES, "Vos prénoms", "Paul"),
        replace(_birth_field(AGENT_BIRTH_DATE, {"min_years_ago": 18, "max_years_ago": 120}),
                label="Votre date de naissance"),
        Field(AGENT_QUALITY, "Vous êtes", "choice", choices=_QUALITIES[for_whom]),
    ), help="Écrivez les noms comme sur votre pièce d'identité.")
    return (*person, agent)


def for_someone_else(procedure: Procedure, for_whom: ForWhom) -> Procedure:
    """The procedure as asked for someone else; the catalogue's one for oneself."""
    if for_whom == "self":
        return procedure
    holder_id = any(spec.kind == HOLDER_ID_KIND and spec.when is None and spec.required
                    for spec in procedure.documents)
    proofs = tuple(spec for spec in PROOFS[for_whom]
                   if not (holder_id and spec.kind == PERSON_ID_KIND))
    replaced = {spec.kind for spec in proofs}
    steps = tuple(
        replace(step, title=about_them(step.title),
                fields=tuple(replace(f, label=about_them(f.label)) for f in step.fields))
        for step in procedure.steps)
    documents = tuple(replace(spec, title=about_them(spec.title),
                              description=about_them(spec.description))
                      for spec in procedure.documents if spec.kind not in replaced)
    asked = always_asked(procedure)
    first = identity_steps(for_whom, asked)
    identity = tuple(f.id for step in first for f in step.fields)
    names = tuple(PROCEDURE_PERSON[own] for own in (PERSON_LAST_NAME, PERSON_FIRST_NAMES)
                  if PROCEDURE_PERSON[own] in asked and PROCEDURE_PERSON[own] not in procedure.receipt_fields)
    deciding = next((n for n, step in enumerate(steps) if not step.decides), len(steps))
    # After the questions that decide the case (their checklist lists the proofs too).
    return replace(procedure, steps=steps[:deciding] + first + steps[deciding:],
                   documents=proofs + documents,
                   receipt_fields=identity + names + procedure.receipt_fields)


# --- the wording rule: « votre date de naissance » -> « sa date de naissance » ----------------

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FEMININE = _words("""
    adresse attestation auto-école carte catégorie commune date décision demande déclaration
    facture famille identité immatriculation installation invalidité nationalité naissance
    nouvelle photo pièce plaque préfecture profession première région résidence réponse santé
    signature situation ville visite voiture vue moto
""")
_MASCULINE = _words("""
    avis certificat code conjoint courriel département dossier domicile justificatif lieu
    nom nouveau nouvel numéro passeport pays permis premier prénom représentant téléphone
    titre véhicule
""")
_VERBS = {"avez": "a", "êtes": "est", "faites": "fait", "voulez": "veut", "pouvez": "peut",
          "allez": "va", "devez": "doit", "dites": "dit", "venez": "vient", "vivez": "vit",
          "savez": "sait", "prenez": "prend", "connaissez": "connaît", "recevez": "reçoit"}
_VOWELS = "aàâeéèêëiîïoôuùûyh"


class UnknownWord(ValueError):
    """``votre`` before a word the rule has no gender for (the catalogue test lists them)."""


def _third_person(verb: str) -> str | None:
    lower = verb.lower()
    if lower in _VERBS:
        return _VERBS[lower]
    if lower.endswith("yez"):
        return lower[:-3] + "ie"  # envoyez -> envoie, payez -> paie
    if lower.endswith("issez"):
        return lower[:-5] + "it"
    if lower.endswith("ez") and len(lower) > 3:
        return lower[:-2] + "e"
    return None


def _possessive(word: str, strict: bool) -> str:
    lower = word.lower()
    if lower[:1] in _VOWELS or lower in _MASCULINE:
        return "son"
    if lower in _FEMININE:
        return "sa"
    if strict:
        raise UnknownWord(word)
    return "son"


def _same_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def about_them(text: str, *, strict: bool = False) -> str:
    """``text`` said of the person the request is for, not of the one at the kiosk.

    Questions, titles and document names use few forms of « vous »: an inverted
    question (« Avez-vous » -> « La personne a-t-elle »), « vous » as subject
    (« vous avez » -> « la personne a ») or object (« vous a-t-il » -> « lui a-t-il »),
    and the possessives (« votre » -> « son »/« sa », « vos » -> « ses »). ``strict``
    raises ``UnknownWord`` for a word after « votre » whose gender is not known.
    """

    def inverted(match: re.Match[str]) -> str:
        verb = _third_person(match.group(1))
        if verb is None:
            return match.group(0)
        link = "-t-" if verb[-1] in "ae" else "-"
        return _same_case(match.group(1), f"la personne {verb}{link}elle")

    def subject(match: re.Match[str]) -> str:
        verb = _third_person(match.group(2))
        if verb is None:
            return match.group(0)
        return _same_case(match.group(1), f"la personne {verb}")

    def with_pronoun(match: re.Match[str]) -> str:  # « vous le donnez » -> « la personne le donne »
        pronoun = match.group(2) + ("" if match.group(2) == "l'" else " ")
        verb = _third_person(match.group(3)) or match.group(3)
        return _same_case(match.group(1), f"la personne {pronoun}{verb}")

    def possessive(match: re.Match[str]) -> str:
        return _same_case(match.group(1), _possessive(match.group(2), strict)) + " " + match.group(2)

    said = re.sub(r"\b(\w+)-vous\b", inverted, text)
    said = re.sub(r"\b(vous) (\w+)\b", subject, said, flags=re.IGNORECASE)
    text = said if said == text else said.replace("né(e)", "née")  # « la personne » is feminine
    text = re.sub(r"\b(vous) (le|la|les|l')\s?(\w+ez)\b", with_pronoun, text, flags=re.IGNORECASE)
    text = re.sub(r"\b(par|pour|avec|chez) vous\b(?!\s+\w+(?:er|ir|re)\b)", r"\1 elle", text,
                  flags=re.IGNORECASE)
    text = re.sub(r"\b(vous) (?=\w+-t-|a\b)", lambda m: _same_case(m.group(1), "lui "), text,
                  flags=re.IGNORECASE)
    text = re.sub(r"\b(votre) ([\w-]+)", possessive, text, flags=re.IGNORECASE)
    text = re.sub(r"\b(vos)\b", lambda m: _same_case(m.group(1), "ses"), text, flags=re.IGNORECASE)
    text = re.sub(r"^Vous\b", "La personne", text)
    return text


SECOND_PERSON = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)
"""What must not be left in a text said of the person (the catalogue test uses it)."""


# --- the mandate's text --------------------------------------------------------------------------


def _day(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


@dataclass(frozen=True)
class MandateText:
    """The mandate as printed: its paragraphs and the SHA-256 of their canonical form."""

    title: str
    paragraphs: tuple[str, ...]
    person: str
    agent: str

    @property
    def canonical(self) -> str:
        """NFC text, one paragraph a line, no trailing spaces: what the hash covers."""
        lines = [self.title, *self.paragraphs]
        return unicodedata.normalize("NFC", "\n".join(line.strip() for line in lines)) + "\n"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical.encode("utf-8")).hexdigest()


def mandate_text(answers: Mapping[str, str], procedure_title: str, site_name: str,
                 today: date) -> MandateText:
    """The mandate for this request, from the identity answers (both people named)."""
    person = f"{person_answer(answers, PERSON_FIRST_NAMES)} {person_answer(answers, PERSON_LAST_NAME)}"
    agent = f"{answers.get(AGENT_FIRST_NAMES, '')} {answers.get(AGENT_LAST_NAME, '')}".strip()
    born = person_answer(answers, PERSON_BIRTH_DATE)
    paragraphs = (
        f"Je soussigné(e) {person.strip()}{f', né(e) le {_day(born)}' if born else ''}, "
        f"donne mandat à {agent}, né(e) le {_day(answers.get(AGENT_BIRTH_DATE, ''))}, "
        f"pour faire en mon nom la démarche suivante auprès de l'Agence nationale des titres "
        f"sécurisés (ANTS) : {procedure_title}.",
        "Ce mandat vaut pour cette seule démarche. Je joins une copie de ma pièce d'identité.",
        f"{agent} accepte ce mandat et s'engage à me rendre compte de la démarche.",
        f"Fait au point numérique « {site_name} », le {today:%d/%m/%Y}, en deux exemplaires.",
    )
    return MandateText("Mandat pour une démarche de carte grise ou de permis de conduire",
                       paragraphs, person.strip(), agent)


_ROLE_WORDS: dict[str, str] = {"mandat": "avec un mandat", "tutelle": "", "heritier": "héritier"}


def people(answers: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """Both people, as a receipt names them: (label, value) lines; ``()`` for oneself."""
    if not answers.get(AGENT_LAST_NAME):
        return ()
    person = f"{person_answer(answers, PERSON_FIRST_NAMES)} {person_answer(answers, PERSON_LAST_NAME)}"
    person = person.strip()
    agent = f"{answers.get(AGENT_FIRST_NAMES, '')} {answers.get(AGENT_LAST_NAME, '')}".strip()
    quality = str(answers.get(AGENT_QUALITY, ""))
    for for_whom, choices in _QUALITIES.items():
        label = next((c.label for c in choices if c.value == quality), None)
        if label is not None:
            words = ", ".join(w for w in (_ROLE_WORDS[for_whom], label[:1].lower() + label[1:]) if w)
            agent = f"{agent} ({words})"
            break
    return (("Demande faite pour", person), ("Par", agent))
