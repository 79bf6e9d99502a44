"""Packs into a normalised SQLite database that Datasette opens as it is.

One table per concept, joined by foreign keys that cascade from ``packs``: documents,
agenda_items, people and attendance, declarations, minutes (each minutes document's
meeting) and minute_items, resolutions, actions, reports (one row of metadata columns per
report), recommendations, sections and paragraphs, implications, tables and table_cells
(each cell's text and, where it reads as one, its number), statistics_rows and
statistics_values, programme_items, and findings. Lists of strings that have no table
of their own (wards, notes, footnotes) are JSON arrays, which Datasette displays as such.

Full text: ``documents_fts`` (every string of each document), ``paragraphs_fts``,
``resolutions_fts``, ``recommendations_fts`` and ``minute_items_fts`` are FTS5 tables over
their namesakes (``content="<table>"``, the layout Datasette detects for its search box),
kept in step by triggers. Views answer the common questions: ``meeting_agenda``,
``attendees``, ``statistics``.

A pack's rows are replaced whole, keyed by the file's sha256, inside one transaction: a
re-export never duplicates a pack and an interrupted one never leaves half of it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import regex

from ..models import (
    Attendance,
    DocumentBase,
    Finding,
    MinutesDocument,
    Pack,
    PageSpan,
    Provenance,
    ReportDocument,
    Table,
    WorkProgrammeDocument,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS packs (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    pdf_title TEXT,
    council TEXT,
    body TEXT,
    meeting_date TEXT,
    meeting_time TEXT,
    venue TEXT,
    schema_version TEXT NOT NULL,
    councildocs_version TEXT
);
CREATE TABLE IF NOT EXISTS agenda_items (
    id INTEGER PRIMARY KEY,
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    presenter TEXT,
    presenter_role TEXT,
    part INTEGER NOT NULL,
    decision_number TEXT,
    notes TEXT,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    agenda_item TEXT,
    page_start INTEGER,
    page_end INTEGER,
    physical_start INTEGER,
    physical_end INTEGER,
    text TEXT NOT NULL,
    unplaced_text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS minutes (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    body TEXT,
    date TEXT,
    time TEXT,
    venue TEXT,
    declarations_stated INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS attendance (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    status TEXT NOT NULL,
    honorific TEXT,
    role TEXT,
    organisation TEXT,
    party TEXT,
    attended_virtually INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS declarations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    item TEXT,
    interest TEXT NOT NULL,
    kind TEXT
);
CREATE TABLE IF NOT EXISTS minute_items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT,
    agenda_item TEXT,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS resolutions (
    id INTEGER PRIMARY KEY,
    minute_item_id INTEGER NOT NULL REFERENCES minute_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT,
    text TEXT NOT NULL,
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstained INTEGER,
    votes_unanimous INTEGER,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY,
    minute_item_id INTEGER NOT NULL REFERENCES minute_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    owner TEXT,
    text TEXT NOT NULL,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS reports (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT,
    meeting_body TEXT,
    meeting_date TEXT,
    cabinet_member TEXT,
    cabinet_member_portfolio TEXT,
    cabinet_members TEXT,
    wards_affected TEXT,
    accountable_director TEXT,
    accountable_director_role TEXT,
    originating_service TEXT,
    accountable_employees TEXT,
    considered_by TEXT,
    key_decision INTEGER,
    key_decision_text TEXT,
    decision_number TEXT,
    classification TEXT,
    exempt INTEGER,
    purpose TEXT,
    extra TEXT,
    background_papers TEXT,
    appendices TEXT,
    links TEXT
);
CREATE TABLE IF NOT EXISTS recommendations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT,
    text TEXT NOT NULL,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT,
    title TEXT NOT NULL,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT,
    text TEXT NOT NULL,
    bullets TEXT NOT NULL,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS implications (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    none_stated INTEGER NOT NULL,
    sign_off_reference TEXT,
    sign_off_initials TEXT,
    sign_off_date TEXT,
    sign_off_code TEXT,
    page INTEGER
);
CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page INTEGER NOT NULL,
    pages TEXT NOT NULL,
    caption TEXT,
    header TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    spans TEXT NOT NULL,
    footnotes TEXT NOT NULL,
    method TEXT NOT NULL,
    quality_score REAL NOT NULL,
    quality_reasons TEXT NOT NULL,
    periods TEXT,
    bbox TEXT
);
CREATE TABLE IF NOT EXISTS table_cells (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    is_header INTEGER NOT NULL,
    row INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    column_name TEXT,
    text TEXT NOT NULL,
    number REAL
);
CREATE TABLE IF NOT EXISTS statistics_rows (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    category TEXT NOT NULL,
    comment TEXT,
    footnote_marks TEXT NOT NULL,
    change TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statistics_values (
    id INTEGER PRIMARY KEY,
    row_id INTEGER NOT NULL REFERENCES statistics_rows(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    value REAL,
    raw TEXT,
    unit TEXT
);
CREATE TABLE IF NOT EXISTS programme_items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    meeting_date TEXT,
    meeting_date_text TEXT NOT NULL,
    title TEXT NOT NULL,
    lead TEXT,
    questions TEXT,
    extra TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    pack_id INTEGER NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    page INTEGER,
    quote TEXT
);

CREATE VIEW IF NOT EXISTS meeting_agenda AS
    SELECT packs.id AS pack_id, packs.body, packs.meeting_date, agenda_items.position,
           agenda_items.number, agenda_items.title, agenda_items.page_start,
           agenda_items.page_end, agenda_items.part
    FROM agenda_items JOIN packs ON packs.id = agenda_items.pack_id;
CREATE VIEW IF NOT EXISTS attendees AS
    SELECT COALESCE(minutes.body, packs.body) AS body,
           COALESCE(minutes.date, packs.meeting_date) AS meeting_date,
           people.name, attendance.status, attendance.role, attendance.party,
           attendance.attended_virtually, documents.id AS document_id, packs.id AS pack_id
    FROM attendance
    JOIN people ON people.id = attendance.person_id
    JOIN documents ON documents.id = attendance.document_id
    JOIN packs ON packs.id = documents.pack_id
    LEFT JOIN minutes ON minutes.document_id = documents.id;
CREATE VIEW IF NOT EXISTS statistics AS
    SELECT statistics_rows.table_id, tables.caption, statistics_rows.position,
           statistics_rows.category, statistics_values.period, statistics_values.value,
           statistics_values.raw, statistics_values.unit
    FROM statistics_rows
    JOIN tables ON tables.id = statistics_rows.table_id
    JOIN statistics_values ON statistics_values.row_id = statistics_rows.id;
"""

