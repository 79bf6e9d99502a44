"""Fetching a meeting's record and papers into a folder, and fetching it again cheaply.

Layout, under the folder the user names::

    <committee>/<date>_<meeting id>/meeting.xml     the GetMeeting answer, as received
    <committee>/<date>_<meeting id>/<id>_<title>.pdf  each linked document
    <committee>/<date>_<meeting id>/meeting.json    the manifest (:class:`Manifest`)

Every file is written atomically and the manifest last, so it only ever describes complete
files. A fetch that fails part-way removes the files it added and leaves an earlier fetch's
files and manifest as they were. Fetching again asks the server whether each file changed
(``If-None-Match`` / ``If-Modified-Since``, from the manifest); a server that gives no such
validators is trusted for an unchanged meeting: a file whose record is the same, and whose
bytes still have the recorded sha256, is not downloaded again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..atomic import open_binary_atomically, write_atomically
from ..cache import file_sha256
from .client import ModernGovClient
from .errors import ModernGovError
from .http import Validators
from .models import Attachment, FetchedFile, Manifest, ModernGovMeeting, SkippedDocument
from .reader import read_meeting

MEETING_XML = "meeting.xml"
MANIFEST = "meeting.json"
PDF_START = b"%PDF-"


@dataclass(frozen=True)
class FetchResult:
    folder: Path
    meeting: ModernGovMeeting
    manifest: Manifest
    downloaded: int
    unchanged: int


def fetch_meeting(client: ModernGovClient, meeting_id: int, root: str | Path) -> FetchResult:
    """The meeting's XML and every public linked document, into ``root`` (see above)."""
    root = Path(root)
    previous_folder = _existing_folder(root, meeting_id)
    previous = read_manifest(previous_folder) if previous_folder else None
    known = {f.path: f for f in previous.files} if previous else {}

    url = client.address("GetMeeting", lMeetingId=meeting_id)
    old_xml = known.get(MEETING_XML)
    response = client.call("GetMeeting", _validators(old_xml), lMeetingId=meeting_id)
    if response.status_code == 304 and previous_folder:
        data = (previous_folder / MEETING_XML).read_bytes()
    else:
        data = response.content
    meeting = read_meeting(data, url)
    folder = root / _slug(meeting.committee_title or "meetings") / f"{meeting.date}_{meeting.id}"
    if previous_folder and previous_folder != folder:  # renamed or moved: start afresh
        known = {}
    xml_unchanged = old_xml is not None and old_xml.sha256 == meeting.sha256

    created: list[Path] = []
    folder_existed = folder.exists()
    try:
        files: list[FetchedFile] = []
        skipped: list[SkippedDocument] = []
        downloaded = unchanged = 0
        for item in meeting.items:
            for attachment in item.documents:
                reason = _reason_to_skip(client, attachment)
                if reason:
                    skipped.append(
                        SkippedDocument(
                            attachment_id=attachment.id,
                            title=attachment.title,
                            source=attachment.url,
                            reason=reason,
                        )
                    )
                    continue
                name = f"{attachment.id}_{_slug(attachment.title)[:60]}.pdf"
                path = folder / name
                before = known.get(name)
                fetched, changed = _fetch_document(
                    client, attachment, path, before, trust_unchanged=xml_unchanged, created=created
                )
                fetched = fetched.model_copy(update={"agenda_item": item.number})
                files.append(fetched)
                downloaded += changed
                unchanged += not changed
        # the record after its papers: an interrupted fetch leaves the old record and manifest
        files.insert(0, _save_xml(folder, data, url, Validators.of(response), old_xml, created))
        manifest = Manifest(
            site=client.site,
            meeting_id=meeting.id,
            committee_title=meeting.committee_title,
            date=meeting.date,
            source=url,
            fetched_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            files=files,
            skipped=skipped,
        )
        write_atomically(folder / MANIFEST, manifest.model_dump_json(indent=2) + "\n")
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        if not folder_existed:
            _remove_empty(folder, root)
        raise
    return FetchResult(folder, meeting, manifest, downloaded, unchanged)


def read_manifest(folder: str | Path) -> Manifest:
    path = Path(folder) / MANIFEST
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise ModernGovError(str(path), f"cannot read the manifest ({exc.strerror})") from None
    except ValueError as exc:
        raise ModernGovError(str(path), f"not a meeting manifest ({exc})") from None


# --- pieces ----------------------------------------------------------------------------


def _save_xml(
    folder: Path,
    data: bytes,
    url: str,
    validators: Validators,
    old: FetchedFile | None,
    created: list[Path],
) -> FetchedFile:
    path = folder / MEETING_XML
    if not path.exists():
        created.append(path)
    with open_binary_atomically(path) as handle:
        handle.write(data)
    if old and not (validators.etag or validators.last_modified):  # a 304 sends none again
        validators = Validators(old.etag, old.last_modified)
    return FetchedFile(
        path=MEETING_XML,
        source=url,
        sha256=file_sha256(path),
        etag=validators.etag,
        last_modified=validators.last_modified,
    )


def _fetch_document(
    client: ModernGovClient,
    attachment: Attachment,
    path: Path,
    before: FetchedFile | None,
    *,
    trust_unchanged: bool,
    created: list[Path],
) -> tuple[FetchedFile, bool]:
    intact = before is not None and path.exists() and file_sha256(path) == before.sha256
    validators = _validators(before) if intact else None
    if intact and validators is None and trust_unchanged:
        return before, False
    existed = path.exists()
    download = client.http.download(attachment.url, path, validators, expect=PDF_START)
    if download.changed and not existed:
        created.append(path)
    kept = download.validators if download.changed else (validators or Validators())
    return (
        FetchedFile(
            path=path.name,
            source=attachment.url,
            sha256=download.sha256,
            attachment_id=attachment.id,
            title=attachment.title,
            etag=kept.etag,
            last_modified=kept.last_modified,
        ),
        download.changed,
    )


def _reason_to_skip(client: ModernGovClient, attachment: Attachment) -> str | None:
    if attachment.restricted:
        return "restricted: withheld from the public"
    if attachment.external_link:
        return "a link to a web page, not a document"
    if not client.same_site(attachment.url):
        return "on another site; only the council's own site is fetched"
    return None


def _validators(recorded: FetchedFile | None) -> Validators | None:
    if recorded is None or not (recorded.etag or recorded.last_modified):
        return None
    return Validators(recorded.etag, recorded.last_modified)


def _existing_folder(root: Path, meeting_id: int) -> Path | None:
    for manifest in sorted(root.glob(f"*/*_{meeting_id}/{MANIFEST}")):
        return manifest.parent
    return None


def _remove_empty(folder: Path, root: Path) -> None:
    """``folder`` and its parents up to ``root``, where nothing is left in them."""
    for directory in [folder, *folder.parents]:
        if directory == root or root not in directory.parents:
            return
        try:
            directory.rmdir()
        except OSError:  # not empty: something else lives there
            return


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "untitled"
