"""Packs into a normalised SQLite database that Datasette opens as it is, via sqlite-utils.

One table per concept, joined by foreign keys that cascade from ``packs``: documents,
agenda_items, attendance, declarations, minutes (each minutes document's meeting) and
minute_items, resolutions and resolution_parts, actions, reports (one row of metadata
columns per report), other_documents (the same header columns for a document of no kind
parsed further: a form's labelled fields), recommendations, sections and paragraphs (a
report's, or an other document's heading tree), implications,
work_programmes and programme_items, tables and table_cells (each cell's text and, where
it reads as one, its number), statistics_rows and statistics_values, and findings.
``bodies`` (one row per committee within a council, however its papers spell it) and
``people`` (one row per person within a council, a surname-only mention joined to the full
name where the council's packs make it certain) are shared between packs and kept while a
row points at them.

The columns come from the models (:data:`TABLES`): a model's scalar fields are columns, a
nested model's fields are columns named ``<field>_<subfield>`` (:data:`RENAMES` keeps the
names earlier releases used), lists and dicts with no table of their own are JSON, which
Datasette displays as such. A field that reaches no column is listed, with the reason, in
its table's ``left_out``; the tests hold every field of every model to that. A new model
field therefore becomes a new column, and an existing database gains it on the next
export (``alter``): upgrading councildocs never breaks a database.

The schema's version is ``PRAGMA user_version`` (:data:`SCHEMA_VERSION`); :func:`connect`
brings an older database up to date with the steps in :data:`MIGRATIONS`, each in a
transaction, so a database the previous release wrote takes a new export as it is.

Full text: ``documents_fts``, ``paragraphs_fts``, ``resolutions_fts``,
``recommendations_fts`` and ``minute_items_fts`` (sqlite-utils' FTS5 tables, with insert,
update and delete triggers; Datasette shows a search box on those tables) hold the
documents' own words, never labels such as enum values. Views answer the common
questions: ``meeting_agenda``, ``attendees``, ``statistics``.

A pack's rows are replaced whole, keyed by the file's sha256, inside one transaction: a
re-export never duplicates a pack and an interrupted one never leaves half of it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from sqlite_utils import Database
from sqlite_utils.db import ForeignKey

from ..models import (
    Action,
    AgendaItem,
    Declaration,
    DocumentBase,
    Finding,
    Implication,
    MinuteItem,
    MinutesDocument,
    OtherDocument,
    Pack,
    Paragraph,
    Person,
    ProgrammeItem,
    ProgrammeMeeting,
    Recommendation,
    ReportDocument,
    Resolution,
    ResolutionPart,
    Section,
    StatisticsRecord,
    Table,
    WorkProgrammeDocument,
)
from ..patterns import compiled
from ..vocabulary.bodies import BODY_NAME_AMPERSAND, BODY_NAME_AND, BODY_NAME_ARTICLE
from ..vocabulary.people import HONORIFIC

#: PRAGMA user_version of a database this release writes. 1 is the previous release's
#: hand-written schema (which left user_version at 0); 0 with no tables is a new file.
SCHEMA_VERSION = 2

# --- the tables, from the models ----------------------------------------------------------


@dataclass(frozen=True)
class TableSpec:
    """A table whose columns are a model's fields.

    ``parent``: the foreign key column and the table it points at. ``children``: fields
    written to tables of their own. ``written_apart``: fields this module writes by hand,
    each with where it goes. ``left_out``: fields that reach no column, each with why.
    ``extra``: columns that are no model field (name → SQLite type).
    """

    name: str
    model: type[BaseModel]
    parent: tuple[str, str] | None = None
    position: bool = True
    children: dict[str, str] = field(default_factory=dict)
    written_apart: dict[str, str] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)
    extra: dict[str, type] = field(default_factory=dict)
    pk: str = "id"
    #: nested models whose columns go without the field's name ("metadata_title": "title")
    unprefixed: frozenset[str] = frozenset()
    #: this table's column names for flattened fields, over :data:`RENAMES`
    renames: dict[str, str] = field(default_factory=dict)


#: the column names earlier releases gave flattened fields, kept so old databases fit
RENAMES = {
    "provenance_page": "page",
    "provenance_bbox": "bbox",
    "provenance_ocr": "ocr",
    "pages_start": "page_start",
    "pages_end": "page_end",
    "physical_pages_start": "physical_start",
    "physical_pages_end": "physical_end",
    "presenter_name": "presenter",
    "cabinet_member_name": "cabinet_member",
    "accountable_director_name": "accountable_director",
    "key_decision_value": "key_decision",
}

PACK_COLUMNS = {
    "source_path": "path",
    "source_sha256": "sha256",
    "source_format": "format",
    "source_page_count": "page_count",
    "source_title": "pdf_title",
    "source_language": "language",
    "source_tagged": "tagged",
    "source_pages_without_text": "pages_without_text",
    "source_ocr_pages": "ocr_pages",
    "source_outline": "outline",
    "meeting_council": "council",
    "meeting_body": "body",
    "meeting_venue": "venue",
    "version": "schema_version",
}

TABLES: list[TableSpec] = [
    TableSpec(
        "packs",
        Pack,
        position=False,
        children={"agenda": "agenda_items", "documents": "documents"},
        left_out={"schema_name": "always councildocs.Pack"},
        extra={"councildocs_version": str, "body_id": int},
        renames=PACK_COLUMNS,
    ),
    TableSpec("agenda_items", AgendaItem, parent=("pack_id", "packs")),
    TableSpec(
        "documents",
        DocumentBase,
        parent=("pack_id", "packs"),
        children={"tables": "tables"},
        written_apart={
            "unplaced_text": "documents.unplaced_text (the blocks' text, one per line) and "
            "documents.unplaced_pages (each block's page)",
        },
        extra={"kind": str, "text": str, "unplaced_text": str, "unplaced_pages": list},
    ),
    TableSpec(
        "minutes",
        MinutesDocument,
        parent=("document_id", "documents"),
        position=False,
        pk="document_id",
        children={
            "attendance": "attendance",
            "declarations": "declarations",
            "items": "minute_items",
        },
        extra={"body_id": int},
    ),
    TableSpec(
        "attendance",
        Person,
        parent=("document_id", "documents"),
        position=False,
        written_apart={
            "name": "attendance.printed_name, and the person's people.name by person_id",
        },
        extra={"person_id": int, "printed_name": str, "status": str},
    ),
    TableSpec("declarations", Declaration, parent=("document_id", "documents"), position=False),
    TableSpec(
        "minute_items",
        MinuteItem,
        parent=("document_id", "documents"),
        children={"resolutions": "resolutions", "actions": "actions"},
    ),
    TableSpec(
        "resolutions",
        Resolution,
        parent=("minute_item_id", "minute_items"),
        children={"parts": "resolution_parts"},
    ),
    TableSpec("resolution_parts", ResolutionPart, parent=("resolution_id", "resolutions")),
    TableSpec("actions", Action, parent=("minute_item_id", "minute_items")),
    TableSpec(
        "reports",
        ReportDocument,
        parent=("document_id", "documents"),
        position=False,
        pk="document_id",
        children={
            "recommendations": "recommendations",
            "sections": "sections",
            "implications": "implications",
        },
        unprefixed=frozenset({"metadata"}),
    ),
    TableSpec(
        "other_documents",
        OtherDocument,
        parent=("document_id", "documents"),
        position=False,
        pk="document_id",
        children={"sections": "sections"},
        written_apart={"text": "documents.text (an other document's text is its own text)"},
        unprefixed=frozenset({"metadata"}),
    ),
    TableSpec("recommendations", Recommendation, parent=("document_id", "documents")),
    TableSpec(
        "sections",
        Section,
        parent=("document_id", "documents"),
        children={"paragraphs": "paragraphs"},
    ),
    TableSpec("paragraphs", Paragraph, parent=("section_id", "sections")),
    TableSpec("implications", Implication, parent=("document_id", "documents")),
    TableSpec(
        "work_programmes",
        WorkProgrammeDocument,
        parent=("document_id", "documents"),
        position=False,
        pk="document_id",
        children={"meetings": "programme_items"},
    ),
    TableSpec(
        "programme_items",
        ProgrammeItem,
        parent=("document_id", "documents"),
        extra={"meeting_date": str, "meeting_date_text": str},
    ),
    TableSpec(
        "tables",
        Table,
        parent=("document_id", "documents"),
        written_apart={
            "rows": "table_cells, one row per cell, and tables.row_count",
            "statistics": "tables.periods, statistics_rows and statistics_values",
        },
        extra={"row_count": int, "periods": list},
    ),
    TableSpec(
        "statistics_rows",
        StatisticsRecord,
        parent=("table_id", "tables"),
        written_apart={
            "values": "statistics_values.value",
            "raw": "statistics_values.raw",
            "units": "statistics_values.unit",
        },
    ),
    TableSpec(
        "findings",
        Finding,
        parent=("pack_id", "packs"),
        position=False,
        written_apart={"document": "findings.document_id, the documents row"},
        left_out={
            "path": "the pack's packs.path",
            "document_title": "the documents row's title",
        },
        extra={"document_id": int},
    ),
]

TABLE_SPECS = {spec.name: spec for spec in TABLES}

#: tables that hold values rather than models: people and bodies (shared between packs, so
#: with no parent), a table's cells, a row's values
VALUE_TABLES: dict[str, tuple[dict[str, type], tuple[str, str] | None]] = {
    "people": ({"id": int, "name": str, "council": str}, None),
    "bodies": ({"id": int, "name": str, "council": str, "normalised_name": str}, None),
    "table_cells": (
        {
            "id": int,
            "table_id": int,
            "is_header": int,
            "row": int,
            "column": int,
            "column_name": str,
            "text": str,
            "number": float,
        },
        ("table_id", "tables"),
    ),
    "statistics_values": (
        {"id": int, "row_id": int, "period": str, "value": float, "raw": str, "unit": str},
        ("row_id", "statistics_rows"),
    ),
}

#: the value tables rows of many packs point at: kept while any row does, never cascaded
SHARED_TABLES = frozenset(name for name, (_columns, parent) in VALUE_TABLES.items() if not parent)

#: fields of the document kinds that live in documents, not in the kind's own table
_DOCUMENT_FIELDS = set(DocumentBase.model_fields) | {"kind"}
#: where the document kinds' own fields go: each kind with fields of its own has a table
KIND_TABLES: dict[type[BaseModel], str] = {
    MinutesDocument: "minutes",
    ReportDocument: "reports",
    WorkProgrammeDocument: "work_programmes",
    OtherDocument: "other_documents",
}

#: models written by hand rather than as a table of their own, and where they go
WRITTEN_ELSEWHERE: dict[type[BaseModel], str] = {
    ProgrammeMeeting: "programme_items.meeting_date and meeting_date_text, per item",
}


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → X; the type a column stores."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return members[0] if len(members) == 1 else str
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _sqlite_type(annotation: Any) -> type:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        return int if all(isinstance(v, int) for v in values) else str
    if annotation in (int, float, bool, str):
        return int if annotation is bool else annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return str
    if annotation in (dt.date, dt.datetime):
        return str
    return str  # lists, dicts, tuples and nested models: JSON text


def model_columns(spec: TableSpec) -> dict[str, tuple[tuple[str, ...], type]]:
    """The spec's model fields as columns: name → (the field path, the SQLite type)."""
    skipped = set(spec.children) | set(spec.written_apart) | set(spec.left_out)
    if spec.model in KIND_TABLES:
        skipped |= _DOCUMENT_FIELDS
    columns: dict[str, tuple[tuple[str, ...], type]] = {}

    def add(model: type[BaseModel], path: tuple[str, ...]) -> None:
        for name, info in model.model_fields.items():
            if not path and name in skipped:
                continue
            annotation = _unwrap(info.annotation)
            key = info.alias or name
            full = (*path, name)
            flat = "_".join((*(p for p in path if p not in spec.unprefixed), key))
            if _is_model(annotation):
                add(annotation, full)
                continue
            column = spec.renames.get(flat) or RENAMES.get(flat, flat)
            columns[column] = (full, _sqlite_type(annotation))

    add(spec.model, ())
    return columns


