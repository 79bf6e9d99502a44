"""Every rule with a failing and a passing pack, built from the seed's published facts."""

from __future__ import annotations

import datetime as dt

import pytest

from councildocs.linter import lint
from councildocs.models import (
    AgendaItem,
    CabinetMember,
    Contact,
    Implication,
    MinutesDocument,
    Pack,
    PageSpan,
    ReportDocument,
    ReportMetadata,
    SignOff,
    Statistics,
    StatisticsRecord,
    Table,
    UnplacedText,
    WorkProgrammeDocument,
)
from councildocs.rules import all_rules, get, resolve

from .conftest import FIXTURES

SOURCE = {"path": "pack.txt", "sha256": "0" * 64, "page_count": 26, "format": "text"}
PDF_SOURCE = {**SOURCE, "path": "pack.pdf", "format": "pdf"}


def pack(documents=(), items=(), source=SOURCE, meeting=None) -> Pack:
    return Pack(
        source=source,
        meeting=meeting or {},
        agenda={"items": list(items)},
        documents=list(documents),
    )


def run(code: str, p: Pack):
    return lint(p, [get(code)])


def text(*blocks: str, page: int = 1) -> list[UnplacedText]:
    return [UnplacedText(page=page, text=b) for b in blocks]


def report(title="Modern Slavery Update", item="6", **fields) -> ReportDocument:
    return ReportDocument(title=title, agenda_item=item, pages=PageSpan(start=11, end=16), **fields)


# --- the registry --------------------------------------------------------------------


def test_every_rule_has_metadata_and_examples():
    rules = all_rules()
    assert len(rules) >= 20
    for code, rule in rules.items():
        assert code == rule.code and rule.name and rule.summary
        anti = rule.doc.index("**Anti-pattern**")
        best = rule.doc.index("**Best practice**")
        assert anti < best, code


def test_references_resolve_codes_prefixes_names_and_groups():
    assert resolve("fig001") == {"FIG001"}
    assert {"FIG001", "FIG002", "FIG003", "FIG004"} <= resolve("FIG")
    assert resolve("percentage-share") == {"FIG002"}
    assert resolve("publication") == {"PUB001", "PUB002", "PUB003", "PUB004", "PUB005"}
    assert "AGD001" in resolve("structure") and "MIN003" in resolve("structure")
    with pytest.raises(ValueError):
        resolve("XYZ999")


# --- AGD -----------------------------------------------------------------------------


def test_agd001_page_reference_against_where_the_document_starts():
    item = AgendaItem(
        number="6", title="Modern Slavery - Update Report", pages={"start": 11, "end": 16}
    )
    wrong = report(item="6")
    wrong.pages = PageSpan(start=13, end=16)
    findings = run("AGD001", pack([wrong], [item]))
    assert [f.message for f in findings] == [
        "agenda item 6 cites pages 11-16, but its papers run from page 13 to 16"
    ]
    assert run("AGD001", pack([report(item="6")], [item])) == []


def test_agd002_referenced_document_missing():
    items = [
        AgendaItem(
            number="6", title="Modern Slavery - Update Report", pages={"start": 11, "end": 16}
        ),
        AgendaItem(
            number="7",
            title="Safer Wolverhampton Partnership Performance Update",
            pages={"start": 17, "end": 26},
        ),
    ]
    findings = run("AGD002", pack([report(item="6")], items))
    assert [f.quote for f in findings] == [
        "7 Safer Wolverhampton Partnership Performance Update (Pages 17 - 26)"
    ]
    second = report(title="Community Safety", item="7")
    assert run("AGD002", pack([report(item="6"), second], items)) == []


def test_agd003_item_numbering_gap():
    titles = ["Apologies", "Declarations of Interest", "Matters arising", "Modern Slavery"]
    gap = [AgendaItem(number=n, title=t) for n, t in zip(["1", "2", "3", "5"], titles, strict=True)]
    assert [f.message for f in run("AGD003", pack(items=gap))] == [
        "agenda item 5 follows item 3: no item 4"
    ]
    good = [
        AgendaItem(number=n, title=t) for n, t in zip(["1", "2", "3", "3a"], titles, strict=True)
    ]
    assert run("AGD003", pack(items=good)) == []


