"""The questions that decide come first; the checklist then shown lists everything the rest
asks for, for that case; payment says what, how much, when and how. Plain model, no display."""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from test_flow import ANNE, CONFIG, answer_questions, branch_forcings
from test_visits import Kiosk, kiosk  # noqa: F401 - fixture

from kiosk.checklist import checklist_for
from kiosk.flow import Page, Visit
from kiosk.mediator_call import MediatorCall
from kiosk.mediators import Mediator
from kiosk.payment import euros, payment_for
from kiosk.procedures import Catalogue, DefinitionRefused, load_definition
from kiosk.receipts.acknowledgement import AwaitedAcknowledgement
from kiosk.receipts.checklist_pdf import render_checklist
from resources import resource_path

TODAY = date(2026, 12, 1)
NOISE = re.compile(r"\(F\d+\)|vérifié le|version|\.pdf|\.yaml|selon votre situation", re.IGNORECASE)


def to_checklist(visit: Visit, code: str, rng: random.Random, forced: dict[str, str]) -> None:
    visit.start_alone()
    visit.pick(code)
    visit.say_for_whom("self")
    answer_questions(visit, rng, forced, until=Page.REQUIREMENTS)
    assert visit.page is Page.REQUIREMENTS


@pytest.mark.parametrize("code", [
    "cg-changement-adresse", "cg-changement-titulaire", "cg-declaration-cession", "cg-duplicata",
    "permis-echange-etranger", "permis-fabrication", "permis-inscription", "permis-renouvellement",
])
def test_the_checklist_lists_what_the_rest_asks_for_in_every_branch(catalogue: Catalogue,
                                                                    code: str) -> None:
    procedure = catalogue.get(code)
    rng = random.Random(code)
    for forced in branch_forcings(procedure):
        visit = Visit(CONFIG, catalogue)
        to_checklist(visit, code, rng, forced)
        session = visit.session
        assert session is not None
        decided = set(session.answers)
        assert all(f.id in decided for s in procedure.steps if s.decides for f in session.fields(s))
        checklist = visit.checklist()
        visit.begin()
        asked = answer_questions(visit, rng, forced)
        assert visit.page is Page.DOCUMENTS
        assert not decided & set(asked)  # nothing decided is asked again after the checklist
        listed_documents = [i.key for i in checklist.items if i.kind == "document"]
        assert sorted(listed_documents) == sorted(d.kind for d in session.required_documents())
        brought = {f.id for f in procedure.all_fields() if f.bring is not None}
        assert {i.key for i in checklist.items if i.kind == "answer"} == brought & set(session.answers)
        for item in checklist.items:
            assert item.if_missing and not NOISE.search(item.title + item.if_missing + item.detail)
        visit.go_home()


def test_a_lost_licence_lists_the_stamp_and_the_e_photo_with_where_to_get_them(
        catalogue: Catalogue) -> None:
    procedure = catalogue.get("permis-renouvellement")
    checklist = checklist_for(procedure, {"motif": "perte", "groupe_lourd": "non",
                                          "nationalite": "francaise"}, TODAY)
    items = {item.key: item for item in checklist.items}
    assert "timbres.impots.gouv.fr" in items["timbre_fiscal"].if_missing
    assert "tabac" in items["timbre_fiscal"].if_missing
    assert "photographe" in items["ephoto_code"].if_missing
    assert "recepisse_vol" not in items and "avis_medical" not in items
    assert checklist.situation[0] == ("Mon permis est", "Perdu")
    [(heading, lines)] = checklist.payment.sentences()
    assert heading == "À payer avant la demande"
    assert lines[0] == f"Timbre fiscal : {euros(Decimal(25))}. 12,50 € en Guyane."
    stolen = checklist_for(procedure, {"motif": "vol", "groupe_lourd": "oui",
                                       "nationalite": "autre"}, TODAY)
    kinds = {item.key for item in stolen.items}
    assert {"recepisse_vol", "avis_medical", "titre_sejour"} <= kinds
    assert stolen.deadlines == ("En cas de vol, le récépissé de la déclaration de vol est valable 2 mois.",)
    assert checklist.deadlines == ()  # the theft's deadline is not said for a loss


