"""Building blocks shared by every screen: big labelled buttons and a screen frame.

Elderly citizens need large targets, plain titles and one obvious next action;
putting these in one place keeps every screen alike and every control named
for screen readers.

The welcome screen is built from these before its first paint, so they set Qt enum
properties by key name (`set_by_name`) instead of touching PySide's `Qt` namespace, whose
first lookup builds about 90 Python enums (~11 ms of a ~130 ms start). Buttons keep the
normal arrow pointer: on the touch screen there is none, and their look says what they are.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr_core
from ui.theme import set_role

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

MIN_TARGET_PX = 56
SELECTED_SUFFIX = " (choisi)"


def name(widget: QWidget, accessible_name: str, description: str) -> QWidget:
    """Give a control the name and description a screen reader announces."""
    widget.setAccessibleName(accessible_name)
    widget.setAccessibleDescription(description)
    return widget


def set_by_name(target: QObject, prop: str, key: str) -> None:
    """Set the Qt enum (or flag) property ``prop`` by its key name, e.g.
    ``set_by_name(label, "textFormat", "PlainText")``; ValueError when Qt refuses it."""
    if not target.setProperty(prop, key):
        raise ValueError(f"{type(target).__name__} refuses {prop}={key!r}")


def big_button(text: str, description: str, role: str = "secondary") -> QPushButton:
    """A large push button with a QSS role the theme styles (primary, secondary, danger...)."""
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setMinimumHeight(MIN_TARGET_PX)
    button.setMinimumWidth(MIN_TARGET_PX * 2)
    button.setAutoDefault(False)
    name(button, text.replace("&", ""), description)
    return button


def text_label(text: str, role: str = "", *, rich: bool = False) -> QLabel:
    """A wrapping label; ``role`` is a theme role (title, subtitle, help, error, success)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    set_by_name(label, "textFormat", "RichText" if rich else "PlainText")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    set_by_name(label, "textInteractionFlags", "NoTextInteraction")
    return label


_leaving: dict[int, QWidget] = {}


def delete_later(widget: QWidget) -> None:
    """Delete ``widget`` on the GUI thread, at the next turn of the event loop, and keep it
    referenced until then: a widget without a parent belongs to Python, and if the collector
    freed it from a cycle on a pool thread, Qt would destroy it on that thread."""
    key = id(widget)
    _leaving[key] = widget
    widget.destroyed.connect(partial(_gone, key))
    widget.deleteLater()


def _gone(key: int, *_destroyed: object) -> None:
    _leaving.pop(key, None)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``.

    A widget keeps its parent until Qt deletes it at the next turn of the event loop:
    taking it out of its window first (``setParent(None)``) made Qt restyle it and all
    its children as a window of their own (thousands of style, font and palette events
    per citizen) only to delete them the moment after. A field in it that has the focus
    lets it go first: hiding it would hand the focus to the next field in line, whose
    screen could show it again before its rebuild."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            discard(widget)
        child = item.layout()
        if child is not None:
            clear_layout(child)


def discard(widget: QWidget) -> None:
    """Hide ``widget`` and have Qt delete it (see ``clear_layout``), its focus let go first."""
    focus = QApplication.focusWidget()
    if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
        focus.clearFocus()
    widget.hide()
    widget.deleteLater()


