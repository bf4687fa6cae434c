"""Kinetic scrolling: drag a long page with a finger (or the left mouse button) and it glides.

Touch screens at the kiosk often send mouse events, and elderly users rarely find a thin
scroll bar, so scroll areas should move when their content is dragged. Taps still reach the
buttons inside: QScroller only takes over once the finger has moved.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties

_PROPERTIES = {
    # No rubber-band past the ends: a page that bounces back looks broken to a novice.
    QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor: 0.0,
    QScrollerProperties.ScrollMetric.OvershootDragDistanceFactor: 0.0,
    QScrollerProperties.ScrollMetric.OvershootScrollDistanceFactor: 0.0,
    # Stop gliding soon, so the text the person was reading stays on screen.
    QScrollerProperties.ScrollMetric.DecelerationFactor: 0.5,
}


def enable_kinetic_scrolling(area: QAbstractScrollArea, touch: bool = False) -> QScroller:
    """Let `area` scroll by dragging its content with the left mouse button (the default,
    which is what most kiosk touch screens send) or with real touch events (`touch=True`).
    Returns the scroller (e.g. to `scrollTo` a field above the on-screen keyboard)."""
    gesture = (
        QScroller.ScrollerGestureType.TouchGesture
        if touch
        else QScroller.ScrollerGestureType.LeftMouseButtonGesture
    )
    viewport = area.viewport()
    QScroller.grabGesture(viewport, gesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    for metric, value in _PROPERTIES.items():
        props.setScrollMetric(metric, value)
    scroller.setScrollerProperties(props)
    return scroller


def disable_kinetic_scrolling(area: QAbstractScrollArea) -> None:
    """Undo `enable_kinetic_scrolling` (e.g. while a drawing or signature pad is shown)."""
    QScroller.ungrabGesture(area.viewport())
