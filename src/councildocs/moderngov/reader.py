"""Reading the web service's XML answers into the models, refusing what is not one.

XML from the web is parsed with defusedxml, which refuses document type declarations and
entity definitions (the "billion laughs" and external entities). An answer that is not the
expected XML (an HTML error page, a login page, an empty body) is a :class:`ModernGovError`
naming the address, never a half-filled model.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import ModernGovError
from .models import (
    Attachment,
    Attendee,
    Committee,
    MeetingSummary,
    ModernGovItem,
    ModernGovMeeting,
)

_NOT_AN_ANSWER = "not a ModernGov web-service answer; is this a ModernGov site?"


def parse_xml(data: bytes, source: str, root: str) -> Element:
    """The answer's root element, which must be ``root``; anything else is an error."""
    if not data.strip():
        raise ModernGovError(source, "the service sent an empty answer")
    if data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise ModernGovError(source, f"an HTML page, {_NOT_AN_ANSWER}")
    try:
        element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ModernGovError(source, f"refused unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        raise ModernGovError(source, f"not XML ({exc}), {_NOT_AN_ANSWER}") from None
    if element.tag != root:
        raise ModernGovError(
            source, f"expected a <{root}> answer from the ModernGov service, got <{element.tag}>"
        )
    return element


def read_committees(data: bytes, source: str) -> list[Committee]:
    root = parse_xml(data, source, "committees")
    return [
        Committee(
            id=_int(c, "committeeid", source),
            title=_text(c, "committeetitle"),
            category=_text(c, "committeecategory") or None,
            deleted=_bool(c, "committeedeleted"),
            expired=_bool(c, "committeeexpired"),
        )
        for c in root.iter("committee")
    ]


def read_meetings(data: bytes, source: str) -> list[MeetingSummary]:
    root = parse_xml(data, source, "getmeetings")
    meetings = []
    for committee in root.iter("committee"):
        committee_id = _int(committee, "committeeid", source)
        title = _text(committee, "committeetitle") or None
        for m in committee.iter("meeting"):
            meetings.append(
                MeetingSummary(
                    id=_int(m, "meetingid", source),
                    committee_id=committee_id,
                    committee_title=title,
                    date=_date(m, "meetingdate", source),
                    time=_text(m, "meetingtime") or None,
                    status=_text(m, "meetingstatus") or None,
                    webcast=_bool(m, "iswebcast"),
                )
            )
    return meetings


def read_meeting(data: bytes, source: str) -> ModernGovMeeting:
    """A ``GetMeeting`` answer. A meeting the service does not hold comes back without an
    id or a date, and is reported as such."""
    root = parse_xml(data, source, "meeting")
    if _text(root, "meetingid") in ("", "0") or not _text(root, "meetingdate"):
        raise ModernGovError(source, "the service has no such meeting (its answer is empty)")
    items = [_item(element, source) for element in root.iterfind("agendaitems/agendaitem")]
    return ModernGovMeeting(
        id=_int(root, "meetingid", source),
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        committee_title=_committee_title(root),
        date=_date(root, "meetingdate", source),
        time=_text(root, "meetingtime") or None,
        status=_text(root, "meetingstatus") or None,
        location=_text(root, "meetinglocation") or None,
        agenda_published=_bool(root, "agendapublished"),
        minutes_published=_bool(root, "minutepublished"),
        items=items,
        attendees=[_attendee(a) for a in root.iterfind("attendees/attendee") if a.get("name")],
    )


def read_meeting_file(path: str | Path) -> ModernGovMeeting:
    """A meeting saved by ``councildocs moderngov fetch``: its ``meeting.xml``, or the folder
    holding it."""
    path = Path(path)
    if path.is_dir():
        path = path / "meeting.xml"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModernGovError(
            str(path), f"cannot read the meeting record ({exc.strerror})"
        ) from None
    return read_meeting(data, str(path))


def read_attachment(data: bytes, source: str) -> Attachment:
    root = parse_xml(data, source, "attachment")
    details = root.find("attachmentdetails")
    if details is None or not _text(details, "attachmentid"):
        raise ModernGovError(source, "the service has no such document (its answer is empty)")
    return _attachment(details, source)


# --- elements to models ----------------------------------------------------------------


def _item(element: Element, source: str) -> ModernGovItem:
    number = _text(element, "agendaitemnumber")
    sub = _text(element, "agendaitemsubnumber")
    if sub:
        number = f"{number}{sub}" if sub.isalpha() else f"{number}.{sub}"
    count = _text(element, "declarationcount")
    presenter = None
    for n in ("1", "2"):  # two free comment fields; councils label one "Presented By"
        if _text(element, f"commentlabel{n}").lower().startswith("presented"):
            presenter = html_text(_text(element, f"commenttext{n}")) or None
    return ModernGovItem(
        id=_int(element, "agendaitemid", source),
        number=number,
        minute_number=_text(element, "fulldisplaynumberformat").rstrip(".") or None,
        title=_title(element, "agendaitemtitle"),
        text=html_text(_text(element, "agendatext")),
        minutes=html_text(_text(element, "minutesnonemptyhtmlbody")),
        decision=html_text(_text(element, "decisionnonemptyhtmlbody")),
        presented_by=presenter,
        declaration_count=int(count) if count.isdigit() else None,
        restricted=_bool(element, "isrestricted"),
        is_decision=_bool(element, "isdecision"),
        documents=[_attachment(d, source) for d in element.iterfind("linkeddocuments/linkeddoc")],
    )


def _attachment(element: Element, source: str) -> Attachment:
    order = _text(element, "itemnum")
    published = _text(element, "publicationdate")
    return Attachment(
        id=_int(element, "attachmentid", source),
        title=_title(element, "title"),
        url=_text(element, "url"),
        external_link=_bool(element, "isurl"),
        restricted=_bool(element, "isrestricted"),
        restriction_reference=_text(element, "restrictionsRef") or None,
        order=int(order) if order.isdigit() else None,
        published=_date(element, "publicationdate", source) if published else None,
        committee_title=_text(element, "committeetitle") or None,
        decision_attachment=_bool(element, "isdecisionattachment"),
        item_title=_title(element, "ownertitle") or None,
    )


def _attendee(element: Element) -> Attendee:
    def attribute(name: str) -> str | None:
        value = (element.get(name) or "").strip()
        return html.unescape(value) or None

    member = attribute("memberid")
    return Attendee(
        member_id=int(member) if member and member.isdigit() else None,
        name=attribute("name") or "",
        role=attribute("roledescription"),
        attendance=attribute("attendance"),
        party=attribute("politicalparty"),
        ward=attribute("ward"),
        key_posts=attribute("keyposts"),
        representing=attribute("representing"),
    )


def _committee_title(root: Element) -> str | None:
    """GetMeeting names no committee of its own; its documents carry the committee's title."""
    for title in root.iterfind("agendaitems/agendaitem/linkeddocuments/linkeddoc/committeetitle"):
        if (title.text or "").strip():
            return title.text.strip()
    return None


# --- fields ----------------------------------------------------------------------------


def _text(element: Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _title(element: Element, tag: str) -> str:
    # titles arrive escaped twice ("Members&amp;#39; Question Time"): once is XML's
    return " ".join(html.unescape(_text(element, tag)).split())


def _int(element: Element, tag: str, source: str) -> int:
    value = _text(element, tag)
    if not value.isdigit():
        raise ModernGovError(
            source, f"<{tag}> should be a number but is {value!r}; not a ModernGov answer?"
        )
    return int(value)


def _bool(element: Element, tag: str) -> bool:
    return _text(element, tag).lower() == "true"


def _date(element: Element, tag: str, source: str) -> dt.date:
    """The service's dates are day/month/year."""
    value = _text(element, tag)
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        raise ModernGovError(source, f"<{tag}> {value!r} is not a day/month/year date") from None


_SPACES = re.compile(r"\s+")  # no-break spaces too


class _TextOfHtml(HTMLParser):
    """The text of an HTML fragment, a line per paragraph, list item or table row."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        # the HTML's own line breaks are wrapping, not text; blocks make the lines
        self.parts.append(_SPACES.sub(" ", data))


def html_text(fragment: str) -> str:
    """A service HTML field (agenda text, minutes, decision) as plain text."""
    if not fragment:
        return ""
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