def test_agd003_a_second_session_numbered_from_one_is_not_a_fault():
    # Mountain View's pack: a study session (1-3), then the regular meeting (1-4), whose
    # item 3 is missing
    numbers = ["1", "2", "3", "1", "2", "4", "4"]
    items = [AgendaItem(number=n, title=f"Item {i}") for i, n in enumerate(numbers)]
    assert [f.message for f in run("AGD003", pack(items=items))] == [
        "agenda item 4 follows item 2: no item 3",
        "agenda item number 4 is used twice",
    ]


# --- MIN -----------------------------------------------------------------------------

MINUTES_HEAD = "Adults and Safer City Scrutiny Panel Minutes - 10 April 2018"


def test_min_rules_fail_on_minutes_without_attendance_apologies_or_declarations():
    bare = MinutesDocument(
        title="Minutes", unplaced_text=text(MINUTES_HEAD, "3 Matters arising There were none.")
    )
    assert [f.code for f in lint(pack([bare]), [get("MIN001"), get("MIN002"), get("MIN003")])] == [
        "MIN001",
        "MIN002",
        "MIN003",
    ]


def test_min_rules_pass_on_the_seed_minutes_wording():
    seed_like = MinutesDocument(
        title="Minutes",
        unplaced_text=text(
            MINUTES_HEAD,
            "Attendance",
            "Members of the Adults and Safer City Scrutiny Panel",
            "Apologies for absence were received from the following: Cllr Pat Patten",
            "There were no declarations of interest recorded for the meeting.",
        ),
    )
    assert lint(pack([seed_like]), [get("MIN001"), get("MIN002"), get("MIN003")]) == []


# --- REP -----------------------------------------------------------------------------


def test_rep001_report_title():
    untitled = report(unplaced_text=text("Adults and Safer City Scrutiny Panel 12 June 2018"))
    assert len(run("REP001", pack([untitled]))) == 1
    titled = report(unplaced_text=text("Report title Modern Slavery Update"))
    assert run("REP001", pack([titled])) == []


def test_rep002_meeting_date_differs_from_the_packs():
    meta = ReportMetadata(
        meeting={"body": "Adults and Safer City Scrutiny Panel", "date": "2017-09-19"}
    )
    findings = run("REP002", pack([report(metadata=meta)], meeting={"date": "2018-06-12"}))
    assert findings[0].message == (
        "the report is dated for a meeting on 19 September 2017, "
        "but the pack is for the meeting on 12 June 2018"
    )
    same = ReportMetadata(meeting={"date": "2018-06-12"})
    assert run("REP002", pack([report(metadata=same)], meeting={"date": "2018-06-12"})) == []


def test_rep003_recommendations():
    assert len(run("REP003", pack([report(unplaced_text=text("1.0 Purpose"))]))) == 1
    with_recs = report(unplaced_text=text("The scrutiny panel is recommended to:"))
    assert run("REP003", pack([with_recs])) == []


def test_rep004_standard_implications():
    partial = report(unplaced_text=text("8.0 Financial implications", "9.0 Legal implications"))
    assert [f.message for f in run("REP004", pack([partial]))] == [
        "the report has no section on its equalities implications"
    ]
    full = report(
        unplaced_text=text(
            "8.0 Financial implications", "9.0 Legal implications", "10.0 Equalities implications"
        )
    )
    assert run("REP004", pack([full])) == []


def test_rep005_sign_off_dated_after_the_meeting():
    late = report(
        metadata=ReportMetadata(meeting={"date": "2018-06-12"}),
        unplaced_text=text(
            "8.0 Financial implications",
            "8.1 There are no financial implications relating to this report. [SB/18052018/X]",
            "9.0 Legal implications",
            "9.1 The stated actions will ensure the Council complies. [RB/15062018/I]",
        ),
    )
    assert [f.message for f in run("REP005", pack([late]))] == [
        "the legal implications were signed off on 15 June 2018, not before the meeting on 12 June 2018"
    ]
    on_time = report(
        metadata=ReportMetadata(meeting={"date": "2018-06-12"}),
        implications=[
            Implication(
                kind="financial",
                text="...",
                sign_off=SignOff(reference="[SB/18052018/X]", date=dt.date(2018, 5, 18)),
            ),
            Implication(
                kind="legal",
                text="...",
                sign_off=SignOff(reference="[RB/15052018/I]", date=dt.date(2018, 5, 15)),
            ),
        ],
    )
    assert run("REP005", pack([on_time])) == []


