"""The council's own name, read from the lines where a council prints it.

Each excerpt is a line (or two) as a council's papers print it: the corpus document it
comes from is named beside it, so a reader can check it against the page.
"""

from __future__ import annotations

import pytest

import councildocs
from councildocs.parsers.council import council_name

NAMED = [
    # Kent minutes' heading (tests/fixtures/kent_cabinet_pack.pdf, page 3)
    (["KENT COUNTY COUNCIL", "CABINET"], "Kent County Council"),
    # a narrow letterhead: the place above its kind (burton-cum-walden-pc minutes)
    (["BURTON-CUM-WALDEN", "PARISH COUNCIL"], "Burton-cum-Walden Parish Council"),
    (["City of Wolverhampton Council"], "City of Wolverhampton Council"),
    (["CITY OF WOLVERHAMPTON COUNCIL"], "City of Wolverhampton Council"),
    # a name wrapped before its noun (horsley-pc, "Barton End - HPC response 1")
    (["Response from Horsley Parish", "Council"], "Horsley Parish Council"),
    (["FERRYPORT-ON-CRAIG COMMUNITY COUNCIL"], "Ferryport-on-Craig Community Council"),
    (["MANORDEILO & SALEM COMMUNITY COUNCIL"], "Manordeilo & Salem Community Council"),
    (["St Albans City and District Council"], "St Albans City and District Council"),
    (["New Forest District Council"], "New Forest District Council"),
    (["Kent County Council – Cabinet"], "Kent County Council"),
    # Welsh: the noun first, mutated after a preposition, small words in lower case
    (
        ["CYNGOR CYMUNED MANORDEILO a SALEM", "CYFARFOD 9fed HYDREF 2019"],
        "Cyngor Cymuned Manordeilo a Salem",
    ),
    (["Gyngor Cymuned Manordeilo a Salem"], "Cyngor Cymuned Manordeilo a Salem"),
    # a title's lead-in, on the line or the line above (garelochhead-cc, souldern-pc)
    (
        [
            "Minutes of the Meeting of Garelochhead Community Council held at 7.30 p.m. within the New"
        ],
        "Garelochhead Community Council",
    ),
    (
        ["AGREED Minutes for the Garelochhead Community Council AGM"],
        "Garelochhead Community Council",
    ),
    (
        ["DRAFT MINUTES for the", "Garelochhead Community Council public meeting"],
        "Garelochhead Community Council",
    ),
    (["MINUTES OF THE SOULDERN PARISH COUNCIL MEETING"], "Souldern Parish Council"),
    (["Souldern Parish Council Meeting Minutes"], "Souldern Parish Council"),
    # the first line that names a council decides
    (
        ["AGENDA", "Hertingfordbury Parish Council", "East Herts Council"],
        "Hertingfordbury Parish Council",
    ),
]

NOT_NAMED = [
    ["Clerk to the Council"],
    ["To members of the Council: You are hereby summoned"],
    ["The District Council"],
    ["Full Council"],
    ["Leader of the Council"],
    ["City Council", "April 18, 2016"],  # no place: the US city's name is elsewhere
    # a contact block over the venue (Kent agenda front sheet): no line ends in a name
    ["Ask for: Georgina Little", "Council Chamber, Sessions House"],
    # capitals in a mixed-case line are an acronym, not a place
    ["Meeting at 7 PM City Council Chambers"],
    ["EPA Government Center City Council"],
    # prose: the name does not open the line, or the line runs on as a sentence
    ["The chair met Cherwell District Council officers"],
    ["Cherwell District Council have confirmed the dates"],
    # the tail of a sentence wrapped from the line above (wroxton-balscote-pc agenda)
    ["Balscote Parish Council for the purposes of transacting the following business:"],
    ["Councillors present: A Smith, B Jones"],
]


@pytest.mark.parametrize(("lines", "name"), NAMED)
def test_a_printed_council_name_is_read(lines, name):
    assert council_name(lines) == name


@pytest.mark.parametrize("lines", NOT_NAMED)
def test_lines_that_only_mention_a_council_name_none(lines):
    assert council_name(lines) is None


def test_a_pack_names_the_council_its_minutes_print(tmp_path):
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "MILBURN PARISH COUNCIL\n"
        "Minutes of the meeting held on Tuesday 6 November 2018 at 7.30 pm\n"
        "\n"
        "Present: Cllrs A Atkinson (Chair), B Bell and C Carr\n"
        "\n"
        "1. Apologies\n"
        "None were received.\n",
        encoding="utf-8",
    )

    assert councildocs.parse(minutes).meeting.council == "Milburn Parish Council"


def test_a_council_named_only_in_prose_is_not_the_pack_council(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "Chair's report\n"
        "\n"
        "The chair met officers of the district council, and Cherwell District Council\n"
        "have confirmed the dates of the consultation.\n",
        encoding="utf-8",
    )

    assert councildocs.parse(report).meeting.council is None
