"""FIG rules that re-add tables and compare a sum stated twice, and the money reader they share.

The tables are Kent County Council's, copied from the printed PDFs in ../shared/corpus/kent
and checked against the page images by hand: the Dedicated Schools' Grant forecast summary
(Finance Monitoring Report Q3 2024-25, page 24: 1,260.5 + 337.9 + 158.6 + 12.2 = 1,769.2)
and the road casualties of Quarter 3 (QPR Q3 appendix 1, page 23 as printed: 4 + 215 +
650 = 869, 8 + 176 + 748 = 932, 5 + 144 + 935 = 1084). Each failing case changes one
figure, as a slip in typing the table would.
"""

from __future__ import annotations

import pytest

from councildocs.linter import lint
from councildocs.models import Pack, PageSpan, ReportDocument, Table, UnplacedText
from councildocs.parsers.numbers import find_money
from councildocs.rules import get

from .conftest import shared_file

SOURCE = {"path": "pack.pdf", "sha256": "0" * 64, "page_count": 54, "format": "pdf"}


def pack(*documents) -> Pack:
    return Pack(source=SOURCE, meeting={}, agenda={"items": []}, documents=list(documents))


def report(*tables: Table, **fields) -> ReportDocument:
    fields.setdefault("title", "Finance Monitoring Report")
    return ReportDocument(
        pages=PageSpan(start=1, end=54),
        physical_pages=PageSpan(start=1, end=54),
        tables=list(tables),
        **fields,
    )


def run(code: str, p: Pack) -> list[tuple[str, int | None, str | None]]:
    return [(f.message, f.page, f.quote) for f in lint(p, [get(code)])]


# --- money read with its units ---------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "amount", "rounding"),
    [
        ("£1.6m", 1_600_000, 100_000),
        ("£1.6 million", 1_600_000, 100_000),
        ("£1,600,000", 1_600_000, 1),
        ("£12.75m", 12_750_000, 10_000),
        ("£500k", 500_000, 1_000),
        ("£2bn", 2_000_000_000, 1_000_000_000),
        ("-£2.8m", -2_800_000, 100_000),
        ("£1,000.50", 1_000.5, 0.01),
    ],
)
def test_money_is_read_with_its_scale_and_rounding(printed, amount, rounding):
    [money] = find_money(f"a sum of {printed} in the year")
    assert money.printed == printed
    assert money.amount == pytest.approx(amount)
    assert money.rounding == pytest.approx(rounding)


def test_money_scale_is_a_whole_word_and_commas_end_a_list():
    assert [m.amount for m in find_money("£5 more than £3,4 and £7, then")] == [5, 7]


def test_money_at_different_precisions_agrees_only_within_its_rounding():
    one_point_six, exact, finer, other = find_money("£1.6m £1,620,000 £1.68m £1.7m")
    assert one_point_six.agrees(exact)  # 1.62m rounds to 1.6m
    assert one_point_six.agrees(finer)  # 1.68m cut to one place is 1.6m
    assert not exact.agrees(finer)
    assert not one_point_six.agrees(other)


# --- FIG004 table totals ---------------------------------------------------------------

DSG_HEADER = ["DSG Block", "2024-25 Budget*", "2024-25 Forecast", "2024-25 Variance"]
DSG_ROWS = [
    ["Schools’ Block", "1,260.5", "1,260.2", "-0.3"],
    ["High Needs Block", "337.9", "392.8", "54.9"],
    ["Early Years Block", "158.6", "157.4", "-1.2"],
    ["Central Services to Schools’ Block", "12.2", "12.2", "0.0"],
    ["Total DSG 2024-25", "1,769.2", "1,822.7", "53.5"],
]


def dsg(total_budget: str = "1,769.2") -> Table:
    rows = [list(row) for row in DSG_ROWS]
    rows[-1][1] = total_budget
    return Table(page=24, header=DSG_HEADER, rows=rows)


def test_fig004_dsg_total_row_adds_up():
    assert run("FIG004", pack(report(dsg()))) == []


def test_fig004_dsg_total_row_with_transposed_digits():
    [(message, page, quote)] = run("FIG004", pack(report(dsg("1,796.2"))))
    assert message == (
        "total row 'Total DSG 2024-25' does not add up: 2024-25 Budget* prints 1,796.2, but "
        "the 4 rows 'Schools’ Block' to 'Central Services to Schools’ Block' add up to 1,769.2"
    )
    assert page == 24
    assert quote == "Total DSG 2024-25 | 1,796.2 | 1,822.7 | 53.5"


CALLS = [  # QPR Q3 appendix 1, page 11 as printed: calls in thousands, Jan - Mar 24
    ("Adult Social Care", "26"),
    ("Integrated Children's Services", "18"),
    ("Highways", "16"),
    ("Blue Badges", "10"),
    ("Schools and Early Years", "9"),
    ("Transport Services", "7"),
    ("Registrations", "6"),
    ("Waste and Recycling", "5"),
    ("Libraries and Archives", "6"),
    ("Adult Education", "5"),
    ("Main line", "3"),
    ("Driver improvement", "2"),
    ("Other Services", "2"),
    ("KSAS*", "2"),
]