# table -> its indexed text columns; each gets a <table>_fts twin kept in step by triggers
FULL_TEXT = {
    "documents": ("title", "text"),
    "paragraphs": ("text",),
    "resolutions": ("text",),
    "recommendations": ("text",),
    "minute_items": ("title", "text"),
}

# child table -> its foreign key columns: indexed, or every cascading delete scans the table
FOREIGN_KEYS = {
    "agenda_items": ("pack_id",),
    "documents": ("pack_id",),
    "attendance": ("document_id", "person_id"),
    "declarations": ("document_id",),
    "minute_items": ("document_id",),
    "resolutions": ("minute_item_id",),
    "actions": ("minute_item_id",),
    "recommendations": ("document_id",),
    "sections": ("document_id",),
    "paragraphs": ("section_id",),
    "implications": ("document_id",),
    "tables": ("document_id",),
    "table_cells": ("table_id",),
    "statistics_rows": ("table_id",),
    "statistics_values": ("row_id",),
    "programme_items": ("document_id",),
    "findings": ("pack_id", "document_id"),
}

ATTENDANCE_STATUSES = {
    "members": "member",
    "substitutes": "substitute",
    "in_attendance": "in_attendance",
    "apologies": "apologies",
    "absent": "absent",
}
PRESENT_STATUSES = ("member", "substitute", "in_attendance")

