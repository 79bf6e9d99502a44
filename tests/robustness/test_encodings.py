"""Text exports in the encodings Windows tools write, a stray cp1252 line, binary data
named .txt, and ``%PDF-`` quoted inside a text export."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main
from councildocs.extract.text import decode_text

from ..conftest import FIXTURES

REPORT = FIXTURES / "west_of_england_report.txt"


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _content(pack) -> dict:
    """The pack as JSON, without what names the file rather than its text."""
    data = json.loads(pack.model_dump_json(by_alias=True))
    data["source"].pop("path")
    data["source"].pop("sha256")
    for document in data["documents"]:
        document.pop("source_path", None)
    return data


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_an_export_with_a_byte_order_mark_reads_as_its_utf8_twin(tmp_path, encoding):
    text = REPORT.read_text(encoding="utf-8")
    assert "£" in text  # a character beyond ASCII, to show the decoding
    data = text.encode(encoding)
    if encoding.endswith("-be"):  # Python writes no mark for an explicit byte order
        data = "\ufeff".encode(encoding) + data
    exported = tmp_path / "report.txt"
    exported.write_bytes(data)
    assert _content(councildocs.parse(exported)) == _content(councildocs.parse(REPORT))


def test_a_stray_cp1252_line_leaves_the_utf8_lines_alone():
    data = (
        "Café opening hours – the review\n".encode()
        + "The budget is £1,200 for the year’s work\n".encode("cp1252")
        + "Cyngor Sir Ynys Môn\n".encode()
    )
    assert decode_text("x.txt", data) == (
        "Café opening hours – the review\n"
        "The budget is £1,200 for the year’s work\n"
        "Cyngor Sir Ynys Môn\n"
    )


def test_random_bytes_are_not_taken_for_text(tmp_path):
    noise = bytes(b for b in random.Random(13).randbytes(8192) if b)  # no NUL at all
    path = tmp_path / "noise.txt"
    path.write_bytes(noise)
    result = _invoke("parse", path)
    assert result.exit_code == 2
    assert result.stderr == f"councildocs: error: {path}: not a text file (it holds binary data)\n"


def test_a_text_export_quoting_the_pdf_header_stays_text(tmp_path):
    text = REPORT.read_text(encoding="utf-8")
    quoting = tmp_path / "report.txt"
    quoting.write_text(text.replace("\n\n", "\nSubmit the signed %PDF-1.7 file.\n\n", 1))
    pack = councildocs.parse(quoting)
    assert pack.source.format == "text"
    assert pack.documents[0].title == "Bus Shelter Renewal Programme 2025-26"


def test_a_pdf_behind_a_short_prefix_is_still_a_pdf(tmp_path):
    # PDF readers look for the header within the first KiB; a .pdf keeps that tolerance
    prefixed = tmp_path / "prefixed.pdf"
    prefixed.write_bytes(
        b"X-Gateway: scanned\r\n" + (FIXTURES / "kent_cabinet_pack.pdf").read_bytes()
    )
    assert councildocs.parse(prefixed).source.format == "pdf"
