"""Scanned papers: pages without a text layer read by OCR into the same pipeline.

The scans are made here, at test time, from the fixture packs: each page rendered at
300 dpi to a grey image and put back as an image-only page (no text layer at all), the
way a council's scanner would. A scan then has to parse to what the text version parses
to. Tests that run Tesseract skip where it is not installed; the tests of what happens
without it need only pypdfium2 and run everywhere.
"""

from __future__ import annotations

import json
import shutil
import sys

import pypdfium2 as pdfium
import pytest
import regex
from click.testing import CliRunner

import councildocs
from councildocs.batch import parse_file, parse_many
from councildocs.cache import PackCache
from councildocs.cli import main
from councildocs.errors import NoTextLayer, OcrUnavailable
from councildocs.extract import load
from councildocs.ocr_settings import OcrSettings
from councildocs.vocabulary.ocr import correct_misreadings

from .conftest import FIXTURES
from .fixtures.scan import scanned

KENT = FIXTURES / "kent_cabinet_pack.pdf"
WOLVERHAMPTON = FIXTURES / "wolverhampton_pack.pdf"


def _tesseract_languages() -> set[str]:
    try:
        import pytesseract

        return set(pytesseract.get_languages()) if shutil.which("tesseract") else set()
    except Exception:
        return set()


LANGUAGES = _tesseract_languages()
needs_tesseract = pytest.mark.skipif(
    "eng" not in LANGUAGES,
    reason="Tesseract (with English data) is not installed: apt-get install tesseract-ocr "
    "and pip install 'councildocs[ocr]' to run the OCR tests (.ci/run installs it)",
)


def _typography(text: str | None) -> str:
    """Text with its dashes, quotes and spacing in one form: OCR reads an en dash as an em
    dash, a curly quote as a straight one, which no reader counts as a different title."""
    text = (text or "").translate(str.maketrans("‐‑‒–—―−‘’“”", "-------''\"\""))
    return " ".join(text.split())


def compared_fields(pack: councildocs.Pack) -> dict[str, object]:
    """The fields the issue names: agenda items, document spans, minutes members, decisions."""
    fields: dict[str, object] = {}
    for item in pack.agenda.items:
        pages = (item.pages.start, item.pages.end) if item.pages else None
        fields[f"agenda item {item.number}"] = (_typography(item.title), pages)
    for index, document in enumerate(pack.documents):
        pages = (document.pages.start, document.pages.end) if document.pages else None
        fields[f"document {index}"] = (document.kind, pages, document.agenda_item)
        if document.kind != "minutes":
            continue
        for member in document.attendance.members:
            fields[f"document {index} member {member.name}"] = member.name
        for item in document.items:
            for number, resolution in enumerate(item.resolutions):
                key = f"document {index} item {item.number} decision {number}"
                fields[key] = _typography(resolution.text)
    return fields


def agreement(text_version: councildocs.Pack, scan: councildocs.Pack) -> float:
    expected, found = compared_fields(text_version), compared_fields(scan)
    return sum(found.get(key) == value for key, value in expected.items()) / len(expected)


def provenances(value) -> list:
    if isinstance(value, councildocs.models.Provenance):
        return [value]
    if isinstance(value, list):
        return [p for item in value for p in provenances(item)]
    if hasattr(value, "__pydantic_fields__"):
        return [p for name in type(value).model_fields for p in provenances(getattr(value, name))]
    return []


@pytest.fixture(scope="module")
def kent_scan(tmp_path_factory):
    return scanned(KENT, tmp_path_factory.mktemp("scans") / "kent_scan.pdf")


@pytest.fixture(scope="module")
def kent_scan_pack(kent_scan):
    if "eng" not in LANGUAGES:
        pytest.skip("Tesseract is not installed")
    return councildocs.parse(kent_scan)


@pytest.fixture(scope="module")
def wolverhampton_mixed(tmp_path_factory):
    """The Wolverhampton pack with page 3 (the minutes' attendance and first items) scanned."""
    out = tmp_path_factory.mktemp("scans") / "wolverhampton_mixed.pdf"
    return scanned(WOLVERHAMPTON, out, pages=[3], keep=[n for n in range(1, 27) if n != 3])


# --- a scan parses as its text version ---------------------------------------------------


