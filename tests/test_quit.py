"""« Quitter la démarche »: from every page of a request, the same wipe as the idle wipe."""

from __future__ import annotations

import random

import pytest
from test_flow import CONFIG, reach

from kiosk.flow import REQUEST_PAGES, NoTransition, Page, Visit
from kiosk.procedures import Catalogue


@pytest.mark.parametrize("page", REQUEST_PAGES)
def test_quit_from_every_page_of_a_request_forgets_everything(catalogue: Catalogue, page: Page) -> None:
    visit = Visit(CONFIG, catalogue)
    reach(visit, page, random.Random(5))
    assert visit.page is page and visit.can_quit
    session = visit.session
    visit.call_mediator()
    visit.quit()
    assert visit.page is Page.WELCOME
    assert (visit.session, visit.procedure, visit.mediator) == (None, None, None)
    assert not visit.mediator_called
    assert session is None or (session.answers == {} and not session.documents)


@pytest.mark.parametrize("page", [Page.WELCOME, Page.QUEUE, Page.CONFIRMATION, Page.END])
def test_no_quit_outside_a_request(catalogue: Catalogue, page: Page) -> None:
    visit = Visit(CONFIG, catalogue)
    reach(visit, page, random.Random(5))
    assert not visit.can_quit
    with pytest.raises(NoTransition):
        visit.quit()
