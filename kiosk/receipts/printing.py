"""Send a receipt to the kiosk's printer, without any dialog.

CUPS ``lp`` is the normal path; an ESC/POS printer (``escpos_device``) is
driven directly when configured, and ``printer_pdf_dir`` turns printing into
saving a PDF file (the demo, or a site without a printer). Every failure becomes a ``PrintError`` whose
message tells the mediator what to check; the receipt itself is never lost,
since it is rebuilt from the queue for the next attempt.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from kiosk.config import KioskConfig
from kiosk.receipts.errors import PrintError, print_failure
from kiosk.receipts.escpos_output import print_escpos
from kiosk.receipts.model import Receipt
from kiosk.receipts.print_log import PrintLog, PrintLogError, PrintRecord
from kiosk.receipts.render import Format, RenderedReceipt, render_receipt

log = logging.getLogger(__name__)

JOB_TITLE = "Recu point numerique"

# Words in CUPS messages (English or French) and what they mean for the mediator.
_LP_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("printer_not_found", ("does not exist", "unknown destination", "not found",
                           "n'existe pas", "n’existe pas", "introuvable", "inconnue")),
    ("no_paper", ("media-empty", "out of paper", "paper", "papier")),
    ("refused", ("not accepting", "disabled", "refus", "désactiv", "rejected", "stopped")),
)


def _error(code: str, printer: str, detail: str = "") -> PrintError:
    messages = {
        "no_printer": "Aucune imprimante n’est configurée sur cette borne (réglage "
                      "printer.name). Prévenez le support informatique.",
        "lp_missing": "Le service d’impression (CUPS, commande « lp ») n’est pas installé "
                      "sur ce poste. Prévenez le support informatique.",
        "printer_not_found": f"L’imprimante « {printer} » est introuvable. Vérifiez qu’elle "
                             "est allumée et branchée, puis réessayez.",
        "no_paper": f"L’imprimante « {printer} » n’a plus de papier. Remettez du papier, "
                    "puis réessayez.",
        "refused": f"L’imprimante « {printer} » refuse les impressions pour le moment. "
                   "Elle est peut-être en pause ou en erreur. Vérifiez-la, puis réessayez.",
        "timeout": f"L’imprimante « {printer} » ne répond pas. Vérifiez qu’elle est allumée "
                   "et branchée, puis réessayez.",
        "failed": f"L’impression sur « {printer} » a échoué ({detail}). Vérifiez "
                  "l’imprimante, puis réessayez.",
        "pdf_dir": f"Le reçu n’a pas pu être enregistré dans le dossier « {printer} » "
                   f"({detail}). Prévenez le support informatique.",
    }
    return print_failure(code, messages[code])


def _classify(text: str) -> str:
    lowered = text.lower()
    for code, words in _LP_PATTERNS:
        if any(word in lowered for word in words):
            return code
    return "failed"


def _run(command: Sequence[str], printer: str, timeout_s: float,
         data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(list(command), input=data, capture_output=True,
                              timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise _error("timeout", printer) from None


def _check_printer_state(printer: str, timeout_s: float) -> None:
    """Ask CUPS first: a paused or paperless printer would silently hold the job."""
    try:
        state = _run(["lpstat", "-l", "-p", printer], printer, timeout_s)
    except FileNotFoundError:
        return
    output = (state.stdout + state.stderr).decode("utf-8", "replace")
    if state.returncode != 0:
        raise _error(_classify(output), printer, output.strip()[:200])
    lowered = output.lower()
    if "media-empty" in lowered or "media-needed" in lowered:
        raise _error("no_paper", printer)
    if " disabled" in lowered or "désactiv" in lowered:
        raise _error("refused", printer)


def print_pdf(pdf: bytes, config: KioskConfig, *, media: str | None = None,
              timeout_s: float = 30.0) -> None:
    """Send ``pdf`` to ``config.printer_name`` with ``lp``; raise ``PrintError`` on failure.

    The PDF goes through standard input, so no copy of the receipt is left on disk.
    """
    printer = config.printer_name
    if not printer:
        raise _error("no_printer", printer)
    command = ["lp", "-d", printer, "-t", JOB_TITLE]
    if media:
        command += ["-o", f"media={media}"]
    try:
        _check_printer_state(printer, timeout_s)
        result = _run(command, printer, timeout_s, data=pdf)
    except FileNotFoundError:
        raise _error("lp_missing", printer) from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip()
        log.warning("lp failed for printer %s (exit %s): %s", printer, result.returncode,
                    detail[:300])
        raise _error(_classify(detail), printer, detail[:200] or f"code {result.returncode}")
    log.info("receipt sent to printer %s", printer)


def save_pdf(pdf: bytes, folder: Path, name: str) -> Path:
    """The "PDF folder" printer (demo, or a site without a printer): owner-only file, whole or absent."""
    target = folder / name
    partial = folder / f".{name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _error("pdf_dir", str(folder), exc.strerror or type(exc).__name__) from None
    log.info("receipt saved as a PDF in the receipts folder")
    return target


def media_for(rendered: RenderedReceipt, fmt: Format) -> str:
    """The CUPS media name of a rendered receipt: A4, or the roll cut at its length."""
    if fmt == "a4":
        return "A4"
    return f"Custom.{rendered.width_mm:.0f}x{rendered.height_mm:.0f}mm"


def print_receipt(
    receipt: Receipt,
    config: KioskConfig,
    *,
    who: str,
    print_log: PrintLog | None,
    fmt: Format | None = None,
    full: bool | None = None,
    timeout_s: float = 30.0,
) -> PrintRecord | None:
    """Print on the configured printer and record the attempt (also when it fails).

    ``who`` is the mediator id or ``"citoyen"``. Returns the log entry (None
    without a log). Raises ``PrintError`` after recording a failure.
    """
    chosen: Format = fmt or ("a4" if config.printer_format == "a4" else "thermal")
    try:
        if config.printer_pdf_dir is not None:
            save_pdf(render_receipt(receipt, chosen, full).pdf, config.printer_pdf_dir,
                     f"{receipt.local_reference}-{receipt.kind}.pdf")
        elif config.escpos_device:
            print_escpos(receipt, config.escpos_device)
        else:
            rendered = render_receipt(receipt, chosen, full)
            print_pdf(rendered.pdf, config, media=media_for(rendered, chosen),
                      timeout_s=timeout_s)
    except PrintError as exc:
        if print_log is not None:
            try:
                print_log.record(who=who, kind=receipt.kind,
                                 submission_id=receipt.submission_id,
                                 fmt="escpos" if config.escpos_device else chosen,
                                 error_code=exc.code)
            except PrintLogError:
                log.warning("print log unavailable: failed print of %s not recorded",
                            receipt.submission_id)
        raise
    if print_log is None:
        return None
    return print_log.record(who=who, kind=receipt.kind, submission_id=receipt.submission_id,
                            fmt="escpos" if config.escpos_device else chosen)