def table_columns(spec: TableSpec) -> dict[str, type]:
    """Every column of the spec's table: keys, position, the model's fields, the extras."""
    columns: dict[str, type] = {}
    if spec.pk == "id":
        columns["id"] = int
    if spec.parent:
        columns[spec.parent[0]] = int
    if spec.position:
        columns["position"] = int
    columns |= {name: kind for name, (_path, kind) in model_columns(spec).items()}
    columns |= {name: (str if kind is list else kind) for name, kind in spec.extra.items()}
    return columns


def _cell(value: Any) -> Any:
    """A value as SQLite stores it: dates as ISO text, models, lists and dicts as JSON."""
    if value is None or isinstance(value, int | float | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json", by_alias=True), ensure_ascii=False)
    if isinstance(value, list | tuple | dict):
        dumped = _dumped(value)
        return json.dumps(dumped, ensure_ascii=False, default=str)
    return str(value)


def _dumped(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, list | tuple):
        return [_dumped(v) for v in value]
    if isinstance(value, dict):
        return {k: _dumped(v) for k, v in value.items()}
    return value


def _row(spec: TableSpec, instance: BaseModel) -> dict[str, Any]:
    row = {}
    for column, (path, _kind) in model_columns(spec).items():
        value: Any = instance
        for name in path:
            value = getattr(value, name, None) if value is not None else None
        row[column] = _cell(value)
    return row


# --- opening and migrating ----------------------------------------------------------------

# table -> its indexed text columns; each gets a <table>_fts twin kept in step by triggers
FULL_TEXT = {
    "documents": ("title", "text"),
    "paragraphs": ("text",),
    "resolutions": ("text",),
    "recommendations": ("text",),
    "minute_items": ("title", "text"),
}

ATTENDANCE_STATUSES = {
    "members": "member",
    "substitutes": "substitute",
    "in_attendance": "in_attendance",
    "apologies": "apologies",
    "absent": "absent",
}
PRESENT_STATUSES = ("member", "substitute", "in_attendance")

#: indexes besides the foreign keys': the columns Datasette's facets and queries filter on
INDEXES = {
    "packs": (("council",), ("body",), ("meeting_date",)),
    "documents": (("kind",),),
    "findings": (("code",), ("severity",)),
    "attendance": (("status",),),
}

VIEWS = {
    "meeting_agenda": """
        SELECT packs.id AS pack_id, packs.body, packs.meeting_date, agenda_items.position,
               agenda_items.number, agenda_items.title, agenda_items.page_start,
               agenda_items.page_end, agenda_items.part
        FROM agenda_items JOIN packs ON packs.id = agenda_items.pack_id""",
    "attendees": """
        SELECT COALESCE(minutes.body, packs.body) AS body,
               COALESCE(minutes.date, packs.meeting_date) AS meeting_date,
               people.name, attendance.status, attendance.role, attendance.party,
               attendance.attended_virtually, documents.id AS document_id, packs.id AS pack_id
        FROM attendance
        JOIN people ON people.id = attendance.person_id
        JOIN documents ON documents.id = attendance.document_id
        JOIN packs ON packs.id = documents.pack_id
        LEFT JOIN minutes ON minutes.document_id = documents.id""",
    "statistics": """
        SELECT statistics_rows.table_id, tables.caption, statistics_rows.position,
               statistics_rows.category, statistics_values.period, statistics_values.value,
               statistics_values.raw, statistics_values.unit
        FROM statistics_rows
        JOIN tables ON tables.id = statistics_rows.table_id
        JOIN statistics_values ON statistics_values.row_id = statistics_rows.id""",
}


def connect(path: str | Path | Database) -> Database:
    """Open (creating, or bringing up to date) a councildocs database, foreign keys on."""
    db = path if isinstance(path, Database) else Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        # the previous release's schema set no version; a new file needs no migration
        version = 1 if db["packs"].exists() else SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        from ..errors import UnreadableInput

        raise UnreadableInput(
            str(path), f"the database has schema version {version}; upgrade councildocs"
        )
    if version < SCHEMA_VERSION:
        # tables are rebuilt, as SQLite's ALTER TABLE guide says, with foreign keys off (a
        # pragma that cannot change inside a transaction) and checked before going on
        db.execute("PRAGMA foreign_keys = OFF")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with db.atomic():
                MIGRATIONS.get(target, lambda _db: None)(db)
                if db.execute("PRAGMA foreign_key_check").fetchone():
                    raise sqlite3.IntegrityError(f"migration to version {target} broke a key")
        db.execute("PRAGMA foreign_keys = ON")
    with db.atomic():
        _ensure_schema(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


def _ensure_schema(db: Database) -> None:
    """Every table with every column the models give; indexes, full text, views."""
    # parents before children: sqlite-utils checks that a foreign key's table exists
    shared = [(name, VALUE_TABLES[name][0], "id") for name in sorted(SHARED_TABLES)]
    values = [(name, columns, "id") for name, (columns, parent) in VALUE_TABLES.items() if parent]
    tables = [*shared, *((s.name, table_columns(s), s.pk) for s in TABLES), *values]
    for table, columns, pk in tables:
        foreign_keys = [
            # a pack's rows go with it; people and bodies are shared between packs, and
            # never cascade
            ForeignKey(
                table,
                column,
                other,
                "id",
                on_delete="NO ACTION" if other in SHARED_TABLES else "CASCADE",
            )
            for (child, column), other in _foreign_key_columns()
            if child == table
        ]
        if not db[table].exists():
            db[table].create(columns, pk=pk, foreign_keys=foreign_keys)
        else:
            existing = set(db[table].columns_dict)
            for name, kind in columns.items():
                if name not in existing:
                    db[table].add_column(name, kind)
    for (table, column), _ in _foreign_key_columns():
        db[table].create_index([column], if_not_exists=True)
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db[table].create_index(list(columns), if_not_exists=True)
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS people_council_name"
        " ON people (COALESCE(council, ''), name)"
    )
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS bodies_council_name"
        " ON bodies (COALESCE(council, ''), normalised_name)"
    )
    # rows an earlier release wrote kept the printed name only in people.name, which joining
    # a surname to its person overwrites: keep it on the attendance row first
    db.execute(
        "UPDATE attendance SET printed_name ="
        " (SELECT name FROM people WHERE people.id = attendance.person_id)"
        " WHERE printed_name IS NULL"
    )
    db["packs"].create_index(["sha256"], unique=True, if_not_exists=True)
    for table, columns in FULL_TEXT.items():
        if not db[f"{table}_fts"].exists():
            db[table].enable_fts(list(columns), create_triggers=True)
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.execute(f"CREATE VIEW {name} AS {sql}")


