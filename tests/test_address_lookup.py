"""The BAN client against a local server in the API's format; failures are quiet (issue 9, §5)."""

from __future__ import annotations

import logging

import pytest
from ban_fake import FakeBan, serve_ban

from kiosk.address_lookup import AddressFields, AddressLookup, LookupUnavailable, address_fields
from kiosk.config import load_config
from kiosk.procedures import Catalogue


def test_a_few_words_give_addresses_to_pick() -> None:
    with serve_ban() as url:
        [found] = AddressLookup(url).addresses("12 rue de la rep")
    assert found.street == "12 Rue de la République"
    assert (found.postcode, found.city) == ("75004", "Paris")
    assert found.label == "12 Rue de la République 75004 Paris"


def test_a_postal_code_gives_its_communes() -> None:
    with serve_ban() as url:
        lookup = AddressLookup(url)
        assert lookup.communes("54490") == ["Piennes", "Joudreville"]
        assert lookup.communes("75004") == ["Paris"]
        assert lookup.communes("750") == []  # not a postal code: not even asked


def test_every_failure_is_one_quiet_exception(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with serve_ban(FakeBan(broken=True)) as url, pytest.raises(LookupUnavailable):
        AddressLookup(url).addresses("12 rue de la république")
    with serve_ban(FakeBan(delay_s=0.5)) as url, pytest.raises(LookupUnavailable):
        AddressLookup(url, timeout_s=0.2).addresses("12 rue de la république")
    with pytest.raises(LookupUnavailable):
        AddressLookup("http://127.0.0.1:9").communes("75004")
    assert "république" not in caplog.text.lower() and "75004" not in caplog.text


def test_the_step_says_which_questions_an_address_fills(catalogue: Catalogue) -> None:
    for procedure in catalogue.procedures.values():
        for step in procedure.steps:
            fields = address_fields(step.fields)
            if fields is not None:
                assert procedure.field(fields.commune).label.startswith("Commune")
    step = next(s for s in catalogue.get("cg-changement-adresse").steps if s.id == "nouvelle_adresse")
    assert address_fields(step.fields) == AddressFields("adresse", "code_postal", "commune")


def test_off_by_default_and_set_in_the_configuration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert load_config(tmp_path / "none.toml", env={}).address_lookup_url == ""
    path = tmp_path / "kiosk.toml"
    path.write_text('[address]\nlookup_url = "https://api-adresse.data.gouv.fr/"\n', encoding="utf-8")
    assert load_config(path, env={}).address_lookup_url == "https://api-adresse.data.gouv.fr"
