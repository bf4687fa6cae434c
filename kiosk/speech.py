"""What the voice says on each page, read from the visit's model, not from the widgets.

A citizen who cannot see the screen hears, for the page they are on: its
title, the question, its help and example, the choices, an error the moment
the answer is refused, and where a save stands. Each utterance is one short
sentence or one control's name, so that « Répéter » can replay them and the
names heard are the names a finger finds by touch (the tests rely on it:
the buttons' accessible names are the same words).

Everything here is plain data: :func:`page_speech` takes the visit (and the
consent text, which the window holds) and returns the list of utterances.
``tr`` translates each text before it is filled in: a sentence of this module (its
``{0}`` places filled after) or a text of the model (the window passes the core's
translation, French when a text has none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kiosk.catalogue_themes import group, label
from kiosk.flow import Event, Page, Visit
from kiosk.representative import CHOICES

if TYPE_CHECKING:
    from kiosk.consent import ConsentText
    from kiosk.procedures import Field
    from kiosk.session import ProcedureSession

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text





def page_speech(visit: Visit, came_by: Event | None = None, *,
                consent: ConsentText | None = None, languages: Sequence[str] = (),
                tr: Translate = _same) -> list[str]:
    """The utterances of the visit's current page; ``came_by`` is the event that led there
    (a refused save is said before the consent is read again); ``languages``: the other
    languages the welcome screen offers, each named in its own words."""
    reader = _PAGES.get(visit.page)
    lines = reader(visit, tr) if reader is not None else []
    if visit.page is Page.WELCOME:
        lines += languages
    if visit.page is Page.CONSENT:
        if came_by is Event.SAVE_FAILED:
            return [tr("L'enregistrement n'a pas réussi. Rien n'est perdu."),
                    tr("Réessayer l'enregistrement")]
        if consent is not None:
            lines += [tr(consent.title), *map(tr, consent.paragraphs), tr(consent.button)]
        lines.append(tr("Retour"))
    return [line for line in lines if line]


def optional(label: str, tr: Translate = _same) -> str:
    """An optional question as the screen names it: « Complément d'adresse (facultatif) —
    bâtiment, étage… », one pair of parentheses (the rule of ``ui.fields.optional_label``)."""
    if label.endswith(")") and " (" in label:
        base, detail = label[:-1].rsplit(" (", 1)
        return tr("{0} (facultatif)").format(base) + " — " + detail
    return tr("{0} (facultatif)").format(label)


def after_tap(visit: Visit, tr: Translate = _same) -> list[str]:
    """What a tap that did not move the visit changed, from the model: the answer a choice
    gave (or why it is refused), the documents still missing, why the summary waits."""
    session, questions = visit.session, visit.questions
    if visit.page is Page.QUESTION and session is not None and questions is not None:
        field_id = questions.field_id
        if field_id in session.errors:
            return [error_speech(tr(session.errors[field_id]), tr)]
        if field_id in session.answers:
            fld = session.procedure.field(field_id)
            shown = tr("cachée") if fld.sensitive else session.display_value(fld, session.answers[field_id])
            return [tr("Réponse donnée : {0}").format(shown)]
    elif visit.page is Page.DOCUMENTS and session is not None:
        missing = visit.missing_documents()
        if missing:
            return [tr("Il manque encore : {0}.").format(", ".join(map(tr, missing)))]
    elif visit.page is Page.SUMMARY and session is not None:
        return [error_speech(tr(problem), tr) for problem in visit.summary_problems()]
    return []


def error_speech(message: str, tr: Translate = _same) -> str:
    """An error, said the moment it appears."""
    return tr("Erreur : {0}").format(message)


def key_speech(name: str, tr: Translate = _same) -> str:
    """A key of the on-screen keyboard, as typed (its accessible name, said as it is typed)."""
    return tr("Tapé : {0}").format(name)


def idle_speech(seconds: int, voice_mode: bool, tr: Translate = _same) -> list[str]:
    """The idle warning, spoken as well as shown (in voice mode a button is touched twice)."""
    return [tr("Êtes-vous toujours là ?"),
            tr("Sans réponse, votre démarche sera effacée dans {0} secondes.").format(seconds),
            tr("Pour continuer, touchez deux fois « Encore du temps ».") if voice_mode
            else tr("Pour continuer, touchez « Encore du temps ».")]


def _welcome(visit: Visit, tr: Translate) -> list[str]:
    signed_in = visit.shift.current()  # a mediator signed in for the shift (kiosk.shift)
    return [tr("Bienvenue au point numérique"), tr("Comment souhaitez-vous faire ?"),
            tr("Commencer avec {0}").format(signed_in.name) if signed_in else tr("Avec un médiateur"),
            tr("Seul(e)")]


def _login(visit: Visit, tr: Translate) -> list[str]:
    return [tr("Connexion du médiateur"), tr("Un médiateur tape son code."), tr("Annuler")]


def _picker(visit: Visit, tr: Translate) -> list[str]:
    """The search, then each subject of the catalogue screen with its procedures."""
    lines = [tr("Que voulez-vous faire ?"), tr("Chercher avec vos mots"), tr("Ou touchez un sujet :")]
    catalogue = visit.catalogue
    if catalogue is not None:
        themes = catalogue.themes
        for theme, procedures in group(catalogue.procedures.values(), themes).items():
            lines.append(tr(label(themes, theme)))
            lines += [tr(p.title) for p in procedures]
    return [*lines, tr("Retour")]


def _requirements(visit: Visit, tr: Translate) -> list[str]:
    """The checklist for the answers so far: what to have in hand, what it costs, when."""
    if visit.procedure is None or visit.session is None:
        return []
    checklist = visit.checklist()
    lines = [tr(checklist.procedure_title), tr("Ce qu'il vous faut")]
    if checklist.situation:
        lines.append(tr("Pour votre situation :"))
        lines += [f"{tr(question)} : {tr(answer)}" for question, answer in checklist.situation]
    if not checklist.items:
        lines.append(tr("Aucun document à fournir."))
    for item in checklist.items:
        title = tr(item.title)
        lines += [optional(title, tr) if item.optional else title, tr(item.detail),
                  tr("Je ne l'ai pas : {0}").format(title)]
    for heading, sentences in checklist.payment.sentences():
        lines += [tr(heading), *map(tr, sentences)]
    if checklist.deadlines:
        lines += [tr("Délais à respecter"), *map(tr, checklist.deadlines)]
    lines.append(tr("Cela prend environ {0} minutes.").format(checklist.duration_minutes))
    return [*lines, tr("J'ai tout, continuer"), tr("Imprimer la liste"), tr("Retour")]


def _question(visit: Visit, tr: Translate) -> list[str]:
    questions, session = visit.questions, visit.session
    if questions is None or session is None:
        return []
    view = questions.view()
    lines = [tr(view.step.title)]
    if view.field_id:
        lines.append(tr("Question {0} sur {1}.").format(view.question_number, len(view.asked)))
        if view.question_number == 1 and view.step.help:  # said once per step, not at each question
            lines.append(tr(view.step.help))
    error = session.errors.get(view.field_id) or view.remarks.get(view.field_id)
    if error and visit.last_move == "stay":
        lines.insert(0, error_speech(tr(error), tr))  # first: it is why the page did not change
    if not view.field_id:
        return [*lines, tr(view.step.help), tr("Continuer"), tr("Retour")]
    fld = session.procedure.field(view.field_id)
    lines += _field(fld, session.answers.get(fld.id, ""), session.display_value, tr)
    if error and visit.last_move != "stay":
        lines.append(error_speech(tr(error), tr))
    next_name = tr("Valider et revenir au récapitulatif") if view.leads_to_summary else tr("Continuer")
    return [*lines, next_name, tr("Retour")]


def _field(fld: Field, value: str, shown: Callable[[Field, str], str], tr: Translate) -> list[str]:
    """A question: its label as the control names it, help, example, choices, the answer."""
    label = tr(fld.label)
    lines = [label if fld.required else optional(label, tr), tr(fld.help)]
    if fld.example:
        lines.append(tr("Exemple : {0}").format(fld.example))
    if fld.type == "yes_no":
        lines += [tr("Oui"), tr("Non")]
    elif fld.type == "choice":
        lines += [tr(choice.label) for choice in fld.choices]
    elif fld.type == "date":
        lines += [tr("Écrivez en chiffres le jour, le mois, puis l'année :"),
                  tr("Jour"), tr("Mois"), tr("Année")]
    else:
        lines.append(tr("Touchez deux fois la case pour écrire."))
    if value:
        lines.append(tr("Réponse donnée : {0}").format(tr("cachée") if fld.sensitive else shown(fld, value)))
    return lines


def _documents(visit: Visit, tr: Translate) -> list[str]:
    session = visit.session
    if session is None:
        return []
    lines = [tr("Vos documents")]
    attached = session.documents
    remarks = visit.document_remarks()
    for spec in session.required_documents():
        if spec.kind in attached:
            lines.append(tr("{0} : ajouté.").format(tr(spec.title)))
            lines.append(tr("Remplacer : {0}").format(spec.title))
        else:
            lines.append(tr("{0} : pas encore ajouté.").format(tr(spec.title)))
            lines.append(tr("Ajouter : {0}").format(spec.title))
        if spec.kind in remarks:
            lines.append(error_speech(remarks[spec.kind], tr))
    return [*lines, tr("Continuer"), tr("Retour")]


def _chooser(visit: Visit, tr: Translate) -> list[str]:
    session = visit.session
    title = ""
    if session is not None and visit.document_kind:
        title = tr("Choisir : {0}").format(tr(session.procedure.document(visit.document_kind).title))
    return [title or tr("Choisir le document"),
            tr("Touchez un fichier pour entendre son nom. Touchez-le deux fois pour l'utiliser."),
            tr("Passer") if visit.scanning_first else tr("Annuler")]


def _summary(visit: Visit, tr: Translate) -> list[str]:
    session = visit.session
    if session is None:
        return []
    lines = [tr("Vérifiez votre demande")]
    for section in session.summary():
        lines.append(tr(section.title))
        lines += [tr("{0} : {1}").format(tr(label), value)
                  for label, value in _spoken_items(session, section.items, tr)]
        lines.append(tr("Modifier : {0}").format(tr(section.title)))
    return [*lines, tr("Tout est juste, continuer"), tr("Retour")]


def _spoken_items(session: ProcedureSession, items: Sequence[tuple[str, str]],
                  tr: Translate) -> list[tuple[str, str]]:
    """The summary's answers; a sensitive answer is not said aloud (a hall has ears)."""
    hidden = {f.label for step in session.steps() for f in session.fields(step) if f.sensitive}
    return [(label, tr("réponse non lue à voix haute") if label in hidden else value)
            for label, value in items]


