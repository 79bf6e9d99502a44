"""A report's implications, read from its parsed sections, with their sign-offs.

Two layouts: a section per implication titled "Financial implications", "Legal
implications", ... (Wolverhampton, Kent), signed off by a bracketed code
"[SB/18052018/X]" (initials / ddmmyyyy / code); or Bristol's "Professional comments
section", whose numbered paragraphs open "Finance Advice:", "Legal Advice:", "HR Advice:",
"Implications on IT:" and end with the adviser's sign-off line ("Finance Business
Partner: Kevin Jay, Finance Manager ... 14 August 2024"). Bristol's "Climate Change /
Environmental Impact" and "Equalities Impact" headings read the same way.
"""

from __future__ import annotations

from ..dates import parse_ddmmyyyy
from ..models import Implication, ImplicationKind, Paragraph, Section, SignOff
from ..patterns import compiled
from ..vocabulary import implications as words
from .common import parse_date

# the kinds in the order they are tried: a title naming two ("Legal and financial") is
# the first listed
_KIND_PATTERNS = [
    (kind, words.kind_pattern(kind_words))
    for kind, kind_words in (
        (ImplicationKind.financial, words.FINANCIAL),
        (ImplicationKind.legal, words.LEGAL),
        (ImplicationKind.equalities, words.EQUALITIES),
        (ImplicationKind.environmental, words.ENVIRONMENTAL),
        (ImplicationKind.human_resources, words.HUMAN_RESOURCES),
        (ImplicationKind.corporate_landlord, words.CORPORATE_LANDLORD),
        (ImplicationKind.health_and_wellbeing, words.HEALTH_AND_WELLBEING),
        (ImplicationKind.risk, words.RISK),
        (ImplicationKind.procurement, words.PROCUREMENT),
        (ImplicationKind.data_protection, words.DATA_PROTECTION),
    )
]
_CODE_SIGN_OFF = compiled(
    r"\[\s*(?P<reference>(?P<initials>[A-Z]{1,4})\s*/\s*(?P<date>\d{6,8})\s*/\s*(?P<code>[A-Z0-9]{1,4}))\s*\]"
)
# the adviser's line that closes a Bristol comment: "... Kevin Jay, Finance Manager 14 August 2024."
_ADVISER_SIGN_OFF = compiled(
    r"(?P<reference>(?:[^.:]+:\s*)?[^.:]*?\b\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}+\s+\d{4})\.?\s*$"
)
_LABELLED_PARAGRAPH = compiled(r"^(?P<label>[\p{Lu}][\w /&,’'-]{1,60}?)\s*:\s*(?P<text>.*)$")


def implication_kind(title: str) -> ImplicationKind:
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(title):
            return kind
    return ImplicationKind.other


def implications_from_sections(sections: list[Section]) -> list[Implication]:
    found: list[Implication] = []
    for section in sections:
        title = section.title
        if words.PROFESSIONAL_COMMENTS.search(title):
            found.extend(_from_comment_paragraphs(section.paragraphs))
        elif words.IMPLICATION_TITLE.search(title) and not words.NOT_IMPLICATION_TITLE.search(
            title
        ):
            text = _section_text(section.paragraphs)
            found.append(_implication(title, text, section.provenance))
    return found


def _section_text(paragraphs: list[Paragraph]) -> str:
    return " ".join(" ".join([p.text, *p.bullets]).strip() for p in paragraphs).strip()


def _from_comment_paragraphs(paragraphs: list[Paragraph]) -> list[Implication]:
    """Bristol: "1. Finance Advice: ..." paragraphs; unnumbered ones continue the last."""
    found: list[tuple[str, list[str], Paragraph]] = []
    for paragraph in paragraphs:
        text = " ".join([paragraph.text, *paragraph.bullets]).strip()
        match = _LABELLED_PARAGRAPH.match(text)
        if paragraph.number is not None and match:
            found.append((match.group("label"), [match.group("text")], paragraph))
        elif found:
            found[-1][1].append(text)
    return [
        _implication(label, " ".join(texts), p.provenance, advisers_sign=True)
        for label, texts, p in found
    ]


def _implication(title: str, text: str, where, advisers_sign: bool = False) -> Implication:
    """One implication; ``advisers_sign``: the template closes each with the adviser's
    name, role and date (Bristol's professional comments), not a bracketed code."""
    text = " ".join(text.split())
    sign_off = None
    if match := _CODE_SIGN_OFF.search(text):
        sign_off = SignOff(
            reference=_WHITESPACE.sub("", match.group("reference")),
            initials=match.group("initials"),
            date=parse_ddmmyyyy(match.group("date")),
            code=match.group("code"),
        )
        text = (text[: match.start()] + text[match.end() :]).strip()
    elif advisers_sign and (match := _ADVISER_SIGN_OFF.search(text)) and len(match.group()) < 160:
        sign_off = SignOff(
            reference=match.group("reference").strip(),
            date=parse_date(match.group("reference")),
        )
        text = text[: match.start()].strip()
    return Implication(
        kind=implication_kind(title),
        title=title,
        text=text,
        none_stated=bool(words.NONE_STATED.match(text)),
        sign_off=sign_off,
        provenance=where,
    )


_WHITESPACE = compiled(r"\s+")