@needs_tesseract
def test_a_scanned_pack_parses_to_the_fields_of_its_text_version(kent_scan_pack):
    assert agreement(councildocs.parse(KENT), kent_scan_pack) >= 0.95
    # as generate.py prints them: the PRESENT line of the minutes and the agenda's item 5
    [minutes] = [d for d in kent_scan_pack.documents if d.kind == "minutes"]
    names = [member.name for member in minutes.attendance.members]
    assert names == ["R W Gough", "N Baker", "S Chandler", "R C Love", "R J Thomas"]
    assert [person.name for person in minutes.attendance.apologies] == ["P J Oakford"]
    item = next(i for i in kent_scan_pack.agenda.items if i.number == "5")
    assert _typography(item.title) == (
        "24/00108 - Highways Asset Management Budget Monitoring - Quarter 3 2024-25"
    )
    assert (item.pages.start, item.pages.end) == (7, 10)


@needs_tesseract
def test_a_scan_lists_its_ocr_pages_and_its_provenance_says_so(kent_scan_pack):
    source = kent_scan_pack.source
    assert [p.page for p in source.ocr_pages] == list(range(1, 11))
    assert source.pages_without_text == list(range(1, 11))
    # clean renders of a printed page: Tesseract is sure of nearly every word
    assert all(85 <= p.confidence <= 100 for p in source.ocr_pages)
    found = provenances(kent_scan_pack)
    assert found and all(p.ocr for p in found)
    printed = json.loads(kent_scan_pack.model_dump_json())
    assert printed["agenda"]["items"][0]["provenance"]["ocr"] is True