def test_an_item_says_what_it_is_for_not_the_help_of_another_question(catalogue: Catalogue) -> None:
    """« Votre carte grise actuelle » comes from the question « Votre plaque ressemble-t-elle
    à AB-123-CD ? », whose help is about old plates: the item says what is read on the card."""
    for code in ("cg-changement-adresse", "cg-declaration-cession"):
        items = {item.key: item for item in checklist_for(catalogue.get(code), {}, TODAY).items}
        card = items["carte_siv"]
        assert card.title == "Votre carte grise actuelle"
        assert card.detail == "Le numéro du véhicule et le numéro de formule sont écrits dessus."
    lost = catalogue.get("permis-renouvellement")  # an item without a description of its own
    items = {item.key: item for item in checklist_for(lost, {"motif": "perte", "groupe_lourd": "non",
                                                             "nationalite": "francaise"}, TODAY).items}
    assert items["ephoto_code"].detail == lost.field("ephoto_code").help


def test_payment_computes_what_is_public_and_says_who_computes_the_rest(catalogue: Catalogue) -> None:
    duplicata = payment_for(catalogue.get("cg-duplicata"), {"motif": "perte"}, TODAY)
    assert [c.amount for c in duplicata.at("after")] == [None, Decimal(11), Decimal("2.76")]
    assert duplicata.known_total("after") == Decimal("13.76") and not duplicata.complete("after")
    [(heading, lines)] = duplicata.sentences()
    assert heading == "À payer après l'envoi de la demande"
    assert any("puissance du véhicule" in line for line in lines)
    assert f"Total connu aujourd'hui : {euros(Decimal('13.76'))}, plus ce qui est calculé plus tard." in lines
    assert any("carte bancaire" in line for line in lines)
    damaged = payment_for(catalogue.get("permis-renouvellement"), {"motif": "deterioration"}, TODAY)
    assert damaged.free and damaged.sentences()[0][1][0] == "Cette démarche est gratuite."
    address = payment_for(catalogue.get("cg-changement-adresse"), {}, TODAY)
    [(_, lines)] = address.sentences()
    assert address.free and "site privé" in lines[0]
    assert sum("gratuit" in line for line in lines) == 1  # said once, not twice
    assert euros(Decimal("1234.5")) == "1\u202f234,50\u00a0€"


def rewritten(tmp_path: Path, code: str, old: str, new: str) -> Path:
    text = resource_path("procedures", f"{code}.yaml").read_text("utf-8")
    assert old in text
    path = tmp_path / f"{code}.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


@pytest.mark.parametrize(("code", "old", "new", "said"), [
    ("cg-duplicata", "    decides: true\n", "", "dépend de « motif »"),
    ("cg-changement-titulaire", "  - id: situation\n    title: Votre situation\n    decides: true\n",
     "  - id: situation\n    title: Votre situation\n", "dépend de « vehicule_plus_4_ans »"),
    ("permis-renouvellement", "    paid: before\n", "", "dit quand (« paid »)"),
])
def test_a_checklist_that_could_be_wrong_is_refused_at_load(tmp_path: Path, code: str, old: str,
                                                            new: str, said: str) -> None:
    with pytest.raises(DefinitionRefused) as refused:
        load_definition(rewritten(tmp_path, code, old, new))
    assert said in " ".join([refused.value.message, *(m for _, m in refused.value.others)])


def test_a_deciding_step_after_the_others_is_refused(tmp_path: Path) -> None:
    path = rewritten(tmp_path, "cg-changement-adresse", "  - id: contact\n",
                     "  - id: contact\n    decides: true\n")
    with pytest.raises(DefinitionRefused, match="doit venir avant"):
        load_definition(path)


def test_the_printed_checklist_is_plain_and_short(catalogue: Catalogue) -> None:
    import io

    from pypdf import PdfReader

    checklist = checklist_for(catalogue.get("permis-renouvellement"),
                              {"motif": "perte", "groupe_lourd": "non", "nationalite": "francaise"}, TODAY)
    pdf, height_mm = render_checklist(checklist, "thermal")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", " ", text)
    assert "timbres.impots.gouv.fr" in flat and "e-photo" in flat
    assert not NOISE.search(flat) and "service-public" not in flat
    assert height_mm < 600
    a4, _ = render_checklist(checklist, "a4")
    assert len(PdfReader(io.BytesIO(a4)).pages) == 1


