"""Tables: the seed's text-export tables, ruled tables in the Kent corpus, numbers, the CLI.

Every expected value below was read off the source: the seed text, or the corpus page
rendered and checked by eye.
"""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main
from councildocs.parsers.numbers import is_period, parse_number

from .conftest import FIXTURES, corpus_pdfs, shared_file

FINANCE = "corpus/kent/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November 2024-25.pdf"
QPR = "corpus/kent/cabinet-2025-03-04/QPR Q3 Cabinet appendix 1.pdf"


def _tables(pack):
    return [table for document in pack.documents for table in document.tables]


def _table(pack, caption_start: str):
    return next(t for t in _tables(pack) if (t.caption or "").startswith(caption_start))


@pytest.fixture(scope="module")
def finance():
    return councildocs.parse(shared_file(FINANCE))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("4,256", 4256.0, None),
        ("(0.5)", -0.5, None),
        ("-107.5%", -107.5, "%"),
        ("+27.4", 27.4, None),
        ("£1.6m", 1.6, "£m"),
        ("£20,629", 20629.0, "£"),
        ("n/a", None, None),
        ("-", None, None),
        ("", None, None),
    ],
)
def test_numbers_as_councils_print_them(text, value, unit):
    parsed = parse_number(text)
    assert (parsed.value, parsed.unit) == (value, unit)


def test_words_are_not_numbers_and_periods_are_recognised():
    assert parse_number("Comments") is None
    assert parse_number("(12") is None
    assert [is_period(p) for p in ["2016-2017", "2017/18", "Q3 2024-25", "Nov-24", "Budget"]] == [
        True,
        True,
        True,
        True,
        False,
    ]


def test_seed_crime_table_from_the_text_export(seed_pack):
    table = _table(seed_pack, "7.2 Key headlines")
    assert table.method == "text" and table.quality.score < 1 and table.quality.reasons
    assert table.header == ["Crime type", "2016-2017", "2017-2018", "Comments"]
    stats = table.statistics
    assert stats.periods == ["2016-2017", "2017-2018"]
    assert [(r.category, r.values["2016-2017"], r.values["2017-2018"]) for r in stats.records] == [
        ("Business Crime", 4256, 4954),
        ("Vehicle Crime", 1890, 2449),
        ("Robbery", 389, 423),
        ("Violent crime with a knife or bladed weapon", 191, 221),
        ("Violent crimes committed with use of a firearm", 37, 63),
        ("Modern Slavery offences", 8, 32),
    ]
    # the comment shared by Business and Vehicle crime is printed once, with a row span
    assert table.rows[0][3].startswith("Business crime and vehicle crime accounted for 7,403")
    assert table.rows[1][3] == ""
    assert [(s.row, s.column, s.row_span) for s in table.spans] == [(0, 3, 2)]
    assert stats.records[1].comment == stats.records[0].comment
    assert stats.records[2].comment.startswith("This equates to a 9% increase")
    assert stats.records[2].change[0].absolute == 34
    assert stats.records[5].footnote_marks == ["*"]
    assert stats.records[5].raw["2017-2018"] == "32"
    assert table.footnotes == [
        "*Recorded offences may also reflect data transfer/investigation delays between "
        "National Crime Agency and West Midlands Police."
    ]


def test_seed_modern_slavery_tables(seed_pack):
    progress = _table(seed_pack, "3.0 Summary of Progress")
    assert progress.header == ["Area of Focus (Identified Sept 2017)", "Progress Update"]
    assert len(progress.rows) == 7
    assert progress.rows[0][0] == "Raise awareness through development of Communications Plan"
    assert progress.rows[3] == [
        "Clarify the support offer for victims",
        "Audit of partners undertaken to capture summary of provision\n"
        "Links established to national sub-contracted provider (Black Country Women’s Aid)",
    ]
    assert progress.rows[6][0] == (
        "Strengthen links to the business community to address labour exploitation"
    )
    steps = _table(seed_pack, "6.0 Next Steps")
    assert steps.header == ["Key Area of Delivery", "Timescale"]
    assert steps.rows == [
        ["Train the Trainers delivered", "4/5 June 2018"],
        ["Completion of CWC Modern Slavery Plan", "End June 2018"],
        ["Care pathway revised", "July 2018"],
        ["Communications Plan finalised", "July 2018"],
        ["Roll out of national training programme", "August 2018 onwards"],
    ]


