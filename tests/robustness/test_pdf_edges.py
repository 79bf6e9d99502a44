"""PDFs at the edges: no pages at all, an outline nested deeper than packs nest, and what
the PDF library logs on the way."""

from __future__ import annotations

import io
import subprocess
import sys

from click.testing import CliRunner

from councildocs.cli import main


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (1 the catalog), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_pdf_with_no_pages_says_so(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(_pdf([b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]))
    result = _invoke("parse", empty)
    assert result.exit_code == 2
    assert result.stderr == f"councildocs: error: {empty}: the PDF has no pages\n"


def _deep_outline_pdf(levels: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for level in range(levels):
        pdf.add_page()
        pdf.start_section(f"Heading at level {level}", level=level)
        pdf.cell(text=f"The section at outline level {level}.")
    return bytes(pdf.output())


def test_an_outline_deeper_than_four_levels_is_kept_without_a_stray_warning(tmp_path):
    deep = tmp_path / "deep.pdf"
    deep.write_bytes(_deep_outline_pdf(7))
    result = _invoke("parse", deep, "--no-cache")
    assert result.exit_code == 0
    assert result.stderr == ""  # pypdfium2 logged "Maximum recursion depth 4 reached"
    import json

    outline = json.loads(result.stdout)["source"]["outline"]
    assert [(entry["title"], entry["level"]) for entry in outline] == [
        (f"Heading at level {level}", level) for level in range(7)
    ]


_LOGGING_RUN = """
import logging, sys
from councildocs.extract import pdf as pdf_reader
facts = pdf_reader._document_facts
def logging_facts(document):
    logging.getLogger("pypdfium2._helpers.document").warning(
        "A circular bookmark reference\\nwas detected\\x1b[2J"
    )
    return facts(document)
pdf_reader._document_facts = logging_facts
from councildocs.cli import main
main(["parse", sys.argv[1], "--no-cache", "-o", sys.argv[2]])
"""


def test_what_a_library_logs_is_one_prefixed_line(tmp_path):
    """Run in a real process: the file is read in a worker of its own, which writes to the
    process's stderr, where a test runner's captured stream does not reach."""
    deep = tmp_path / "deep.pdf"
    deep.write_bytes(_deep_outline_pdf(2))
    run = subprocess.run(
        [sys.executable, "-c", _LOGGING_RUN, str(deep), str(tmp_path / "out.json")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0
    assert run.stderr == (
        "councildocs: warning: pypdfium2: A circular bookmark reference\\nwas detected\\x1b[2J\n"
    )