_NUMBER = regex.compile(
    r"^(?P<open>\()?\s*(?P<sign>[-\u2212+])?\s*[£$€]?\s*"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*%?\s*(?P<close>\))?$"
)


def cell_number(text: str) -> float | None:
    """The number a table cell shows ("1,234", "£2.50", "(12.5)" as -12.5, "7%"), or None."""
    match = _NUMBER.match(text.strip())
    if not match or bool(match["open"]) != bool(match["close"]):
        return None
    value = float(match["digits"].replace(",", ""))
    negative = match["open"] or match["sign"] in ("-", "\u2212")
    return -value if negative else value


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if need be) a councildocs database, foreign keys enforced."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.executescript(SCHEMA + _full_text_schema() + _index_schema())
    return connection


def write_pack(
    connection: sqlite3.Connection,
    pack: Pack,
    findings: Iterable[Finding] = (),
    councildocs_version: str | None = None,
) -> int:
    """Replace the pack's rows (keyed by sha256) in one transaction; return its packs.id."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("DELETE FROM packs WHERE sha256 = ?", (pack.source.sha256,))
        pack_id = _write(connection, pack, list(findings), councildocs_version)
        # people are shared across packs; drop those the replaced rows alone referred to
        connection.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM attendance)")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return pack_id


# --- the questions the database answers --------------------------------------------------


def agenda_of(connection: sqlite3.Connection, sha256: str) -> list[tuple[str, str]]:
    """A meeting's agenda items (number, title) in the order the agenda prints them."""
    return connection.execute(
        "SELECT number, title FROM agenda_items JOIN packs ON packs.id = agenda_items.pack_id"
        " WHERE packs.sha256 = ? ORDER BY position",
        (sha256,),
    ).fetchall()


def attendees_of(connection: sqlite3.Connection, body: str) -> list[str]:
    """Everyone the minutes record as present (member, substitute, in attendance) at a body."""
    marks = ", ".join("?" for _ in PRESENT_STATUSES)
    return [
        name
        for (name,) in connection.execute(
            f"SELECT DISTINCT name FROM attendees WHERE body = ? AND status IN ({marks})"
            " ORDER BY name",
            (body, *PRESENT_STATUSES),
        )
    ]


def resolutions_matching(connection: sqlite3.Connection, query: str) -> list[str]:
    """The text of every resolution that matches an FTS5 query (e.g. a word)."""
    return [
        text
        for (text,) in connection.execute(
            "SELECT resolutions.text FROM resolutions_fts"
            " JOIN resolutions ON resolutions.id = resolutions_fts.rowid"
            " WHERE resolutions_fts MATCH ? ORDER BY resolutions.id",
            (query,),
        )
    ]


def statistics_rows_of(
    connection: sqlite3.Connection, table_id: int
) -> list[tuple[str, dict[str, float | None]]]:
    """Every statistics row of a table, in order: its category and its value per period."""
    rows: dict[int, tuple[str, dict[str, float | None]]] = {}
    for position, category, period, value in connection.execute(
        "SELECT position, category, period, value FROM statistics WHERE table_id = ?"
        " ORDER BY position, rowid",
        (table_id,),
    ):
        rows.setdefault(position, (category, {}))[1][period] = value
    return [rows[p] for p in sorted(rows)]


# --- writing ------------------------------------------------------------------------------


def _full_text_schema() -> str:
    statements = []
    for table, columns in FULL_TEXT.items():
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        statements.append(
            f"""
            CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts
                USING fts5({names}, content="{table}", content_rowid="id");
            CREATE TRIGGER IF NOT EXISTS {table}_fts_insert AFTER INSERT ON {table} BEGIN
                INSERT INTO {table}_fts(rowid, {names}) VALUES (new.id, {new});
            END;
            CREATE TRIGGER IF NOT EXISTS {table}_fts_delete AFTER DELETE ON {table} BEGIN
                INSERT INTO {table}_fts({table}_fts, rowid, {names})
                    VALUES ('delete', old.id, {old});
            END;
            """
        )
    return "".join(statements)


