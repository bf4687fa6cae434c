"""Reusable accessibility checks and screenshots for widget tests.

    from tests.ui_checks import assert_accessible, assert_contrast, save_screenshot

    window.show(); qtbot.waitExposed(window)
    assert_accessible(window)              # names, descriptions, 44 px targets
    assert_contrast(window, 7.0)           # WCAG AAA for every visible text
    save_screenshot(window, "accueil-standard")   # test-artifacts/screens/accueil-standard.png

A widget may skip the description check only with a reason: give it an object name and pass
`exempt={"objectName": "why"}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ui.contrast import MIN_TARGET_PX, is_interactive, measure_text_contrast, small_targets

SCREENS_DIR = Path(__file__).resolve().parent.parent / "test-artifacts" / "screens"


def _settle(widget: QWidget) -> None:
    if not widget.isVisible():
        raise AssertionError(f"{widget!r} must be shown before it is checked")
    QApplication.processEvents()


def _label(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = f" «{text()}»" if callable(text) else ""
    return f"{type(widget).__name__} {widget.objectName()!r}{shown}"


def accessibility_problems(
    widget: QWidget, exempt: Mapping[str, str] | None = None, min_px: int = MIN_TARGET_PX
) -> list[str]:
    """Every visible interactive widget under `widget` lacking a name, a description, or
    size. `exempt` maps object names to the reason they need no description."""
    _settle(widget)
    exempt = dict(exempt or {})
    for name, reason in exempt.items():
        if not reason.strip():
            raise AssertionError(f"exemption for {name!r} needs a reason")
    problems = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not (child.isVisible() and is_interactive(child)):
            continue
        if not child.accessibleName().strip():
            problems.append(f"{_label(child)}: no accessibleName")
        if not child.accessibleDescription().strip() and child.objectName() not in exempt:
            problems.append(f"{_label(child)}: no accessibleDescription")
    problems += [
        f"{_label(w)}: {w.width()}x{w.height()} px, under {min_px}x{min_px}"
        for w in small_targets(widget, min_px)
    ]
    return problems


def assert_accessible(
    widget: QWidget, exempt: Mapping[str, str] | None = None, min_px: int = MIN_TARGET_PX
) -> None:
    """Fail listing each visible interactive widget without accessible name and description,
    or smaller than `min_px` x `min_px` (WCAG 2.5.5)."""
    problems = accessibility_problems(widget, exempt, min_px)
    assert not problems, "accessibility problems:\n" + "\n".join(problems)


def assert_contrast(widget: QWidget, minimum: float = 7.0) -> None:
    """Fail listing each visible label, button or field whose text contrast is under
    `minimum` (7.0 = WCAG AAA), measured on the rendered window."""
    _settle(widget)
    readings = measure_text_contrast(widget)
    assert readings, f"no visible text found under {_label(widget)}"
    low = [r.describe() for r in readings if r.ratio < minimum]
    assert not low, f"contrast under {minimum}:1:\n" + "\n".join(low)


def save_screenshot(widget: QWidget, name: str) -> Path:
    """Render `widget` to test-artifacts/screens/<name>.png and return the path."""
    _settle(widget)
    SCREENS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENS_DIR / f"{name}.png"
    if not widget.grab().save(str(path), "PNG"):
        raise AssertionError(f"could not write {path}")
    return path
