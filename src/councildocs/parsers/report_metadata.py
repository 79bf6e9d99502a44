"""A report's header block (the facts printed above its recommendations) to ReportMetadata.

Councils word the same facts differently; each label below maps to one field:

- Wolverhampton (two columns, labels without colons; in a text export labels and values
  are interleaved across lines): "Report title", "Cabinet member with lead responsibility",
  "Wards affected", "Accountable director", "Originating service", "Accountable
  employee(s)" with "Tel" / "Email", "Report to be/has been considered by" with bodies
  then dates; the meeting (body, date) printed above "Report title".
- Kent ("Label:" then the value, wrapped values indented): "From:", "To: Cabinet - 30
  January 2025", "Subject:", "Decision No:", "Key Decision:", "Classification:", "Past
  Pathway of report:", "Electoral Division:", "Summary:"; proposed records of decision:
  "DECISION TO BE TAKEN BY:", "DECISION NUMBER:", "Subject Matter / Title of Decision:".
- Bristol: "COMMITTEE:", "DATE:", "TITLE:", "Ward(s):", "Officer presenting the report:
  ... Job title: ...", "Executive Director lead:", "KEY OR NON-KEY DECISION:", "Purpose
  of Report:"; West of England: "REPORT TO:", "REPORT TITLE:", "RESPONSIBLE OFFICER:".

Any other "Label: value" in the block goes to ``extra`` as printed.
"""

from __future__ import annotations

from ..extract import Line
from ..models import (
    CabinetMember,
    Consideration,
    Contact,
    HeaderPair,
    KeyDecision,
    MeetingRef,
    NamedRole,
    Provenance,
    ReportMetadata,
)
from ..patterns import compiled
from ..vocabulary import labels
from ..vocabulary import people as people_words
from ..vocabulary.grammar import EMAIL, PHONE_CELL
from .common import DATE_PATTERN, clean, parse_date

# Any other "Label: value" in the block: a short capitalised phrase ending in a colon.
_OTHER_LABEL = compiled(r"^(?P<label>\p{Lu}[\w ()/?,’'&-]{1,55}?)\s*:(?:\s+|$)")
_OPENS_WITH_NAME = compiled(r"^\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{Ll}'’-]+){1,2},\s")


def match_label(line: Line, following: Line | None) -> tuple[str, str, str, bool] | None:
    """The header label a line opens with: (field, label, rest of the text, next line used).

    A label wrapped over two lines ("Cabinet member with lead" / "responsibility") is
    matched on the two lines joined.
    """
    text = line.text.strip()
    candidates = [(text, False)]
    if following is not None and following.page == line.page:
        candidates.append((f"{text} {following.text.strip()}", True))
    for key, pattern in labels.HEADER_LABEL_PATTERNS:
        for candidate, uses_next in candidates:
            match = pattern.match(candidate)
            if match and (not uses_next or match.end("label") > len(text)):
                return key, clean(match.group("label")), candidate[match.end() :].strip(), uses_next
    return None


def other_label(line: Line) -> tuple[str, str] | None:
    match = _OTHER_LABEL.match(line.text.strip())
    if not match or len(match.group("label").split()) > 8:
        return None
    return clean(match.group("label")), line.text.strip()[match.end() :].strip()


def boxed_lead_label(line: Line) -> tuple[str, str] | None:
    """A box opening with a bold run and plain text after it ("**For publication**
    [Do not include ...]"): the style change ends the label, as a colon would."""
    spans = line.spans
    if len(spans) < 2 or any(span.style is None for span in spans):
        return None
    lead, rest = spans[0], spans[1:]
    label = lead.text.strip().rstrip(":").strip()
    if not lead.style.bold or any(span.style.bold for span in rest):
        return None
    if not label or len(label.split()) > 8:
        return None
    return clean(label), clean(" ".join(span.text for span in rest))