def _index_schema() -> str:
    return "".join(
        f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table}({column});\n"
        for table, columns in FOREIGN_KEYS.items()
        for column in columns
    )


def _insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    cursor = connection.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
    )
    return cursor.lastrowid or 0


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _page(provenance: Provenance | None) -> int | None:
    return provenance.page if provenance else None


def _span(span: PageSpan | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span else (None, None)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _write(
    connection: sqlite3.Connection,
    pack: Pack,
    findings: list[Finding],
    councildocs_version: str | None,
) -> int:
    meeting = pack.meeting
    pack_id = _insert(
        connection,
        "packs",
        {
            "sha256": pack.source.sha256,
            "path": pack.source.path,
            "format": pack.source.format,
            "page_count": pack.source.page_count,
            "pdf_title": pack.source.title,
            "council": meeting.council,
            "body": meeting.body,
            "meeting_date": _text(meeting.date),
            "meeting_time": meeting.time,
            "venue": meeting.venue,
            "schema_version": pack.version,
            "councildocs_version": councildocs_version,
        },
    )
    for position, item in enumerate(pack.agenda.items):
        start, end = _span(item.pages)
        _insert(
            connection,
            "agenda_items",
            {
                "pack_id": pack_id,
                "position": position,
                "number": item.number,
                "title": item.title,
                "page_start": start,
                "page_end": end,
                "presenter": item.presenter.name if item.presenter else None,
                "presenter_role": item.presenter.role if item.presenter else None,
                "part": item.part,
                "decision_number": item.decision_number,
                "notes": _json(item.notes),
                "page": _page(item.provenance),
            },
        )
    document_ids = [
        _write_document(connection, pack_id, position, document)
        for position, document in enumerate(pack.documents)
    ]
    for finding in findings:
        in_range = finding.document is not None and 1 <= finding.document <= len(document_ids)
        _insert(
            connection,
            "findings",
            {
                "pack_id": pack_id,
                "document_id": document_ids[finding.document - 1] if in_range else None,
                "code": finding.code,
                "name": finding.name,
                "severity": str(finding.severity),
                "message": finding.message,
                "page": finding.page,
                "quote": finding.quote,
            },
        )
    return pack_id


def _write_document(
    connection: sqlite3.Connection, pack_id: int, position: int, document: DocumentBase
) -> int:
    start, end = _span(document.pages)
    physical_start, physical_end = _span(document.physical_pages)
    document_id = _insert(
        connection,
        "documents",
        {
            "pack_id": pack_id,
            "position": position,
            "kind": str(getattr(document, "kind", "other")),
            "title": document.title,
            "agenda_item": document.agenda_item,
            "page_start": start,
            "page_end": end,
            "physical_start": physical_start,
            "physical_end": physical_end,
            "text": "\n".join(_strings(document.model_dump(mode="json"))),
            "unplaced_text": "\n".join(u.text for u in document.unplaced_text),
        },
    )
    for table_position, table in enumerate(document.tables):
        _write_table(connection, document_id, table_position, table)
    if isinstance(document, MinutesDocument):
        _write_minutes(connection, document_id, document)
    elif isinstance(document, ReportDocument):
        _write_report(connection, document_id, document)
    elif isinstance(document, WorkProgrammeDocument):
        _write_programme(connection, document_id, document)
    return document_id


# keys whose values are labels of the model, not text a reader would search for
_NOT_TEXT = {"kind", "method", "schema_name", "version"}


def _strings(value: Any) -> Iterator[str]:
    """Every string in a dumped document, in order: the document's full text for searching."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _write_minutes(
    connection: sqlite3.Connection, document_id: int, minutes: MinutesDocument
) -> None:
    _insert(
        connection,
        "minutes",
        {
            "document_id": document_id,
            "body": minutes.body,
            "date": _text(minutes.date),
            "time": minutes.time,
            "venue": minutes.venue,
            "declarations_stated": minutes.declarations_stated,
        },
    )
    _write_attendance(connection, document_id, minutes.attendance)
    for declaration in minutes.declarations:
        _insert(
            connection,
            "declarations",
            {
                "document_id": document_id,
                "member": declaration.member,
                "item": declaration.item,
                "interest": declaration.interest,
                "kind": declaration.kind,
            },
        )
    for position, item in enumerate(minutes.items):
        item_id = _insert(
            connection,
            "minute_items",
            {
                "document_id": document_id,
                "position": position,
                "number": item.number,
                "agenda_item": item.agenda_item,
                "title": item.title,
                "text": item.text,
                "page": _page(item.provenance),
            },
        )
        for resolution_position, resolution in enumerate(item.resolutions):
            votes = resolution.votes
            _insert(
                connection,
                "resolutions",
                {
                    "minute_item_id": item_id,
                    "position": resolution_position,
                    "number": resolution.number,
                    "text": resolution.text,
                    "votes_for": votes.for_ if votes else None,
                    "votes_against": votes.against if votes else None,
                    "votes_abstained": votes.abstained if votes else None,
                    "votes_unanimous": int(votes.unanimous) if votes else None,
                    "page": _page(resolution.provenance),
                },
            )
        for action_position, action in enumerate(item.actions):
            _insert(
                connection,
                "actions",
                {
                    "minute_item_id": item_id,
                    "position": action_position,
                    "owner": action.owner,
                    "text": action.text,
                    "page": _page(action.provenance),
                },
            )


def _write_attendance(
    connection: sqlite3.Connection, document_id: int, attendance: Attendance
) -> None:
    for field, status in ATTENDANCE_STATUSES.items():
        for person in getattr(attendance, field):
            connection.execute(
                "INSERT INTO people (name) VALUES (?) ON CONFLICT(name) DO NOTHING", (person.name,)
            )
            (person_id,) = connection.execute(
                "SELECT id FROM people WHERE name = ?", (person.name,)
            ).fetchone()
            _insert(
                connection,
                "attendance",
                {
                    "document_id": document_id,
                    "person_id": person_id,
                    "status": status,
                    "honorific": person.honorific,
                    "role": person.role,
                    "organisation": person.organisation,
                    "party": person.party,
                    "attended_virtually": person.attended_virtually,
                },
            )


def _write_report(connection: sqlite3.Connection, document_id: int, report: ReportDocument) -> None:
    meta = report.metadata
    dumped = meta.model_dump(mode="json")
    _insert(
        connection,
        "reports",
        {
            "document_id": document_id,
            "title": meta.title,
            "meeting_body": meta.meeting.body,
            "meeting_date": _text(meta.meeting.date),
            "cabinet_member": meta.cabinet_member.name if meta.cabinet_member else None,
            "cabinet_member_portfolio": (
                meta.cabinet_member.portfolio if meta.cabinet_member else None
            ),
            "cabinet_members": _json(dumped["cabinet_members"]),
            "wards_affected": _json(meta.wards_affected),
            "accountable_director": (
                meta.accountable_director.name if meta.accountable_director else None
            ),
            "accountable_director_role": (
                meta.accountable_director.role if meta.accountable_director else None
            ),
            "originating_service": meta.originating_service,
            "accountable_employees": _json(dumped["accountable_employees"]),
            "considered_by": _json(dumped["considered_by"]),
            "key_decision": meta.key_decision.value if meta.key_decision else None,
            "key_decision_text": meta.key_decision.text if meta.key_decision else None,
            "decision_number": meta.decision_number,
            "classification": meta.classification,
            "exempt": meta.exempt,
            "purpose": meta.purpose,
            "extra": _json(meta.extra),
            "background_papers": _json(report.background_papers),
            "appendices": _json(report.appendices),
            "links": _json(report.links),
        },
    )
    for position, recommendation in enumerate(report.recommendations):
        _insert(
            connection,
            "recommendations",
            {
                "document_id": document_id,
                "position": position,
                "number": recommendation.number,
                "text": recommendation.text,
                "page": _page(recommendation.provenance),
            },
        )
    for position, section in enumerate(report.sections):
        section_id = _insert(
            connection,
            "sections",
            {
                "document_id": document_id,
                "position": position,
                "number": section.number,
                "title": section.title,
                "page": _page(section.provenance),
            },
        )
        for paragraph_position, paragraph in enumerate(section.paragraphs):
            _insert(
                connection,
                "paragraphs",
                {
                    "section_id": section_id,
                    "position": paragraph_position,
                    "number": paragraph.number,
                    "text": paragraph.text,
                    "bullets": _json(paragraph.bullets),
                    "page": _page(paragraph.provenance),
                },
            )
    for position, implication in enumerate(report.implications):
        sign_off = implication.sign_off
        _insert(
            connection,
            "implications",
            {
                "document_id": document_id,
                "position": position,
                "kind": str(implication.kind),
                "title": implication.title,
                "text": implication.text,
                "none_stated": implication.none_stated,
                "sign_off_reference": sign_off.reference if sign_off else None,
                "sign_off_initials": sign_off.initials if sign_off else None,
                "sign_off_date": _text(sign_off.date) if sign_off else None,
                "sign_off_code": sign_off.code if sign_off else None,
                "page": _page(implication.provenance),
            },
        )


def _write_programme(
    connection: sqlite3.Connection, document_id: int, programme: WorkProgrammeDocument
) -> None:
    position = 0
    for meeting in programme.meetings:
        for item in meeting.items:
            _insert(
                connection,
                "programme_items",
                {
                    "document_id": document_id,
                    "position": position,
                    "meeting_date": _text(meeting.date),
                    "meeting_date_text": meeting.date_text,
                    "title": item.title,
                    "lead": item.lead,
                    "questions": item.questions,
                    "extra": _json(item.extra),
                },
            )
            position += 1


def _write_table(
    connection: sqlite3.Connection, document_id: int, position: int, table: Table
) -> None:
    statistics = table.statistics
    table_id = _insert(
        connection,
        "tables",
        {
            "document_id": document_id,
            "position": position,
            "page": table.page,
            "pages": _json(table.pages),
            "caption": table.caption,
            "header": _json(table.header),
            "row_count": len(table.rows),
            "spans": _json([s.model_dump() for s in table.spans]),
            "footnotes": _json(table.footnotes),
            "method": table.method,
            "quality_score": table.quality.score,
            "quality_reasons": _json(table.quality.reasons),
            "periods": _json(statistics.periods) if statistics else None,
            "bbox": _json(table.bbox) if table.bbox else None,
        },
    )
    cells = [(1, 0, column, text) for column, text in enumerate(table.header)]
    cells += [
        (0, row, column, text)
        for row, values in enumerate(table.rows)
        for column, text in enumerate(values)
    ]
    connection.executemany(
        'INSERT INTO table_cells (table_id, is_header, row, "column", column_name, text, number)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                table_id,
                is_header,
                row,
                column,
                table.header[column] if column < len(table.header) else None,
                text,
                None if is_header else cell_number(text),
            )
            for is_header, row, column, text in cells
        ],
    )
    if statistics is None:
        return
    for record_position, record in enumerate(statistics.records):
        row_id = _insert(
            connection,
            "statistics_rows",
            {
                "table_id": table_id,
                "position": record_position,
                "category": record.category,
                "comment": record.comment,
                "footnote_marks": _json(record.footnote_marks),
                "change": _json([c.model_dump() for c in record.change]),
            },
        )
        periods = list(dict.fromkeys([*statistics.periods, *record.values]))
        connection.executemany(
            "INSERT INTO statistics_values (row_id, period, value, raw, unit)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (
                    row_id,
                    period,
                    record.values.get(period),
                    record.raw.get(period),
                    record.units.get(period),
                )
                for period in periods
                if period in record.values or period in record.raw
            ],
        )
