"""Themes: every text at WCAG AAA 7:1 in both themes, on paper (the style sheet's own colour
pairs) and on screen (a rendered sample panel), touch targets, focus ring, larger text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui_checks import accessibility_problems, assert_accessible, assert_contrast, save_screenshot

from ui.contrast import (
    colour_pairs,
    contrast_ratio,
    measure_text_contrast,
    non_text_pairs,
    pairs_in,
    parse_hex,
    relative_luminance,
)
from ui.theme import (
    THEME_NAMES,
    THEMES,
    ThemeName,
    apply_theme,
    build_stylesheet,
    current_theme,
    set_invalid,
    set_role,
)

VARIANTS = [(name, large) for name in THEME_NAMES for large in (False, True)]


def variant_id(name: str, large: bool) -> str:
    return f"{name}-grand" if large else name


# --- WCAG arithmetic ----------------------------------------------------------------------


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#000091", "#FFFFFF") == pytest.approx(14.91, abs=0.01)
    assert contrast_ratio("#CE0500", "#FFFFFF") == pytest.approx(5.76, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1.0)
    assert relative_luminance("#FFF") == pytest.approx(1.0)
    assert relative_luminance((0, 0, 0)) == 0.0


@pytest.mark.parametrize("bad", ["#12345", "red", "#GG0000", ""])
def test_parse_hex_rejects_non_colours(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hex(bad)


# --- the style sheet, on paper ------------------------------------------------------------


@pytest.mark.parametrize(("name", "large"), VARIANTS)
def test_every_text_pair_of_the_style_sheet_reaches_7_to_1(name: ThemeName, large: bool) -> None:
    pairs = colour_pairs(name, large)
    assert len(pairs) >= 30  # buttons, keys, fields, labels, selection, placeholder
    low = [f"{p.selector}: {p.foreground} on {p.background} = {p.ratio:.2f}" for p in pairs]
    low = [line for line, p in zip(low, pairs, strict=True) if p.ratio < 7.0]
    assert not low, "\n".join(low)


@pytest.mark.parametrize("name", THEME_NAMES)
def test_focus_ring_and_borders_reach_3_to_1(name: ThemeName) -> None:
    low = [p for p in non_text_pairs(name) if p.ratio < 3.0]
    assert not low, low


def test_standard_theme_keeps_the_dsfr_blue_and_darkens_the_red() -> None:
    assert THEMES["standard"].primary == "#000091"
    assert THEMES["standard"].error != "#CE0500"
    assert contrast_ratio(THEMES["standard"].error, THEMES["standard"].surface) >= 7.0


def test_pairs_reader_refuses_rules_it_cannot_prove() -> None:
    palette = THEMES["standard"]
    with pytest.raises(ValueError, match="text colour without a background"):
        pairs_in("QLabel { color: #777777; }", palette)
    with pytest.raises(ValueError, match="background without a text colour"):
        pairs_in("QPushButton { background-color: #123456; }", palette)
    transparent = pairs_in("QLabel { color: #777777; background-color: transparent; }", palette)
    assert {p.background for p in transparent} == set(palette.surfaces)
    assert all(p.ratio < 7 for p in transparent)  # the reader reports, the test judges


@pytest.mark.parametrize(("name", "large"), VARIANTS)
def test_stylesheet_is_filled_and_parsed_by_qt_without_warning(
    qapp: QApplication, name: ThemeName, large: bool
) -> None:
    sheet = build_stylesheet(name, large)
    assert "$" not in sheet
    messages: list[str] = []

    def collect(kind: QtMsgType, _context: object, text: str) -> None:
        messages.append(text)

    previous = qInstallMessageHandler(collect)
    try:
        apply_theme(qapp, name, large)
        panel = sample_panel()
        panel.show()
        qapp.processEvents()
        panel.close()
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "style" in m.lower() or "parse" in m.lower()]


def test_unknown_theme_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        apply_theme(qapp, "sombre", False)  # type: ignore[arg-type]


# --- the style sheet, on screen -----------------------------------------------------------


def sample_panel() -> QWidget:
    """A screen in miniature: every role a step screen uses."""
    page = QWidget()
    page.setProperty("role", "page")
    page.resize(1100, 760)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(32, 32, 32, 32)
    layout.setSpacing(16)
    title = QLabel("Changement d'adresse")
    title.setProperty("role", "title")
    help_text = QLabel("Code postal de votre nouvelle adresse : 5 chiffres, par exemple 75011.")
    help_text.setProperty("role", "help")
    help_text.setWordWrap(True)
    field = QLineEdit("7501")
    field.setObjectName("postcode")
    field.setAccessibleName("Code postal")
    field.setAccessibleDescription("5 chiffres, par exemple 75011")
    set_invalid(field, True)
    error = QLabel("Le code postal a 5 chiffres. Ajoutez le chiffre qui manque.")
    error.setProperty("role", "error")
    error.setWordWrap(True)
    empty = QLineEdit()
    empty.setObjectName("name")
    empty.setPlaceholderText("Nom de naissance")
    empty.setAccessibleName("Nom de naissance")
    empty.setAccessibleDescription("Comme sur votre pièce d'identité")
    panel = QFrame()
    panel.setProperty("role", "panel")
    panel_layout = QVBoxLayout(panel)
    done = QLabel("Votre justificatif de domicile est ajouté.")
    done.setProperty("role", "success")
    note = QLabel("Vous pourrez le remplacer plus tard.")
    note.setProperty("role", "help")
    panel_layout.addWidget(done)
    panel_layout.addWidget(note)
    buttons = QHBoxLayout()
    for text, role, enabled in (
        ("Retour", "secondary", True),
        ("Effacer ma démarche", "danger", True),
        ("Envoyer", "primary", False),
        ("Suivant", "primary", True),
    ):
        button = QPushButton(text)
        button.setObjectName(text)
        button.setProperty("role", role)
        button.setEnabled(enabled)
        button.setAccessibleName(text)
        button.setAccessibleDescription(f"Bouton {text}")
        buttons.addWidget(button)
    for widget in (title, help_text, field, error, empty, panel):
        layout.addWidget(widget)
    layout.addLayout(buttons)
    layout.addStretch(1)
    return page


@pytest.fixture
def themed_panel(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[QWidget]:
    name, large = request.param
    apply_theme(qapp, name, large)
    panel = sample_panel()
    panel.show()
    qapp.processEvents()
    yield panel
    panel.close()
    apply_theme(qapp, "standard", False)


@pytest.mark.parametrize("themed_panel", VARIANTS, indirect=True, ids=lambda v: variant_id(*v))
def test_rendered_panel_is_legible_and_touchable(themed_panel: QWidget) -> None:
    assert_contrast(themed_panel, 7.0)
    assert_accessible(themed_panel)
    readings = measure_text_contrast(themed_panel)
    assert len(readings) == 11  # 5 labels, 2 fields, 4 buttons: none was skipped
    theme = current_theme(QApplication.instance())  # type: ignore[arg-type]
    for button in themed_panel.findChildren(QPushButton):
        assert button.height() >= 56, button.text()
    save_screenshot(themed_panel, f"panneau-{variant_id(theme.name, theme.large_text)}")


@pytest.mark.parametrize("themed_panel", VARIANTS, indirect=True, ids=lambda v: variant_id(*v))
def test_focus_ring_is_drawn_in_the_focus_colour(themed_panel: QWidget, qapp: QApplication) -> None:
    button = themed_panel.findChild(QPushButton, "Suivant")
    before = button.grab().toImage().pixelColor(1, button.height() // 2)
    plain_run = longest_text_run(button)
    button.setFocus()
    qapp.processEvents()
    after = button.grab().toImage().pixelColor(1, button.height() // 2)
    focus = QColor(current_theme(qapp).palette.focus)
    assert after.name() == focus.name()
    assert before.name() != after.name()
    # a second cue, for those who do not see colours: the label gets underlined
    text_width = QFontMetrics(button.font()).horizontalAdvance(button.text())
    assert plain_run < 0.5 * text_width
    assert longest_text_run(button) >= 0.8 * text_width


def longest_text_run(button: QPushButton) -> int:
    """Longest horizontal run of text-coloured pixels inside the button's border."""
    image = button.grab().toImage()
    text = button.palette().color(button.foregroundRole()).name()
    best = 0
    for y in range(6, image.height() - 6):
        run = 0
        for x in range(6, image.width() - 6):
            run = run + 1 if image.pixelColor(x, y).name() == text else 0
            best = max(best, run)
    return best


