"""Resumable document uploads (tus 1.0.0 core, creation, checksum) for the sync client.

The upload URL and offset are saved in the outbox after every accepted chunk,
so a cut connection or a killed process resends at most one chunk. A
completed upload keeps its id for good: the submission body cites it and must
stay byte-identical on every retry.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from typing import Protocol

from offline_queue.models import StoredDocument
from offline_queue.sync_http import (
    CentralHttp,
    PermanentFailure,
    TemporaryFailure,
    error_body,
    unexpected_answer,
)

log = logging.getLogger(__name__)

MAX_RESTARTS = 2  # new uploads after a 404 within one attempt
MAX_CHECKSUM_FAILURES = 3


class UploadProgress(Protocol):
    """The part of the outbox an upload writes to."""

    def save_upload(
        self, submission_id: str, index: int, upload_url: str | None, offset: int, complete: bool
    ) -> None: ...


class _UploadGone(Exception):
    """The server no longer knows the upload (404 or a length that is not ours)."""


def upload_id_of(upload_url: str) -> str:
    return upload_url.rstrip("/").rsplit("/", 1)[-1]


class DocumentUploader:
    """Sends one document and returns the id of its complete upload."""

    def __init__(self, http: CentralHttp, progress: UploadProgress, chunk_size: int) -> None:
        self._http = http
        self._progress = progress
        self._chunk_size = chunk_size

    def upload(self, submission_id: str, doc: StoredDocument, data: bytes) -> str:
        if doc.upload_complete and doc.upload_url:
            return upload_id_of(doc.upload_url)
        url = doc.upload_url
        restarts = 0
        while True:
            try:
                if url is None:
                    url = self._create(doc)
                    offset = 0
                else:
                    offset = self._offset(url, doc.size)
                self._send_from(submission_id, doc, data, url, offset)
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
            if "://" in location:
                return location
            return self._http.url(f"/v1/uploads/{upload_id_of(location)}")
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
        self, submission_id: str, doc: StoredDocument, data: bytes, url: str, offset: int
    ) -> None:
        if offset == doc.size:
            self._progress.save_upload(submission_id, doc.index, url, offset, True)
        checksum_failures = 0
        while offset < doc.size:
            chunk = data[offset : offset + self._chunk_size]
            digest = base64.b64encode(hashlib.sha256(chunk).digest()).decode("ascii")
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
            status = response.status_code
            if status == 204:
                new_offset = response.headers.get("Upload-Offset", "")
                if not new_offset.isdigit() or int(new_offset) != offset + len(chunk):
                    raise unexpected_answer(status)
                offset = int(new_offset)
                self._progress.save_upload(submission_id, doc.index, url, offset, offset == doc.size)
            elif status == 409:
                offset = self._offset(url, doc.size)
                if offset == doc.size:
                    self._progress.save_upload(submission_id, doc.index, url, offset, True)
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