def _foreign_key_columns() -> Iterator[tuple[tuple[str, str], str]]:
    """((table, column), the table it points at) for every foreign key."""
    for spec in TABLES:
        if spec.parent:
            yield (spec.name, spec.parent[0]), spec.parent[1]
    for table, (_columns, parent) in VALUE_TABLES.items():
        if parent:
            yield (table, parent[0]), parent[1]
    yield ("attendance", "person_id"), "people"
    yield ("packs", "body_id"), "bodies"
    yield ("minutes", "body_id"), "bodies"
    yield ("findings", "document_id"), "documents"


def _from_hand_written_schema(db: Database) -> None:
    """Version 1 → 2: the previous release's DDL to sqlite-utils' layout.

    Its full-text tables had insert and delete triggers only, under other names: they are
    rebuilt with sqlite-utils' (insert, update, delete). ``people`` was unique by name
    across councils; it becomes unique by council and name. New columns and tables are
    added by :func:`_ensure_schema`, as for any upgrade.
    """
    for table in FULL_TEXT:
        for event in ("insert", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{event}")
        db.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for view in VIEWS:
        db.execute(f"DROP VIEW IF EXISTS {view}")
    db["people_by_council"].create({"id": int, "name": str, "council": str}, pk="id")
    db.execute("INSERT INTO people_by_council (id, name) SELECT id, name FROM people")
    db.execute("DROP TABLE people")
    db.execute("ALTER TABLE people_by_council RENAME TO people")


MIGRATIONS: dict[int, Callable[[Database], None]] = {2: _from_hand_written_schema}


# --- writing ------------------------------------------------------------------------------


#: SQLite's INTEGER: eight bytes, signed
_SQLITE_INTEGERS = range(-(2**63), 2**63)

_LONE_SURROGATE = compiled("[\ud800-\udfff]")


def check_storable(pack: Pack) -> None:
    """:class:`~councildocs.errors.UnreadableInput` naming the pack and the field of the first
    value SQLite cannot hold: an integer beyond 64 bits (a page number of 20 digits in
    edited saved JSON) or text that is not Unicode (a lone surrogate from a ``\\ud800``
    escape). Asked before the pack's transaction, so the pack is refused whole, in one
    line, and the others still land."""
    from ..errors import UnreadableInput

    def first_problem(value: Any, where: str) -> str | None:
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int):
            return None if value in _SQLITE_INTEGERS else f"{where} is {value}"
        if isinstance(value, str):
            return f"{where} holds a lone surrogate" if _LONE_SURROGATE.search(value) else None
        if isinstance(value, dict):
            items = value.items()
        elif isinstance(value, list | tuple):
            items = enumerate(value)
        else:
            return None
        for key, item in items:
            found = first_problem(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
        return None

    problem = first_problem(pack.model_dump(), "")
    if problem:
        raise UnreadableInput(pack.source.path, f"a value SQLite cannot hold: {problem}")


def write_pack(
    db: Database,
    pack: Pack,
    findings: Iterable[Finding] = (),
    councildocs_version: str | None = None,
) -> int:
    """Replace the pack's rows (keyed by sha256) in one transaction; return its packs.id.
    A pack with a value SQLite cannot hold is refused first (:func:`check_storable`)."""
    check_storable(pack)
    findings = list(findings)
    with db.atomic():
        replaced_councils = [
            council
            for (council,) in db.execute(
                "SELECT council FROM packs WHERE sha256 = ?", (pack.source.sha256,)
            )
        ]
        db.execute("DELETE FROM packs WHERE sha256 = ?", (pack.source.sha256,))
        pack_id = _write(db, pack, findings, councildocs_version)
        # a full name the replaced pack alone printed may have made a surname certain, and a
        # new one may make it certain or ambiguous: the council's people are joined again
        for council in dict.fromkeys([*replaced_councils, pack.meeting.council]):
            _join_surnames_to_people(db, council)
        # people and bodies are shared across packs; drop those no row refers to any more
        db.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM attendance)")
        db.execute(
            "DELETE FROM bodies WHERE id NOT IN (SELECT body_id FROM packs WHERE body_id"
            " IS NOT NULL UNION SELECT body_id FROM minutes WHERE body_id IS NOT NULL)"
        )
    return pack_id


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    return db[table].insert(row, alter=True).last_pk


