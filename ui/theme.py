"""Kiosk look: a DSFR-like standard theme, a high-contrast theme, and a larger-text setting.

Colours live in `Palette` named tuples (`THEMES`), sizes in `Metrics`; the style sheet
template `resources/styles/kiosk.qss` is filled from both. Every text colour pair the style
sheet uses is listed by `ui.contrast.colour_pairs()` (read back from the filled style sheet, not
from a hand-kept list), so tests prove WCAG AAA 7:1 for each pair in both themes.

Screens pick a look through the `role` dynamic property (see `ROLES` and
docs/ui-foundations.md), never through inline colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from string import Template
from typing import Literal, NamedTuple, get_args

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from resources import resource_path

ThemeName = Literal["standard", "contraste"]
THEME_NAMES: tuple[ThemeName, ...] = get_args(ThemeName)

FONT_FAMILIES = ["Marianne", "Arial", "Liberation Sans", "DejaVu Sans"]
"""Marianne is the State's typeface; it is used when installed, else a plain sans serif."""

ROLES: dict[str, str] = {
    'QPushButton[role="primary"]': "the one main action of a screen (Suivant, Valider)",
    'QPushButton[role="secondary"]': "other actions (Retour, Modifier); the default look",
    'QPushButton[role="danger"]': "an action that deletes (Effacer ma démarche)",
    'QLabel[role="title"]': "the screen title, one per screen",
    'QLabel[role="subtitle"]': "a section title",
    'QLabel[role="help"]': "explanations and examples under a field",
    'QLabel[role="error"]': "what is wrong and how to fix it (bold, red bar on the left)",
    'QLabel[role="success"]': "a confirmation (bold, green bar on the left)",
    'QFrame[role="panel"]': "a grouped block on the panel colour",
    'QWidget[role="page"]': "a screen's root widget, on the page colour",
    'QLineEdit[error="true"]': "a field whose answer is refused (thick red border)",
    'QPushButton[role="tile"]': "a tile: icon, title and one-line summary (a procedure)",
    'QLabel[role="tile-title"]': "a tile's title",
    'QLabel[role="tile-text"]': "a tile's one-line summary",
    'QLabel[role="tile-icon"]': "a tile's icon glyph",
    'QWidget[role="header"]': "the band at the top naming the site",
    'QLabel[role="site"]': "the site's name in the header",
    'QLabel[role="stepper"]': "« Étape n sur N »",
    'QFrame[role="step-done"]': "a segment of the stepper's bar already reached",
    'QFrame[role="step-todo"]': "a segment of the stepper's bar still to come",
    'QFrame[role="callout"]': "a callout for fees and deadlines (kind info or warning)",
    'QPushButton[role="key"]': "a character key of the on-screen keyboard",
    'QPushButton[role="key-action"]': "a keyboard action key (Majuscules, Effacer, Espace)",
    'QPushButton[role="key-ok"]': "the keyboard OK key",
    'QWidget[role="keyboard"]': "the on-screen keyboard background",
}
"""Selectors the style sheet gives a look to, and what each is for."""


