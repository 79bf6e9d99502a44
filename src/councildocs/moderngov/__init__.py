"""ModernGov: reading a council's meetings from its web service, and fetching their papers.

Most UK principal councils publish committee papers through ModernGov, whose web service
(``<site>/mgWebService.asmx``) answers plain GETs with XML.

>>> from councildocs.moderngov import ModernGovClient, fetch_meeting
>>> with ModernGovClient("https://democracy.example.gov.uk") as client:
...     cabinet = client.committee("Cabinet")
...     meetings = client.meetings(cabinet.id, from_date=date(2025, 1, 1))
...     result = fetch_meeting(client, meetings[-1].id, "papers")
>>> meeting = read_meeting_file(result.folder / "meeting.xml")
>>> [(i.number, i.title) for i in meeting.items]

Modules: ``models`` (pydantic, no HTTP: rules read these), ``reader`` (XML to models, parsed
safely), ``http`` (timeouts, retries, a rate limit), ``client`` (the service's calls),
``fetch`` (a meeting into a folder, with a manifest), ``pack`` (a meeting as a Pack). Names
are imported on first use, so reading a saved meeting never loads httpx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import ModernGovClient
    from .errors import ModernGovError
    from .fetch import FetchResult, fetch_meeting, read_manifest
    from .http import PoliteClient
    from .models import (
        Attachment,
        Attendee,
        Committee,
        Manifest,
        MeetingSummary,
        ModernGovItem,
        ModernGovMeeting,
    )
    from .pack import meeting_pack
    from .reader import read_meeting, read_meeting_file

_LAZY = {
    "ModernGovClient": ".client",
    "ModernGovError": ".errors",
    "FetchResult": ".fetch",
    "fetch_meeting": ".fetch",
    "read_manifest": ".fetch",
    "PoliteClient": ".http",
    "Attachment": ".models",
    "Attendee": ".models",
    "Committee": ".models",
    "Manifest": ".models",
    "MeetingSummary": ".models",
    "ModernGovItem": ".models",
    "ModernGovMeeting": ".models",
    "meeting_pack": ".pack",
    "read_meeting": ".reader",
    "read_meeting_file": ".reader",
}

__all__ = [
    "Attachment",
    "Attendee",
    "Committee",
    "FetchResult",
    "Manifest",
    "MeetingSummary",
    "ModernGovClient",
    "ModernGovError",
    "ModernGovItem",
    "ModernGovMeeting",
    "PoliteClient",
    "fetch_meeting",
    "meeting_pack",
    "read_manifest",
    "read_meeting",
    "read_meeting_file",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