def _children(
    db: Database, table: str, parent: tuple[str, int], items: Iterable[BaseModel]
) -> list[int]:
    """Rows for a list of models, each with its parent's key and its position."""
    spec = TABLE_SPECS[table]
    return [
        _insert(db, table, {parent[0]: parent[1], "position": position} | _row(spec, item))
        for position, item in enumerate(items)
    ]


def _write(
    db: Database, pack: Pack, findings: list[Finding], councildocs_version: str | None
) -> int:
    council = pack.meeting.council
    pack_id = _insert(
        db,
        "packs",
        _row(TABLE_SPECS["packs"], pack)
        | {
            "councildocs_version": councildocs_version,
            "body_id": _body_id(db, pack.meeting.body, council),
        },
    )
    _children(db, "agenda_items", ("pack_id", pack_id), pack.agenda.items)
    document_ids = [
        _write_document(db, pack_id, position, document, council)
        for position, document in enumerate(pack.documents)
    ]
    for finding in findings:
        number = finding.document
        in_range = number is not None and 1 <= number <= len(document_ids)
        _insert(
            db,
            "findings",
            {"pack_id": pack_id, "document_id": document_ids[number - 1] if in_range else None}
            | _row(TABLE_SPECS["findings"], finding),
        )
    return pack_id