class _Body(QWidget):
    """A screen's scrolling body, as tall as its wrapped texts need at the width given.

    The word-wrap minimum of a QLabel is computed for a narrow column; the scroll area
    would size the body to it and show a scroll bar with nothing to scroll. With no
    minimum of its own, the body gets its height-for-width, which the area computes.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(0, 0)


class Screen(QWidget):
    """One page of the flow: a title, a scrolling body and a bar of actions at the bottom."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        self.title = text_label(title, "title")
        self.title.setAccessibleName(title)
        outer.addWidget(self.title)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        # Not the scroll bar's minimum: on a short screen with the keyboard open, the body
        # keeps what is left, and scrolls.
        self.scroller.setMinimumHeight(MIN_TARGET_PX + 16)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        set_by_name(self.scroller, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        # Tab goes from control to control (the area scrolls to each); a stop on the area
        # itself would show nothing focused.
        set_by_name(self.scroller, "focusPolicy", "NoFocus")
        body_holder = _Body()
        body_holder.setObjectName("screenBody")
        self.body = QVBoxLayout(body_holder)
        self.body.setSpacing(16)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.scroller.setWidget(body_holder)
        self.scroller.viewport().installEventFilter(self)
        self._kept: QWidget | None = None
        outer.addWidget(self.scroller, 1)
        self.keyboard_slot = QVBoxLayout()
        """Where the window puts the on-screen keyboard: under the body, above the actions,
        so Retour and Continuer stay at the bottom whether the keyboard is open or not."""
        self.keyboard_slot.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.keyboard_slot)
        self.action_bar = QHBoxLayout()
        self.action_bar.setSpacing(16)
        outer.addLayout(self.action_bar)

    def keep_visible(self, widget: QWidget | None) -> None:
        """Scroll ``widget`` into view now and whenever the body's view changes size (the
        keyboard opening under it); None stops."""
        self._kept = widget
        self._scroll_to_kept()

    def _scroll_to_kept(self) -> None:
        """Now, and once the body has its new height (it follows the view's, a turn later)."""
        kept = self._kept
        if kept is None or not kept.isVisible():
            return
        self._show_whole(kept)
        QTimer.singleShot(0, lambda: self._show_whole(kept) if self._kept is kept else None)

    def _show_whole(self, widget: QWidget) -> None:
        """Scroll so ``widget`` shows whole with a margin, with its question above it when
        both fit (a field's question is the top of its ``role="field"`` ancestor)."""
        body = self.scroller.widget()
        layout = body.layout() if body is not None else None
        if body is None or layout is None or not widget.isVisible():
            return
        layout.activate()  # the places in the body at its new height
        margin = 16
        top = widget.mapTo(body, QPoint(0, 0)).y()
        bottom = top + widget.height() + margin
        view = self.scroller.viewport().height()
        question = widget.parentWidget()
        while question is not None and question is not body and question.property("role") != "field":
            question = question.parentWidget()
        if question is not None and question is not body:
            question_top = question.mapTo(body, QPoint(0, 0)).y()
            if bottom - question_top <= view:
                top = question_top + margin
        bar = self.scroller.verticalScrollBar()
        if bottom > bar.value() + view:
            bar.setValue(bottom - view)
        if top - margin < bar.value():
            bar.setValue(max(top - margin, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize and watched is self.scroller.viewport():
            self._scroll_to_kept()
        return False

    def set_title(self, title: str) -> None:
        """Change the heading (screens reused for several steps)."""
        self.title.setText(title)
        self.title.setAccessibleName(title)

    def entered(self) -> None:
        """Called each time the screen is shown; screens refresh from the session here."""

    def wipe(self) -> None:
        """Forget everything the citizen typed or chose (end of session)."""



def set_choice(button: QPushButton) -> QPushButton:
    """Make ``button`` one of the big answers tapped on a page (oui/non, a choice, the
    welcome's two ways). The size comes from the theme: a style sheet's minimum wins
    over ``setMinimumHeight``."""
    button.setProperty("choice", True)
    return button


class Tile(QPushButton):
    """A DSFR-like tile: an icon, the title in bold and a one-line summary, all tappable.

    The texts are labels laid over the button (a push button draws one plain text); they
    let taps through, so the whole tile is one target, named by its title."""

    def __init__(self, title: str, detail: str, icon: QLabel | None = None) -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setAutoDefault(False)
        self.setMinimumHeight(MIN_TARGET_PX * 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        name(self, title, detail or title)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 12, 20, 12)
        row.setSpacing(20)
        self.glyph = icon if icon is not None else text_label("", "tile-icon")
        self.heading = text_label(title, "tile-title")
        self.summary = text_label(detail, "tile-text")
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.heading)
        texts.addWidget(self.summary)
        row.addWidget(self.glyph)
        row.addLayout(texts, 1)
        row.addWidget(text_label("›", "tile-icon"))
        self.glyph.setVisible(icon is not None)  # once in the tile: alone it would open a window
        self.summary.setVisible(bool(detail))
        for label in self.findChildren(QLabel):
            set_by_name(label, "focusPolicy", "NoFocus")
            label.setAttribute(_transparent_for_mouse(), True)

    def text(self) -> str:  # the tile's words, as a push button's text would give them
        return "\n".join(t for t in (self.heading.text(), self.summary.text()) if t)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        layout = self.layout()
        return max(layout.totalHeightForWidth(width) if layout is not None else 0,
                   MIN_TARGET_PX * 2)


def _transparent_for_mouse() -> Qt.WidgetAttribute:
    from PySide6.QtCore import Qt

    return Qt.WidgetAttribute.WA_TransparentForMouseEvents


def tile_button(title: str, detail: str, icon: QLabel | None = None) -> Tile:
    """A tile: ``icon`` (e.g. a ``ui.icons.Pictogram``), the title, and the first sentence of
    ``detail`` as its one-line summary."""
    first = detail.split(". ")[0].rstrip(".") + "." if detail else ""
    return Tile(title, first, icon)


class Callout(QFrame):
    """A DSFR-like callout: a coloured bar on the left, a bold heading and plain text, for
    what must not be missed (fees, deadlines). ``kind`` is "info" or "warning"."""

    def __init__(self, heading: str, text: str = "", kind: str = "info",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "callout")
        self.setProperty("kind", kind)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        self.heading = text_label(heading, "subtitle")
        self.text = text_label(text)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        self.text.setVisible(bool(text))

    def add_line(self, line: str) -> QLabel:
        """Another paragraph under the heading (one idea per line)."""
        label = text_label(line)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(label)
        return label


class FlowRow(QLayout):
    """Widgets side by side that wrap onto the next line when the width runs out: the
    header's buttons fit a portrait tower as well as a wide screen, at any text size."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._height_for: tuple[int, int] | None = None
        """The last width asked and its height: a layout pass asks the same several times."""

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt naming
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt naming
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt naming
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt naming
        from PySide6.QtCore import Qt

        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        if self._height_for is None or self._height_for[0] != width:
            self._height_for = (width, self._arrange(QRect(0, 0, width, 0), move=False))
        return self._height_for[1]

    def invalidate(self) -> None:
        """An item changed, or one was shown or hidden (Qt says so before each layout pass)."""
        self._height_for = None
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt naming
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """All on one line, as wished when the width allows."""
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt naming
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not ((w := i.widget()) is not None and w.isHidden())]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def show_selected(button: QPushButton, selected: bool) -> None:
    """Mark a choice as chosen: filled (primary) with a tick, or outlined (secondary).

    Not a checkable button: the state is in the look, the tick and the spoken
    description, which the theme's roles already cover in both themes.
    """
    text = button.text().removeprefix("✔ ")
    button.setText(f"✔ {text}" if selected else text)
    button.setProperty("selected", selected)
    description = button.accessibleDescription().removesuffix(SELECTED_SUFFIX)
    button.setAccessibleDescription(description + SELECTED_SUFFIX if selected else description)
    set_role(button, "primary" if selected else "secondary")


def is_selected(button: QPushButton) -> bool:
    return bool(button.property("selected"))


class Stepper(QWidget):
    """« Étape 2 sur 6 » over a bar of N segments, and « Étape suivante : … » (the DSFR
    stepper's content). The numbers come from the core (``kiosk.stepper``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.count = text_label("", "stepper")
        self.bar = QHBoxLayout()
        self.bar.setSpacing(6)
        self.following = text_label("", "help")
        self.line = QHBoxLayout()
        self.line.setSpacing(32)
        self.line.addWidget(self.count, 0)
        column.addLayout(self.line)
        column.addLayout(self.bar)
        column.addWidget(self.following)
        self._column = column

    def set_compact(self, compact: bool) -> None:
        """A short screen: « Étape suivante : … » beside « Étape n sur N », not under the bar."""
        self._column.removeWidget(self.following)
        self.line.removeWidget(self.following)
        if compact:
            self.line.addWidget(self.following, 1)
        else:
            self._column.addWidget(self.following)

    def show_progress(self, number: int, total: int, next_title: str) -> None:
        count = self.tr("Étape %1 sur %2").replace("%1", str(number)).replace("%2", str(total))
        self.count.setText(count)
        self.count.setAccessibleName(count)
        if self.bar.count() != total:
            clear_layout(self.bar)
            for _ in range(total):
                segment = QFrame()
                segment.setFixedHeight(8)
                self.bar.addWidget(segment)
        for index in range(total):
            item = self.bar.itemAt(index)
            part = item.widget() if item is not None else None
            if part is not None:
                set_role(part, "step-done" if index < number else "step-todo")
        self.following.setText(
            self.tr("Étape suivante : %1").replace("%1", tr_core(next_title)) if next_title else "")
        self.following.setVisible(bool(next_title))


class StatusLine(QWidget):
    """One message line whose look (plain, success, error) is fixed per label, not restyled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels = {kind: text_label("", kind) for kind in ("", "success", "error")}
        for label in self.labels.values():
            label.setVisible(False)
            layout.addWidget(label)
        self.setVisible(False)

    def say(self, text: str, kind: str = "") -> None:
        """Show ``text`` as plain (""), "success" or "error"; an empty text hides the line."""
        for name_, label in self.labels.items():
            label.setText(text if name_ == kind else "")
            label.setVisible(bool(text) and name_ == kind)
        self.setVisible(bool(text))

    def text(self) -> str:
        return next((label.text() for label in self.labels.values() if label.text()), "")

    @property
    def kind(self) -> str:
        return next((k for k, label in self.labels.items() if label.text()), "")
