"""What a ModernGov web service says about a council's meetings, as pydantic models.

These are models like :mod:`councildocs.models`: they import no HTTP client, so rules can read
a meeting saved as ``meeting.xml`` (or as JSON) without the network code. Dates are dates, the
service's HTML fields are plain text, and an item or a document the council withholds from the
public is marked ``restricted``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..models import Model


class Committee(Model):
    """One entry of ``GetCommittees``."""

    id: int
    title: str
    category: str | None = None
    deleted: bool = False
    expired: bool = Field(False, description="The committee no longer meets")


class MeetingSummary(Model):
    """One meeting as ``GetMeetings`` lists it: enough to choose which to fetch."""

    id: int
    committee_id: int | None = None
    committee_title: str | None = None
    date: dt.date
    time: str | None = None
    status: str | None = Field(None, description='e.g. "Confirmed", "Cancelled"')
    webcast: bool = False


class Attachment(Model):
    """A document linked to an agenda item (``linkeddoc``), or ``GetAttachment``'s answer."""

    id: int
    title: str
    url: str = Field(description="Where the document is published (mgConvert2PDF.aspx?ID=)")
    external_link: bool = Field(False, description="The link is to a web page, not a document")
    restricted: bool = Field(False, description="Withheld from the public (exempt information)")
    restriction_reference: str | None = None
    order: int | None = Field(None, description="Its place among the item's documents")
    published: dt.date | None = None
    committee_title: str | None = None
    decision_attachment: bool = False
    item_title: str | None = Field(None, description="The agenda item it belongs to")


class Attendee(Model):
    """A member or officer as the meeting's attendance record lists them."""

    member_id: int | None = None
    name: str
    role: str | None = Field(None, description='e.g. "Chair", "Committee Member", "Officer"')
    attendance: str | None = Field(None, description='e.g. "Present, as expected", "Apologies"')
    party: str | None = None
    ward: str | None = None
    key_posts: str | None = None
    representing: str | None = None


class ModernGovItem(Model):
    """One agenda item of a meeting, with what the council recorded against it."""

    id: int
    number: str = Field(description='The agenda number as printed: "6", or "6a" with a sub-number')
    minute_number: str | None = Field(None, description='The minute it became, e.g. "55"')
    title: str
    text: str = Field("", description="The agenda's text for the item")
    minutes: str = Field("", description="The minutes' text for the item")
    decision: str = Field("", description="The decision recorded, where there is one")
    presented_by: str | None = None
    declaration_count: int | None = Field(
        None, description="Declarations of interest the council recorded against the item"
    )
    restricted: bool = Field(False, description="An exempt item, taken in private (part 2)")
    is_decision: bool = False
    documents: list[Attachment] = Field(default_factory=list)


class ModernGovMeeting(Model):
    """One meeting as ``GetMeeting`` gives it."""

    id: int
    source: str = Field(description="The address (or file) the record was read from")
    sha256: str = Field(description="Of the XML as received")
    committee_title: str | None = None
    date: dt.date
    time: str | None = None
    status: str | None = None
    location: str | None = None
    agenda_published: bool = False
    minutes_published: bool = False
    items: list[ModernGovItem] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)

    @property
    def declaration_count(self) -> int | None:
        """The declarations recorded across all items; None when no item counts them."""
        counts = [i.declaration_count for i in self.items if i.declaration_count is not None]
        return sum(counts) if counts else None


# --- what `councildocs moderngov fetch` writes beside the papers -----------------------------


class FetchedFile(Model):
    """One file of a fetched meeting, as the manifest records it."""

    path: str = Field(description="Relative to the meeting's folder")
    source: str
    sha256: str
    attachment_id: int | None = None
    agenda_item: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class SkippedDocument(Model):
    """A linked document that was not downloaded, and why."""

    attachment_id: int
    title: str
    source: str
    reason: str


class Manifest(Model):
    """``meeting.json``: where each file of a fetched meeting came from and what it held."""

    site: str
    meeting_id: int
    committee_title: str | None = None
    date: dt.date
    source: str = Field(description="The GetMeeting address")
    fetched_at: dt.datetime
    files: list[FetchedFile] = Field(default_factory=list)
    skipped: list[SkippedDocument] = Field(default_factory=list)