def _write_document(
    db: Database, pack_id: int, position: int, document: DocumentBase, council: str | None
) -> int:
    row = _row(TABLE_SPECS["documents"], document)
    document_id = _insert(
        db,
        "documents",
        {"pack_id": pack_id, "position": position}
        | row
        | {
            "kind": str(getattr(document, "kind", "other")),
            "text": "\n".join(own_text(document)),
            "unplaced_text": "\n".join(u.text for u in document.unplaced_text),
            "unplaced_pages": _cell([u.page for u in document.unplaced_text]),
        },
    )
    for table_position, table in enumerate(document.tables):
        _write_table(db, document_id, table_position, table)
    kind_table = KIND_TABLES.get(type(document))
    if kind_table:
        row = {"document_id": document_id} | _row(TABLE_SPECS[kind_table], document)
        if isinstance(document, MinutesDocument):
            row["body_id"] = _body_id(db, document.body, council)
        _insert(db, kind_table, row)
    if isinstance(document, MinutesDocument):
        _write_minutes(db, document_id, document, council)
    elif isinstance(document, ReportDocument):
        parent = ("document_id", document_id)
        _children(db, "recommendations", parent, document.recommendations)
        _write_sections(db, document_id, document.sections)
        _children(db, "implications", parent, document.implications)
    elif isinstance(document, OtherDocument):
        _write_sections(db, document_id, document.sections)
    elif isinstance(document, WorkProgrammeDocument):
        _write_programme(db, document_id, document)
    return document_id