def test_rep005_missing_sign_off_only_where_the_pack_uses_them():
    signed = report(
        unplaced_text=text(
            "8.0 Financial implications",
            "[SB/18052018/X]",
            "9.0 Legal implications",
            "[RB/15052018/I]",
        )
    )
    unsigned = report(
        title="Community Safety",
        item="7",
        unplaced_text=text("9.0 Financial Implications", "10.0 Legal implications"),
    )
    messages = [f.message for f in run("REP005", pack([signed, unsigned]))]
    assert messages == [
        "the financial implications carry no sign-off reference, though other reports in this pack have them",
        "the legal implications carry no sign-off reference, though other reports in this pack have them",
    ]
    assert run("REP005", pack([unsigned])) == []


# --- CON -----------------------------------------------------------------------------


def _with_contact(title, item, email):
    contact = Contact(
        name="Karen Samuels", role="Head of Community Safety", tel="01902 551341", email=email
    )
    return report(title=title, item=item, metadata=ReportMetadata(accountable_employees=[contact]))


def test_con001_the_seeds_two_spellings_of_karen_samuels_email():
    first = _with_contact("Modern Slavery Update", "6", "Karen.ssamuels@wolverhampton.gov.uk")
    second = _with_contact("Community Safety", "7", "Karen.samuels@wolverhampton.gov.uk")
    findings = run("CON001", pack([first, second]))
    assert len(findings) == 1
    # the finding points at the address that does not spell her name: the mistyped one
    assert findings[0].quote == "Karen.ssamuels@wolverhampton.gov.uk"
    assert findings[0].document == 1  # the first document: numbered as every output shows it
    assert "Karen.samuels@wolverhampton.gov.uk" in findings[0].message
    same = _with_contact("Community Safety", "7", "karen.samuels@wolverhampton.gov.uk")
    assert (
        run("CON001", pack([_with_contact("M", "6", "Karen.samuels@wolverhampton.gov.uk"), same]))
        == []
    )


def test_con001_reads_addresses_in_unparsed_text_too():
    first = report(
        unplaced_text=text(
            "Karen Samuels Tel Email Head of Community Safety 01902 551341 Karen.ssamuels@wolverhampton.gov.uk"
        )
    )
    second = report(
        title="CS",
        item="7",
        unplaced_text=text(
            "Karen Samuels Head of Community Safety Karen.samuels@wolverhampton.gov.uk"
        ),
    )
    findings = run("CON001", pack([first, second]))
    assert [(f.document, f.quote) for f in findings] == [(1, "Karen.ssamuels@wolverhampton.gov.uk")]


def test_con002_public_health_portfolio_has_two_cabinet_members():
    malcolm = report(
        metadata=ReportMetadata(
            cabinet_member=CabinetMember(
                name="Councillor Hazel Malcolm", portfolio="Public Health and Wellbeing"
            )
        )
    )
    sweet = report(
        title="CS",
        item="7",
        metadata=ReportMetadata(
            cabinet_member=CabinetMember(
                name="Councillor Paul Sweet",
                portfolio="Cabinet Member for Public Health and Wellbeing",
            )
        ),
    )
    findings = run("CON002", pack([malcolm, sweet]))
    assert [f.quote for f in findings] == [
        "Councillor Paul Sweet, Cabinet Member for Public Health and Wellbeing"
    ]
    again = report(
        title="CS",
        item="7",
        metadata=ReportMetadata(
            cabinet_member=CabinetMember(
                name="Cllr Hazel Malcolm", portfolio="Public Health and Wellbeing"
            )
        ),
    )
    assert run("CON002", pack([malcolm, again])) == []


