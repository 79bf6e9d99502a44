"""Damaged and oversized pages cost only themselves; memory grows with the input, no faster.

Generated here: a three-page PDF whose second page object is not a page, the Wolverhampton
fixture cut to half its bytes, and pages drawing tens of thousands of paths.
"""

from __future__ import annotations

import json
import os
import tracemalloc
import zlib

import pytest

import councildocs
from councildocs.extract.pdf import MAX_DRAWINGS_PER_PAGE
from councildocs.linter import lint
from councildocs.rules import get

from ..conftest import FIXTURES
from ..fixtures.pdf_objects import pdf_file

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(contents: int) -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % contents
    )


def _stream(content: bytes) -> bytes:
    data = zlib.compress(content, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def _text(words: str) -> bytes:
    return _stream(b"BT /F1 14 Tf 72 720 Td (%s) Tj ET" % words.encode())


def test_a_page_pdfium_cannot_load_is_listed_and_the_others_are_read(tmp_path):
    # objects: 1 catalog, 2 page tree, 3 font, 4-6 the pages (5 is a number, not a page)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >>",
        HELVETICA,
        _page(7),
        b"42",
        _page(8),
        _text("Minutes of the Parish Council meeting"),
        _text("Signed by the Chairman of the Council"),
    ]
    path = tmp_path / "one_bad_page.pdf"
    path.write_bytes(pdf_file(objects))
    pack = councildocs.parse(path)
    assert pack.source.page_count == 3
    assert pack.source.unreadable_pages == [2]
    assert pack.source.pages_without_text == []  # not a scan: OCR and PUB004 leave it be
    text = json.dumps(json.loads(pack.model_dump_json()))
    assert "Minutes of the Parish Council meeting" in text
    assert "Signed by the Chairman of the Council" in text
    [finding] = lint(pack, [get("PUB005")])
    assert (finding.code, finding.page) == ("PUB005", 2)
    assert "page 2 of the file cannot be loaded" in finding.message


def test_pub005_passes_a_pdf_whose_pages_all_load_and_a_text_export():
    rule = [get("PUB005")]
    assert lint(councildocs.parse(FIXTURES / "kent_cabinet_pack.pdf"), rule) == []
    assert lint(councildocs.parse(FIXTURES / "programme_heading_pack.txt"), rule) == []


def test_a_truncated_pdf_keeps_what_its_surviving_pages_hold(tmp_path):
    whole = (FIXTURES / "wolverhampton_pack.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])  # the catalog and xref, at the end, are gone
    pack = councildocs.parse(cut)
    # the first 16 of the 26 pages survive the cut (PDFium loads them; the rest it cannot)
    assert pack.source.page_count == 26
    assert pack.source.unreadable_pages == list(range(17, 27))
    expected = json.loads((FIXTURES / "expected" / "wolverhampton_pack.pdf.json").read_text())
    # the agenda (pages 1-2) and the minutes (pages 3-8) as a person checked them
    assert [i.title for i in pack.agenda.items] == [i["title"] for i in expected["agenda"]["items"]]
    [minutes] = [d for d in pack.documents if d.kind == "minutes"]
    [expected_minutes] = [d for d in expected["documents"] if d["kind"] == "minutes"]
    assert [m.name for m in minutes.attendance.members] == [
        m["name"] for m in expected_minutes["attendance"]["members"]
    ]
    assert [r.text for r in minutes.items[0].resolutions] == [
        r["text"] for r in expected_minutes["items"][0]["resolutions"]
    ]
    codes = [f.code for f in lint(pack, [get("PUB005")])]
    assert codes == ["PUB005"] * 10


def test_a_pdf_cut_before_any_page_is_one_clean_error(tmp_path):
    whole = (FIXTURES / "wolverhampton_pack.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[:200])  # the page tree's start, no page
    with pytest.raises(councildocs.UnreadableInput):
        councildocs.parse(cut)


def _paths_pdf(tmp_path, paths: int):
    """A page of ``paths`` short strokes and one line of text."""
    strokes = b"".join(
        b"%d %d m %d %d l S\n" % (i % 500, i % 800, i % 500 + 3, i % 800) for i in range(paths)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        HELVETICA,
        _page(5),
        _stream(strokes + b"BT /F1 14 Tf 72 800 Td (Agenda for the meeting) Tj ET"),
    ]
    path = tmp_path / f"paths_{paths}.pdf"
    path.write_bytes(pdf_file(objects))
    return path


def _peak_bytes(function) -> int:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_page_of_too_many_paths_reads_only_the_first_and_says_so(tmp_path, monkeypatch):
    assert MAX_DRAWINGS_PER_PAGE >= 10 * 735  # the corpus's busiest page draws 735 paths
    # the count scaled down with the input, so that the test stays quick
    monkeypatch.setattr("councildocs.extract.pdf.MAX_DRAWINGS_PER_PAGE", 400)
    councildocs.parse(_paths_pdf(tmp_path, 10))  # imports done before anything is measured
    few = _paths_pdf(tmp_path, 400)
    many = _paths_pdf(tmp_path, 400 * 10)
    assert councildocs.parse(few).source.pages_with_drawings_cut == []
    pack = councildocs.parse(many)
    assert pack.source.pages_with_drawings_cut == [1]
    assert "Agenda for the meeting" in pack.model_dump_json()
    # what the paths past the count would cost here is not spent: ten times the paths,
    # about the same memory (PDFium's own copy of the page is not Python's, nor counted)
    ratio = _peak_bytes(lambda: councildocs.parse(many)) / _peak_bytes(
        lambda: councildocs.parse(few)
    )
    assert ratio < 1.5


def test_a_text_export_s_memory_grows_with_its_size_and_no_faster(tmp_path):
    export = (FIXTURES / "programme_heading_pack.txt").read_text()
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(export * 10)
    large.write_text(export * 40)
    councildocs.parse(FIXTURES / "programme_heading_pack.txt")  # imports and first-use costs

    def peak(path):
        return _peak_bytes(lambda: councildocs.parse(path).model_dump_json())

    small_peak, large_peak = peak(small), peak(large)
    # measured: about 35 bytes of Python objects per byte of text at either size (the
    # pages' lines, then the pack and its JSON): linear, with no one cause to cut
    assert large_peak / small_peak < 4.6
    assert large_peak / os.path.getsize(large) < 60