def _write_sections(db: Database, document_id: int, sections: list[Section]) -> None:
    """A document's top-level sections, each with its paragraphs (a report's, or the
    heading tree of a document of no kind parsed further)."""
    section_ids = _children(db, "sections", ("document_id", document_id), sections)
    for section_id, section in zip(section_ids, sections, strict=True):
        _children(db, "paragraphs", ("section_id", section_id), section.paragraphs)


#: keys whose values are the model's labels or generated text (enum values, table-quality
#: notes, ISO dates, boundary signals), not words of the document a reader would search
_NOT_TEXT = {
    "kind",
    "method",
    "quality",
    "boundary",
    "date",
    "provenance",
    "spans",
    "change",
    "units",
    "status",
}


def own_text(document: DocumentBase) -> Iterator[str]:
    """Every string the document itself prints, in order: its text for full-text search."""

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            if value.strip():
                yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in _NOT_TEXT:
                    yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    yield from strings(document.model_dump(mode="json", exclude={"unplaced_text"}))


def _write_minutes(
    db: Database, document_id: int, minutes: MinutesDocument, council: str | None
) -> None:
    attendance_spec = TABLE_SPECS["attendance"]
    for field_name, status in ATTENDANCE_STATUSES.items():
        for person in getattr(minutes.attendance, field_name):
            _insert(
                db,
                "attendance",
                {
                    "document_id": document_id,
                    "person_id": _person_id(db, person.name, council),
                    "printed_name": person.name,
                    "status": status,
                }
                | _row(attendance_spec, person),
            )
    for declaration in minutes.declarations:
        _insert(
            db,
            "declarations",
            {"document_id": document_id} | _row(TABLE_SPECS["declarations"], declaration),
        )
    items = _children(db, "minute_items", ("document_id", document_id), minutes.items)
    for item_id, item in zip(items, minutes.items, strict=True):
        resolutions = _children(db, "resolutions", ("minute_item_id", item_id), item.resolutions)
        for resolution_id, resolution in zip(resolutions, item.resolutions, strict=True):
            _children(db, "resolution_parts", ("resolution_id", resolution_id), resolution.parts)
        _children(db, "actions", ("minute_item_id", item_id), item.actions)


def _person_id(db: Database, name: str, council: str | None) -> int:
    """One row per person within a council (the same name in two councils is two people)."""
    found = db.execute(
        "SELECT id FROM people WHERE name = ? AND COALESCE(council, '') = COALESCE(?, '')",
        (name, council),
    ).fetchone()
    if found:
        return found[0]
    return _insert(db, "people", {"name": name, "council": council})


def _name_words(name: str) -> list[str]:
    """A printed name's words after any honorific ("Cllr Dr Paul Sweet" → Paul, Sweet)."""
    return HONORIFIC.sub("", name.strip()).split()


def _join_surnames_to_people(db: Database, council: str | None) -> None:
    """Point each surname-only mention ("Mr Sweet", "Cllr Sweet") in the council's minutes
    at the one person of that council printed with a full name and that surname ("Paul
    Sweet"), where there is exactly one; otherwise at a person of the name as printed.

    Run over the whole council because whether a surname is certain depends on every pack
    of the council, including those exported before; the printed name on each attendance
    row is what lets a later, ambiguous full name undo a join.
    """
    mentions = db.execute(
        "SELECT attendance.id, attendance.person_id, attendance.printed_name,"
        " attendance.honorific FROM attendance"
        " JOIN documents ON documents.id = attendance.document_id"
        " JOIN packs ON packs.id = documents.pack_id"
        " WHERE COALESCE(packs.council, '') = COALESCE(?, '')",
        (council,),
    ).fetchall()
    full_names_by_surname: dict[str, set[str]] = {}
    for _id, _person, printed_name, _honorific in mentions:
        words = _name_words(printed_name)
        if len(words) > 1:
            full_names_by_surname.setdefault(words[-1].casefold(), set()).add(printed_name)
    for attendance_id, person_id, printed_name, honorific in mentions:
        words = _name_words(printed_name)
        # a title makes one word a surname; a bare "Julia" may be a first name
        surname_only = len(words) == 1 and (honorific or words != printed_name.split())
        candidates = full_names_by_surname.get(words[0].casefold(), set()) if surname_only else ()
        name = next(iter(candidates)) if len(candidates) == 1 else printed_name
        target = _person_id(db, name, council)
        if target != person_id:
            db.execute("UPDATE attendance SET person_id = ? WHERE id = ?", (target, attendance_id))