def _saving(visit: Visit, tr: Translate) -> list[str]:
    return [tr("Enregistrement de votre demande… Merci de patienter.")]


def _confirmation(visit: Visit, tr: Translate) -> list[str]:
    lines = [tr("Votre demande est enregistrée")]
    if visit.saved_item is not None:
        lines.append(tr("Votre référence : {0}").format(visit.saved_item.local_reference))
    payment = visit.payment
    for heading, sentences in payment.sentences() if payment is not None and not payment.free else ():
        lines += [tr(heading), *map(tr, sentences)]
    if visit.next_steps:
        lines += [tr("Et maintenant ?"), *map(tr, visit.next_steps)]
    return [*lines, tr("J'ai terminé")]


def _end(visit: Visit, tr: Translate) -> list[str]:
    return [tr("Merci, c'est terminé"), tr("Retour à l'accueil")]


def _for_whom(visit: Visit, tr: Translate) -> list[str]:
    return [tr("Pour qui faites-vous cette démarche ?"),
            *(line for choice in CHOICES for line in (tr(choice.title), tr(choice.detail))),
            tr("Retour")]


def _mandate(visit: Visit, tr: Translate) -> list[str]:
    return [tr("Le mandat à signer"),
            tr("La borne imprime le mandat en deux exemplaires. Vous le signez tous les deux : "
               "vous et la personne. Chacun garde un exemplaire. Ensuite, vous numérisez un "
               "exemplaire signé."),
            tr("Imprimer le mandat"), tr("Continuer"), tr("Retour")]


