"""Receipt rendering time against plain reportlab documents, in the same run.

Two baselines: a bare one-paragraph page (Helvetica, nothing embedded), which
shows the absolute floor, and the same receipt text as plain paragraphs in the
same embedded font on one flowing A4 document, which is what the receipt
would cost with no layout of its own. The goal (at most 3x) is measured
against the second: the first differs from a receipt by its content, not by
any overhead of ours. Fonts are registered before timing, as a kiosk does once.
Usage: ``python benchmarks/bench_receipt.py [--rounds 30]``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from kiosk.procedures import load_catalogue
from kiosk.receipts import Receipt, build_receipt, render_pdf
from kiosk.receipts.render import FONT
from kiosk.receipts.wording import blocks
from offline_queue.snapshot import ReceiptSnapshot

GOAL_RATIO = 3.0


def sample_receipt(final: bool) -> Receipt:
    """A carte-grise request with two documents and three fees (a long-ish receipt)."""
    snapshot = {
        "id": "6f1c0d5e-8d0b-4c36-9a8e-2f1e4b7a9c10",
        "local_reference": "PN-7501-K02-000123",
        "procedure": {"code": "cg-changement-titulaire", "version": "1"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "answers": {"plate": "AB-123-CD", "nom": "MARTIN", "prenoms": "Élodie"},
        "documents": [{"kind": "cerfa_13750", "filename": "cerfa.pdf", "size": 183_422},
                      {"kind": "justificatif_domicile", "filename": "f.jpg", "size": 950_000}],
        "body_sha256": "3f2a9c01b7e4" + "0" * 52,
    }
    return build_receipt(
        ReceiptSnapshot.from_json(snapshot), load_catalogue().get("cg-changement-titulaire"),
        site_name="Préfecture — point numérique", final=final,
        dossier_number="ANTS-2026-00000042" if final else None,
        received_at=datetime(2026, 11, 30, 11, 0, tzinfo=UTC) if final else None,
    )


def minimal_document() -> bytes:
    """One paragraph on one A4 page, reportlab's own defaults."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph("Accusé d'enregistrement PN-7501-K02-000123", getSampleStyleSheet()["Normal"])]
    )
    return buffer.getvalue()


def same_text_document(receipt: Receipt) -> bytes:
    """Every sentence of the receipt as a plain paragraph, embedded font, no tables or QR."""
    style = getSampleStyleSheet()["Normal"].clone("plain", fontName=FONT, fontSize=12,
                                                  leading=15)
    texts: list[str] = []
    for block in blocks(receipt):
        texts += [block.text] if block.text else []
        texts += [f"{line.label} {line.value} {line.note}" for line in block.lines]
        texts += list(block.items)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph(escape(text), style) for text in texts]
    )
    return buffer.getvalue()


def median_ms(action: Callable[[], bytes], rounds: int) -> float:
    action()  # warm-up: imports, font registration, caches
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    provisional, final = sample_receipt(False), sample_receipt(True)
    render_pdf(provisional, "a4")  # registers the embedded fonts
    bare = median_ms(minimal_document, args.rounds)
    plain = median_ms(lambda: same_text_document(provisional), args.rounds)
    print(f"bare one-paragraph page (Helvetica)     : {bare:6.1f} ms (median of {args.rounds})")
    print(f"same text, plain paragraphs, DejaVu, A4 : {plain:6.1f} ms")
    worst = 0.0
    for name, made in (("provisional", provisional), ("final", final)):
        for fmt in ("a4", "thermal"):
            took = median_ms(lambda made=made, fmt=fmt: render_pdf(made, fmt), args.rounds)
            worst = max(worst, took / plain)
            print(f"receipt {name:<11} {fmt:<7}         : {took:6.1f} ms = "
                  f"{took / plain:.1f}x same-text, {took / bare:.0f}x bare page")
    verdict = "met" if worst <= GOAL_RATIO else "NOT met"
    print(f"goal (at most {GOAL_RATIO:g}x the same-text document): {verdict}, worst {worst:.1f}x")
    return 0 if worst <= GOAL_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
