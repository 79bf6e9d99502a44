"""output.indent: compact Pack JSON laid out exactly as pydantic's ``indent=2`` lays it out."""

from __future__ import annotations

import councildocs
from councildocs.batch import parse_file
from councildocs.output.indent import compact_json, indent_json

from .conftest import FIXTURES, corpus_pdfs, shared_file


def test_the_seed_pack_indents_as_pydantic_does():
    pack = councildocs.parse(shared_file("seeds/000_93c56be8f999743d.txt"))
    expected = pack.model_dump_json(indent=2, by_alias=True)
    assert indent_json(pack.model_dump_json(by_alias=True)) == expected
    assert '"body": "Adults and Safer City Scrutiny Panel"' in expected


def test_corpus_packs_indent_as_pydantic_does():
    for pdf in corpus_pdfs()[:3]:
        pack = councildocs.parse(pdf)
        compact = pack.model_dump_json(by_alias=True)
        assert indent_json(compact) == pack.model_dump_json(indent=2, by_alias=True), pdf


def test_empty_containers_numbers_and_escapes_are_kept():
    compact = '{"a":[],"b":{},"c":[1e-5,-0.5,null],"d":"x\\"y: [z], {w}","e":{"f":true}}'
    assert indent_json(compact) == (
        "{\n"
        '  "a": [],\n'
        '  "b": {},\n'
        '  "c": [\n'
        "    1e-5,\n"
        "    -0.5,\n"
        "    null\n"
        "  ],\n"
        '  "d": "x\\"y: [z], {w}",\n'
        '  "e": {\n'
        '    "f": true\n'
        "  }\n"
        "}"
    )


def test_a_batch_asked_for_indented_json_gives_what_a_cached_pack_is_laid_out_as(tmp_path):
    """parse --format json takes the worker's indented JSON for a fresh parse and lays out
    a cached pack's compact JSON here: the two must be the same bytes."""
    from councildocs.batch import parse_many
    from councildocs.cache import PackCache

    from .conftest import FIXTURES

    pdf = FIXTURES / "kent_cabinet_pack.pdf"
    cache = PackCache(tmp_path / "cache")
    [fresh] = parse_many([pdf], jobs=1, cache=cache, indented=True)
    [cached] = parse_many([pdf], jobs=1, cache=cache, indented=True)
    assert not fresh.from_cache and cached.from_cache
    assert cached.value.indented is None
    assert fresh.value.indented == indent_json(cached.value.json)
    assert fresh.value.indented.startswith('{\n  "schema_name": "councildocs.Pack",\n')
    [plain] = parse_many([pdf], jobs=1, indented=False)
    assert plain.value.indented is None


def test_indented_json_compacts_back_to_pydantics_compact_json():
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    compact = pack.model_dump_json(by_alias=True)
    assert compact_json(pack.model_dump_json(indent=2, by_alias=True)) == compact
    assert (
        compact_json('{\n  "a": [],\n  "d": "x\\"y: [z], {w}"\n}')
        == '{"a":[],"d":"x\\"y: [z], {w}"}'
    )


def test_a_parse_asked_only_for_indented_json_still_gives_its_compact_json():
    """Without a cache, a parse asked for indented JSON dumps the Pack once; ``.json`` is
    then made from the indented text, the same as pydantic's compact dump."""
    path = str(FIXTURES / "wolverhampton_pack.pdf")
    parsed = parse_file(path, indented=True)
    assert parsed.compact is None
    assert parsed.json == councildocs.parse(path).model_dump_json(by_alias=True)
    assert parse_file(path).compact == parsed.json
