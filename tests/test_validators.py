"""Examples of what citizens type, and what the kiosk must answer."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.validators import KINDS, ValidationError, check

TODAY = date(2026, 11, 30)


def rejected(kind: str, value: str, **options: object) -> str:
    with pytest.raises(ValidationError) as caught:
        check(kind, value, **options)
    return caught.value.message


def test_kinds_cover_the_brief() -> None:
    expected = {
        "plate", "vin", "formule_number", "neph", "ephoto_code", "timbre_fiscal",
        "postal_code", "insee_code", "email", "phone", "date", "name",
        "code_cession", "text", "digits", "street", "time",
    }  # fmt: skip
    assert expected <= KINDS


def test_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        check("plaque", "AB-123-CD")


def test_unknown_option_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        check("plate", "AB-123-CD", strict=True)


def test_validation_error_is_a_value_error_with_a_message() -> None:
    error = ValidationError("Le code postal compte 5 chiffres.")
    assert isinstance(error, ValueError)
    assert error.message == "Le code postal compte 5 chiffres."
    assert str(error) == error.message


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("value", ["", "   ", "\t\n", "\u00a0"])
def test_empty_input_says_the_field_is_required(kind: str, value: str) -> None:
    assert rejected(kind, value) == "Ce champ est obligatoire. Merci de le remplir."


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_lone_surrogate_is_refused_plainly(kind: str) -> None:
    assert "illisibles" in rejected(kind, "AB\ud800123")


# --- plates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("AB-123-CD", "AB-123-CD"),
        ("ab123cd", "AB-123-CD"),
        ("ab 123 cd", "AB-123-CD"),
        ("  Fx-482-Pk ", "FX-482-PK"),
        ("GH\u2013501\u2013ZZ", "GH-501-ZZ"),
        ("WW-123-AB", "WW-123-AB"),  # provisional series
        ("AB-123-WW", "AB-123-WW"),  # WW is only reserved on the left
        ("AA-001-AA", "AA-001-AA"),
        ("1234 AB 75", "1234 AB 75"),
        ("1234-ab-75", "1234 AB 75"),
        ("12ABC13", "12 ABC 13"),
        ("7 Z 01", "7 Z 01"),
        ("456 BC 2a", "456 BC 2A"),
        ("98 XY 2B", "98 XY 2B"),
        ("3210 KL 974", "3210 KL 974"),
        ("3210KL971", "3210 KL 971"),
    ],
)
def test_plate_is_written_officially(typed: str, written: str) -> None:
    assert check("plate", typed) == written


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("AI-123-CD", "I, O et U"),
        ("AB-123-CO", "I, O et U"),
        ("UB-123-CD", "I, O et U"),
        ("SS-123-CD", "SS"),
        ("AB-123-SS", "SS"),
        ("AB-000-CD", "000"),
        ("AB-1O3-CD", "zéro"),
    ],
)
def test_plate_letter_rules_say_what_is_wrong(typed: str, hint: str) -> None:
    assert hint in rejected("plate", typed)


@pytest.mark.parametrize(
    "typed",
    [
        "AB-12-CD",
        "AB-1234-CD",
        "A1-123-CD",
        "0123 AB 75",  # FNI numbers have no leading zero
        "12345 AB 75",
        "123 ABCD 75",
        "123 AB 00",
        "123 AB 96",
        "123 AB 977",
        "123 AB 2C",
        "123 AB",
        "AB123",
        "ÀB-123-CD",
    ],
)
def test_plate_wrong_shape_shows_the_model(typed: str) -> None:
    assert "AB-123-CD" in rejected("plate", typed)


# --- vehicle identifiers ---------------------------------------------------------


def test_vin_is_compacted_and_uppercased() -> None:
    assert check("vin", "vf1 rfb00 567 123456") == "VF1RFB00567123456"


def test_vin_check_digit_is_not_enforced() -> None:
    # A European VIN whose 9th character is not the North-American check digit.
    assert check("vin", "WVWZZZ1JZXW000001") == "WVWZZZ1JZXW000001"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("VF1RFB00567123", "17 caractères ; vous en avez saisi 14"),
        ("VF1RFB005671234567", "vous en avez saisi 18"),
        ("VF1RFB0O567123456", "I, O ou Q"),
        ("VF1RFB0Q567123456", "I, O ou Q"),
        ("VF1RFB0I567123456", "I, O ou Q"),
        ("VF1RFB0_567123456", "lettres et des chiffres"),
    ],
)
def test_vin_errors(typed: str, hint: str) -> None:
    assert hint in rejected("vin", typed)


def test_formule_number() -> None:
    assert check("formule_number", "2017rv48832", today=TODAY) == "2017RV48832"
    assert check("formule_number", "2009 AA 00001", today=TODAY) == "2009AA00001"
    assert check("formule_number", "2026ZZ99999", today=TODAY) == "2026ZZ99999"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("2017R48832", "2017RV48832"),
        ("17RV48832", "2017RV48832"),
        ("2017RV4883", "2017RV48832"),
        ("2008RV48832", "entre 2009 et 2026"),
        ("2027RV48832", "entre 2009 et 2026"),
    ],
)
def test_formule_number_errors(typed: str, hint: str) -> None:
    assert hint in rejected("formule_number", typed, today=TODAY)


def test_code_cession_accepts_letters_and_digits_without_inventing_a_format() -> None:
    assert check("code_cession", " k7f2-9qx3 ") == "K7F29QX3"
    assert check("code_cession", "123456") == "123456"
    assert "lettres et des chiffres" in rejected("code_cession", "AB#123")
    assert "incomplet" in rejected("code_cession", "AB1")
    assert "trop long" in rejected("code_cession", "A" * 31)


# --- numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "typed", "written"),
    [
        ("neph", "1203 7512 3456", "120375123456"),
        ("neph", "120375123456", "120375123456"),
        ("timbre_fiscal", "1234 5678 9012 3456", "1234567890123456"),
        ("ephoto_code", "ab12cd34ef56gh78ij90kl", "AB12CD34EF56GH78IJ90KL"),
        ("ephoto_code", "AB12-CD34-EF56-GH78-IJ90-KL", "AB12CD34EF56GH78IJ90KL"),
        ("postal_code", "75 001", "75001"),
        ("postal_code", "20000", "20000"),
        ("postal_code", "97400", "97400"),
        ("insee_code", "75056", "75056"),
        ("insee_code", "2a004", "2A004"),
        ("insee_code", "2B033", "2B033"),
        ("digits", "0 1 2", "012"),
    ],
)
def test_numbers_lose_their_separators(kind: str, typed: str, written: str) -> None:
    assert check(kind, typed) == written


@pytest.mark.parametrize(
    ("kind", "typed", "hint"),
    [
        ("neph", "12037512345", "12 chiffres ; vous en avez saisi 11"),
        ("neph", "12037512345A", "que des chiffres"),
        ("timbre_fiscal", "123456789012345", "16 chiffres"),
        ("ephoto_code", "AB12CD34EF56GH78IJ90K", "22 lettres ou chiffres ; vous en avez saisi 21"),
        ("ephoto_code", "AB12CD34EF56GH78IJ90K!", "que des lettres et des chiffres"),
        ("postal_code", "7500", "5 chiffres"),
        ("postal_code", "00150", "00"),
        ("postal_code", "75OO1", "que des chiffres"),
        ("insee_code", "2C004", "5 caractères"),
        ("insee_code", "750561", "5 caractères"),
        ("insee_code", "00123", "00"),
        ("digits", "12a", "uniquement des chiffres"),
    ],
)
def test_number_errors(kind: str, typed: str, hint: str) -> None:
    assert hint in rejected(kind, typed)


def test_digits_length_and_bounds() -> None:
    assert check("digits", "1234", length=4) == "1234"
    assert "4 chiffres ; vous en avez saisi 3" in rejected("digits", "123", length=4)
    assert "trop long" in rejected("digits", "1" * 51)


# --- phone and e-mail --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("06 12 34 56 78", "0612345678"),
        ("06.12.34.56.78", "0612345678"),
        ("01-44-55-66-77", "0144556677"),
        ("+33 6 12 34 56 78", "0612345678"),
        ("+33 (0)6 12 34 56 78", "0612345678"),
        ("0033612345678", "0612345678"),
        ("+262 692 12 34 56", "0692123456"),
        ("+590 690 12 34 56", "0690123456"),
        ("0596 12 34 56", "0596123456"),
    ],
)
def test_phone_written_as_ten_digits(typed: str, written: str) -> None:
    assert check("phone", typed) == written


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("06 12 34 56", "10 chiffres"),
        ("06 12 34 56 78 9", "10 chiffres"),
        ("6 12 34 56 78", "10 chiffres"),
        ("00 12 34 56 78", "téléphone français"),
        ("0012345678", "téléphone français"),
        ("+44 20 7946 0958", "téléphone français"),
        ("+33 0612345678", "téléphone français"),
        ("06 12 AB 56 78", "que des chiffres"),
    ],
)
def test_phone_errors(typed: str, hint: str) -> None:
    assert hint in rejected("phone", typed)


def test_phone_second_digit_cannot_be_zero() -> None:
    assert "chiffre de 1 à 9" in rejected("phone", "+33 0 12 34 56 78")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("jean.dupont@orange.fr", "jean.dupont@orange.fr"),
        ("  Jean.Dupont@Orange.FR ", "Jean.Dupont@orange.fr"),
        ("marie-claire+kiosque@la-poste.net", "marie-claire+kiosque@la-poste.net"),
    ],
)
def test_email_accepted(typed: str, written: str) -> None:
    assert check("email", typed) == written


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("jean.dupont.orange.fr", "Il manque le signe @"),
        ("jean dupont@orange.fr", "pas d'espace"),
        ("jean.dupont@orange", "jean.dupont@orange.fr"),
        ("jean.dupont@orange,fr", "jean.dupont@orange.fr"),
        ("@orange.fr", "jean.dupont@orange.fr"),
        ("jean..dupont@orange.fr", "jean.dupont@orange.fr"),
        ("jéan@orange.fr", "jean.dupont@orange.fr"),
        ("jean@-orange.fr", "jean.dupont@orange.fr"),
        ("jean@orange.f1", "jean.dupont@orange.fr"),
    ],
)
def test_email_errors(typed: str, hint: str) -> None:
    assert hint in rejected("email", typed)


# --- people and places ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("  Dupont ", "Dupont"),
        ("MARTIN", "MARTIN"),
        ("Jean-Éric", "Jean-Éric"),
        ("d’Artagnan", "d'Artagnan"),
        ("Le  Goff", "Le Goff"),
        ("Müller", "Müller"),
        ("Bénédicte Anne\u00a0Marie", "Bénédicte Anne Marie"),
        ("Noe\u0308l", "Noël"),
    ],
)
def test_name_keeps_case_and_tidies_spaces(typed: str, written: str) -> None:
    assert check("name", typed) == written


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("Dupont2", "que des lettres"),
        ("Jean_Paul", "que des lettres"),
        ("Иванов", "que des lettres"),
        ("-Dupont", "commence et finit par une lettre"),
        ("Dupont'", "commence et finit par une lettre"),
    ],
)
def test_name_errors(typed: str, hint: str) -> None:
    assert hint in rejected("name", typed)


def test_name_max_length() -> None:
    assert check("name", "A" * 80) == "A" * 80
    assert "80 caractères au plus" in rejected("name", "A" * 81)
    assert "20 caractères au plus" in rejected("name", "A" * 21, max_length=20)


def test_street() -> None:
    assert check("street", " 12,  rue de l’Église ") == "12, rue de l'Église"
    assert check("street", "Bât. B, appt 4 (3° étage)") == "Bât. B, appt 4 (3° étage)"
    assert check("street", "Lieu-dit Les Granges") == "Lieu-dit Les Granges"
    assert "nom de la rue" in rejected("street", "12")
    assert "lettres, des chiffres" in rejected("street", "12 rue des Lilas; DROP")
    assert "100 caractères au plus" in rejected("street", "a" * 101)


def test_text() -> None:
    assert check("text", "  Perdu au marché.\nMerci. ") == "Perdu au marché.\nMerci."
    assert "500 caractères au plus" in rejected("text", "a" * 501)
    assert "10 caractères au plus" in rejected("text", "a" * 11, max_length=10)
    assert "illisibles" in rejected("text", "bonjour\x00")


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("05/03/1950", "1950-03-05"),
        ("5/3/1950", "1950-03-05"),
        ("05.03.1950", "1950-03-05"),
        ("05-03-1950", "1950-03-05"),
        ("05 03 1950", "1950-03-05"),
        (" 05 / 03 / 1950 ", "1950-03-05"),
        ("05031950", "1950-03-05"),
        ("1950-03-05", "1950-03-05"),
        ("29/02/2024", "2024-02-29"),
    ],
)
def test_date_becomes_iso(typed: str, iso: str) -> None:
    assert check("date", typed, today=TODAY) == iso


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("31/02/2020", "n'existe pas"),
        ("29/02/2023", "n'existe pas"),
        ("00/01/2020", "n'existe pas"),
        ("12/13/2020", "n'existe pas"),
        ("05/03/50", "4 chiffres"),
        ("mars 1950", "JJ/MM/AAAA"),
        ("1950/03/05", "JJ/MM/AAAA"),
    ],
)
def test_date_errors(typed: str, hint: str) -> None:
    assert hint in rejected("date", typed, today=TODAY)


def test_date_not_future() -> None:
    assert check("date", "30/11/2026", today=TODAY, not_future=True) == "2026-11-30"
    assert "futur" in rejected("date", "01/12/2026", today=TODAY, not_future=True)


def test_date_not_past() -> None:
    assert check("date", "30/11/2026", today=TODAY, not_past=True) == "2026-11-30"
    assert "déjà passée" in rejected("date", "29/11/2026", today=TODAY, not_past=True)


def test_date_min_years_ago_names_the_latest_day() -> None:
    assert check("date", "30/11/2009", today=TODAY, min_years_ago=17) == "2009-11-30"
    message = rejected("date", "01/12/2009", today=TODAY, min_years_ago=17)
    assert "au moins 17 ans" in message
    assert "30/11/2009 au plus tard" in message


def test_date_max_years_ago_names_the_earliest_day() -> None:
    assert check("date", "30/11/1906", today=TODAY, max_years_ago=120) == "1906-11-30"
    message = rejected("date", "29/11/1906", today=TODAY, max_years_ago=120)
    assert "plus de 120 ans" in message
    assert "30/11/1906 au plus tôt" in message


def test_date_max_days_ago() -> None:
    assert check("date", "15/11/2026", today=TODAY, max_days_ago=15) == "2026-11-15"
    message = rejected("date", "14/11/2026", today=TODAY, max_days_ago=15)
    assert "plus de 15 jours" in message
    assert "15/11/2026 au plus tôt" in message


def test_date_years_ago_from_29_february() -> None:
    leap_day = date(2028, 2, 29)
    assert check("date", "28/02/2011", today=leap_day, min_years_ago=17) == "2011-02-28"
    assert "au moins 17 ans" in rejected("date", "01/03/2011", today=leap_day, min_years_ago=17)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("14h30", "14:30"),
        ("14:30", "14:30"),
        ("9h", "09:00"),
        ("9 h 05", "09:05"),
        ("0h00", "00:00"),
    ],
)
def test_time_is_written_with_a_colon(typed: str, written: str) -> None:
    assert check("time", typed) == written


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("24h00", "n'existe pas"), ("12h60", "n'existe pas"), ("midi", "14h30"), ("1430", "14h30")],
)
def test_time_errors(typed: str, hint: str) -> None:
    assert hint in rejected("time", typed)
