"""The fixture packs give back their expected JSON, field for field.

The expected files in tests/fixtures/expected/ were written by `make golden` and then read
and checked by a person against the generator's content (tests/fixtures/generate.py);
regenerate them only when a change to the output is intended, and read the diff. Boxes
(``bbox``) are left out: no reader can check them by eye, and page numbers stay.
"""

from __future__ import annotations

import json

import pytest

import councildocs

from .conftest import FIXTURES

EXPECTED = FIXTURES / "expected"
PACKS = ["wolverhampton_pack.pdf", "kent_cabinet_pack.pdf"]


def comparable(pack: councildocs.Pack, name: str) -> dict:
    data = json.loads(pack.model_dump_json(by_alias=True))
    data["source"]["path"] = name
    return _without_boxes(data)


def _without_boxes(value):
    if isinstance(value, dict):
        return {k: _without_boxes(v) for k, v in value.items() if k != "bbox"}
    if isinstance(value, list):
        return [_without_boxes(v) for v in value]
    return value


@pytest.mark.parametrize("name", PACKS)
def test_fixture_pack_gives_its_expected_json(name):
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    assert comparable(councildocs.parse(FIXTURES / name), name) == expected


if __name__ == "__main__":  # make golden: write the expected files, to be read before commit
    for name in PACKS:
        data = comparable(councildocs.parse(FIXTURES / name), name)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        (EXPECTED / f"{name}.json").write_text(text, encoding="utf-8")
