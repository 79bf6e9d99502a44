"""The ModernGov client against a local server playing Gloucester City Council's service.

The server (127.0.0.1, a port of its own, started here) answers the service's paths with the
real responses in ../shared/moderngov/gloucester/, the council's address in them rewritten to
its own, and each linked document with a small PDF of ours. It also plays the bad days: an
error page, an answer slower than the timeout, a 503 before a success, a download that
breaks off. No test reaches any other address.

Values asserted from GetMeeting_7837.xml were read from the file by eye.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from councildocs.cli import main
from councildocs.moderngov.client import ModernGovClient
from councildocs.moderngov.errors import ModernGovError
from councildocs.moderngov.fetch import fetch_meeting, read_manifest
from councildocs.moderngov.http import PoliteClient
from councildocs.moderngov.reader import read_meeting, read_meeting_file

from .conftest import FIXTURES, SHARED

GLOUCESTER = SHARED / "moderngov" / "gloucester"
COUNCIL = b"https://democracy.Gloucester.gov.uk"
EXCERPT = FIXTURES / "moderngov" / "GetMeeting_7837_excerpt.xml"
SLOW_SECONDS = 0.6


def small_pdf(title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, f"{title}\n\nThis document is a test stand-in for a council paper.")
    return bytes(pdf.output())


class Service:
    """What the local server answers, and what it was asked."""

    def __init__(self) -> None:
        self.address = ""
        self.requests: list[str] = []
        self.bodies_sent: list[str] = []
        #: path+query -> "error_page" | "slow" | "503_once" | "truncated" | "not_found"
        self.trouble: dict[str, str] = {}
        self.pdfs: dict[str, bytes] = {}

    def answer(self, target: str) -> tuple[int, bytes, str]:
        url = urlsplit(target)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path.startswith("/not-moderngov/"):
            return 200, b"<!DOCTYPE html><html><body>Welcome to our site</body></html>", "text/html"
        if url.path.startswith("/mgWebService.asmx/"):
            call = url.path.rsplit("/", 1)[1]
            if call == "GetMeeting" and query.get("lMeetingId") != "7837":
                return 200, _EMPTY_MEETING, "text/xml"
            name = {
                "GetCommittees": "GetCommittees.xml",
                "GetMeetings": "GetMeetings.xml",
                "GetMeeting": "GetMeeting_7837.xml",
                "GetAttachment": "GetAttachment_65461.xml",
            }.get(call)
            if name:
                body = (GLOUCESTER / name).read_bytes().replace(COUNCIL, self.address.encode())
                return 200, body, "text/xml"
        if url.path == "/mgConvert2PDF.aspx":
            document = self.pdfs.get(query.get("ID", ""))
            if document:
                return 200, document, "application/pdf"
        return 404, b"<html><body>Not found</body></html>", "text/html"


_EMPTY_MEETING = (
    b'<?xml version="1.0" encoding="utf-8"?>\r\n<meeting>\r\n  <meetingid>\r\n  </meetingid>'
    b"\r\n  <meetingdate>\r\n  </meetingdate>\r\n</meeting>"
)


def _handler(service: Service):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet: pytest shows failures
            pass

        def do_GET(self) -> None:
            service.requests.append(self.path)
            trouble = service.trouble.get(self.path)
            if trouble == "503_once":
                del service.trouble[self.path]
                return self._send(503, b"<html>Service Unavailable</html>", "text/html")
            if trouble == "slow":
                time.sleep(SLOW_SECONDS)
            if trouble == "error_page":
                page = b"<!DOCTYPE html><html><body>Sorry, an error occurred.</body></html>"
                return self._send(200, page, "text/html")
            status, body, kind = service.answer(self.path)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            if trouble == "truncated":
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return None
            service.bodies_sent.append(self.path)
            return self._send(status, body, kind, etag)

        def _send(self, status: int, body: bytes, kind: str, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def service():
    if not GLOUCESTER.exists():
        pytest.skip("../shared/moderngov is not here; CI always has it")
    service = Service()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(service))
    server.daemon_threads = True
    service.address = f"http://127.0.0.1:{server.server_address[1]}"
    meeting = read_meeting((GLOUCESTER / "GetMeeting_7837.xml").read_bytes(), "file")
    for item in meeting.items:
        for attachment in item.documents:
            service.pdfs[str(attachment.id)] = small_pdf(attachment.title)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield service
    server.shutdown()
    server.server_close()


def client_for(service: Service, **options) -> ModernGovClient:
    settings = {"timeout": 5.0, "retries": 2, "min_interval": 0, "sleep": lambda s: None}
    return ModernGovClient(service.address, PoliteClient(**(settings | options)))


def attachment_path(service: Service, attachment_id: int) -> str:
    return f"/mgConvert2PDF.aspx?ID={attachment_id}"


# --- the XML, read from a committed excerpt (no ../shared needed) ------------------------


def test_excerpt_gives_the_meeting_its_items_and_attendees():
    meeting = read_meeting_file(EXCERPT)
    assert meeting.id == 7837
    assert meeting.date == dt.date(2025, 11, 21)
    assert meeting.time == "12.30 pm"
    assert meeting.status == "Confirmed; Special Meeting"
    assert meeting.location == "Civic Suite, North Warehouse, The Docks, Gloucester, GL1 2EP"
    assert [(i.number, i.minute_number, i.title) for i in meeting.items] == [
        ("2", "51", "Declarations of Interest"),
        ("5", "54", "Leader and Cabinet Members' Question Time (15 minutes)"),
    ]
    assert meeting.items[0].minutes == "There were no declarations of interest."
    assert meeting.items[0].declaration_count == 0
    assert meeting.items[1].text.splitlines()[1] == (
        "· Any matter relating to the Council’s administration"
    )
    chair, officer = meeting.attendees
    assert (chair.name, chair.role, chair.attendance, chair.ward) == (
        "Councillor Jeremy Hilton",
        "Chair",
        "Present, as expected",
        "K&W",
    )
    assert (officer.name, officer.role, officer.representing) == (
        "David Rice",
        "Officer",
        "Democratic and Electoral Services Officer",
    )


def test_xml_with_entities_is_refused(tmp_path):
    bomb = tmp_path / "meeting.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;">]><meeting><meetingid>&b;</meetingid></meeting>'
    )
    with pytest.raises(ModernGovError, match="refused unsafe XML"):
        read_meeting_file(bomb)


def test_restricted_items_and_documents_are_marked():
    xml = (
        b"<meeting><meetingid>1</meetingid><meetingdate>02/03/2025</meetingdate><agendaitems>"
        b"<agendaitem><agendaitemid>9</agendaitemid><agendaitemtitle>Land at Bristol Road"
        b"</agendaitemtitle><agendaitemnumber>12</agendaitemnumber><agendaitemsubnumber>a"
        b"</agendaitemsubnumber><isrestricted>True</isrestricted><linkeddocuments><linkeddoc>"
        b"<attachmentid>5</attachmentid><title>Valuation</title><url>https://x/y?ID=5</url>"
        b"<isrestricted>True</isrestricted><restrictionsRef>Paragraph 3</restrictionsRef>"
        b"</linkeddoc></linkeddocuments></agendaitem></agendaitems></meeting>"
    )
    [item] = read_meeting(xml, "ours").items
    assert (item.number, item.restricted) == ("12a", True)
    assert (item.documents[0].restricted, item.documents[0].restriction_reference) == (
        True,
        "Paragraph 3",
    )


# --- the full Gloucester answer, read from ../shared -------------------------------------


@pytest.fixture
def gloucester_meeting():
    path = GLOUCESTER / "GetMeeting_7837.xml"
    if not path.exists():
        pytest.skip("../shared/moderngov is not here; CI always has it")
    return read_meeting_file(path)


def test_gloucester_meeting_items_documents_and_attendance(gloucester_meeting):
    meeting = gloucester_meeting
    assert meeting.committee_title == "Cabinet"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("2", "Declarations of Interest"),
        ("3", "Public Question Time (15 minutes)"),
        ("4", "Petitions and Deputations (15 minutes)"),
        ("5", "Leader and Cabinet Members' Question Time (15 minutes)"),
        ("6", "Final Proposals for Local Government Reorganisation in Gloucestershire"),
    ]
    assert [i.minute_number for i in meeting.items] == ["51", "52", "53", "54", "55"]
    assert not any(i.restricted for i in meeting.items)
    assert meeting.declaration_count == 0
    documents = {i.number: [(d.id, d.title, d.url) for d in i.documents] for i in meeting.items}
    assert documents["3"] == [
        (
            65461,
            "Cabinet - Public Questions",
            "https://democracy.Gloucester.gov.uk/mgConvert2PDF.aspx?ID=65461",
        )
    ]
    assert [(d[0], d[1]) for d in documents["6"]] == [
        (65412, "Final proposals for Local Government Reorganisation in Gloucestershire"),
        (65413, "Appendix 1 Option 1 - Single Countywide Unitary"),
        (65414, "Appendix 2 Option 2 - East/West 2 Unitary"),
        (65415, "Appendix 3 Option 3 - Gloucester/Gloucestershire 2 Unitary"),
        (65416, "Appendix 3B Inner Circle Report: A Case for Cities"),
        (65417, "Appendix 3E Cratus Public Engagement Report"),
    ]
    assert documents["2"] == documents["4"] == documents["5"] == []
    assert meeting.items[4].documents[0].published == dt.date(2025, 11, 13)
    assert meeting.items[4].decision.startswith("RESOLVED:\n(1) to submit to Government")
    present = [a.name for a in meeting.attendees if a.attendance == "Present, as expected"]
    assert present == [
        "Councillor Jeremy Hilton",
        "Councillor Declan Wilson",
        "Councillor Caroline Courtney",
        "Councillor Sebastian Field",
        "Councillor Sarah Sawyer",
        "Councillor Luke Shervey",
        "Councillor Rebecca Trimnell",
    ]
    officers = [a.name for a in meeting.attendees if a.attendance == "In attendance"]
    assert officers == [
        "Jon McGinty",
        "Ruth Saunders",
        "Tom Clark",
        "Andrew Hearne",
        "Iain Stark",
        "David Rice",
    ]
    assert [a.role for a in meeting.attendees[:2]] == ["Chair", "Vice-Chair"]


# --- the client against the local server -------------------------------------------------


def test_committees_and_meetings(service):
    with client_for(service) as client:
        cabinet = client.committee("cabinet")
        assert (cabinet.id, cabinet.title, cabinet.category) == (129, "Cabinet", "Cabinet")
        assert len(client.committees()) == 131
        meetings = client.meetings(cabinet.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert len(meetings) == 20
    assert (meetings[3].id, meetings[3].date, meetings[3].status) == (
        7506,
        dt.date(2024, 6, 12),
        "Cancelled",
    )
    asked = [r for r in service.requests if "GetMeetings" in r][0]
    assert "lCommitteeId=129" in asked and "sFromDate=01%2F01%2F2025" in asked


def test_fetch_writes_the_record_every_pdf_and_a_manifest(service, tmp_path):
    with client_for(service) as client:
        result = fetch_meeting(client, 7837, tmp_path)
    assert result.folder == tmp_path / "cabinet" / "2025-11-21_7837"
    names = sorted(p.name for p in result.folder.iterdir())
    assert names == sorted(
        [
            "meeting.xml",
            "meeting.json",
            "65461_cabinet-public-questions.pdf",
            "65412_final-proposals-for-local-government-reorganisation-in-glouc.pdf",
            "65413_appendix-1-option-1-single-countywide-unitary.pdf",
            "65414_appendix-2-option-2-east-west-2-unitary.pdf",
            "65415_appendix-3-option-3-gloucester-gloucestershire-2-unitary.pdf",
            "65416_appendix-3b-inner-circle-report-a-case-for-cities.pdf",
            "65417_appendix-3e-cratus-public-engagement-report.pdf",
        ]
    )
    manifest = read_manifest(result.folder)
    assert manifest.source == f"{service.address}/mgWebService.asmx/GetMeeting?lMeetingId=7837"
    pdf = next(f for f in manifest.files if f.attachment_id == 65414)
    assert pdf.source == f"{service.address}/mgConvert2PDF.aspx?ID=65414"
    assert pdf.agenda_item == "6"
    assert pdf.sha256 == hashlib.sha256(service.pdfs["65414"]).hexdigest()
    assert (result.folder / pdf.path).read_bytes() == service.pdfs["65414"]
    assert result.downloaded == 7 and result.unchanged == 0
    assert not list(result.folder.glob(".*.tmp"))


def test_a_second_fetch_of_an_unchanged_meeting_downloads_nothing(service, tmp_path):
    with client_for(service) as client:
        fetch_meeting(client, 7837, tmp_path)
        service.bodies_sent.clear()
        again = fetch_meeting(client, 7837, tmp_path)
    assert service.bodies_sent == []
    assert (again.downloaded, again.unchanged) == (0, 7)


def test_a_503_is_retried_after_a_pause(service, tmp_path):
    pauses: list[float] = []
    service.trouble["/mgWebService.asmx/GetMeeting?lMeetingId=7837"] = "503_once"
    with client_for(service, sleep=pauses.append, backoff=2.0) as client:
        meeting = client.meeting(7837)
    assert meeting.id == 7837
    assert pauses == [2.0]


def test_an_answer_slower_than_the_timeout_is_one_clear_error(service):
    path = "/mgWebService.asmx/GetMeeting?lMeetingId=7837"
    service.trouble[path] = "slow"
    with client_for(service, timeout=0.2, retries=1) as client, pytest.raises(ModernGovError) as e:
        client.meeting(7837)
    assert e.value.path == service.address + path
    assert e.value.problem == "no answer within 0.2 s (tried 2 times)"


def test_a_broken_download_leaves_nothing_behind(service, tmp_path):
    service.trouble[attachment_path(service, 65415)] = "truncated"
    with client_for(service, retries=1) as client, pytest.raises(ModernGovError) as e:
        fetch_meeting(client, 7837, tmp_path)
    assert e.value.path == f"{service.address}/mgConvert2PDF.aspx?ID=65415"
    assert "broke off" in e.value.problem
    assert list(tmp_path.rglob("*")) == []  # neither the files before it nor a temporary


def test_a_broken_download_keeps_an_earlier_fetch(service, tmp_path):
    with client_for(service) as client:
        first = fetch_meeting(client, 7837, tmp_path)
        before = sorted(p.name for p in first.folder.iterdir())
        manifest = (first.folder / "meeting.json").read_text()
        (first.folder / "65416_appendix-3b-inner-circle-report-a-case-for-cities.pdf").unlink()
        service.trouble[attachment_path(service, 65416)] = "truncated"
        with pytest.raises(ModernGovError):
            fetch_meeting(client, 7837, tmp_path)
    after = sorted(p.name for p in first.folder.iterdir())
    assert after == [n for n in before if not n.startswith("65416")]
    assert (first.folder / "meeting.json").read_text() == manifest


def test_an_error_page_in_place_of_a_pdf(service, tmp_path):
    service.trouble[attachment_path(service, 65412)] = "error_page"
    with client_for(service) as client, pytest.raises(ModernGovError) as e:
        fetch_meeting(client, 7837, tmp_path)
    assert e.value.problem == "the server sent a web page, not the document (%PDF- expected)"
    assert list(tmp_path.rglob("*")) == []


# --- the command line --------------------------------------------------------------------


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


FAST = ("--delay", "0", "--retries", "0", "--timeout", "5")


def test_cli_meetings_table_and_json(service):
    result = invoke("moderngov", "meetings", service.address, "--committee", "Cabinet", *FAST)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Cabinet (committee 129): 20 meetings"
    assert "   7837  2025-11-21  12.30 pm  Confirmed; Special Meeting" in lines
    result = invoke(
        "moderngov", "meetings", service.address, "--committee", "129", "--format", "json", *FAST
    )
    assert json.loads(result.output)[-1]["id"] == 7610


def test_cli_fetch_then_validate_against_the_record(service, tmp_path):
    result = invoke(
        "moderngov", "fetch", service.address, "--meeting", "7837", "-o", str(tmp_path), *FAST
    )
    assert result.exit_code == 0, result.output
    record = tmp_path / "cabinet" / "2025-11-21_7837" / "meeting.xml"
    assert result.stdout.strip() == str(record)
    assert result.stderr.startswith(f"{record.parent}: 7 downloaded, 0 unchanged")
    arguments = ["--moderngov", str(record), "--select", "MGV", "--format", "json", "--no-cache"]
    checked = invoke("validate", str(record.parent), *arguments, "-q")
    assert checked.exit_code == 0, checked.output
    assert [f for f in _findings(checked) if f["code"] == "MGV002"] == []

    (record.parent / "65414_appendix-2-option-2-east-west-2-unitary.pdf").unlink()
    checked = invoke("validate", str(record.parent), *arguments, "-q")
    missing = [f for f in _findings(checked) if f["code"] == "MGV002"]
    assert [(f["path"], f["message"]) for f in missing] == [
        (
            str(record),
            "the council's record links 'Appendix 2 Option 2 - East/West 2 Unitary' "
            f"({service.address}/mgConvert2PDF.aspx?ID=65414) to item 6, but no document in "
            "the pack is it",
        )
    ]


def _findings(result) -> list[dict]:
    return [f for entry in json.loads(result.stdout) for f in entry["findings"]]


@pytest.mark.parametrize(
    ("site", "args", "problem"),
    [
        ("/not-moderngov", ["meetings", "--committee", "Cabinet"], "an HTML page, not a ModernGov"),
        ("/nothing-here", ["meetings", "--committee", "Cabinet"], "HTTP 404 Not Found: no Mod"),
        ("", ["fetch", "--meeting", "9999"], "the service has no such meeting"),
        ("", ["meetings", "--committee", "Planning Committee X"], "no committee is called"),
    ],
)
def test_cli_bad_sites_and_meetings_are_one_line_and_exit_2(service, tmp_path, site, args, problem):
    command, *rest = args
    output = ["-o", str(tmp_path)] if command == "fetch" else []
    result = invoke("moderngov", command, service.address + site, *rest, *output, *FAST)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"councildocs: error: {service.address}")
    assert problem in line
    assert list(tmp_path.rglob("*")) == []


def test_cli_timeout_is_one_line_and_exit_2(service):
    service.trouble["/mgWebService.asmx/GetCommittees"] = "slow"
    result = invoke(
        "moderngov",
        "committees",
        service.address,
        "--timeout",
        "0.2",
        "--retries",
        "0",
        "--delay",
        "0",
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"councildocs: error: {service.address}/mgWebService.asmx/GetCommittees: "
        "no answer within 0.2 s (tried 1 time)"
    )


def test_parse_takes_a_web_address(service):
    url = f"{service.address}/mgConvert2PDF.aspx?ID=65461"
    result = invoke("parse", url, "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    pack = json.loads(result.stdout)
    assert pack["source"]["sha256"] == hashlib.sha256(service.pdfs["65461"]).hexdigest()
    assert "Cabinet - Public Questions" in json.dumps(pack)


def test_parse_of_a_missing_address_is_one_line(service):
    url = f"{service.address}/mgConvert2PDF.aspx?ID=1"
    result = invoke("parse", url, "--no-cache", "-q")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"councildocs: error: {url}: the server answered HTTP 404 Not Found"
    )
