"""Resumable document uploads (tus 1.0.0 core, creation, checksum) for the sync client.

The upload URL is saved in the outbox as soon as the server creates it, so a
cut connection or a killed process resumes with ``HEAD`` (the server's offset
is the truth) and resends at most one chunk. The offset itself is saved only
every ``PLACE_EVERY_S``, for ``kiosk queue show``: each save rewrites the
document's row, whose encrypted bytes it holds. A completed upload keeps
its id for good (the server never expires one a submission cites): the body
cites it, must stay byte-identical on every retry, and the file is never sent
again.

Chunks last about a second on the line (``ChunkSizer``): the smallest on a
slow line, so a cut costs little, larger on a fast one, so fewer requests.

``Location`` may be absolute: it is followed only when its scheme, host and port
are those of the base URL, so neither the token nor a byte goes to another origin.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import time
from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlsplit

from offline_queue.central_url import same_origin
from offline_queue.models import StoredDocument
from offline_queue.sync_http import (
    LATER,
    CentralHttp,
    PermanentFailure,
    TemporaryFailure,
    error_body,
    unexpected_answer,
)

log = logging.getLogger(__name__)

MAX_RESTARTS = 2  # new uploads after a 404 within one attempt
MAX_CHECKSUM_FAILURES = 3
CHUNK_TARGET_S = 1.0  # a chunk takes about this long on the line, so a cut costs about this
GROWTH = 4  # how much larger the next chunk may be than the last
PLACE_EVERY_S = 10.0  # an unfinished upload's offset is saved this often at most


class UploadProgress(Protocol):
    """The part of the outbox an upload writes to."""

    def save_upload(
        self, submission_id: str, index: int, upload_url: str | None, offset: int, complete: bool,
        durable: bool | None = None,
    ) -> None: ...


class _UploadGone(Exception):
    """The server no longer knows the upload (404 or a length that is not ours)."""


def upload_id_of(upload_url: str) -> str:
    return urlsplit(upload_url).path.rstrip("/").rsplit("/", 1)[-1]


Sent = Callable[[int], None]
"""Told the document's bytes the server holds, after each accepted chunk."""


class ChunkSizer:
    """Chunks of about ``CHUNK_TARGET_S`` on the line as measured, between two bounds.

    On a slow line every chunk is the smallest, so a cut resends little; on a fast one
    chunks grow (at most fourfold each time), so fewer requests and fsyncs are paid
    for the same bytes. A failure starts again from the smallest."""

    def __init__(self, smallest: int, largest: int, monotonic: Callable[[], float]) -> None:
        self.smallest = smallest
        self.largest = max(smallest, largest)
        self.size = smallest
        self._monotonic = monotonic
        self._started = 0.0

    def start(self) -> int:
        self._started = self._monotonic()
        return self.size

    def accepted(self, length: int) -> None:
        elapsed = self._monotonic() - self._started
        wanted = length / elapsed * CHUNK_TARGET_S if elapsed > 0 else self.largest
        self.size = int(min(self.largest, GROWTH * self.size, max(self.smallest, wanted)))

    def failed(self) -> None:
        self.size = self.smallest


