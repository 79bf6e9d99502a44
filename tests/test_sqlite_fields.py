"""Every field of every model reaches the database, or is listed as left out on purpose.

The columns come from the models, so a field another developer adds becomes a column; a
field that reaches no column must be named, with its reason, in the table's ``left_out``
(or be a child table, or written by hand to a named place). Then the fields the previous
schema dropped are checked with values a person can read.
"""

from __future__ import annotations

import datetime as dt
import typing

from pydantic import BaseModel

from councildocs.models import (
    DocumentBase,
    Finding,
    MinuteItem,
    MinutesDocument,
    OutlineEntry,
    Pack,
    Person,
    Resolution,
    ResolutionPart,
    Source,
    WorkProgrammeDocument,
)
from councildocs.output import sqlite


def _models_in(annotation) -> list[type[BaseModel]]:
    """The models an annotation names: ``X``, ``X | None``, ``list[X]``, ``dict[str, X]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


def _all_fields_of(
    model: type[BaseModel], seen: frozenset[type[BaseModel]] = frozenset()
) -> set[tuple[str, str]]:
    """Every (model, field) under ``model``; a model that holds itself (a section's
    subsections) is walked once."""
    fields = set()
    seen = seen | {model}
    for name, info in model.model_fields.items():
        fields.add((model.__name__, name))
        for inner in _models_in(info.annotation):
            if inner not in seen:
                fields |= _all_fields_of(inner, seen)
    return fields


def every_field() -> set[tuple[str, str]]:
    """(model, field) for every model reachable from Pack, and Finding."""
    seen: set[type[BaseModel]] = set()
    fields = set()
    pending = [Pack, Finding]
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            fields.add((model.__name__, name))
            pending += _models_in(info.annotation)
    return fields


def accounted_for() -> set[tuple[str, str]]:
    """(model, field) that a table spec puts somewhere, or says why it does not."""
    placed = set()
    for spec in sqlite.TABLES:
        for name in [*spec.children, *spec.written_apart, *spec.left_out]:
            placed.add((spec.model.__name__, name))
        for name in [*spec.children, *spec.written_apart]:
            annotation = spec.model.model_fields[name].annotation
            if name in spec.written_apart or typing.get_origin(annotation) is not list:
                # a holder (the agenda, the attendance, a table's statistics): its fields
                # are the child table's rows, or written where written_apart says
                for holder in _models_in(annotation):
                    placed |= {(holder.__name__, field) for field in holder.model_fields}
        for path, _kind in sqlite.model_columns(spec).values():
            model = spec.model
            for name in path:
                placed.add((model.__name__, name))
                inner = _models_in(model.model_fields[name].annotation)
                if name == path[-1]:
                    # a column of JSON (a list of contacts): their fields travel in it
                    for item in inner:
                        placed |= _all_fields_of(item)
                elif inner:
                    model = inner[0]
    for kind in DocumentBase.__subclasses__():
        for name in kind.model_fields:
            # every kind's common fields are in documents (its kind too); its own fields in
            # its kind's table, or where the module says it writes them
            if name in DocumentBase.model_fields or name == "kind":
                placed.add((kind.__name__, name))
            elif kind in sqlite.WRITTEN_ELSEWHERE:
                placed.add((kind.__name__, name))
    for model in sqlite.WRITTEN_ELSEWHERE:  # e.g. a programme's meetings, on each item
        placed |= {(model.__name__, name) for name in model.model_fields}
    return placed


def test_every_model_field_reaches_the_database_or_is_left_out_on_purpose():
    assert every_field() - accounted_for() == set()


def test_every_column_of_the_models_is_in_a_new_database(tmp_path):
    db = sqlite.connect(tmp_path / "council.db")
    for spec in sqlite.TABLES:
        assert set(sqlite.table_columns(spec)) <= set(db[spec.name].columns_dict), spec.name


def test_the_fields_the_old_schema_dropped_are_written(tmp_path):
    minutes = MinutesDocument(
        body="Cabinet",
        date=dt.date(2025, 1, 30),
        attendance={"members": [Person(name="Sir John Smith", post_nominals=["OBE", "DL"])]},
        items=[
            MinuteItem(
                title="Budget",
                resolutions=[
                    Resolution(
                        text="RESOLVED: (a) Adopt the plan (b) Review it in a year",
                        parts=[
                            ResolutionPart(label="a", text="Adopt the plan"),
                            ResolutionPart(label="b", text="Review it in a year"),
                        ],
                    )
                ],
            )
        ],
    )
    programme = WorkProgrammeDocument(
        title="Work Programme 2025/26", header={"Chair": "Cllr Jane Doe"}, cabinet_member="Cllr X"
    )
    pack = Pack(
        source=Source(
            path="pack.pdf",
            sha256="c" * 64,
            page_count=12,
            format="pdf",
            language="cy-GB",
            tagged=True,
            outline=[OutlineEntry(title="Minutes", page=3)],
        ),
        documents=[minutes, programme],
    )
    db = sqlite.connect(tmp_path / "council.db")
    sqlite.write_pack(db, pack)
    assert db.execute("SELECT label, text FROM resolution_parts ORDER BY position").fetchall() == [
        ("a", "Adopt the plan"),
        ("b", "Review it in a year"),
    ]
    assert db.execute("SELECT post_nominals FROM attendance").fetchone() == ('["OBE", "DL"]',)
    assert db.execute("SELECT language, tagged, outline FROM packs").fetchone() == (
        "cy-GB",
        1,
        '[{"title": "Minutes", "page": 3, "level": 0}]',
    )
    assert db.execute("SELECT cabinet_member, header FROM work_programmes").fetchone() == (
        "Cllr X",
        '{"Chair": "Cllr Jane Doe"}',
    )