def calls(total: str) -> Table:
    rows = [[label, value] for label, value in CALLS] + [["Total Calls (thousands)", total]]
    return Table(page=12, header=["Service area", "Jan – Mar 24"], rows=rows)


def test_fig004_rounded_parts_may_miss_by_their_rounding():
    # the 14 rounded figures add up to 117; the page prints 116 and "Figures may not add
    # up to totals due to rounding": 14 parts may be off by up to 14 thousand
    assert run("FIG004", pack(report(calls("116")))) == []
    [(message, _page, _quote)] = run("FIG004", pack(report(calls("161"))))
    assert message.endswith(
        "prints 161, but the 14 rows 'Adult Social Care' to 'KSAS*' add up to 117"
    )


CASUALTY_HEADER = [
    f"{year} {kind}"
    for year in ("2024/25", "2023/24", "2019/20")
    for kind in ("Fatal", "Serious", "Slight", "Total")
]


def test_fig004_column_total_named_by_its_header():
    right = ["4", "215", "650", "869", "8", "176", "748", "932", "5", "144", "935", "1084"]
    table = Table(page=24, header=CASUALTY_HEADER, rows=[right])
    assert run("FIG004", pack(report(table))) == []
    wrong = list(right)
    wrong[7] = "923"
    [(message, _page, _quote)] = run(
        "FIG004", pack(report(Table(page=24, header=CASUALTY_HEADER, rows=[wrong])))
    )
    assert message.startswith("total column '2023/24 Total'")
    assert "prints 923, but 2023/24 Fatal, 2023/24 Serious, 2023/24 Slight add up to 932" in message


def test_fig004_ignores_row_numbers_and_percentages():
    header = ["Row Ref", "Line", "2025-26 £000s"]
    rows = [["1", "Pay", "100.0"], ["2", "Prices", "50.0"], ["3", "Total", "150.0"]]
    assert run("FIG004", pack(report(Table(page=2, header=header, rows=rows)))) == []
    shares = [["Online", "83%"], ["Phone", "17%"], ["Total", "90%"]]
    assert run("FIG004", pack(report(Table(page=2, header=["", "Share"], rows=shares)))) == []


def test_fig004_is_preview():
    assert get("FIG004").preview


# --- FIG005 a named sum stated twice ---------------------------------------------------

#: Kent's Revenue and Capital Budget Monitoring Report November 2024-25 (../shared/corpus/
#: kent/cabinet-2025-01-30), its recommendation on page 1 and again on page 3, as printed
SCHOOLS_OVERSPEND = "NOTE the forecast overspend on Schools’ Delegated Budgets of {sum}."


def monitoring(first: str, second: str) -> ReportDocument:
    return report(
        unplaced_text=[
            UnplacedText(page=1, text=SCHOOLS_OVERSPEND.format(sum=first)),
            UnplacedText(page=3, text="Schools’ Delegated budgets are reporting an overspend."),
            UnplacedText(page=3, text=SCHOOLS_OVERSPEND.format(sum=second)),
        ]
    )


@pytest.mark.parametrize("again", ["£30.4m", "£30.4 million", "£30,400,000", "£30.43m"])
def test_fig005_the_same_sum_at_any_precision(again):
    assert run("FIG005", pack(monitoring("£30.4m", again))) == []


def test_fig005_the_same_sum_stated_differently():
    [(message, page, quote)] = run("FIG005", pack(monitoring("£30.4m", "£34.0m")))
    assert message == (
        "stated as £34.0m here but as £30.4m on page 1: " + SCHOOLS_OVERSPEND.format(sum="£30.4m")
    )
    assert page == 3
    assert quote == SCHOOLS_OVERSPEND.format(sum="£34.0m")


def test_fig005_compares_only_named_quantities_and_periods_apart():
    # Sunnyvale's two contracts (../shared/corpus/us/sunnyvale.pdf, page 4): the same
    # unnamed phrase for two things
    contracts = report(
        unplaced_text=[
            UnplacedText(
                page=4, text="Approve a 10% construction contingency in the amount of $27,700."
            ),
            UnplacedText(
                page=4, text="Approve a 10% construction contingency in the amount of $86,773."
            ),
        ]
    )
    assert run("FIG005", pack(contracts)) == []
    # Kent's investment income budget for two years (Budget Risk Register): a series
    years = report(
        unplaced_text=[
            UnplacedText(page=2, text="The Treasury Management budget is £10.2m for 2025-26."),
            UnplacedText(page=5, text="The Treasury Management budget is £9.9m for 2026-27."),
        ]
    )
    assert run("FIG005", pack(years)) == []