def test_con003_agenda_title_against_report_title_with_similarity():
    items = [
        AgendaItem(number="6", title="Modern Slavery - Update Report"),
        AgendaItem(number="7", title="Safer Wolverhampton Partnership Performance Update"),
    ]
    slavery = report(item="6", metadata=ReportMetadata(title="Modern Slavery Update"))
    safety = report(
        item="7",
        metadata=ReportMetadata(
            title="Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
        ),
    )
    findings = run("CON003", pack([slavery, safety], items))
    assert len(findings) == 1 and findings[0].document == 2
    assert (
        "similarity" in findings[0].message
        and "'Safer Wolverhampton Partnership Performance Update'" in findings[0].message
    )


def _programme():
    return WorkProgrammeDocument(
        title="Adults and Safer City Scrutiny - Draft Work Programme",
        meetings=[
            {"date": d, "date_text": d}
            for d in ("2018-06-12", "2018-09-25", "2018-11-27", "2019-01-29", "2019-03-26")
        ],
    )


def test_con004_minutes_give_27_september_the_work_programme_25th():
    minutes = MinutesDocument(
        date=dt.date(2018, 4, 10),
        body="Adults and Safer City Scrutiny Panel",
        unplaced_text=text(
            "The panel discussed a request for the date of panel meeting on 25 September 2018 to be changed.",
            "5. The panel agreed to receive a final draft of the Black Country Re-Offending Strategy report at the panel meeting on 27 September 2018.",
        ),
    )
    findings = run("CON004", pack([minutes, _programme()]))
    assert [f.message for f in findings] == [
        "the minutes give 27 September 2018 for a meeting of the panel, but the work programme "
        "lists no meeting that day (nearest: 25 September 2018)"
    ]
    assert findings[0].quote.endswith("at the panel meeting on 27 September 2018.")


def test_con004_ignores_other_bodies_and_listed_dates():
    minutes = MinutesDocument(
        date=dt.date(2018, 4, 10),
        body="Adults and Safer City Scrutiny Panel",
        unplaced_text=text(
            "The panel discussed a request for the date of panel meeting on 25 September 2018 to be changed.",
            "A council wide briefing session will be held in 18 June 2018 for Directors.",
        ),
    )
    assert run("CON004", pack([minutes, _programme()])) == []


# --- FIG -----------------------------------------------------------------------------


def _crime_table(comment_knife: str) -> Table:
    records = [
        StatisticsRecord(category="Business Crime", values={"2016-2017": 4256, "2017-2018": 4954}),
        StatisticsRecord(
            category="Vehicle Crime",
            values={"2016-2017": 1890, "2017-2018": 2449},
            comment="Business crime and vehicle crime accounted for 7,403 offences, compared with 6,146 offences in 2016-2017. This equates to 49% of the total recorded crime increase over the 12-month period.",
        ),
        StatisticsRecord(
            category="Robbery",
            values={"2016-2017": 389, "2017-2018": 423},
            comment="This equates to a 9% increase. However, those with an offender aged 10-24 years old reduced by 40%",
        ),
        StatisticsRecord(
            category="Violent crime with a knife or bladed weapon",
            values={"2016-2017": 191, "2017-2018": 221},
            comment=comment_knife,
        ),
    ]
    return Table(
        page=18, statistics=Statistics(periods=["2016-2017", "2017-2018"], records=records)
    )


def test_fig001_table_row_16_5_percent_is_wrong_9_percent_is_right():
    doc = report(
        tables=[
            _crime_table(
                "This equates to a 16.5% increase, the 4th lowest increase across the West Midlands"
            )
        ]
    )
    findings = run("FIG001", pack([doc]))
    assert [f.message for f in findings] == [
        "stated 16.5% increase, but 191 → 221 is a 15.7% increase"
    ]
    right = report(tables=[_crime_table("This equates to a 15.7% increase")])
    assert run("FIG001", pack([right])) == []


