"""The JSON Schema: committed, current, versioned, and true of every output we produce."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main
from councildocs.models import SCHEMA_VERSION
from councildocs.output.schema import body_fingerprint, pack_schema

from .conftest import ROOT, corpus_pdfs, shared_file
from .test_sqlite import minutes_pack

COMMITTED = ROOT / "schema" / "pack.schema.json"
VERSIONS = ROOT / "schema" / "versions.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(CliRunner().invoke(main, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_current():
    printed = CliRunner().invoke(main, ["schema"]).stdout
    assert json.loads(COMMITTED.read_text()) == json.loads(printed), (
        "the Pack models changed: run `councildocs schema > schema/pack.schema.json`"
    )


def test_schema_names_its_version():
    committed = json.loads(COMMITTED.read_text())
    assert committed["version"] == SCHEMA_VERSION
    assert committed["$id"].endswith(f":{SCHEMA_VERSION}")


def test_contract_change_needs_a_new_version():
    fingerprints = json.loads(VERSIONS.read_text())
    assert fingerprints.get(SCHEMA_VERSION) == body_fingerprint(pack_schema()), (
        "the schema changed but models.SCHEMA_VERSION did not: bump it (minor for additions, "
        "major for breaking changes) and record the new fingerprint in schema/versions.json"
    )
    # every released version has a fingerprint of its own
    assert len(set(fingerprints.values())) == len(fingerprints)


def test_seed_output_validates(validator, seed_pack):
    validator.validate(json.loads(seed_pack.model_dump_json(by_alias=True)))


def test_every_corpus_file_output_validates(validator):
    shared_file("corpus")
    for path in corpus_pdfs():
        data = json.loads(councildocs.parse(path).model_dump_json(by_alias=True))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path


def test_filled_minutes_validate_and_mistakes_do_not(validator):
    data = json.loads(minutes_pack().model_dump_json(by_alias=True))
    validator.validate(data)
    data["documents"][0]["attendance"]["members"][0]["nmae"] = "typo"
    with pytest.raises(jsonschema.ValidationError, match="nmae"):
        validator.validate(data)
    data = json.loads(minutes_pack().model_dump_json(by_alias=True))
    data["documents"][0]["kind"] = "letter"
    assert not validator.is_valid(data)


def test_provenance_prints_ocr_only_where_the_page_was_read_by_ocr():
    """Packs read from text layers print as they did before OCR existed: no ``ocr: false``."""
    from councildocs.models import Provenance

    assert Provenance(page=3, bbox=(1.0, 2.0, 3.0, 4.0)).model_dump_json() == (
        '{"page":3,"bbox":[1.0,2.0,3.0,4.0]}'
    )
    assert Provenance(page=3).model_dump() == {"page": 3, "bbox": None}
    assert Provenance(page=3, ocr=True).model_dump_json() == '{"page":3,"bbox":null,"ocr":true}'