class DocumentUploader:
    """Sends one document and returns the id of its complete upload."""

    def __init__(
        self, http: CentralHttp, progress: UploadProgress, chunk_size: int,
        max_chunk_size: int | None = None, monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._progress = progress
        self.chunks = ChunkSizer(chunk_size, max_chunk_size or chunk_size, monotonic)
        self._monotonic = monotonic
        self._durable = True

    def upload(
        self, submission_id: str, doc: StoredDocument, data: bytes, sent: Sent | None = None,
        *, durable: bool = True,
    ) -> str:
        """The upload id once the server holds the whole document. ``durable=False`` leaves
        the fsync of its completion to a later commit (the caller's next document's)."""
        self._durable = durable
        if doc.upload_complete and doc.upload_url:
            return upload_id_of(doc.upload_url)
        url = doc.upload_url
        if url is not None and not same_origin(url, self._http.base_url):
            # Saved under another central address (IT changed it): the id is the service's,
            # the address is today's.
            url = self._http.url(f"/v1/uploads/{upload_id_of(url)}")
        restarts = 0
        while True:
            try:
                if url is None:
                    url = self._create(doc)
                    # Saved before the first PATCH: a cut there resumes this upload with HEAD
                    # instead of creating another one.
                    self._progress.save_upload(submission_id, doc.index, url, 0, False)
                    offset = 0
                else:
                    offset = self._offset(url, doc.size)
                self._send_from(submission_id, doc, data, url, offset, sent or _ignore)
                return upload_id_of(url)
            except _UploadGone:
                restarts += 1
                log.info("upload of %s#%d unknown to the server, starting again", submission_id, doc.index)
                self._progress.save_upload(submission_id, doc.index, None, 0, False)
                url = None
                if restarts > MAX_RESTARTS:
                    raise TemporaryFailure(
                        "Le service central perd les documents en cours d'envoi : "
                        "nouvel essai automatique plus tard, rien n'est perdu."
                    ) from None

    def _create(self, doc: StoredDocument) -> str:
        metadata = ",".join(
            f"{key} {base64.b64encode(value.encode('utf-8')).decode('ascii')}"
            for key, value in (
                ("sha256", doc.sha256),
                ("content_type", doc.content_type),
                ("filename", doc.filename),
            )
        )
        response = self._http.request(
            "POST",
            self._http.url("/v1/uploads"),
            headers={"Upload-Length": str(doc.size), "Upload-Metadata": metadata},
        )
        location = response.headers.get("Location")
        if response.status_code == 201 and location:
            if "://" not in location:
                return self._http.url(f"/v1/uploads/{upload_id_of(location)}")
            if same_origin(location, self._http.base_url):
                return location
            log.warning(
                "upload Location points at another origin (%s): nothing sent there",
                urlsplit(location).netloc,
            )
            raise TemporaryFailure(
                "Le service central indique une adresse d'envoi sur un autre serveur : "
                "rien n'y est envoyé, prévenez l'assistance informatique ; " + LATER
            )
        if response.status_code == 413:
            raise PermanentFailure(
                f"Le document « {doc.kind} » est trop gros pour le service central : "
                "remplacez-le par une version plus légère (moins de pages ou moins de couleurs).",
                [{"field": f"documents[{doc.index}]", **error_body(response)}],
            )
        if response.status_code == 400:
            raise PermanentFailure(
                f"Le service central refuse l'envoi du document « {doc.kind} » (erreur 400) : "
                "appelez l'assistance informatique.",
                [{"field": f"documents[{doc.index}]", **error_body(response)}],
            )
        raise unexpected_answer(response.status_code)

    def _offset(self, url: str, size: int) -> int:
        response = self._http.request("HEAD", url)
        if response.status_code in (404, 410):
            raise _UploadGone
        offset = response.headers.get("Upload-Offset", "")
        length = response.headers.get("Upload-Length", "")
        if response.status_code != 200 or not offset.isdigit():
            raise unexpected_answer(response.status_code)
        if (length and length != str(size)) or int(offset) > size:
            raise _UploadGone
        return int(offset)

    def _send_from(
        self, submission_id: str, doc: StoredDocument, data: bytes, url: str, offset: int,
        sent: Sent,
    ) -> None:
        sent(offset)
        if offset == doc.size:
            self._progress.save_upload(submission_id, doc.index, url, offset, True, self._durable)
        checksum_failures = 0
        saved_at = self._monotonic()
        while offset < doc.size:
            chunk = data[offset : offset + self.chunks.start()]
            digest = base64.b64encode(hashlib.sha256(chunk).digest()).decode("ascii")
            try:
                response = self._http.request(
                    "PATCH",
                    url,
                    data=chunk,
                    headers={
                        "Content-Type": "application/offset+octet-stream",
                        "Upload-Offset": str(offset),
                        "Upload-Checksum": f"sha256 {digest}",
                    },
                )
            except TemporaryFailure:
                self.chunks.failed()
                raise
            status = response.status_code
            if status == 204:
                self.chunks.accepted(len(chunk))
                new_offset = response.headers.get("Upload-Offset", "")
                if not new_offset.isdigit() or int(new_offset) != offset + len(chunk):
                    raise unexpected_answer(status)
                offset = int(new_offset)
                complete = offset == doc.size
                if complete or self._monotonic() - saved_at >= PLACE_EVERY_S:
                    self._progress.save_upload(
                        submission_id, doc.index, url, offset, complete, complete and self._durable
                    )
                    saved_at = self._monotonic()
                sent(offset)
            elif status == 409:
                offset = self._offset(url, doc.size)
                sent(offset)
                if offset == doc.size:
                    self._progress.save_upload(submission_id, doc.index, url, offset, True, self._durable)
            elif status in (404, 410):
                raise _UploadGone
            elif status == 460:
                checksum_failures += 1
                if checksum_failures >= MAX_CHECKSUM_FAILURES:
                    raise TemporaryFailure(
                        "Le document arrive abîmé au service central (réseau de mauvaise "
                        "qualité ?) : nouvel essai automatique plus tard, rien n'est perdu."
                    )
            elif status in (400, 412, 413, 415):
                raise PermanentFailure(
                    f"Le service central refuse une partie du document « {doc.kind} » "
                    f"(erreur {status}) : appelez l'assistance informatique.",
                    [{"field": f"documents[{doc.index}]", **error_body(response)}],
                )
            else:
                raise unexpected_answer(status)


def _ignore(offset: int) -> None:
    """No one listens to this upload's progress."""