def _status(visit: Visit, tr: Translate) -> list[str]:
    return [tr("Où en est ma demande ?"),
            tr("Montrez le code carré de votre reçu au lecteur, à côté de l'écran."),
            tr("Ou tapez la référence écrite sur le reçu. Elle commence par PN."),
            tr("Référence du reçu"), tr("Chercher"), tr("Retour à l'accueil")]


def _mediator_page(title: str) -> Callable[[Visit, Translate], list[str]]:
    return lambda visit, tr: [tr(title)]


_PAGES: dict[Page, Callable[[Visit, Translate], list[str]]] = {
    Page.WELCOME: _welcome, Page.LOGIN: _login, Page.PICKER: _picker,
    Page.REQUIREMENTS: _requirements, Page.QUESTION: _question, Page.DOCUMENTS: _documents,
    Page.CHOOSER: _chooser, Page.SUMMARY: _summary, Page.CONSENT: lambda v, tr: [],
    Page.SAVING: _saving, Page.CONFIRMATION: _confirmation, Page.END: _end,
    Page.QUEUE: _mediator_page("File d'attente des demandes"),
    Page.CORRECTION: _mediator_page("Corriger une demande refusée"),
    Page.ACTIVITY: _mediator_page("Activité de la borne"),
    Page.FOR_WHOM: _for_whom, Page.MANDATE: _mandate, Page.STATUS: _status,
}
assert set(_PAGES) == set(Page), "every page has its speech"