@needs_tesseract
def test_ocr_words_become_styled_spans_with_their_confidence(kent_scan):
    page = load(kent_scan).pages[2]  # the minutes' first page
    spans = [span for line in page.lines for span in line.spans]
    assert spans and all(span.confidence is not None and span.style for span in spans)
    assert page.ocr_confidence is not None and page.ocr_confidence > 85
    # the body is 12 pt Helvetica (as the text layer says), headings bold: sizes come from
    # line heights, bold from stroke widths
    sizes = sorted(span.style.size for span in spans)
    assert sizes[len(sizes) // 2] == 12.0
    heading = next(line for line in page.lines if line.text == "84. Apologies")
    body = next(line for line in page.lines if line.text.startswith("Apologies for absence"))
    assert heading.spans[0].style.bold and not body.spans[0].style.bold
    present = next(line for line in page.lines if "Gough" in line.text)
    assert "Mr R W Gough (Chairman)" in present.text


@needs_tesseract
def test_a_pack_with_one_scanned_page_reads_that_page_only(wolverhampton_mixed):
    pack = councildocs.parse(wolverhampton_mixed)
    assert [p.page for p in pack.source.ocr_pages] == [3]
    assert agreement(councildocs.parse(WOLVERHAMPTON), pack) >= 0.95
    [minutes] = [d for d in pack.documents if d.kind == "minutes"]
    # page 3 holds the attendance and items 1-4; item 5 starts on page 4, a text page
    assert [m.name for m in minutes.attendance.members][:2] == ["Barry Findlay", "Michael Hardacre"]
    ocr = {item.number: item.provenance.ocr for item in minutes.items}
    assert ocr == {"1": True, "2": True, "3": True, "4": True, "5": False, "6": False}


@pytest.fixture(scope="module")
def wolverhampton_scan(tmp_path_factory):
    return scanned(WOLVERHAMPTON, tmp_path_factory.mktemp("scans") / "wolverhampton_scan.pdf")


@needs_tesseract
def test_a_whole_pack_scanned_parses_to_its_text_version(wolverhampton_scan):
    """Every page a scan: the agenda's item numbers stand far left of their titles, and the
    minutes' decision parts are numbered "2." to "5." in a column of their own, which
    Tesseract's page segmentation drops; read a second time they are kept."""
    pack = councildocs.parse(wolverhampton_scan)
    assert agreement(councildocs.parse(WOLVERHAMPTON), pack) >= 0.95
    assert [item.number for item in pack.agenda.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [d.kind for d in pack.documents] == [
        "agenda",
        "minutes",
        "work_programme",
        "report",
        "report",
    ]
    minutes = pack.documents[1]
    # page 7 of the pack: "Resolved:" and its five numbered parts
    assert [len(item.resolutions) for item in minutes.items][-1] == 5


@needs_tesseract
def test_always_reads_text_pages_by_ocr_and_jobs_change_only_the_speed(tmp_path):
    # the minutes' two first pages, text layer and all; --ocr always reads them afresh,
    # as it would a text layer of garbage
    subset = pdfium.PdfDocument.new()
    kent = pdfium.PdfDocument(str(KENT))
    subset.import_pages(kent, [2, 3])
    subset.save(str(tmp_path / "minutes.pdf"))
    one = councildocs.parse(tmp_path / "minutes.pdf", ocr=OcrSettings("always", jobs=1))
    two = councildocs.parse(tmp_path / "minutes.pdf", ocr=OcrSettings("always", jobs=2))
    assert [p.page for p in one.source.ocr_pages] == [1, 2]
    assert one.source.pages_without_text == []
    assert one.model_dump_json() == two.model_dump_json()
    [minutes] = one.documents
    assert [m.name for m in minutes.attendance.members][0] == "R W Gough"


# --- choosing, and doing without, OCR ----------------------------------------------------


def _cli(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["parse", *map(str, args), "--no-cache"])
    return result.exit_code, result.stderr.strip()


def test_ocr_never_leaves_a_scan_unread_with_one_line(kent_scan):
    code, err = _cli(kent_scan, "--ocr", "never")
    assert code == 2 and err.count("\n") == 0
    assert f"{kent_scan}: the PDF has no text layer" in err and "OCR is off" in err


def test_ocr_languages_must_be_tesseract_codes(kent_scan):
    code, err = _cli(kent_scan, "--ocr-lang", "eng;rm")
    assert code == 2 and "'eng;rm' is not Tesseract language codes" in err


@needs_tesseract
def test_a_language_without_its_data_is_named(kent_scan):
    code, err = _cli(kent_scan, "--ocr-lang", "eng+zzz")
    assert code == 2 and err.count("\n") == 0
    assert f"{kent_scan}: Tesseract has no data for zzz (install e.g. tesseract-ocr-zzz" in err


@pytest.mark.parametrize("command", ["validate", "export"])
def test_validate_and_export_take_the_ocr_options_as_parse_does(command, kent_scan, tmp_path):
    """--ocr never on a scan: validate reports the file as unreadable (IO001, exit 2) and
    export exports nothing from it (exit 2), each saying OCR is off."""
    extra = ["--sqlite", str(tmp_path / "packs.db")] if command == "export" else []
    result = CliRunner().invoke(
        main, [command, str(kent_scan), *extra, "--ocr", "never", "--no-cache"]
    )
    assert result.exit_code == 2
    assert "the PDF has no text layer" in result.output + result.stderr
    assert "OCR is off" in result.output + result.stderr
    bad = CliRunner().invoke(main, [command, str(kent_scan), *extra, "--ocr-lang", "eng;rm"])
    assert bad.exit_code == 2 and "'eng;rm' is not Tesseract language codes" in bad.stderr


@needs_tesseract
def test_validate_reads_a_scan_by_ocr(kent_scan_pack, kent_scan):
    """Under --ocr auto (the default) the scan's findings are the rules' on its pages, not
    an unreadable file; the PUB rule still says which pages have no text layer."""
    result = CliRunner().invoke(
        main, ["validate", str(kent_scan), "--format", "json", "--no-cache", "--exit-zero"]
    )
    assert result.exit_code == 0
    [file] = json.loads(result.output)
    codes = {finding["code"] for finding in file["findings"]}
    assert "IO001" not in codes and "PUB004" in codes


@pytest.fixture
def no_tesseract(monkeypatch):
    """pytesseract installed, the engine not: as on a machine without tesseract-ocr."""
    pytesseract = pytest.importorskip("pytesseract")

    def not_found():
        raise pytesseract.TesseractNotFoundError()

    monkeypatch.setattr(pytesseract, "get_languages", not_found)


def test_without_tesseract_a_scan_says_how_to_install_it(no_tesseract, kent_scan):
    with pytest.raises(NoTextLayer) as caught:
        councildocs.parse(kent_scan)
    assert caught.value.problem == (
        "the PDF has no text layer (scanned images only); OCR needs Tesseract, which is not "
        "installed: apt-get install tesseract-ocr (Debian/Ubuntu) or brew install tesseract "
        "(macOS)"
    )
    with pytest.raises(OcrUnavailable, match="OCR needs Tesseract"):
        councildocs.parse(KENT, ocr=OcrSettings("always"))


def test_without_pytesseract_the_error_names_the_extra(monkeypatch, kent_scan):
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # import fails
    code, err = _cli(kent_scan)
    assert code == 2 and err.count("\n") == 0
    assert "OCR needs pytesseract, which is not installed: pip install 'councildocs[ocr]'" in err


def test_without_tesseract_a_mixed_pack_keeps_its_text_pages_and_is_not_cached(
    no_tesseract, wolverhampton_mixed, tmp_path
):
    cache = PackCache(tmp_path / "cache")
    parsed = parse_file(str(wolverhampton_mixed), cache=cache)
    pack = parsed.pack()
    assert pack.source.pages_without_text == [3] and pack.source.ocr_pages == []
    assert len(pack.agenda.items) == 7  # the agenda, on text pages, is all there
    # once Tesseract is installed, the next run must read page 3, not find this result
    assert cache.get(wolverhampton_mixed) is None


# --- the cache ---------------------------------------------------------------------------


@needs_tesseract
def test_a_second_run_answers_from_the_cache_without_ocr(tmp_path, monkeypatch):
    scan = scanned(KENT, tmp_path / "minutes_page.pdf", pages=[3])
    cache = PackCache(tmp_path / "cache")
    [first] = parse_many([scan], jobs=1, cache=cache)
    assert first.ok and not first.from_cache

    import councildocs.extract.ocr as ocr

    def no_ocr_now(*_args):
        raise AssertionError("OCR ran again")

    monkeypatch.setattr(ocr, "_recognised", no_ocr_now)
    [again] = parse_many([scan], jobs=1, cache=cache)
    assert again.ok and again.from_cache and again.value.json == first.value.json
    # other OCR settings are another result: never OCR is not answered with OCR's text
    [never] = parse_many([scan], jobs=1, cache=cache, ocr=OcrSettings("never"))
    assert not never.ok and "no text layer" in never.error


# --- Welsh papers -----------------------------------------------------------------------


@pytest.mark.skipif("cym" not in LANGUAGES, reason="Tesseract's Welsh data is not installed")
def test_welsh_papers_read_with_welsh_data(tmp_path):
    from fpdf import FPDF

    printed = [
        "Cofnodion cyfarfod y Cyngor a gynhaliwyd nos Fercher",
        "Yn bresennol: y Cynghorydd Siân Jones (Cadeirydd), y Cynghorydd Dafydd Owen",
        "Ymddiheuriadau: y Cynghorydd Rhiannon Hughes",
    ]
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in printed:
        pdf.cell(0, 20, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "cofnodion.pdf"))
    scan = scanned(tmp_path / "cofnodion.pdf", tmp_path / "cofnodion_scan.pdf")
    # Welsh first: Tesseract leans on its first language, and English alone reads "Sian"
    read = load(scan, OcrSettings(languages="cym+eng")).pages[0].lines
    assert [line.text for line in read] == printed
    code, err = _cli(scan, "--ocr-lang", "eng+cym")
    assert code == 0, err


# --- OCR's misreadings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Clir Smith", "Cllr Smith"),
        ("Present: CIlr. A Jones and Cl1r B Evans", "Present: Cllr. A Jones and Cllr B Evans"),
        ("Clirs Patel and Shah", "Cllrs Patel and Shah"),
        ("Cllr Smith", "Cllr Smith"),
        ("the Clir", "the Clir"),  # no name after it: not a title's place
        ("Clir smith", "Clir smith"),
    ],
)
def test_cllr_misread_before_a_name_is_corrected(read, meant):
    assert correct_misreadings(read) == meant


