"""The web service's calls (``mgWebService.asmx``) over the polite HTTP client.

``ModernGovClient("https://democracy.example.gov.uk")`` answers ``committees()``,
``committee("Cabinet")``, ``meetings(committee_id, from_date, to_date)``, ``meeting(id)`` and
``attachment(id)`` with the models of :mod:`councildocs.moderngov.models`. The site may be
given with or without ``/mgWebService.asmx`` and a trailing slash.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urlsplit

import httpx

from .errors import HttpStatusError, ModernGovError
from .http import PoliteClient, Validators
from .models import Attachment, Committee, MeetingSummary, ModernGovMeeting
from .reader import read_attachment, read_committees, read_meeting, read_meetings

SERVICE = "mgWebService.asmx"
#: GetMeetings needs both ends of a range; without them, a year either side of today
DEFAULT_RANGE = dt.timedelta(days=365)


def site_address(site: str) -> str:
    """``https://host/path`` without the service's file name or a trailing slash."""
    address = site.strip().rstrip("/")
    if address.lower().endswith("/" + SERVICE.lower()):
        address = address[: -len(SERVICE) - 1]
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ModernGovError(site, "not a web address (give one like https://democracy.x.gov.uk)")
    return address


class ModernGovClient:
    """One council's web service. Use as a context manager, or call :meth:`close`."""

    def __init__(self, site: str, http: PoliteClient | None = None) -> None:
        self.site = site_address(site)
        self.http = http or PoliteClient()

    def __enter__(self) -> ModernGovClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def address(self, call: str, **parameters: object) -> str:
        query = urlencode(parameters)
        return f"{self.site}/{SERVICE}/{call}" + (f"?{query}" if query else "")

    def same_site(self, url: str) -> bool:
        """Whether ``url`` is on this site's host (hosts compare without case)."""
        return urlsplit(url).netloc.lower() == urlsplit(self.site).netloc.lower()

    def call(self, call: str, validators: Validators | None = None, **parameters) -> httpx.Response:
        url = self.address(call, **parameters)
        try:
            return self.http.get(url, validators)
        except HttpStatusError as exc:
            if exc.status == 404:
                raise ModernGovError(
                    url, f"{exc.problem}: no ModernGov web service at {self.site}"
                ) from None
            raise

    def committees(self) -> list[Committee]:
        response = self.call("GetCommittees")
        return read_committees(response.content, str(response.request.url))

    def committee(self, name_or_id: str) -> Committee:
        """The committee with this id or title (case aside); a unique part of a title will do."""
        committees = self.committees()
        wanted = name_or_id.strip().lower()
        exact = [c for c in committees if c.title.lower() == wanted or str(c.id) == wanted]
        partial = [c for c in committees if wanted in c.title.lower()]
        current = [c for c in partial if not c.expired and not c.deleted]
        for found in (exact, partial if len(partial) == 1 else current):
            if len(found) == 1:
                return found[0]
        where = self.address("GetCommittees")
        if not partial:
            raise ModernGovError(where, f"no committee is called {name_or_id!r}")
        names = ", ".join(repr(c.title) for c in (current or partial)[:6])
        raise ModernGovError(where, f"{name_or_id!r} could be any of {names}; say which")

    def meetings(
        self,
        committee_id: int,
        from_date: dt.date | None = None,
        to_date: dt.date | None = None,
    ) -> list[MeetingSummary]:
        today = dt.date.today()
        start = from_date or today - DEFAULT_RANGE
        end = to_date or max(start, today) + DEFAULT_RANGE
        response = self.call(
            "GetMeetings",
            lCommitteeId=committee_id,
            sFromDate=start.strftime("%d/%m/%Y"),
            sToDate=end.strftime("%d/%m/%Y"),
        )
        return read_meetings(response.content, str(response.request.url))

    def meeting(self, meeting_id: int) -> ModernGovMeeting:
        response = self.call("GetMeeting", lMeetingId=meeting_id)
        return read_meeting(response.content, str(response.request.url))

    def attachment(self, attachment_id: int) -> Attachment:
        response = self.call("GetAttachment", lAttachmentId=attachment_id)
        return read_attachment(response.content, str(response.request.url))