def _body_key(name: str) -> str:
    """A body's name as its spellings share it: "The Adults & Safer City Scrutiny Panel"
    and "adults and safer city scrutiny panel" → "adultsandsafercityscrutinypanel".

    Case, the article before the name, "&" for "and", punctuation and spacing are how the
    papers' spellings of one body differ, so they are all left out.
    """
    name = BODY_NAME_ARTICLE.sub("", name)
    name = BODY_NAME_AMPERSAND.sub(f" {BODY_NAME_AND} ", name)
    return "".join(character for character in name.casefold() if character.isalnum())


def _body_id(db: Database, name: str | None, council: str | None) -> int | None:
    """One row per body within a council, however its papers spell the body's name; the
    row keeps the first spelling exported."""
    if not name or not _body_key(name):
        return None
    key = _body_key(name)
    found = db.execute(
        "SELECT id FROM bodies WHERE normalised_name = ?"
        " AND COALESCE(council, '') = COALESCE(?, '')",
        (key, council),
    ).fetchone()
    if found:
        return found[0]
    return _insert(db, "bodies", {"name": name, "council": council, "normalised_name": key})


def _write_programme(db: Database, document_id: int, programme: WorkProgrammeDocument) -> None:
    spec = TABLE_SPECS["programme_items"]
    position = 0
    for meeting in programme.meetings:
        for item in meeting.items:
            _insert(
                db,
                "programme_items",
                {
                    "document_id": document_id,
                    "position": position,
                    "meeting_date": _cell(meeting.date),
                    "meeting_date_text": meeting.date_text,
                }
                | _row(spec, item),
            )
            position += 1


def _write_table(db: Database, document_id: int, position: int, table: Table) -> None:
    statistics = table.statistics
    table_id = _insert(
        db,
        "tables",
        {"document_id": document_id, "position": position}
        | _row(TABLE_SPECS["tables"], table)
        | {
            "row_count": len(table.rows),
            "periods": _cell(statistics.periods) if statistics else None,
        },
    )
    cells = [(1, 0, column, text) for column, text in enumerate(table.header)]
    cells += [
        (0, row, column, text)
        for row, values in enumerate(table.rows)
        for column, text in enumerate(values)
    ]
    db["table_cells"].insert_all(
        (
            {
                "table_id": table_id,
                "is_header": is_header,
                "row": row,
                "column": column,
                "column_name": table.header[column] if column < len(table.header) else None,
                "text": text,
                "number": None if is_header else cell_number(text),
            }
            for is_header, row, column, text in cells
        ),
        alter=True,
    )
    if statistics is None:
        return
    records = statistics.records
    row_ids = _children(db, "statistics_rows", ("table_id", table_id), records)
    for row_id, record in zip(row_ids, records, strict=True):
        periods = list(dict.fromkeys([*statistics.periods, *record.values]))
        db["statistics_values"].insert_all(
            (
                {
                    "row_id": row_id,
                    "period": period,
                    "value": record.values.get(period),
                    "raw": record.raw.get(period),
                    "unit": record.units.get(period),
                }
                for period in periods
                if period in record.values or period in record.raw
            ),
            alter=True,
        )


