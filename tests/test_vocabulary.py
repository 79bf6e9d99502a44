"""The shared vocabulary: Welsh and Scots wording is read by the interpreters, and the
interpreters and rules keep no council wording of their own."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import regex

import councildocs
from councildocs.extract.text import read_text
from councildocs.parsers import minutes
from councildocs.parsers.people import person, split_names

SOURCE = Path(councildocs.__file__).parent

# Our own prose, in the shape of the Welsh community council minutes in the corpus
# (manordeilo-salem-cc/*_cy.pdf): a "PRESENNOL" label, numbered items in capitals,
# apologies and a declaration in sentences.
WELSH_MINUTES = """\
CYNGOR CYMUNED ENGHRAIFFT
CYFARFOD 9fed HYDREF 2019

PRESENNOL: Cynghorwyr Siân Pritchard, Dafydd Morgan ac Elin Rhys.

1. CROESO AC YMDDIHEURIADAU
Derbyniwyd ymddiheuriadau gan y Cynghorwyr Rhodri Bowen ac Aled Price.

2. DATGANIADAU O DDIDDORDEB
Cynghorydd Dafydd Morgan declared an interest in Agenda Item 5.

3. CYLLID
PENDERFYNWYD bod y cyfrifon yn cael eu cymeradwyo.
"""

# In the shape of a Scots community council minute: "Sederunt" for those present.
SCOTS_MINUTES = """\
Minute of the meeting of Example Community Council held on 4 November 2017 at 7pm

Sederunt: Morag Laing (Chair), Callum Reid, Isla Fraser
In attendance: Cllr Tom Baird

1. Apologies
Apologies were received from Fiona Grant.
"""


def _parse(text: str):
    pages = read_text("excerpt.txt", text.encode())
    return minutes.parse([line for page in pages for line in page.lines])


def _names(people):
    return [p.name for p in people]


def test_welsh_attendance_apologies_and_decision():
    document = _parse(WELSH_MINUTES)
    assert _names(document.attendance.members) == ["Siân Pritchard", "Dafydd Morgan", "Elin Rhys"]
    assert _names(document.attendance.apologies) == ["Rhodri Bowen", "Aled Price"]
    assert [d.member for d in document.declarations] == ["Cynghorydd Dafydd Morgan"]
    finance = document.items[-1]
    assert [r.text for r in finance.resolutions] == ["bod y cyfrifon yn cael eu cymeradwyo."]


def test_scots_sederunt_is_the_members_present():
    document = _parse(SCOTS_MINUTES)
    assert _names(document.attendance.members) == ["Morag Laing", "Callum Reid", "Isla Fraser"]
    assert document.attendance.members[0].role == "Chair"
    assert _names(document.attendance.in_attendance) == ["Tom Baird"]
    assert _names(document.attendance.apologies) == ["Fiona Grant"]


def test_welsh_honorifics_and_conjunctions():
    assert split_names("Alun Davies, Kim Davies ac Owen Williams") == [
        "Alun Davies",
        "Kim Davies",
        "Owen Williams",
    ]
    assert person("Cyng. O. Williams").honorific == "Cyng."
    assert person("Cyng. O. Williams").name == "O. Williams"


# Words that are council wording for attendance, decisions and people: only the
# vocabulary may spell them out.
_RESTATED = regex.compile(
    r"\b(?:Apolog\w*|RESOLVED|Resolved|AGREED|APPROVED|CARRIED|Councillors?|Cllrs?|Present"
    r"|PRESENT|In\s+attendance|Substitutes?|Sederunt|Presennol|Ymddiheuriadau|PENDERFYNWYD"
    r"|Mrs|Miss)\b"
)


def _string_literals(path: Path):
    """The string constants of a module that are code, not its docstrings or comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


def test_parsers_and_rules_restate_no_vocabulary():
    found = []
    for folder in ("parsers", "rules"):
        for path in sorted((SOURCE / folder).glob("*.py")):
            for line, text in _string_literals(path):
                if _RESTATED.search(text):
                    found.append(f"{folder}/{path.name}:{line}: {text!r}")
    assert found == [], "council wording belongs in councildocs.vocabulary:\n" + "\n".join(found)


def test_vocabulary_imports_nothing_of_ours():
    # but the store of compiled patterns, which imports only regex
    for path in (SOURCE / "vocabulary").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                if node.level == 2 and node.module == "patterns":
                    assert [alias.name for alias in node.names] == ["compiled"], path.name
                    continue
                assert node.module and node.module.startswith("_"), (path.name, node.module)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("councildocs"), (path.name, node.module)


def test_prose_decision_phrases_each_need_a_hint():
    # find_prose_decision reads a paragraph for the phrases only if it holds a hint word:
    # a phrase that needed none would be passed over
    from councildocs.vocabulary import decisions

    for phrase in decisions.PROSE_DECISION_PHRASES:
        assert any(hint in phrase for hint in decisions.PROSE_DECISION_HINTS), phrase


def test_quick_tests_before_slow_patterns_agree_with_the_patterns():
    from councildocs.vocabulary import attendance, decisions

    texts = [
        "It was RESOLVED that the minutes be approved.",
        "Minutes of the last meeting were agreed and signed.",
        "That the report be noted and approved",
        "Bank Reconciliation: approved",
        "Proposed by Cllr A Smith, seconded by Cllr B Jones, all in favour.",
        "Cynigiwyd gan y Cyng. Rhys ac eiliwyd gan y Cyng. Bowen.",
        "Cllr Smith proposed, and Cllr Jones seconded",
        "Roedd pawb yn gytûn. Cytunwyd yn unfrydol.",
        "There were 3 members of the public present.",
        "Members of the Public: 2",
        "aelodau o'r cyhoedd 4",
        "The chair thanked everyone for attending.",
        "Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), B. Lee (second)",
    ]
    for text in texts:
        for quick, pattern in (
            (decisions.find_prose_decision, decisions.PROSE_DECISION.search),
            (decisions.find_mover_seconder, decisions.MOVER_SECONDER.search),
            (decisions.match_that_decision, decisions.THAT_DECISION.match),
            (attendance.find_public_count, attendance.PUBLIC_COUNT.search),
        ):
            found, expected = quick(text), pattern(text)
            assert (found and found.span()) == (expected and expected.span()), text


def test_quick_hints_hold_only_letters_that_lower_case_soundly():
    # holds_any lower-cases the text: sound only for letters the regex module matches,
    # ignoring case, to their own two cases (not i, k or s)
    from councildocs.vocabulary import attendance, decisions

    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    for hint in (*attendance._PUBLIC_HINTS, *decisions._SECONDED_HINTS):
        assert hint.isascii() and hint.islower() and not set(hint) & set("iks"), hint
        for letter in hint:
            found = regex.findall(f"(?i){letter}", every_character)
            assert set(found) == {letter, letter.upper()}, letter
    assert set(regex.findall("(?i)s", every_character)) == {"s", "S", "ſ"}  # why not s