class HeaderField:
    """A label and the lines of its value, as the block prints them."""

    def __init__(self, key: str, label: str, first: str, line: Line) -> None:
        self.key = key
        self.label = label
        self.label_line = line
        self.lines: list[tuple[str, Line]] = [(first, line)] if first else []
        self.column: float | None = None  # x of a label printed beside another
        self.grid: float | None = None  # x where a header grid's value column starts

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.lines]

    @property
    def value(self) -> str:
        return clean(" ".join(self.texts))

    def blocks(self) -> list[str]:
        """The value split where the block leaves a gap, or where a line opens with a
        name and a comma ("Ruth Hale, Corporate Director ..."): one entry (a person) each."""
        # a value has too few lines for a median line gap: judge gaps by the line height
        blocks: list[list[str]] = []
        previous: Line | None = None
        for text, line in self.lines:
            step = line.top - previous.top if previous is not None else 0.0
            limit = 1.0 if not line.has_geometry else max(line.height, 1.0) * 1.6
            if (
                previous is None
                or line.page != previous.page
                or step > limit
                or (_OPENS_WITH_NAME.match(text))
            ):
                blocks.append([])
            blocks[-1].append(text)
            previous = line
        return [clean(" ".join(block)) for block in blocks]


# a second label on a pair's row: a short capitalised phrase and its colon ("Date:",
# "Job title:"), not a time ("10:30") nor a URL's scheme
_ROW_LABEL = compiled(r"^(?P<label>\p{Lu}[\p{L}()/’'&-]*(?: [\p{L}()/’'&-]+){0,4}?)\s*:(?:\s+|$)")
# in a text export the second pair is set apart by a run of spaces
_ROW_GAP = compiled(r"\s{2,}(?=\p{Lu})")


def split_row_pairs(fields: list[HeaderField]) -> list[HeaderField]:
    """Two pairs printed on one row ("To: Cabinet   Date: 4 March 2025") as two fields.

    The second label starts a span of its own after the first value (a PDF), or follows a
    run of spaces (a text export); the value's wrapped lines go to the pair whose column
    they start under."""
    out: list[HeaderField] = []
    for field in fields:
        out.extend(_split_row(field))
    return out


def _split_row(field: HeaderField) -> list[HeaderField]:
    row = field.label_line
    for index, (text, line) in enumerate(field.lines):
        if line is not row:
            break
        match = _ROW_LABEL.match(text.strip()) if index else None
        if match:  # a grid's cells: the label is a cell of its own
            cut = ("", match.group("label"), text.strip()[match.end() :].strip(), None)
        else:
            cut = _second_label(text, row)
        if cut is None:
            continue
        before, label, after, column = cut
        if column is None and row.has_geometry:
            column = next((s.x0 for s in row.spans if s.text.strip() == text.strip()), None)
        known = match_label(Line(f"{label}: {after}", 0, row.top, 0, row.bottom, row.page), None)
        second = HeaderField(known[0] if known else "other", clean(label), after, row)
        kept = [*field.lines[:index], *([(before, row)] if before else [])]
        for later_text, later in field.lines[index + 1 :]:
            if later is row or (column is not None and later.x0 >= column - 4):
                second.lines.append((later_text, later))
            else:
                kept.append((later_text, later))
        field.lines = kept
        return [field, *_split_row(second)]
    return [field]


def _second_label(text: str, row: Line) -> tuple[str, str, str, float | None] | None:
    """Where a second "Label:" opens on the row: the value before it, the label, the value
    after it, and the x where its column starts (None in a text export)."""
    if row.has_geometry and len(row.spans) > 1:
        for span in row.spans[1:]:
            span_text = span.text.strip()
            match = _ROW_LABEL.match(span_text)
            position = text.find(span_text)
            if match and position > 0:
                after = text[position + match.end() :].strip()
                return text[:position].strip(), match.group("label"), after, span.x0
        return None
    for gap in _ROW_GAP.finditer(text):
        match = _ROW_LABEL.match(text[gap.end() :])
        if match and gap.start() > 0:
            after = text[gap.end() + match.end() :].strip()
            return text[: gap.start()].strip(), match.group("label"), after, None
    return None


def build_metadata(preamble: list[Line], fields: list[HeaderField]) -> ReportMetadata:
    """Turn the labelled fields of a header block into metadata; what fits nowhere goes to extra."""
    fields = split_row_pairs(fields)
    meta = ReportMetadata(fields=[_pair(field) for field in fields if field.value])
    for line_meeting in _meeting_from_preamble(preamble):
        meta.meeting = line_meeting
    for field in fields:
        handler = _HANDLERS.get(field.key)
        if handler is None or not handler(meta, field):
            _keep(meta, field.label, field.value)
    if meta.cabinet_member is None and meta.cabinet_members:
        meta.cabinet_member = meta.cabinet_members[0]
    return meta


