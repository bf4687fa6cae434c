"""Reference central service: implements ``shared/central-api.md`` so the kiosk can be tested end to end."""

from reference_central.app import create_app
from reference_central.runner import RunningServer, serve_forever, serve_in_thread
from reference_central.store import STATUSES, CentralStore

__all__ = [
    "STATUSES",
    "CentralStore",
    "RunningServer",
    "create_app",
    "serve_forever",
    "serve_in_thread",
]
