"""A long pack is read partly in a helper process; the result must be the same as reading
it all in one process, page for page."""

from __future__ import annotations

import pypdfium2 as pdfium

import councildocs
from councildocs.parallel import HELPER, PARALLEL_MIN_PAGES

from .conftest import FIXTURES


def _long_pack(path, pages):
    """Repeat the fixture packs until the file is long enough to be read in parallel."""
    out = pdfium.PdfDocument.new()
    sources = [FIXTURES / "wolverhampton_pack.pdf", FIXTURES / "kent_cabinet_pack.pdf"]
    while len(out) < pages:
        for source in sources:
            src = pdfium.PdfDocument(str(source))
            out.import_pages(src)
            src.close()
    out.save(str(path))
    out.close()
    return path


def test_parallel_read_gives_the_same_pack(tmp_path):
    path = _long_pack(tmp_path / "long.pdf", PARALLEL_MIN_PAGES + 20)
    serial = councildocs.parse(path)  # the helper is off unless asked for
    HELPER.enable()
    try:
        parallel = councildocs.parse(path)
    finally:
        HELPER.enable(False)
    assert parallel.source.page_count >= PARALLEL_MIN_PAGES
    assert parallel.model_dump() == serial.model_dump()
    # three copies of the two fixtures (36 pages a round): three crime tables, and a
    # report in each copy after the Wolverhampton one's pages
    assert parallel.source.page_count == 108
    crime_tables = [
        t
        for d in parallel.documents
        for t in d.tables
        if t.header[:2] == ["Crime type", "2016-2017"]
    ]
    assert [t.page for t in crime_tables] == [22, 58, 94]