def _pair(field: HeaderField) -> HeaderPair:
    """The field as printed, its box the label's line and the value's lines on that page
    (of a label printed beside another, its own span of the line)."""
    first = field.label_line
    label = next((s for s in first.spans if s.x0 == field.column), None)
    if label is not None:
        first = Line(label.text, label.x0, first.top, label.x1, first.bottom, first.page)
    lines = [first, *(line for _, line in field.lines if line.page == first.page)]
    box = (
        tuple(
            round(value, 1)
            for value in (
                min(line.x0 for line in lines),
                min(line.top for line in lines),
                max(line.x1 for line in lines),
                max(line.bottom for line in lines),
            )
        )
        if first.has_geometry
        else None
    )
    return HeaderPair(
        label=field.label, value=field.value, provenance=Provenance(page=first.page, bbox=box)
    )


def _keep(meta: ReportMetadata, label: str, value: str) -> None:
    key = label
    n = 2
    while key in meta.extra:
        key = f"{label} ({n})"
        n += 1
    meta.extra[key] = value


def _meeting_from_preamble(preamble: list[Line]) -> list[MeetingRef]:
    """Wolverhampton prints the meeting (body, then date) above the header table."""
    texts = [line.text.strip() for line in preamble]
    for index, text in enumerate(texts):
        # the first line that is a date, and only that
        date = parse_date(text) if DATE_PATTERN.fullmatch(text) else None
        if date:
            body = clean(" ".join(texts[:index]))
            return [MeetingRef(body=body or None, date=date)]
    return []


def preamble_is_meeting(preamble: list[Line]) -> bool:
    return bool(_meeting_from_preamble(preamble))