# --- a second reading of what page segmentation left out (no Tesseract needed) ----------


def _word(box, text="word", line=(1, 1, 1)):
    from councildocs.extract.ocr import _Word

    return _Word(box=box, text=text, confidence=95.0, line_key=line, stroke=None)


def test_only_ink_shaped_like_a_missed_word_is_read_again():
    """On a 300 dpi page whose words are 40 px tall: a digit far left of its heading is
    read again; a speck, a rule, a picture and the edge of a letter whose box Tesseract
    drew short are not."""
    from PIL import Image, ImageDraw

    from councildocs.extract.ocr import _missed_pieces

    image = Image.new("L", (2000, 1200), 255)
    draw = ImageDraw.Draw(image)
    heading = (500, 300, 1400, 340)
    words = [_word(heading), _word((500, 500, 1400, 540), line=(2, 1, 1))]
    for box in (heading, words[1].box):
        draw.rectangle(box, fill=0)
    draw.rectangle((250, 302, 275, 338), fill=0)  # the item number, far left
    draw.rectangle((280, 332, 284, 338), fill=0)  # its stop, a speck of its own
    draw.rectangle((1410, 505, 1414, 535), fill=0)  # the edge of a word's last letter
    draw.rectangle((100, 700, 1900, 703), fill=0)  # a rule
    draw.rectangle((100, 800, 600, 1100), fill=0)  # a picture
    draw.rectangle((1700, 900, 1702, 902), fill=0)  # a speck
    pieces = _missed_pieces(image, words, 40)
    assert len(pieces) == 1
    left, top, right, bottom = pieces[0]
    # the number, with the space after it, where the speck of its stop lies
    assert left < 250 and top < 302 and 284 < right < 500 and bottom > 338