def test_fig001_text_changes_from_the_seed():
    doc = report(
        unplaced_text=text(
            "70 ONSET and ASSETPLUS assessments were undertaken on pre-court young people, (21% increase from 55 in 2016-2017).",
            "75 young people took part in Community Resolution Workshops at The Way YouthZone (17% decrease from 90 in 2016-2017)",
            "7.1 2017-2018 saw 21,225 offences in Wolverhampton. This is a 13.6% upturn in total recorded crime since 2016-2017, equating to 2541 offences.",
            "In England, the number of children with EHCPs increased to 575,963 in January 2024, up by 11% from 2023.",
        )
    )
    assert [f.message for f in run("FIG001", pack([doc]))] == [
        "stated 21% increase, but 55 → 70 is a 27.3% increase"
    ]


def test_fig002_share_of_651_cases():
    right = report(
        unplaced_text=text(
            "During 2017-2018, 651 high risk cases were discussed at conference, 234 of which were repeat cases (equates to 36%, a marginal decrease from 2016-2017)."
        )
    )
    assert run("FIG002", pack([right])) == []
    wrong = report(
        unplaced_text=text(
            "During 2017-2018, 651 high risk cases were discussed at conference, 234 of which were repeat cases (equates to 39%)."
        )
    )
    assert [f.message for f in run("FIG002", pack([wrong]))] == [
        "stated 39%, but 234 of 651 is 35.9%"
    ]


def test_fig003_business_and_vehicle_crime_totals():
    assert run("FIG003", pack([report(tables=[_crime_table("")])])) == []
    table = _crime_table("")
    table.statistics.records[
        1
    ].comment = "Business crime and vehicle crime accounted for 7,304 offences, compared with 6,146 offences in 2016-2017."
    findings = run("FIG003", pack([report(tables=[table])]))
    assert [f.message for f in findings] == [
        "stated total 7,304 for business crime and vehicle crime matches no period's sum of those rows (6,146, 7,403)"
    ]


def test_fig003_sentence_with_comprising():
    wrong = report(
        unplaced_text=text(
            "There were 40 referrals, comprising 25 from the police and 16 from schools."
        )
    )
    assert len(run("FIG003", pack([wrong]))) == 1
    right = report(
        unplaced_text=text(
            "There were 40 referrals, comprising 24 from the police and 16 from schools."
        )
    )
    assert run("FIG003", pack([right])) == []


# --- PUB -----------------------------------------------------------------------------


def test_pub_rules_fail_an_untagged_untitled_pdf_and_pass_a_good_one():
    bad = pack(source={**PDF_SOURCE, "tagged": False, "pages_without_text": [2]})
    codes = [f.code for f in lint(bad, [get(c) for c in ("PUB001", "PUB002", "PUB003", "PUB004")])]
    assert codes == ["PUB001", "PUB002", "PUB003", "PUB004"]
    good = pack(
        source={
            **PDF_SOURCE,
            "title": "Commissioning Plan for Education Provision in Kent 2025-29",
            "language": "en-GB",
            "tagged": True,
        }
    )
    assert lint(good, [get(c) for c in ("PUB001", "PUB002", "PUB003", "PUB004")]) == []
    assert lint(pack(), [get("PUB001")]) == []  # a text export has no PDF metadata


def test_pub001_file_name_as_title():
    named = pack(source={**PDF_SOURCE, "title": "Microsoft Word - 24-00096 Report.docx"})
    assert run("PUB001", named)[0].quote == "Microsoft Word - 24-00096 Report.docx"


# --- the seed and a saved fixture ----------------------------------------------------


def test_seed_findings_are_the_real_inconsistencies(seed_pack):
    found = {(f.code, f.quote) for f in lint(seed_pack)}
    assert ("CON001", "Karen.ssamuels@wolverhampton.gov.uk") in found
    assert any(
        c == "CON004" and q.endswith("panel meeting on 27 September 2018.") for c, q in found
    )
    fig = sorted(f.message for f in lint(seed_pack) if f.code.startswith("FIG"))
    assert fig == [
        "stated 16.5% increase, but 191 → 221 is a 15.7% increase",
        "stated 21% increase, but 55 → 70 is a 27.3% increase",
    ]


def test_fixture_pack_json_loads_and_fails_con002():
    saved = Pack.model_validate_json((FIXTURES / "rules" / "CON002_fail.json").read_text())
    assert [f.code for f in lint(saved, [get("CON002")])] == ["CON002"]