def _title(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value or meta.title:
        return False
    meta.title = field.value
    return True


def _person(text: str) -> tuple[str, str | None]:
    """ "Rory Love, Cabinet Member for Education" → name and role."""
    parts = _PERSON_SEPARATOR.split(text, maxsplit=1)
    name = parts[0].strip()
    role = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return name, role


_PERSON_SEPARATOR = compiled(r"\s*,\s*|\s+[-–—]\s+|\s*:\s+")


def _cabinet_member(meta: ReportMetadata, field: HeaderField) -> bool:
    texts = [t for t in field.texts if t]
    if not texts:
        return False
    # "Councillor Hazel Malcolm" then the portfolio on its own line(s)
    name = texts[0]
    portfolio = clean(" ".join(texts[1:])) or None
    if portfolio is None and "," in name:
        name, portfolio = _person(name)
    member = CabinetMember(name=clean(name), portfolio=portfolio)
    meta.cabinet_member = meta.cabinet_member or member
    meta.cabinet_members.append(member)
    return True


_NAME_LAST = compiled(r",\s*(?P<name>(?:\p{Lu}[\p{L}'’.-]*\s?){2,4})$")


def _role_first_people(texts: list[str]) -> list[str]:
    """Lines of "Role, Name" entries, a role wrapped over lines: each ends at a line
    closing on ", Name" (Kent's finance reports: "Deputy Leader and Cabinet Member for
    Finance, Corporate and" / "Traded Services, Peter Oakford")."""
    people: list[str] = []
    current: list[str] = []
    for text in texts:
        current.append(text)
        tail = _NAME_LAST.search(text)
        if tail and not people_words.ROLE_WORD.search(tail.group("name")):
            people.append(clean(" ".join(current)))
            current = []
    if current:
        people.append(clean(" ".join(current)))
    return people


def _from(meta: ReportMetadata, field: HeaderField) -> bool:
    """Kent's "From:": one person per block, each "Name, Role"; finance reports print
    "Role, Name" instead, a person per line or two."""
    rest = []
    texts = [t for t in field.texts if t]
    role_first = (
        bool(texts)
        and "," in texts[0]
        and bool(people_words.ROLE_WORD.search(texts[0].split(",")[0]))
        and any(_NAME_LAST.search(t) for t in texts)
    )
    entries = _role_first_people(texts) if role_first else field.blocks()
    for block in entries:
        if role_first and _NAME_LAST.search(block):
            name, role = _person_last(block)
        else:
            name, role = _person(block)
        if role and people_words.CABINET_ROLE.search(role):
            meta.cabinet_members.append(CabinetMember(name=name, portfolio=role))
        elif role and people_words.DIRECTOR_ROLE.search(role) and not meta.accountable_director:
            meta.accountable_director = NamedRole(name=name, role=role)
        else:
            rest.append(block)
    if rest:
        _keep(meta, field.label, "; ".join(rest))
    return True


def _person_last(text: str) -> tuple[str, str | None]:
    """ "Interim Corporate Director Finance, John Betts": the name printed last."""
    role, _, name = text.rpartition(",")
    return name.strip(), role.strip() or None


def _contacts(meta: ReportMetadata, field: HeaderField) -> bool:
    """A contact table, a row per person: role | name | telephone | e-mail."""
    found = False
    for text, line in field.lines:
        cells = [span.text.strip() for span in line.spans] if line.spans else [text]
        email = next((c for c in cells if EMAIL.fullmatch(c)), None)
        tel = next((c for c in cells if PHONE_CELL.match(c)), None)
        words = [c for c in cells if c not in (email, tel)]
        if len(words) != 2:
            _keep(meta, field.label, text)
            continue
        meta.accountable_employees.append(
            Contact(name=words[1], role=words[0], tel=tel, email=email)
        )
        found = True
    return found


def _wards(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value:
        return False
    meta.wards_affected = [w for w in _WARD_SEPARATOR.split(field.value) if w]
    return True


_WARD_SEPARATOR = compiled(r"\s*[;,]\s*|\s+and\s+")


def _director(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value:
        return False
    name, role = _person(field.value)
    meta.accountable_director = NamedRole(name=name, role=role)
    return True


def _service(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value:
        return False
    meta.originating_service = field.value
    return True


def _employees(meta: ReportMetadata, field: HeaderField) -> bool:
    """Name, role, tel and email in whatever order the columns were flattened into."""
    name = role = tel = email = None
    texts: list[str] = []
    for text in field.texts:
        # an address wrapped at the cell edge: "...@wolverhampton.gov." / "uk"
        if texts and "@" in texts[-1] and _INITIALS_ONLY.fullmatch(text.strip()):
            texts[-1] += text.strip()
        else:
            texts.append(text)
    for text in texts:
        # "Adam Crowther Job title: Head of City Transport" on one line
        inline = labels.JOB_TITLE_INLINE.split(text, maxsplit=1)
        for part in inline:
            part = labels.CONTACT_SUB_LABEL.sub("", part).strip()
            if not part:
                continue
            if EMAIL.fullmatch(part):
                email = email or part
            elif PHONE_CELL.match(part):
                tel = tel or part
            elif name is None:
                name = part
            elif role is None:
                role = part
            else:
                role = f"{role} {part}"
    if name is None:
        return False
    if role is None and "," in name:  # "Priya Natarajan, Head of Transport Infrastructure"
        name, role = _person(name)
    meta.accountable_employees.append(Contact(name=name, role=role, tel=tel, email=email))
    return True


_INITIALS_ONLY = compiled(r"[a-z]{1,4}")


def _job_title(meta: ReportMetadata, field: HeaderField) -> bool:
    """A role printed as a pair of its own beside the contact it belongs to."""
    if not meta.accountable_employees or meta.accountable_employees[-1].role or not field.value:
        return False
    meta.accountable_employees[-1].role = field.value
    return True


def _considered(meta: ReportMetadata, field: HeaderField) -> bool:
    """Bodies then dates (Wolverhampton's columns), or "Body - date" runs (Kent's pathway)."""
    texts = [t for t in field.texts if t]
    date_only = [t for t in texts if DATE_PATTERN.fullmatch(t)]
    bodies = [t for t in texts if not DATE_PATTERN.search(t)]
    considered: list[Consideration] = []
    if date_only and len(date_only) + len(bodies) == len(texts):
        if len(bodies) > len(date_only) and len(bodies) % len(date_only) == 0:
            # a grid wraps each body over the same number of lines ("People Leadership" /
            # "Team"), its dates one a line beside the first body
            size = len(bodies) // len(date_only)
            bodies = [" ".join(bodies[n : n + size]) for n in range(0, len(bodies), size)]
        for n, body in enumerate(bodies):
            date = parse_date(date_only[n]) if n < len(date_only) else None
            considered.append(Consideration(body=body, date=date))
    else:
        text = field.value
        position = 0
        for match in DATE_PATTERN.finditer(text):
            body = text[position : match.start()].strip(" -–—,;")
            if body:
                considered.append(Consideration(body=body, date=parse_date(match.group())))
            position = match.end()
        if text[position:].strip(" -–—,;."):
            # a pathway step without a date ("Cabinet Decision")
            considered.append(Consideration(body=text[position:].strip(" -–—,;.")))
    if not considered:
        return False
    meta.considered_by.extend(considered)
    return True


def _to(meta: ReportMetadata, field: HeaderField) -> bool:
    """ "Cabinet - 30 January 2025": the meeting the report is for."""
    value = field.value
    if not value:
        return False
    match = DATE_PATTERN.search(value)
    body = (value[: match.start()] if match else value).strip(" -–—,;:")
    meta.meeting = MeetingRef(
        body=body or meta.meeting.body,
        date=(parse_date(match.group()) if match else None) or meta.meeting.date,
    )
    return True


def _committee(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value:
        return False
    meta.meeting = MeetingRef(body=field.value, date=meta.meeting.date)
    return True


def _date(meta: ReportMetadata, field: HeaderField) -> bool:
    date = parse_date(field.value)
    if date is None:
        return False
    meta.meeting = MeetingRef(body=meta.meeting.body, date=date)
    return True


def _key_decision(meta: ReportMetadata, field: HeaderField) -> bool:
    texts = field.texts
    criteria = next(
        (n for n, t in enumerate(texts) if n and labels.KEY_DECISION_CRITERIA.match(t.strip())),
        None,
    )
    if criteria is not None:
        match = labels.KEY_DECISION_CRITERIA.match(texts[criteria].strip())
        _keep(meta, clean(match["label"]), clean(" ".join([match["rest"], *texts[criteria + 1 :]])))
        texts = texts[:criteria]
    text = clean(" ".join(texts))
    if not text:
        return False
    lowered = text.lower()
    if labels.KEY_DECISION_YES.match(lowered):
        value: bool | None = True
    elif labels.KEY_DECISION_NO.match(lowered):
        value = False
    else:
        value = None
    meta.key_decision = KeyDecision(value=value, text=text)
    return True


def _decision_number(meta: ReportMetadata, field: HeaderField) -> bool:
    match = _DECISION_NUMBER.search(field.value)
    if not match:
        return False  # "n/a" stays in extra as printed
    meta.decision_number = match.group()
    rest = clean(field.value[: match.start()] + " " + field.value[match.end() :])
    if rest:
        # text printed beside the number ("For publication [Do not include ...]") is kept
        meta.extra[f"{field.label} (also printed)"] = rest
    return True


_DECISION_NUMBER = compiled(r"\b\d{2}/\d{4,6}\b")


def _classification(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value:
        return False
    meta.classification = field.value
    lowered = field.value.lower()
    if labels.CLASSIFICATION_OPEN.search(lowered):
        meta.exempt = False
    elif labels.CLASSIFICATION_EXEMPT.search(lowered):
        meta.exempt = True
    return True


def _purpose(meta: ReportMetadata, field: HeaderField) -> bool:
    if not field.value or meta.purpose:
        return False
    meta.purpose = field.value
    return True


_HANDLERS = {
    "title": _title,
    "cabinet_member": _cabinet_member,
    "from": _from,
    "wards": _wards,
    "director": _director,
    "service": _service,
    "employees": _employees,
    "job_title": _job_title,
    "considered": _considered,
    "to": _to,
    "committee": _committee,
    "date": _date,
    "key_decision": _key_decision,
    "decision_number": _decision_number,
    "classification": _classification,
    "purpose": _purpose,
    "contacts": _contacts,
}
