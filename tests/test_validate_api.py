"""councildocs.validate: the library call the validate command is a layer over."""

from __future__ import annotations

import pytest

import councildocs

from .conftest import FIXTURES, shared_file

CON002 = FIXTURES / "rules" / "CON002_fail.json"
SEED_REL = "seeds/000_93c56be8f999743d.txt"


def test_validate_a_text_export_by_path():
    seed = shared_file(SEED_REL)
    found = councildocs.validate(seed)
    # pack pages, placed from the pages the text reader inferred: 5, 11, 17 and 20 are the
    # pages the PDF rendition prints them on; the crime table (22 in print) is put on 18,
    # since a text export keeps no page breaks inside a table
    assert [(f.code, f.page) for f in found] == [
        ("CON004", 5),
        ("CON001", 11),
        ("CON002", 17),
        ("CON003", 17),
        ("FIG001", 18),
        ("FIG001", 20),
    ]
    assert all(f.path == str(seed) for f in found)
    assert found[1].quote == "Karen.ssamuels@wolverhampton.gov.uk"


def test_select_and_ignore_take_a_reference_or_a_list(seed_pack):
    fig = councildocs.validate(seed_pack, select="FIG")
    assert [f.message for f in fig] == [
        "stated 16.5% increase, but 191 → 221 is a 15.7% increase",
        "stated 21% increase, but 55 → 70 is a 27.3% increase",
    ]
    rest = councildocs.validate(seed_pack, ignore=["FIG", "consistency"])
    assert rest == []
    assert [f.code for f in councildocs.validate(seed_pack, select=["CON001", "CON004"])] == [
        "CON004",
        "CON001",
    ]


def test_severities_override_the_rules_default(seed_pack):
    [finding] = councildocs.validate(seed_pack, select="CON002", severities={"CON002": "info"})
    assert finding.severity == councildocs.Severity.info


def test_saved_pack_json_and_a_pack_in_hand_agree():
    saved = councildocs.validate(CON002, select="CON002")
    assert [(f.code, f.document, f.quote) for f in saved] == [
        ("CON002", 2, "Councillor Paul Sweet, Cabinet Member for Public Health and Wellbeing")
    ]
    pack = councildocs.read(CON002)
    assert councildocs.validate(pack, select="CON002") == saved


def test_unknown_rule_and_unreadable_file_raise_library_errors(tmp_path):
    with pytest.raises(councildocs.UnknownRule, match="names no rule"):
        councildocs.validate(CON002, select="NOPE1")
    with pytest.raises(councildocs.UnreadableInput, match="no such file"):
        councildocs.validate(tmp_path / "missing.pdf")
    lines = tmp_path / "packs.jsonl"
    lines.write_text(CON002.read_text().replace("\n", "") + "\n")
    with pytest.raises(councildocs.UnreadableInput, match="JSON Lines hold many packs"):
        councildocs.validate(lines)


def test_public_api_lists_validate():
    assert {"parse", "read", "validate", "Finding", "UnknownRule"} <= set(councildocs.__all__)
    assert "select" in councildocs.validate.__doc__ and "ignore" in councildocs.validate.__doc__
