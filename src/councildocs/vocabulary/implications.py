"""A report's implications: the words that name each kind in a section's title, the titles
that make a section an implication, and what the validate rules accept as a mention.

One tuple a kind; the interpreter maps its ``ImplicationKind`` to the tuple (this package
imports nothing of ours), trying the kinds in the order it lists them.
"""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

FINANCIAL = ("financ", "budget")
LEGAL = ("legal",)
EQUALITIES = ("equalit", "equality")
ENVIRONMENTAL = ("environment", "climate", "ecolog", "sustainab")
HUMAN_RESOURCES = ("human resource", "\\bHR\\b", "workforce", "staffing")
CORPORATE_LANDLORD = ("corporate landlord", "property", "\\bland\\b")
HEALTH_AND_WELLBEING = ("health", "wellbeing")
RISK = ("\\brisk",)
PROCUREMENT = ("procurement", "commercial")
DATA_PROTECTION = ("data protection", "\\bGDPR\\b", "privacy")


def kind_pattern(words: tuple[str, ...]) -> regex.Pattern:
    """A kind's words found anywhere in a title, case ignored."""
    return compiled(one_of(words), regex.I)


# a section titled so is an implication: "Legal implications", "Finance Advice",
# "Equalities Impact Assessment", "Comments of the Chief Finance Officer"
IMPLICATION_TITLE = compiled(
    r"implications?\b|\bAdvice\b|Impact\s*(?:Assessment)?$|comments?$", regex.I
)
NOT_IMPLICATION_TITLE = compiled(r"background|appendi", regex.I)
# Bristol's section of advisers' comments, one paragraph an implication
PROFESSIONAL_COMMENTS = compiled(r"professional\s+comments", regex.I)
# an implication that says there is none
NONE_STATED = compiled(
    r"^(?:\d+(?:\.\d+)*\s+)?(?:There\s+(?:are|is|will\s+be)\s+no\b|No\s+(?:\w+\s+){0,3}implications?\b"
    r"|None\b|Not\s+applicable|N/A\b|I\s+can\s+see\s+no\b|At\s+this\s+stage\s+there\s+are\s+no\b"
    r"|(?:This|The)\s+report\s+has\s+no\b)",
    regex.I,
)

# REP004: a report mentions each of these somewhere, in words the parser did not take
FINANCIAL_MENTION = r"financ\w*\s+(?:implications|advice|considerations)|resource\s+implications"
LEGAL_MENTION = r"legal\s+(?:implications|advice|considerations)"
EQUALITIES_MENTION = (
    r"equalit(?:y|ies)\s+(?:implications|impact|analysis|assessment|considerations|duty)"
    r"|\beqia\b|public\s+sector\s+equality"
)
# REP005: the heading of a financial or legal implications section in a report's text
IMPLICATIONS_HEADING = compiled(
    r"^(?:\d+(?:\.0)?\.?\s+)?(?P<kind>financial|finance|legal|\w+)\s+(?:implications|advice)\b",
    regex.I,
)
