"""The shared vocabulary: Welsh and Scots wording is read by the interpreters, and the
interpreters and rules keep no council wording of their own."""

from __future__ import annotations

import ast
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
    for path in (SOURCE / "vocabulary").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                assert node.module and node.module.startswith("_"), (path.name, node.module)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("councildocs"), (path.name, node.module)