def test_finance_report_table_1_wrapped_label_is_one_row(finance):
    table = _table(finance, "Table 1 Dedicated Schools")
    assert table.page == 24 and table.method == "ruled"
    assert table.header == ["DSG Block", "2024-25 Budget*", "2024-25 Forecast", "2024-25 Variance"]
    assert len(table.rows) == 5
    assert table.rows[3] == ["Central Services to Schools’ Block", "12.2", "12.2", "0.0"]
    assert table.rows[4] == ["Total DSG 2024-25", "1,769.2", "1,822.7", "53.5"]
    assert "All figures in £m" in table.footnotes


def test_finance_report_table_2_multi_row_header(finance):
    table = _table(finance, "Table 2: Overall Forecast Position")
    assert table.header == [
        "",
        "Individual Maintained School Reserves",
        "Central Schools’ (DSG) Reserve",
    ]
    assert len(table.rows) == 7
    assert table.rows[-1][1:] == ["57.7", "-96.6"]


def test_finance_report_table_3_is_statistics_in_pounds_million(finance):
    table = _table(finance, "Table 3: Total Spend on High Needs Block")
    assert table.page == 27
    assert table.header == ["", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]
    assert len(table.rows) == 7
    total = next(r for r in table.statistics.records if r.category == "Total Spend")
    assert total.values == {
        "2020-21": 264,
        "2021-22": 299,
        "2022-23": 334,
        "2023-24": 365,
        "2024-25": 391,
    }
    assert total.units["2024-25"] == "£m"
    rate = table.statistics.records[-1]
    assert rate.category == "Rate of increase in spend"
    assert rate.values["2020-21"] is None and rate.raw["2020-21"] == "-"
    assert rate.values["2021-22"] == 13 and rate.units["2021-22"] == "%"
    mainstream = table.statistics.records[2]
    assert mainstream.category == "Mainstream Individual Support & SRP"
    assert mainstream.footnote_marks == ["*", "**"]


def test_finance_report_table_4_pupil_numbers(finance):
    table = _table(finance, "Table 4: Average number of HNB funded pupils")
    assert len(table.header) == 6 and len(table.rows) == 5
    assert table.rows[2][0] == "Mainstream Individual Support & SRP*"
    assert table.statistics.records[-1].values["2024-25"] == 17176


def test_performance_report_summary_grid():
    pack = councildocs.parse(shared_file(QPR))
    table = next(t for t in _tables(pack) if t.page == 3)
    assert len(table.header) == 7 and table.header[1:4] == ["G", "A", "R"]
    assert len(table.rows) == 9
    assert table.rows[4][0] == "Children, Young People and Education (Education & Skills)"
    assert table.rows[-1] == ["TOTAL", "17", "12", "9", "10", "22", "6"]