# --- money with its units in FIG003 and FIG004 -----------------------------------------


def test_fig003_re_adds_money_with_its_units():
    right = "The scheme costs £1.6m, comprising £1.2m from the Clean Air Zone and £400k of grant."
    assert run("FIG003", pack(report(unplaced_text=[UnplacedText(page=2, text=right)]))) == []
    wrong = right.replace("£400k", "£600k")
    [(message, _page, _quote)] = run(
        "FIG003", pack(report(unplaced_text=[UnplacedText(page=2, text=wrong)]))
    )
    assert message == "stated total £1.6m is not the sum of its parts (£1.2m + £600k = £1,800,000)"


def test_fig004_reads_each_cell_with_its_units():
    rows = [["Clean Air Zone", "£1.2m"], ["Grant", "£400k"], ["Total", "£1.6m"]]
    table = Table(page=3, header=["Funding", "Amount"], rows=rows)
    assert run("FIG004", pack(report(table))) == []
    rows[-1][1] = "£2.1m"
    table = Table(page=3, header=["Funding", "Amount"], rows=rows)
    [(message, _page, _quote)] = run("FIG004", pack(report(table)))
    assert message == (
        "total row 'Total' does not add up: Amount prints £2.1m, but 'Clean Air Zone', "
        "'Grant' add up to £1.6m"
    )


# --- on the corpus, when ../shared is here ---------------------------------------------

APPENDIX_E = "corpus/kent/full_council-2025-02-13/Appendix E - 2025-26 Budget by Directorate.pdf"


def test_fig004_kent_budget_by_directorate_adds_up_and_a_slip_in_it_is_found():
    """Kent's 2025-26 budget by directorate, read on the page image: TOTAL SPENDING's Core
    column is 10,320.7 + 3,234.7 + 21,845.7 + 41,407.1 + 48,209.4 + 22,989.0 - 14,666.5 +
    17,831.2 = 151,171.3, as printed; TOTAL RESERVES's is 12,609.4, also as printed."""
    import councildocs

    budget = councildocs.parse(shared_file(APPENDIX_E))
    assert lint(budget, [get("FIG004")]) == []
    [document] = [d for d in budget.documents if d.tables]
    [table] = [t for t in document.tables if any("TOTAL SPENDING" in c for r in t.rows for c in r)]
    row = next(r for r in table.rows if "TOTAL SPENDING" in r)
    row[row.index("151,171.3")] = "151,117.3"  # two digits swapped
    [finding] = lint(budget, [get("FIG004")])
    assert finding.message.startswith("total row 'TOTAL SPENDING' does not add up: ")
    assert "prints 151,117.3, but the 8 rows 'Base Budget Changes' to 'Service Strategies" in (
        finding.message
    )
    assert "add up to 151,171.3" in finding.message


def test_fig004_grand_totals_totals_above_their_parts_and_headings():
    # hand-added: 1,260.5 + 337.9 = 1,598.4; 158.6 + 12.2 = 170.8; 1,598.4 + 170.8 = 1,769.2
    header = ["Block", "Budget"]
    rows = [
        ["Schools", ""],
        ["Schools’ Block", "1,260.5"],
        ["High Needs Block", "337.9"],
        ["Sub-total", "1,598.4"],
        ["Early years and central", ""],
        ["Early Years Block", "158.6"],
        ["Central Services to Schools’ Block", "12.2"],
        ["Sub-total", "170.8"],
        ["Grand total", "1,769.2"],
    ]
    assert run("FIG004", pack(report(Table(page=24, header=header, rows=rows)))) == []
    above = [["Total DSG", "1,769.2"], *DSG_ROWS_BUDGET]
    assert run("FIG004", pack(report(Table(page=24, header=header, rows=above)))) == []
    rows[-1][1] = "1,796.2"
    [(message, _page, _quote)] = run(
        "FIG004", pack(report(Table(page=24, header=header, rows=rows)))
    )
    assert message.startswith("total row 'Grand total' does not add up: Budget prints 1,796.2")


DSG_ROWS_BUDGET = [[row[0], row[1]] for row in DSG_ROWS[:-1]]


def test_fig001_reads_both_sums_with_their_units():
    def findings(sentence: str) -> list[str]:
        document = report(unplaced_text=[UnplacedText(page=2, text=sentence)])
        return [message for message, _page, _quote in run("FIG001", pack(document))]

    # 900,000 to 1,200,000 is a 33.3% rise however the sums are printed
    assert findings("The budget rose from £900,000 to £1.2m, a 33% increase.") == []
    assert findings("The budget rose from £900k to £1.2m, a 33% increase.") == []
    assert findings("The budget rose from £900k to £1.2m, a 45% increase.") == [
        "stated 45% increase, but 900,000 → 1,200,000 is a 33.3% increase"
    ]
