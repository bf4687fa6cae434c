"""The window's screens, each built on the GUI thread at its first use.

Building all of them at start kept the first tap waiting (16 screens, 0.1 to
0.5 s depending on the load). The window now holds a recipe per screen
(``ui.screen_recipes``): the list of procedures as soon as the catalogue is
read, the others once the queue and the accounts are open. A screen is built
when its page is first shown or when code reads ``window.<name>``; once the
services are attached the rest are built one per turn of the event loop
(``WarmUp``), so no tap waits for more than one screen. Recipes run on the GUI thread
only: a widget made elsewhere would be destroyed on the wrong thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.flow import Page
from ui.screens.common import Screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

S = TypeVar("S", bound=Screen)
Recipe = Callable[[], Screen]

WARM_UP_MS = 0
"""Between two screens built ahead of use: one turn of the event loop, time for a tap."""


class ScreenShelf:
    """Which screen shows which page, built when first asked for.

    ``place`` puts a newly built screen in the window (its stack, its list of screens).
    """

    def __init__(self, place: Callable[[Screen], None]) -> None:
        self._place = place
        self._recipes: dict[str, Recipe] = {}
        self._names: dict[Page, str] = {}
        self._built: dict[str, Screen] = {}

    def add(self, name: str, recipe: Recipe, *pages: Page) -> None:
        """The screen ``name`` for ``pages``, built by ``recipe`` at its first use."""
        self._recipes[name] = recipe
        for page in pages:
            self._names[page] = name

    def __setitem__(self, page: Page, screen: Screen) -> None:
        """A screen built and placed by the window itself (the welcome screen)."""
        name = page.value
        self._built[name] = screen
        self._names[page] = name

    def get(self, page: Page) -> Screen | None:
        """The screen of ``page``, built now if needed; None while its recipe waits for the
        kiosk's services (the queue, the accounts), still loading."""
        name = self._names.get(page)
        return None if name is None else self.build(name)

    def build(self, name: str) -> Screen:
        screen = self._built.get(name)
        if screen is None:
            recipe = self._recipes.get(name)
            if recipe is None:
                raise LookupError(f"screen {name!r}: what it needs is not attached yet")
            screen = recipe()
            screen.setProperty("role", "page")
            self._built[name] = screen
            self._place(screen)
        return screen

    def is_built(self, name: str) -> bool:
        return name in self._built

    def pages(self) -> set[Page]:
        return set(self._names)

    def waiting(self) -> list[str]:
        """Recipes not built yet, in the order they were added."""
        return [name for name in self._recipes if name not in self._built]

    def forget(self) -> None:
        """Every recipe and screen dropped (the language changed: all are made again)."""
        self._recipes.clear()
        self._names.clear()
        self._built.clear()


class OnShelf(Generic[S]):
    """``window.picker`` and the like: the shelf's screen of that name, built at first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, window: None, owner: type) -> OnShelf[S]: ...

    @overload
    def __get__(self, window: object, owner: type) -> S: ...

    def __get__(self, window: object | None, owner: type) -> OnShelf[S] | S:
        if window is None:
            return self
        shelf: ScreenShelf = cast(Any, window).pages
        return cast(S, shelf.build(self.name))


class WarmUp(QObject):
    """Builds the screens not used yet, one per turn of the event loop, on the GUI thread."""

    done = Signal()
    """Every screen is built: the kiosk is as it will stay."""

    def __init__(self, shelf: ScreenShelf, parent: QWidget) -> None:
        super().__init__(parent)
        self._shelf = shelf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WARM_UP_MS)
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        self._timer.start()

    def _next(self) -> None:
        waiting = self._shelf.waiting()
        if waiting:
            self._shelf.build(waiting[0])
        if len(waiting) > 1:
            self._timer.start()
        else:
            self.done.emit()