class Palette(NamedTuple):
    """Named colours of one theme (#RRGGBB). A named tuple, not a dataclass: made in a fifth of
    the time, before the first screen is painted."""

    label: str
    background: str
    surface: str
    panel_border: str
    text: str
    title: str
    text_muted: str
    error: str
    on_danger: str
    success: str
    focus: str
    primary: str
    on_primary: str
    primary_pressed: str
    primary_focus_bg: str
    primary_focus_text: str
    secondary_text: str
    secondary_bg: str
    secondary_border: str
    secondary_pressed_bg: str
    secondary_focus_bg: str
    secondary_focus_text: str
    disabled_bg: str
    disabled_text: str
    key_text: str
    key_bg: str
    key_border: str
    key_pressed_bg: str
    key_pressed_text: str
    key_action_bg: str
    key_action_text: str
    field_text: str
    field_bg: str
    field_border: str
    placeholder: str
    selection_bg: str
    selection_text: str
    scroll_handle: str

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Backgrounds that text with a transparent background may sit on."""
        return tuple(dict.fromkeys((self.background, self.surface)))


STANDARD = Palette(
    label="Standard",
    background="#FFFFFF",
    surface="#F6F6F6",
    panel_border="#DDDDDD",
    text="#161616",
    title="#000091",  # bleu France
    text_muted="#3A3A3A",
    error="#A60400",  # DSFR #CE0500 is 5.8:1 on white; darkened to reach 7:1 on the panel
    on_danger="#FFFFFF",
    success="#0F5A2C",  # DSFR #18753C is 5.8:1; darkened likewise
    focus="#0A76F6",
    primary="#000091",
    on_primary="#FFFFFF",
    primary_pressed="#1212FF",
    primary_focus_bg="#000091",
    primary_focus_text="#FFFFFF",
    secondary_text="#000091",
    secondary_bg="#FFFFFF",
    secondary_border="#000091",
    secondary_pressed_bg="#E3E3FD",
    secondary_focus_bg="#FFFFFF",
    secondary_focus_text="#000091",
    disabled_bg="#E5E5E5",
    disabled_text="#3A3A3A",
    key_text="#161616",
    key_bg="#FFFFFF",
    key_border="#3A3A3A",
    key_pressed_bg="#000091",
    key_pressed_text="#FFFFFF",
    key_action_bg="#E3E3FD",
    key_action_text="#000091",
    field_text="#161616",
    field_bg="#FFFFFF",
    field_border="#3A3A3A",
    placeholder="#555555",
    selection_bg="#000091",
    selection_text="#FFFFFF",
    scroll_handle="#3A3A3A",
)

CONTRASTE = Palette(
    label="Contraste élevé",
    background="#000000",
    surface="#000000",
    panel_border="#FFFFFF",
    text="#FFFFFF",
    title="#FFFF00",
    text_muted="#FFFFFF",
    error="#FF9C9C",
    on_danger="#000000",
    success="#7FE08A",
    focus="#FFFF00",
    primary="#FFFFFF",
    on_primary="#000000",
    primary_pressed="#FFFF00",
    primary_focus_bg="#FFFFFF",  # a focused button keeps its fill: only chosen ones change
    primary_focus_text="#000000",
    secondary_text="#FFFFFF",
    secondary_bg="#000000",
    secondary_border="#FFFFFF",
    secondary_pressed_bg="#333333",
    secondary_focus_bg="#000000",
    secondary_focus_text="#FFFF00",
    disabled_bg="#000000",
    disabled_text="#BFBFBF",
    key_text="#FFFFFF",
    key_bg="#000000",
    key_border="#FFFFFF",
    key_pressed_bg="#FFFF00",
    key_pressed_text="#000000",
    key_action_bg="#000000",
    key_action_text="#FFFF00",
    field_text="#FFFFFF",
    field_bg="#000000",
    field_border="#FFFFFF",
    placeholder="#BFBFBF",
    selection_bg="#FFFF00",
    selection_text="#000000",
    scroll_handle="#FFFFFF",
)

THEMES: dict[ThemeName, Palette] = {"standard": STANDARD, "contraste": CONTRASTE}


class Metrics(NamedTuple):
    """Sizes in pixels. Heights are QSS content heights: padding and border come on top."""

    font_base: int
    font_title: int
    font_subtitle: int
    font_key: int
    button_height: int
    button_min_width: int
    choice_height: int
    choice_min_width: int
    field_height: int
    font_punctuation: int
    key_size: int
    key_size_compact: int
    """Key height when the window is short (1366x768, 1280x800): the field stays in view."""
    action_key_width: int
    pad_key_size: int


NORMAL_METRICS = Metrics(
    font_base=20,
    font_title=32,
    font_subtitle=24,
    font_key=26,
    button_height=40,
    button_min_width=120,
    choice_height=76,
    choice_min_width=240,
    field_height=40,
    font_punctuation=40,
    key_size=52,
    key_size_compact=44,
    action_key_width=130,
    pad_key_size=84,
)
LARGE_METRICS = Metrics(
    font_base=26,
    font_title=40,
    font_subtitle=31,
    font_key=32,
    button_height=48,
    button_min_width=140,
    choice_height=88,
    choice_min_width=280,
    field_height=48,
    font_punctuation=48,
    key_size=60,
    key_size_compact=40,
    action_key_width=160,
    pad_key_size=96,
)


def metrics(large_text: bool) -> Metrics:
    """Sizes for the normal or the larger-text setting."""
    return LARGE_METRICS if large_text else NORMAL_METRICS


@dataclass(frozen=True)
class Theme:
    """What `apply_theme` installed: kept on the application for later lookups."""

    name: ThemeName
    palette: Palette
    metrics: Metrics
    large_text: bool


@cache
def build_stylesheet(name: ThemeName, large_text: bool = False) -> str:
    """The filled style sheet of theme `name`; a missing placeholder raises KeyError.

    Memoised: the four looks are built once each (the first one before the first paint),
    then every switch of the mediator's toggles reuses the string.
    """
    template = Template(resource_path("styles", "kiosk.qss").read_text(encoding="utf-8"))
    values = {**THEMES[name]._asdict(), **metrics(large_text)._asdict()}
    return template.substitute({k: str(v) for k, v in values.items()})


def _qpalette(colours: Palette) -> QPalette:
    """A QPalette matching the theme, for widgets or dialogs the style sheet does not reach."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: colours.background,
        QPalette.ColorRole.WindowText: colours.text,
        QPalette.ColorRole.Base: colours.field_bg,
        QPalette.ColorRole.AlternateBase: colours.surface,
        QPalette.ColorRole.Text: colours.field_text,
        QPalette.ColorRole.PlaceholderText: colours.placeholder,
        QPalette.ColorRole.Button: colours.secondary_bg,
        QPalette.ColorRole.ButtonText: colours.secondary_text,
        QPalette.ColorRole.Highlight: colours.selection_bg,
        QPalette.ColorRole.HighlightedText: colours.selection_text,
        QPalette.ColorRole.ToolTipBase: colours.surface,
        QPalette.ColorRole.ToolTipText: colours.text,
        QPalette.ColorRole.Link: colours.title,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    return pal