def test_ink_components_join_runs_that_touch_row_to_row():
    from councildocs.extract.ocr import _ink_components

    # a 6 x 4 grey image: an L-shaped piece and a separate dot
    rows = [
        b"\x00\xff\xff\xff\xff\xff",
        b"\x00\xff\xff\xff\x00\xff",
        b"\x00\x00\x00\xff\xff\xff",
        b"\xff\xff\xff\xff\xff\xff",
    ]
    assert sorted(_ink_components(b"".join(rows), 6, 4)) == [(0, 0, 3, 3), (4, 1, 5, 2)]


def test_a_number_too_short_to_measure_takes_the_face_of_its_text():
    """A lone digit's curves read thicker than a letter's stems: "2" before a plain
    decision part is not bold because its strokes are, nor "6" before a bold heading plain."""
    from councildocs.extract.ocr import _in_faces_measured
    from councildocs.extract.page import Span, TextStyle

    plain, bold = TextStyle(size=11.0), TextStyle(size=11.0, bold=True)
    part = [
        (Span("2", 131, 136, bold), False),
        (Span("The panel approved the draft", 154, 400, plain), True),
    ]
    assert [s.style.bold for s in _in_faces_measured(part)] == [False, False]
    heading = [(Span("6", 60, 66, plain), False), (Span("Black Country", 131, 300, bold), True)]
    assert [s.style.bold for s in _in_faces_measured(heading)] == [True, True]
    alone = [(Span("7", 60, 66, plain), False)]
    assert _in_faces_measured(alone)[0].style.bold is False


@needs_tesseract
def test_sqlite_keeps_which_pages_were_read_by_ocr(kent_scan_pack, tmp_path):
    import sqlite3

    from councildocs.api import export_sqlite

    export_sqlite(tmp_path / "packs.db", [kent_scan_pack])
    db = sqlite3.connect(tmp_path / "packs.db")
    [(ocr_pages,)] = db.execute("select ocr_pages from packs").fetchall()
    pages = json.loads(ocr_pages)
    assert [p["page"] for p in pages] == list(range(1, 11))
    assert all(85 <= p["confidence"] <= 100 for p in pages)
    # every agenda item was read from a scanned page, and says so
    assert {ocr for (ocr,) in db.execute("select ocr from agenda_items")} == {1}


@needs_tesseract
def test_scans_read_on_a_callers_thread_pool_give_the_serial_result(kent_scan, tmp_path):
    """PDFium is held only while a page renders, so threads OCR side by side; two scans on
    two threads must still give what one thread gives (PDFium crashes if two threads
    render at once)."""
    from concurrent.futures import ThreadPoolExecutor

    scans = []
    for name, pages in (("first.pdf", [2, 3]), ("second.pdf", [0, 6])):
        subset = pdfium.PdfDocument.new()
        source = pdfium.PdfDocument(str(kent_scan))
        subset.import_pages(source, pages)
        subset.save(str(tmp_path / name))
        scans.append(str(tmp_path / name))
    one_thread = [o.value.json for o in parse_many(scans, jobs=1)]
    with ThreadPoolExecutor(2) as pool:
        threaded = [o.value.json for o in parse_many(scans, executor=pool, ordered=True)]
    assert threaded == one_thread
    assert all(json.loads(text)["source"]["ocr_pages"] for text in threaded)


@needs_tesseract
def test_one_scan_shows_its_ocr_bar_on_a_terminal(kent_scan, tmp_path):
    """As a user runs it, stderr a terminal: one file alone is read in a worker of its own
    (the per-file limits), and its OCR bar must still reach the screen."""
    from .test_edges_terminal import run_with_terminal_stderr

    with (tmp_path / "pack.json").open("wb") as out:
        code, shown = run_with_terminal_stderr(
            ["parse", str(kent_scan), "--no-cache"], out, tmp_path
        )
    assert code == 0, shown
    plain = regex.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)  # the bar's colours off
    assert "OCR kent_scan.pdf" in plain and "10/10 pages" in plain
    assert json.loads((tmp_path / "pack.json").read_text())["source"]["ocr_pages"]