# --- calling a mediator --------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_call_rings_once_can_be_cancelled_and_its_wait_is_measured(catalogue: Catalogue) -> None:
    clock = Clock()
    calls = []
    visit = Visit(CONFIG, catalogue, listener=lambda v, t: calls.append(t), now=clock)
    visit.start_alone()
    assert visit.call_mediator() and visit.mediator_called
    first = visit.call
    assert visit.call_mediator() and visit.call is first  # a second tap makes no new call
    assert calls.count(None) == 1
    clock.now += timedelta(seconds=150)
    assert first is not None and first.card(clock.now) == "Une personne demande de l'aide depuis 2 min"
    visit.cancel_call()
    assert not visit.mediator_called and first.state == "cancelled" and first.wait_s(clock.now) == 150
    assert visit.call_mediator() and visit.call is not first  # a new call after a cancel
    clock.now += timedelta(seconds=40)
    visit.take_over()
    visit.logged_in(Mediator(id="m-0001", name="Anne Martin"))
    assert visit.call is not None and visit.call.state == "answered"
    assert visit.call.wait_s(clock.now + timedelta(hours=1)) == 40


def test_a_site_with_nobody_to_call_makes_no_call(catalogue: Catalogue) -> None:
    calls = []
    visit = Visit(CONFIG.with_overrides(mediator_call=False), catalogue,
                  listener=lambda v, t: calls.append(t))
    assert not visit.call_mediator()
    assert visit.call is None and None not in calls


def test_a_call_never_answered_twice() -> None:
    call = MediatorCall(datetime(2026, 12, 1, tzinfo=UTC))
    call.answer(call.called_at + timedelta(seconds=5))
    call.cancel(call.called_at + timedelta(seconds=9))
    assert (call.state, call.wait_s(call.called_at + timedelta(days=1))) == ("answered", 5)


# --- which receipt ----------------------------------------------------------------------------

def test_an_acknowledgement_in_time_prints_the_dossier_number() -> None:
    awaited = AwaitedAcknowledgement("s-1")
    assert awaited.state == "waiting" and not awaited.final
    assert not awaited.acknowledged("s-2", "X")  # another request's answer changes nothing
    assert awaited.acknowledged("s-1", "CG-2026-000042")
    assert awaited.final and not awaited.time_up()  # no provisional receipt after that
    assert "CG-2026-000042" in awaited.dossier_line() and "reçue" in awaited.banner()


def test_no_acknowledgement_in_time_prints_a_receipt_for_a_request_still_waiting() -> None:
    awaited = AwaitedAcknowledgement("s-1")
    assert awaited.time_up() and awaited.state == "pending" and not awaited.final
    assert "pas encore reçue" in awaited.banner() and "attendu" in awaited.dossier_line()
    assert awaited.acknowledged("s-1", "CG-2026-000042")  # later: offered, the screen agrees
    assert awaited.final and "CG-2026-000042" in awaited.dossier_line()


def test_the_visit_record_keeps_the_wait_of_the_call_answered(kiosk: Kiosk) -> None:  # noqa: F811
    visit = kiosk.visit
    visit.start_alone()
    visit.call_mediator()
    kiosk.clock.advance(100)
    visit.cancel_call()  # not needed any more: no wait to record for it
    kiosk.clock.advance(200)
    visit.call_mediator()
    kiosk.clock.advance(30)
    assert visit.take_over()
    visit.logged_in(ANNE)
    visit.go_home()
    [record] = kiosk.store.records()
    assert record.call_wait_s == 30


def test_a_cancelled_call_records_no_wait(kiosk: Kiosk) -> None:  # noqa: F811
    visit = kiosk.visit
    visit.start_alone()
    visit.call_mediator()
    kiosk.clock.advance(60)
    visit.cancel_call()
    kiosk.clock.advance(60)
    assert visit.take_over()
    visit.logged_in(ANNE)
    visit.go_home()
    [record] = kiosk.store.records()
    assert record.call_wait_s is None and record.called_at is not None
