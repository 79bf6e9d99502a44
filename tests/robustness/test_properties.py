"""Property-based: mutated lines of the Wolverhampton fixture go through parse, the JSON
round trip, validate and the SQLite writer without an uncaught exception.

The seed lines are the text of ``tests/fixtures/wolverhampton_pack.pdf`` (the seed pack
rebuilt as a fixture), read at test time. A mutation keeps most lines as they are, so
the parsers still meet agendas, minutes and reports, and then damages a few: a line
replaced by arbitrary text (controls, bidi marks, any script), numbers made huge, lines
duplicated, dropped, swapped, capitalised, split by form feeds. The only failure allowed
is a :class:`~councildocs.errors.CouncilDocsError` (a one-line error in the CLI).

Each test runs ``max_examples`` examples (300; ``HYPOTHESIS_PROFILE=thorough`` for 1,000).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councildocs import parse
from councildocs.errors import CouncilDocsError, UnreadableInput
from councildocs.extract import load
from councildocs.linter import validate
from councildocs.models import Pack
from councildocs.output import sqlite

from ..conftest import FIXTURES

settings.register_profile(
    "default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _seed_pages() -> list[list[str]]:
    source = load(FIXTURES / "wolverhampton_pack.pdf")
    return [[line.text for line in page.lines] for page in source.pages]


SEED_PAGES = _seed_pages()
SEED_LINES = [line for page in SEED_PAGES for line in page]

#: text a line may become: anything, with the characters hostile input carries favoured
HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("\x00\x1b\x07\x0c\r\t\u202e\u2028\ufeff\ufffd\xad–£%:[](){}")),
    ),
    max_size=60,
)


@st.composite
def mutated_text(draw) -> str:
    start = draw(st.integers(0, len(SEED_LINES) - 1))
    lines = list(SEED_LINES[start : start + draw(st.integers(1, 160))])
    for _ in range(draw(st.integers(0, 10))):
        index = draw(st.integers(0, len(lines) - 1))
        mutation = draw(
            st.sampled_from(
                ["replace", "insert", "huge numbers", "duplicate", "drop", "swap", "upper", "page"]
            )
        )
        line = lines[index]
        if mutation == "replace":
            lines[index] = draw(HOSTILE_TEXT)
        elif mutation == "insert":
            lines.insert(index, draw(HOSTILE_TEXT))
        elif mutation == "huge numbers":
            number = str(draw(st.integers(0, 10**25)))
            lines[index] = "".join(number if c.isdigit() else c for c in line)
        elif mutation == "duplicate":
            lines.insert(index, line)
        elif mutation == "drop" and len(lines) > 1:
            del lines[index]
        elif mutation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        elif mutation == "upper":
            lines[index] = line.upper()
        elif mutation == "page":
            lines.insert(index, "\f")
    return "\n".join(lines)


def _parsed(text: str, encoding: str = "utf-8") -> Pack | None:
    """The pack, or None for an input refused with a one-line error."""
    try:
        return parse(text.encode(encoding, errors="surrogatepass"), name="mutated.txt")
    except CouncilDocsError:
        return None


@pytest.fixture(scope="module")
def database():
    from sqlite_utils import Database

    db = sqlite.connect(Database(memory=True))
    yield db
    db.close()


@given(mutated_text())
def test_parse_and_the_json_round_trip(text):
    pack = _parsed(text)
    if pack is None:
        return
    dumped = pack.model_dump_json(by_alias=True)
    again = Pack.model_validate_json(dumped)
    assert again.model_dump_json(by_alias=True) == dumped


@given(mutated_text())
def test_validate_on_mutated_packs(text):
    pack = _parsed(text)
    if pack is None:
        return
    findings = validate(pack)
    assert all(finding.code for finding in findings)


@given(mutated_text())
def test_the_sqlite_writer_on_mutated_packs(database, text):
    pack = _parsed(text)
    if pack is None:
        return
    try:
        sqlite.write_pack(database, pack, validate(pack))
    except UnreadableInput as exc:  # a value SQLite cannot hold: refused in one line
        assert "SQLite cannot hold" in exc.problem


@given(mutated_text(), st.sampled_from(["utf-16", "utf-32", "cp1252", "latin-1"]))
def test_other_encodings_of_mutated_text(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    try:
        parse(data, name="mutated.txt")
    except CouncilDocsError:
        pass


@st.composite
def mutated_saved_json(draw) -> str:
    """Saved parse output of a mutated pack, with one of its values replaced."""
    pack = _parsed(draw(mutated_text()))
    data = json.loads(pack.model_dump_json(by_alias=True)) if pack else {"source": {}}
    paths: list[tuple[object, object]] = []

    def walk(value) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            paths.append((value, key))
            if isinstance(item, dict | list):
                walk(item)

    walk(data)
    if paths:
        parent, key = draw(st.sampled_from(paths))
        parent[key] = draw(
            st.one_of(
                st.integers(-(10**25), 10**25),
                HOSTILE_TEXT,
                st.none(),
                st.booleans(),
                st.lists(st.integers(), max_size=3),
                st.floats(allow_nan=True),
            )
        )
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


@given(mutated_saved_json())
def test_saved_json_read_validate_and_export(tmp_path_factory, database, saved):
    from councildocs.saved import read_saved

    path = tmp_path_factory.mktemp("saved") / "packs.jsonl"
    path.write_text(saved + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        for entry in read_saved(path):
            if isinstance(entry, Pack):
                sqlite.write_pack(database, entry, validate(entry))
    except UnreadableInput:
        pass