def test_tables_command_csv_and_json(tmp_path):
    seed = shared_file("seeds/000_93c56be8f999743d.txt")
    runner = CliRunner()
    result = runner.invoke(main, ["tables", str(seed), "--csv", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 4  # the work programme's, the two Modern Slavery ones, the crime table
    crime = next(p for p in tmp_path.iterdir() if p.name.endswith("-p18-1.csv"))
    rows = list(csv.reader(crime.open(encoding="utf-8", newline="")))
    assert rows[0] == ["Crime type", "2016-2017", "2017-2018", "Comments"]
    assert rows[1][:3] == ["Business Crime", "4,256", "4,954"]
    assert rows[1][3].startswith("Business crime and vehicle crime accounted for 7,403 offences")
    assert len(rows) == 7
    result = runner.invoke(main, ["tables", str(seed), "--format", "json"])
    assert result.exit_code == 0
    assert [t["header"][0] for t in json.loads(result.output)] == [
        "Date of Meeting",
        "Area of Focus (Identified Sept 2017)",
        "Key Area of Delivery",
        "Crime type",
    ]


# --- borderless tables (columns found by alignment) ---------------------------------------

APPENDIX_E = "corpus/kent/full_council-2025-02-13/Appendix E - 2025-26 Budget by Directorate.pdf"
METADATA_LABELS = ("From:", "To:", "Subject:", "Decision no", "Key Decision", "Classification")


def test_finance_page_6_borderless_directorate_table(finance):
    table = next(t for t in _tables(finance) if t.page == 6)
    assert table.method == "aligned" and 0 < table.quality.score < 1
    assert table.header == ["", "Budget", "Forecast", "Variance", "Variance"]
    assert len(table.rows) == 10
    assert table.rows[0] == ["Adult Social Care & Health", "586.1", "621.6", "+35.4", "+6.0%"]
    assert table.rows[6] == ["Corporately Held Budgets", "-2.4", "0.2", "+2.6", "-107.5%"]
    assert table.rows[-1] == ["Overall Position", "1,432.3", "1,486.0", "+53.7", ""]


def test_finance_page_8_borderless_table_with_wrapped_cells(finance):
    table = next(t for t in _tables(finance) if t.page == 8)
    assert table.method == "aligned"
    # the header's narrow columns break words ("Revenu" / "e"): joined back
    assert table.header == [
        "Key Service",
        "Revenue Budget",
        "Revenue Forecast",
        "Revenue Variance",
        "Summary",
        "Detail",
    ]
    # three-line labels and long details are one row each: 5 rows printed on page 8; the
    # table runs on over pages 9 and 10, each opening with the end of the row above
    assert table.pages == [8, 9, 10]
    assert len(table.rows) == 5 + 4 + 3
    assert table.rows[0][:5] == [
        "Older People - Residential Care Services",
        "97.5",
        "124.9",
        "+27.4",
        "Pressure from slippage in savings programme",
    ]
    assert table.rows[0][5].endswith("above the level accrued for.")
    assert table.rows[3][:4] == [
        "Adult Physical Disability - Community Based Services",
        "32.9",
        "37.7",
        "+4.9",
    ]
    assert "All figures in £m" in (table.caption or "")


def test_kent_fixture_borderless_budget_table_with_bracketed_negatives():
    pack = councildocs.parse(FIXTURES / "kent_cabinet_pack.pdf")
    table = next(t for t in _tables(pack) if t.page == 8)
    assert table.method == "aligned"
    assert table.header == ["Service line", "Budget", "Forecast", "Variance"]
    assert [row[0] for row in table.rows] == [
        "Highways maintenance (planned)",
        "Winter service",
        "Street lighting energy",
        "Drainage and flooding",
        "Traffic management",
        "Total",
    ]
    assert [parse_number(row[3]).value for row in table.rows] == [2.6, 0.5, -1.2, 0.5, -0.3, 2.1]
    assert table.rows[-1][1:3] == ["74.4", "76.5"]


def test_appendix_e_rows_split_by_text_line():
    pack = councildocs.parse(shared_file(APPENDIX_E))
    tables = _tables(pack)
    assert len(tables) == 1  # the coloured column boxes no longer make a one-row grid
    table = tables[0]
    assert len(table.header) == 18 and table.header[0] == "MTFP Category"
    assert len(table.rows) == 39  # 40 printed lines, one of them the "*" note below
    labels = [row[0] for row in table.rows]
    assert labels[:4] == [
        "Original base budget",
        "internal base adjustments",
        "Revised Base",
        "SPENDING",
    ]
    pay = table.rows[labels.index("Pay")]
    assert pay[1:4] == ["21,845.7", "626.9", "22,472.6"]
    assert table.rows[-1][0] == "NET BUDGET" and table.rows[-1][1] == "1,530,923.8"
    assert table.rows[-1][9] == "201,552.7"  # printed in two pieces


def test_bristol_forward_plan_header_and_row_over_page_break():
    (path,) = [p for p in corpus_pdfs() if p.name.endswith("forward-plan-2026-01-21.pdf")] or [
        pytest.skip("forward plan not here")
    ]
    pack = councildocs.parse(path)
    table = next(t for t in _tables(pack) if t.page == 5)
    assert table.header == [
        "Lead Officer",
        "Title and summary of Decision",
        "Meeting date",
        "Decision taker",
        "Report Type",
    ]
    assert table.pages[0] == 5 and len(table.pages) > 1
    early = table.rows[2]
    assert early[1].startswith("Early delivery bus stop scheme - A4 Bristol to Bath")
    # "the procurement routes and maximum budget envelopes" opens page 6: same row
    assert "maximum budget envelopes outlined in this report" in early[1]
    assert table.rows[3][1].startswith("City Regional Sustainable Transport Settlement")


def test_report_metadata_blocks_are_not_tables(finance):
    packs = [finance, councildocs.parse(FIXTURES / "kent_cabinet_pack.pdf")]
    for pack in packs:
        for table in _tables(pack):
            first_cells = [row[0] for row in [table.header, *table.rows] if row]
            assert not any(c.startswith(METADATA_LABELS) for c in first_cells), table.page


def test_fixture_work_programme_table_continues_over_the_page():
    # page 10 carries on the table without a header, and its empty columns are not drawn
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    (table,) = pack.documents[2].tables
    assert table.pages == [9, 10]
    assert table.header == [
        "Date of Meeting",
        "Item Description",
        "Lead Report Author",
        "Specific Questions for Scrutiny to consider",
    ]
    assert [row[0] for row in table.rows if row[0]] == [
        "12.06.2018",
        "25.09.2018",
        "27.11.2018",
        "29.01.2019",
        "26.03.2019",
    ]
    assert table.rows[-1] == ["26.03.2019", "TBC", "", ""]


def test_finance_tables_continued_over_pages_are_one_table(finance):
    # pages 9, 10, 13, 14 and 17 carry on the table above without a header of their own
    by_page = {t.page: t for t in _tables(finance)}
    assert not {9, 10, 13, 14, 17} & set(by_page)
    adults, children, growth = by_page[8], by_page[12], by_page[16]
    assert (adults.pages, children.pages, growth.pages) == ([8, 9, 10], [12, 13, 14], [16, 17])
    # "Adult Learning Disability -" ends page 8; "Community Based Services & Support for
    # Carers" opens page 9 with no figures: one row
    assert adults.rows[4][:5] == [
        "Adult Learning Disability - Community Based Services & Support for Carers",
        "127.1",
        "129.5",
        "+2.4",
        "Increases in Supported Living care packages",
    ]
    # page 10 opens with the end of the Adult Case Management row's detail
    assert adults.rows[8][0] == "Adult Case Management & Assessment Services"
    assert adults.rows[8][5].endswith(
        "and additional posts recruited to drive service improvement and organisational change."
    )
    assert adults.rows[-1][:4] == [
        "Provision for Demographic Growth - Community Based Services",
        "15.8",
        "1.2",
        "-14.5",
    ]
    assert [row[0] for row in children.rows[4:6]] == [
        "Adult Learning & Physical Disability pathway - Residential Care Services & Support "
        "for Carers",
        "Looked After Children (with Disability) - Care & Support",
    ]
    assert children.rows[3][5].endswith("unit costs before the end of the financial year.")
    assert children.rows[-1][:4] == ["Children in Need – Care & Support", "3.8", "3.1", "-0.7"]
    assert growth.rows[2][4] == (
        "Chestfield tunnel costs and other price/demand pressures partially offset by energy "
        "underspend and additional income"
    )
    assert growth.rows[-1][:4] == ["Libraries, Registration & Archives", "11.1", "10.5", "-0.5"]


def test_appendix_e_group_labels_and_note():
    (table,) = _tables(councildocs.parse(shared_file(APPENDIX_E)))
    # group labels (TOTAL, CYPE, GET, CHB over three columns; "Public / Health" over one)
    # give each column its full label
    assert table.header[1:12] == [
        "TOTAL Core £000s",
        "TOTAL External £000s",
        "TOTAL Total £000s",
        "ASCH Core £000s",
        "Public Health External £000s",
        "CYPE Core £000s",
        "CYPE External £000s",
        "CYPE Total £000s",
        "GET Core £000s",
        "GET External £000s",
        "GET Total £000s",
    ]
    assert table.header[12:] == [
        "CED Core £000s",
        "DCED Core £000s",
        "NAC Core £000s",
        "CHB Core £000s",
        "CHB External £000s",
        "CHB Total £000s",
    ]
    assert table.footnotes == [
        "* the prior year savings rolled forward for delivery in 2025-26 will be updated as "
        "part of the outturn report, and those updated figures will be used for the 2025-26 "
        "savings monitoring process"
    ]
    labels = [row[0] for row in table.rows]
    assert not any(label.startswith("*") for label in labels)
    reserves = table.rows[labels.index("RESERVES") + 1]
    assert reserves[:4] == ["Contributions to Reserves", "42,884.9", "14,200.0", "57,084.9"]


AMENDMENTS = (
    "corpus/kent/full_council-2025-02-13/Budget Amendments 13th-Feb-2025 09.30 County Council.pdf"
)


def test_budget_amendments_plan_with_labels_between_the_years():
    pack = councildocs.parse(shared_file(AMENDMENTS))
    table = next(t for t in _tables(pack) if t.page == 9)
    # 2024-25 figures, then the labels, then 2025-26, 2026-27 and 2027-28 figures
    assert len(table.header) == 13
    assert table.header[:4] == [
        "2024-25 Core £000s",
        "2024-25 External £000s",
        "2024-25 Total £000s",
        "",
    ]
    assert table.header[-1] == "2027-28 Total £000s"
    labels = [row[3] for row in table.rows]
    assert labels[:4] == [
        "Original base budget",
        "internal base adjustments",
        "Revised Base",
        "SPENDING",
    ]
    assert table.rows[labels.index("Pay")] == [
        "10,798.4",
        "505.1",
        "11,303.5",
        "Pay",
        "21,845.7",
        "626.9",
        "22,472.6",
        "12,524.5",
        "0.0",
        "12,524.5",
        "11,863.6",
        "0.0",
        "11,863.6",
    ]
    demand = table.rows[labels.index("Demand & Cost Drivers - Demand")]
    assert demand[:3] == ["", "", "0.0"] and demand[-1] == "8,779.6"
    # the rows keep their printed order although TOTAL SPENDING's line is run into the
    # rotated "Page 7" stamp
    spending = labels.index("Service Strategies & Improvements")
    assert labels[spending + 1 : spending + 3] == ["TOTAL SPENDING", "SAVINGS, INCOME & GRANT"]


def test_seed_work_programme_table_from_the_text_export(seed_pack):
    (table,) = next(d for d in seed_pack.documents if d.kind == "work_programme").tables
    assert table.method == "text" and table.quality.score < 0.6 and table.quality.reasons
    assert table.caption == "Cabinet Member for Adults – Cllr Sandra Samuels"
    assert table.header == [
        "Date of Meeting",
        "Item Description",
        "Lead Report Author",
        "Specific Questions for Scrutiny to consider",
    ]
    # the rows of the PDF rendition (pages 9-10), bullets lost with the layout; wrapped
    # titles and leads joined ("Earl Piggott-" / "Smith")
    assert [row[:2] for row in table.rows] == [
        ["12.06.2018", "Safer Wolverhampton Partnership Annual Report"],
        ["", "Modern Slavery - update report"],
        [
            "25.09.2018",
            "Wolverhampton Adult Education Service - briefing about the current education offer",
        ],
        [
            "",
            "Progress report on the implementation of the recommendations from the Scrutiny "
            "Review of the Adult Mental Health Commissioning",
        ],
        ["", "The West Midlands Police and Crime Plan 2016-20"],
        ["27.11.2018", "TBC"],
        ["29.01.2019", "TBC"],
        ["26.03.2019", "TBC"],
    ]
    assert [row[2] for row in table.rows[2:5]] == [
        "Joanne Keatley, Head of Service",
        "Earl Piggott-Smith",
        "David Jamieson, West Midlands Police and Crime Commissioner",
    ]