_NUMBER = compiled(
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


# --- the questions the database answers --------------------------------------------------


def agenda_of(db: Database, sha256: str) -> list[tuple[str, str]]:
    """A meeting's agenda items (number, title) in the order the agenda prints them."""
    return db.execute(
        "SELECT number, title FROM agenda_items JOIN packs ON packs.id = agenda_items.pack_id"
        " WHERE packs.sha256 = ? ORDER BY position",
        (sha256,),
    ).fetchall()


def attendees_of(db: Database, body: str) -> list[str]:
    """Everyone the minutes record as present (member, substitute, in attendance) at a body."""
    marks = ", ".join("?" for _ in PRESENT_STATUSES)
    return [
        name
        for (name,) in db.execute(
            f"SELECT DISTINCT name FROM attendees WHERE body = ? AND status IN ({marks})"
            " ORDER BY name",
            (body, *PRESENT_STATUSES),
        )
    ]


def resolutions_matching(db: Database, query: str) -> list[str]:
    """The text of every resolution that matches an FTS5 query (e.g. a word)."""
    return [
        text
        for (text,) in db.execute(
            "SELECT resolutions.text FROM resolutions_fts"
            " JOIN resolutions ON resolutions.id = resolutions_fts.rowid"
            " WHERE resolutions_fts MATCH ? ORDER BY resolutions.id",
            (query,),
        )
    ]


def statistics_rows_of(db: Database, table_id: int) -> list[tuple[str, dict[str, float | None]]]:
    """Every statistics row of a table, in order: its category and its value per period."""
    rows: dict[int, tuple[str, dict[str, float | None]]] = {}
    for position, category, period, value in db.execute(
        "SELECT position, category, period, value FROM statistics WHERE table_id = ?"
        " ORDER BY position, rowid",
        (table_id,),
    ):
        rows.setdefault(position, (category, {}))[1][period] = value
    return [rows[p] for p in sorted(rows)]


# --- Datasette ----------------------------------------------------------------------------

#: what each table holds, for Datasette's table pages
DESCRIPTIONS = {
    "packs": "One row per file exported: its meeting, as the front sheet prints it.",
    "agenda_items": "The agenda's items, in order, with the pages their papers run to.",
    "documents": "The documents a pack holds (agenda, minutes, reports, work programme).",
    "minutes": "Each minutes document's meeting: body, date, time, venue.",
    "people": "One row per person named in attendance, within a council; a surname-only "
    "mention (Mr Sweet) is the council's one person of that surname with a full name.",
    "bodies": "One row per body (committee, panel, board) within a council, however its "
    "papers spell it; packs and minutes point at it by body_id.",
    "attendance": "Who the minutes record, and how: member, substitute, in attendance, "
    "apologies, absent.",
    "declarations": "Declarations of interest recorded in the minutes.",
    "minute_items": "The items of a set of minutes, with their text.",
    "resolutions": "What was resolved under each minute item, with any recorded votes.",
    "resolution_parts": "The lettered or numbered parts of a resolution.",
    "actions": "Actions recorded under a minute item, with their owner.",
    "reports": "Officer reports' metadata: meeting, cabinet member, wards, key decision.",
    "other_documents": "The header fields of other documents (a record of decision's "
    "number, decision maker, key decision), as printed and as reports' columns.",
    "recommendations": "A report's recommendations, in order.",
    "sections": "A report's or other document's top-level sections.",
    "paragraphs": "A section's paragraphs.",
    "implications": "A report's implications (financial, legal, equalities...), signed off.",
    "work_programmes": "Each work programme's cabinet member and header.",
    "programme_items": "The items a work programme plans, by meeting.",
    "tables": "Tables in the documents, with the quality of their reading.",
    "table_cells": "Every cell of every table, with its number where it reads as one.",
    "statistics_rows": "Rows of tables whose columns are periods.",
    "statistics_values": "A statistics row's value for each period.",
    "findings": "What the rules found: code, severity, message, page and quote.",
}

LABELS = {
    "packs": "path",
    "documents": "title",
    "people": "name",
    "bodies": "name",
    "minute_items": "title",
    "resolutions": "text",
    "sections": "title",
    "tables": "caption",
    "statistics_rows": "category",
}

FACETS = {
    "packs": ["council", "body", "meeting_date"],
    "documents": ["kind"],
    "minutes": ["body", "date"],
    "attendance": ["status"],
    "findings": ["severity", "code"],
    "implications": ["kind"],
}

CANNED_QUERIES = {
    "decisions_of_a_body": {
        "title": "Decisions of a body, by date",
        "sql": "SELECT COALESCE(minutes.body, packs.body) AS body, minutes.date,"
        " minute_items.number, minute_items.title, resolutions.text"
        " FROM resolutions"
        " JOIN minute_items ON minute_items.id = resolutions.minute_item_id"
        " JOIN documents ON documents.id = minute_items.document_id"
        " JOIN packs ON packs.id = documents.pack_id"
        " LEFT JOIN minutes ON minutes.document_id = documents.id"
        " WHERE COALESCE(minutes.body, packs.body) = :body"
        " ORDER BY minutes.date, minute_items.position, resolutions.position",
    },
    "who_attended": {
        "title": "Who attended which meetings",
        "sql": "SELECT name, body, meeting_date, status, role FROM attendees"
        " WHERE status IN ('member', 'substitute', 'in_attendance')"
        " AND name LIKE '%' || :name || '%' ORDER BY name, meeting_date",
    },
    "findings_by_rule": {
        "title": "Findings by rule",
        "sql": "SELECT code, name, severity, count(*) AS findings, count(DISTINCT pack_id)"
        " AS packs FROM findings GROUP BY code, name, severity ORDER BY findings DESC",
    },
    "search_resolutions": {
        "title": "Full-text search of resolutions",
        "sql": "SELECT resolutions.id, resolutions.text FROM resolutions_fts"
        " JOIN resolutions ON resolutions.id = resolutions_fts.rowid"
        " WHERE resolutions_fts MATCH :query ORDER BY rank",
    },
}


def datasette_metadata(database_name: str) -> dict:
    """Datasette metadata for a councildocs database: descriptions, labels, facets, queries.

    ``datasette council.db --metadata metadata.json``; ``database_name`` is the file's stem.
    """
    tables = {
        name: {"description": description}
        | ({"label_column": LABELS[name]} if name in LABELS else {})
        | ({"facets": FACETS[name]} if name in FACETS else {})
        for name, description in DESCRIPTIONS.items()
    }
    return {
        "title": "Council papers",
        "description": "Agenda packs, minutes and reports parsed by councildocs.",
        "databases": {database_name: {"tables": tables, "queries": CANNED_QUERIES}},
    }