def apply_theme(app: QApplication, name: ThemeName = "standard", large_text: bool = False) -> Theme:
    """Install theme `name` (and the larger text when asked) on the whole application.

    Can be called again at any time (the mediator's "contraste élevé" or "texte plus grand"
    toggles); every widget is restyled at once.
    """
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; known: {', '.join(THEME_NAMES)}")
    theme = Theme(name, THEMES[name], metrics(large_text), large_text)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(theme.metrics.font_base)
    app.setFont(font)
    app.setPalette(_qpalette(theme.palette))
    app.setStyleSheet(build_stylesheet(name, large_text))
    app.setProperty("kiosk_theme", name)
    app.setProperty("kiosk_large_text", large_text)
    return theme


def current_theme(app: QApplication) -> Theme:
    """The theme last installed by `apply_theme` (standard, normal text if none was)."""
    name = app.property("kiosk_theme")
    large = bool(app.property("kiosk_large_text"))
    chosen: ThemeName = name if name in THEMES else "standard"
    return Theme(chosen, THEMES[chosen], metrics(large), large)


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed (Qt does not do it alone)."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_role(widget: QWidget, role: str) -> None:
    """Give `widget` one of the looks listed in `ROLES` (e.g. "primary", "error")."""
    _restyle_with(widget, "role", role)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Show or clear the refused-answer look of a field (`[error="true"]`)."""
    _restyle_with(widget, "error", "true" if invalid else "false")


def _restyle_with(widget: QWidget, prop: str, value: str) -> None:
    """Set a property the style sheet reads, and style the widget again only if it changed:
    each page shown sets its stepper's segments and its fields' looks again, mostly to what
    they were, and styling a widget again costs a pass over the whole style sheet."""
    if widget.property(prop) == value:
        return
    widget.setProperty(prop, value)
    restyle(widget)