@pytest.mark.parametrize("themed_panel", VARIANTS, indirect=True, ids=lambda v: variant_id(*v))
def test_invalid_field_border_uses_the_error_colour(themed_panel: QWidget, qapp: QApplication) -> None:
    field = themed_panel.findChild(QLineEdit, "postcode")
    colours = current_theme(qapp).palette

    def border() -> str:
        qapp.processEvents()
        return str(field.grab().toImage().pixelColor(1, field.height() // 2).name().upper())

    themed_panel.findChild(QPushButton, "Retour").setFocus()
    assert border() == colours.error
    field.setFocus()  # focused, the ring wins; the error text below still says what is wrong
    assert border() == colours.focus
    set_invalid(field, False)
    themed_panel.findChild(QPushButton, "Retour").setFocus()
    assert border() == colours.field_border


def test_larger_text_makes_fonts_and_targets_bigger(qapp: QApplication) -> None:
    sizes = {}
    for large in (False, True):
        apply_theme(qapp, "standard", large)
        panel = sample_panel()
        panel.show()
        qapp.processEvents()
        title = next(w for w in panel.findChildren(QLabel) if w.property("role") == "title")
        body = next(w for w in panel.findChildren(QLabel) if w.property("role") == "help")
        button = panel.findChild(QPushButton, "Suivant")
        sizes[large] = (title.font().pixelSize(), body.font().pixelSize(), button.height())
        panel.close()
    apply_theme(qapp, "standard", False)
    assert sizes[False][:2] == (32, 20)
    assert sizes[True][:2] == (40, 26)
    assert sizes[True][2] > sizes[False][2] >= 56


def test_set_role_restyles_at_once(qapp: QApplication) -> None:
    apply_theme(qapp, "standard", False)
    label = QLabel("Texte")
    label.show()
    qapp.processEvents()
    set_role(label, "error")
    qapp.processEvents()
    assert label.palette().color(label.foregroundRole()).name().upper() == THEMES["standard"].error
    label.close()


def test_a_look_set_again_unchanged_styles_nothing_again(qapp: QApplication) -> None:
    """Each page shown sets its stepper's segments and fields' looks again: only a change
    costs a pass over the style sheet."""
    apply_theme(qapp, "standard", False)

    class CountingStyle(QProxyStyle):
        polished = 0

        def polish(self, target: object) -> None:  # type: ignore[override]
            if isinstance(target, QWidget):
                CountingStyle.polished += 1
            super().polish(target)  # type: ignore[arg-type]

    counting = CountingStyle()
    field = QLineEdit()
    field.setStyle(counting)
    field.show()
    qapp.processEvents()
    before = CountingStyle.polished
    for _ in range(5):
        set_role(field, "primary")
        set_invalid(field, True)
    assert CountingStyle.polished - before == 2  # one for each change, none for the repeats
    set_invalid(field, False)
    assert CountingStyle.polished - before == 3
    assert field.property("error") == "false"
    field.close()


def test_accessibility_check_reports_what_is_missing(qapp: QApplication) -> None:
    apply_theme(qapp, "standard", False)
    page = QWidget()
    layout = QVBoxLayout(page)
    tiny = QPushButton("x")
    tiny.setObjectName("tiny")
    tiny.setStyleSheet(
        "padding: 0; border: none; min-height: 20px; max-height: 20px; min-width: 20px; max-width: 20px;"
    )
    layout.addWidget(tiny)
    page.show()
    qapp.processEvents()
    problems = accessibility_problems(page)
    assert any("no accessibleName" in p for p in problems)
    assert any("no accessibleDescription" in p for p in problems)
    assert any("under 44x44" in p for p in problems)
    tiny.setAccessibleName("Fermer")
    assert not [p for p in accessibility_problems(page, {"tiny": "icon"}) if "accessible" in p]
    with pytest.raises(AssertionError, match="needs a reason"):
        accessibility_problems(page, {"tiny": " "})
    page.close()


# --- the live measure reads what is drawn ---------------------------------------------------


def retour(panel: QWidget) -> QPushButton:
    button = panel.findChild(QPushButton, "Retour")
    assert button is not None
    return button


def reading_of(root: QWidget, widget: QWidget):  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    found = [r for r in measure_text_contrast(root) if r.widget is widget]
    assert len(found) == 1, f"{widget!r} measured {len(found)} times"
    return found[0]


@pytest.mark.parametrize("themed_panel", [("contraste", False), ("standard", False)], indirect=True,
                         ids=lambda v: variant_id(*v))
def test_focused_button_is_measured_in_its_focus_colours(themed_panel: QWidget) -> None:
    colours = current_theme(QApplication.instance()).palette  # type: ignore[arg-type]
    button = retour(themed_panel)
    button.setFocus()
    reading = reading_of(themed_panel, button)
    # The palette keeps the unfocused text colour (white in high contrast): the pixels do not.
    assert (reading.foreground, reading.background) == (
        colours.secondary_focus_text, colours.secondary_focus_bg)
    assert_contrast(themed_panel, 7.0)


@pytest.mark.parametrize("themed_panel", [("standard", False), ("contraste", False)], indirect=True,
                         ids=lambda v: variant_id(*v))
def test_button_that_changed_role_is_measured_in_its_new_colours(themed_panel: QWidget) -> None:
    colours = current_theme(QApplication.instance()).palette  # type: ignore[arg-type]
    button = retour(themed_panel)
    for focused in (False, True):
        if focused:
            button.setFocus()
        set_role(button, "primary")  # what show_selected does to a chosen answer
        reading = reading_of(themed_panel, button)
        expected = ((colours.primary_focus_text, colours.primary_focus_bg) if focused
                    else (colours.on_primary, colours.primary))
        assert (reading.foreground, reading.background) == expected
        set_role(button, "secondary")
        reading = reading_of(themed_panel, button)
        expected = ((colours.secondary_focus_text, colours.secondary_focus_bg) if focused
                    else (colours.secondary_text, colours.secondary_bg))
        assert (reading.foreground, reading.background) == expected


def test_widget_half_hidden_by_a_scroll_area_is_measured_on_what_shows(qapp: QApplication) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    apply_theme(qapp, "standard", False)
    page = QWidget()
    page.setProperty("role", "page")
    layout = QVBoxLayout(page)
    layout.setSpacing(0)
    layout.setContentsMargins(0, 0, 0, 0)
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFixedHeight(140)
    body = QWidget()
    body_layout = QVBoxLayout(body)
    body_layout.addSpacing(100)
    straddling = QLabel("\n".join(["Première ligne, visible"] + [f"Ligne {n}, cachée" for n in range(2, 7)]))
    body_layout.addWidget(straddling)
    body_layout.addStretch(1)
    scroller.setWidget(body)
    below = QPushButton("Suivant")  # a dark block right under the viewport
    below.setProperty("role", "primary")
    below.setFixedHeight(400)
    layout.addWidget(scroller)
    layout.addWidget(below)
    page.resize(600, 540)
    page.show()
    QApplication.processEvents()
    viewport = scroller.viewport()
    top = straddling.mapTo(viewport, QPoint(0, 0)).y()
    assert top < viewport.height() < top + straddling.height() // 3  # mostly hidden
    reading = reading_of(page, straddling)
    assert reading.background == THEMES["standard"].background
    assert reading.foreground == THEMES["standard"].text
    assert_contrast(page, 7.0)
    scroller.verticalScrollBar().setValue(scroller.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert reading_of(page, straddling).background == THEMES["standard"].background
    page.close()


def test_covered_widget_is_skipped_and_invisible_text_is_reported(qapp: QApplication) -> None:
    apply_theme(qapp, "standard", False)
    page = QWidget()
    page.setProperty("role", "page")
    layout = QVBoxLayout(page)
    covered = QLabel("Sous le panneau")
    faint = QLabel("Texte trop pâle")
    faint.setStyleSheet("color: #777777; background-color: transparent;")
    ghost = QLabel("Texte invisible")
    ghost.setStyleSheet("color: #FFFFFF; background-color: transparent;")
    for label in (covered, faint, ghost):
        layout.addWidget(label)
    page.resize(500, 300)
    page.show()
    QApplication.processEvents()
    overlay = QFrame(page)
    overlay.setProperty("role", "panel")
    overlay.setGeometry(covered.geometry().adjusted(-4, -4, 4, 4))
    overlay.show()
    overlay.raise_()
    QApplication.processEvents()
    measured = {r.widget: r for r in measure_text_contrast(page)}
    assert covered not in measured
    assert measured[faint].foreground == "#777777"
    assert measured[faint].ratio == pytest.approx(4.48, abs=0.01)
    assert measured[ghost].ratio == pytest.approx(1.0)
    with pytest.raises(AssertionError, match="Texte trop pâle|QLabel"):
        assert_contrast(page, 7.0)
    page.close()
