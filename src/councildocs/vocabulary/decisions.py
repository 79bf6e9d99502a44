"""What was decided: the words that record a decision, a vote's outcome and its counts.

Case matters here: an upper-case "RESOLVED" or "CARRIED" stands alone in minutes, while
in prose "carried" means a vote only after what was voted on.
"""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import holds_any, one_of

# the word that opens a decision ("RESOLVED that ...", "It was APPROVED:"); Welsh minutes
# print "PENDERFYNWYD" (resolved) and "CYTUNWYD" (agreed). "Cytunwyd" in a sentence is "it
# was agreed", read as prose like the English (PROSE_DECISION_PHRASES): as a lead word it
# took the numbered paragraphs after its sentence for a list of decisions
DECISION_WORDS = (
    "RESOLVED", "Resolved", "APPROVED", "AGREED", "PENDERFYNWYD", "Penderfynwyd", "CYTUNWYD",
)  # fmt: skip
# a word that records a decision only in a short paragraph: "AGREED" also opens long
# reports of what a member agreed to do
SHORT_DECISION_WORDS = ("AGREED",)
# what follows the word: "that", a colon or dash, or nothing; Welsh "bod" (that), "y dylai"
# / "y dylid" (that ... should)
DECISION_THAT = ("that\\b", "bod\\b", "y\\s+dylai", "y\\s+dylid", "[:;,-]", "$")
DECISION = compiled(
    rf"(?:^|\b)(?P<word>{one_of(DECISION_WORDS)})\b\s*(?P<rest>{one_of(DECISION_THAT)}.*)$"
)
# a decision word followed by "that" (or Welsh "bod") and no more on its line ("It was
# APPROVED that;"): the list under it completes the one clause
DECISION_THAT_CLAUSE = compiled(r"^(?:that|bod)\s*[;:]?\s*$")
# the rest of a decision's opening line that is only its lead-in ("RESOLVED that;", also
# before the clause run on into its paragraph: "It was APPROVED that; That the Committee:")
DECISION_LEAD = compiled(r"^[:;,-]\s*|^that\s*[;:]\s*")
# a decision with no decision word: "That the minutes ... be approved"
THAT_DECISION = compiled(
    r"^(?:That\s+.*\b(?:be|are|is)\s+(?:approved|agreed|noted|adopted|endorsed|accepted|signed)"
    r"|.*\b[Mm]inutes?\b.*\b(?:were|was|be)\s+(?:agreed|approved|confirmed|signed|accepted)"
    r"|(?:APPROVED|ADOPTED)\s*[–-]"
    # an outcome standing alone after an item's title: "Minutes of Meeting on 1st September -
    # accepted", "Bank Reconciliation: approved", "Clerk's salary increase approved."
    r"|(?:[^.:;]{1,80}[:\s]\s*)?(?<!\bnot\s)(?:accepted|approved|agreed|adopted)(?:\s+unanimously)?\.?$"
    # a sentence opening with the decision: "Agreed payment for ...", "Agreed to comment"
    r"|(?:Agreed|Approved)\s+(?!with\b|by\b)\p{Ll}"
    # US outline minutes: "Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), ..."
    r"|.*\b(?:approved|adopted)\s*[–-]|.*\(motion\).*\(second(?:ed)?\))",
)
# what each branch of THAT_DECISION after the first ("That ...") needs, as printed (the
# pattern minds case): looked for before the pattern, whose ".*" branches are slow to fail
# on a long paragraph. A branch added there must need one of these too
THAT_DECISION_HINTS = (
    "inute", "APPROVED", "ADOPTED", "accepted", "approved", "agreed", "adopted", "Agreed",
    "Approved", "(motion)",
)  # fmt: skip


def match_that_decision(text: str) -> regex.Match | None:
    """A decision with no decision word (THAT_DECISION) that the text opens with."""
    if text.startswith("That") or any(hint in text for hint in THAT_DECISION_HINTS):
        return THAT_DECISION.match(text)
    return None


# a decision recorded in a sentence of the minutes' prose: "it was agreed", "unanimously
# agreed" (a body that "agreed to" is read with actions); Welsh "cytunwyd" (it was agreed,
# mutated "chytunwyd" after "a"), "penderfynwyd" (it was resolved)
PROSE_DECISION_PHRASES = (
    r"\bit\s+was\s+(?:(?:unanimously|also|therefore|then|further)\s+)*"
    r"(?:agreed|resolved|decided|approved)\b",
    r"\b(?:unanimously|all)\s+(?:agreed|resolved|approved)\b",
    # the council itself deciding: "The Councillors resolved to pay ...", "Members agreed"
    r"\b(?:the\s+)?(?:Parish\s+|Town\s+|Community\s+)?(?:Councillors|Council|Committee|"
    r"Members|meeting)\s+(?:(?:unanimously|therefore|then)\s+)?"
    r"(?:resolved|agreed(?!\s+to\b)|decided|approved)\b",
    # passive, with the council named: "the budget, which was approved by Councillors"
    r"\b(?:was|were)\s+(?:unanimously\s+)?(?:approved|agreed|adopted)\s+by\s+(?:the\s+)?"
    r"(?:Councillors|Council|Committee|Members|meeting)\b",
    # a sentence of its own with no subject: "Also agreed to restore the allocations"
    r"(?<=^|[.;]\s)Also\s+(?:agreed|approved|resolved)\b",
    r"\b(?:ch|c|g)ytunwyd\b",
    r"\bpenderfynwyd\b",
    # the minutes of the last meeting taken as the record: "checked for accuracy and content,
    # agreed as a true record", "approved as an accurate record"
    r"\b(?:agreed|approved|confirmed|accepted|adopted)\s+as\s+(?:a\s+|an\s+)?"
    r"(?:true|correct|accurate)\b",
    # payments approved: "The following accounts were approved for payment"
    r"\b(?:were|was)\s+(?:unanimously\s+)?approved\s+for\s+payment\b",
    # a list introduced as decided: "The following payments were agreed:" (Welsh
    # "Cytunwyd gwneud y taliadau canlynol:", it was agreed to make the following payments)
    r"\bthe\s+following\s+(?:\w+\s+){1,3}(?:were|was)\s+(?:unanimously\s+)?"
    r"(?:agreed|approved|adopted)\s*:",
    # Welsh: "roedd pawb yn gytûn" (all were agreed), "yn unfrydol" (unanimously)
    r"\bpawb\s+yn\s+gyt[uû]n\b",
    r"\bcytunwyd\s+yn\s+unfrydol\b",
)
PROSE_DECISION = compiled(one_of(PROSE_DECISION_PHRASES), regex.I)
# a word (or its stem) that each phrase above needs, looked for before the phrases, which
# are slow to fail on a long paragraph: a phrase added above must need one of them too
PROSE_DECISION_HINTS = (
    "agree", "resolve", "decide", "approv", "adopt", "confirm", "accept", "ytunwyd",
    "penderfynwyd", "pawb",
)  # fmt: skip
_PROSE_DECISION_HINT = compiled(one_of(PROSE_DECISION_HINTS), regex.I)


def find_prose_decision(text: str) -> regex.Match | None:
    """The first decision recorded in a sentence of prose (PROSE_DECISION) in the text."""
    return PROSE_DECISION.search(text) if _PROSE_DECISION_HINT.search(text) else None


# what follows a decision phrase that decides an act in its own sentence: "it was agreed to
# add ...", Welsh "cytunwyd y dylid rhoi ..." / "y dylai'r Clerc ..." (that ... should)
DECIDED_ACT = compiled(r"\s+(?:to\s+\p{Ll}|y\s+dyl(?:id|ai)\b)")

# --- outcomes of votes --------------------------------------------------------------------

OUTCOMES = ("CARRIED", "LOST", "FAILED", "DEFEATED")
# what a vote in prose is on, and the outcome said of it ("the amendment was carried")
VOTED_ON = ("[Mm]otion", "[Aa]mendment", "[Rr]ecommendation", "[Pp]roposal")
PROSE_OUTCOMES = ("[Cc]arried", "[Ll]ost", "[Dd]efeated", "[Ff]ell")
UNANIMOUSLY = r"unanimously"
OUTCOME = compiled(
    rf"(?:\b{one_of(OUTCOMES)}\b"
    rf"|\b{one_of(VOTED_ON)}s?\s+(?:was\s+|were\s+)?{one_of(PROSE_OUTCOMES)}\b)"
    rf"(?:\s+{UNANIMOUSLY})?(?:\s*\((?P<counts>[^)]*)\)?)?"
)
# a line that is only an outcome: "Amendment lost.", "Agreed unanimously."
OUTCOME_LINE = compiled(
    r"^(?:(?:Substantive\s+)?(?:Motion|Amendment|Recommendation)s?\b[^.]{0,40}"
    r"\b(?:carried|lost|agreed|fell|defeated)|Agreed(?:\s+unanimously)?)\.?$",
    regex.I,
)
UNANIMOUS = compiled(r"(?i)unanimous")
UNANIMOUS_WORD = compiled(r"(?i)\bunanimously\b")

# the outcome a vote's word records
OUTCOME_CARRIED = compiled(r"(?i)^(?:carried|agreed)")
OUTCOME_FELL = compiled(r"(?i)\bfell\b")
OUTCOME_LOST = compiled(r"(?i)^(?:lost|failed|defeated)|\b(?:lost|failed|defeated)\b")

# who moved and seconded: "Proposed by Cllr A, seconded by Cllr B", "Adoption proposed by
# Mrs S Walker and seconded by Mr M Mitcham", "Cllr A proposed and Cllr B seconded";
# Welsh "Cynigiwyd gan ... ac eiliwyd gan ..."
_NAME = (
    r"(?:the\s+(?:Chair(?:man)?|Vice[- ]Chair(?:man)?|Mayor|Clerk)\b"
    r"|(?:y\s+)?(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Cyng)\.?\s+(?:(?:\p{Lu}\.?\s+){1,3}|\p{Lu}\p{Ll}+\s+)?"
    r"\p{Lu}[\w'’-]+|\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+)?)"
)
MOVER_SECONDER = compiled(
    rf"(?i:proposed|moved|cynigiwyd)(?:\s+by|\s+gan)?\s*:?\s*(?P<mover>{_NAME})\s*"
    rf"(?:,|;|\.|\band\b|\bac\b)?\s*(?i:and\s+)?(?i:seconded|eiliwyd)(?:\s+by|\s+gan)?\s*:?\s*"
    rf"(?P<seconder>{_NAME})"
    rf"|(?P<mover>{_NAME})\s+(?i:proposed|moved)\s*,?\s+(?i:and)\s+(?P<seconder>{_NAME})\s+(?i:seconded)"
)
# both ways of naming a mover and seconder print the word for seconding: a paragraph
# without it is passed over at once, since the full pattern is slow to fail on a long one
# (pieces of "seconded" and "eiliwyd" without the letters holds_any cannot take)
_SECONDED_HINTS = ("econded", "wyd")


def find_mover_seconder(text: str) -> regex.Match | None:
    """The first mention of who moved and who seconded (MOVER_SECONDER) in the text."""
    return MOVER_SECONDER.search(text) if holds_any(text, _SECONDED_HINTS) else None


# what a motion proposed and seconded, with no outcome printed, was for: adopting a report
ADOPTION = compiled(r"(?i)\b(?:adoption|approval|acceptance)\b")
# the vote such a motion records in few words: "all in favour", "unanimously agreed"
ALL_IN_FAVOUR = compiled(r"(?i)\ball\s+in\s+favour\b|\bunanimous(?:ly)?\b|\bnem\.?\s*con\b")

# the outcome of a vote on an amendment ("Amendment lost.", "the amendment was CARRIED"):
# a step on the way to the decision, recorded as a vote, not as a decision of its own
AMENDMENT_VOTE = compiled(
    r"(?i)\bamendment\s+(?:was\s+|were\s+)?(?:not\s+carried|carried|lost|defeated|fell"
    r"|agreed|approved|rejected|withdrawn)\b"
    r"|\bput\s+(?:the\s+|an\s+)?amendment\b[^.;]{0,80}?\bto\s+the\s+vote\b"
)
# votes on the conduct of the meeting, not on an item's business: closing the debate,
# extending or adjourning the meeting, suspending standing orders
PROCEDURAL_MOTION = compiled(
    r"(?i)\b(?:closure\s+motion|motion\s+(?:for|of)\s+closure|(?:that\s+)?the\s+question\s+be\s+now\s+put"
    r"|extend(?:ing|ed)?\s+the\s+meeting|(?:meeting|debate)\s+(?:be\s+)?extended|extension\s+of\s+the\s+meeting"
    r"|adjourn(?:ing|ment\s+of)?\s+the\s+(?:meeting|debate)|suspen(?:d|sion\s+of)\s+standing\s+orders"
    r"|guillotine)\b"
)

# --- counts -------------------------------------------------------------------------------

# Kent's recorded vote: "For (14)", "Against (45)", "Abstain (4)"
FOR_LABELS = ("For",)
AGAINST_LABELS = ("Against",)
ABSTAIN_LABELS = ("Abstain(?:ed|ing|ions?)?",)
COUNT_LIST = compiled(
    rf"^(?P<label>{one_of(FOR_LABELS + AGAINST_LABELS + ABSTAIN_LABELS)})\s*\((?P<n>\d+)\)(?=\s|$)",
    regex.I,
)
FOR_LABEL = compiled(rf"^{one_of(FOR_LABELS)}$", regex.I)
AGAINST_LABEL = compiled(rf"^{one_of(AGAINST_LABELS)}$", regex.I)


def count_list_side(label: str) -> str:
    """The side a recorded vote's list heading names: "for", "against" or "abstained"."""
    if FOR_LABEL.match(label):
        return "for"
    if AGAINST_LABEL.match(label):
        return "against"
    return "abstained"


# counts in brackets after an outcome: "6 members voting in favour, none against with 3
# abstentions"; the number may be a word
COUNT_WORDS = {
    "none": 0, "no": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
COUNT = rf"(\d+|{'|'.join(COUNT_WORDS)})"
VOTES_FOR = (
    COUNT + r"\s+(?:members?\s+)?(?:voting\s+)?(?:in\s+favour|for)\b",
    r"\bfor\s*[:=]?\s*" + COUNT,
)
VOTES_AGAINST = (COUNT + r"\s+(?:members?\s+)?(?:voting\s+)?against", r"against\s*[:=]?\s*" + COUNT)
VOTES_ABSTAINED = (COUNT + r"\s+abstention", r"abstentions?\s*[:=]?\s*" + COUNT)

# --- US roll-call votes -------------------------------------------------------------------

RESULT = compiled(r"^RESULT:\s*(?P<text>.+)$")
ROLL_FOR = ("AYES",)
ROLL_AGAINST = ("NAYS", "NOES")
ROLL_ABSTAIN = ("ABSTAIN", "ABSTENTIONS?")
ROLL_OTHER = ("ABSENT", "RECUSED")
ROLL = compiled(
    rf"^(?P<label>{one_of(ROLL_FOR + ROLL_AGAINST + ROLL_ABSTAIN + ROLL_OTHER)})\s*:\s*(?P<names>.*)$"
)
ROLL_NONE = ("", "none")
US_MOTION = compiled(r"^(?:MOTION\s+BY|SECOND(?:ED)?(?:\s+BY)?|MOVER|SECONDER)\s*:", regex.I)

# --- recommendations taken one by one, and actions ----------------------------------------

# Bristol takes a report's recommendations one by one, each opening a paragraph of its own
# though printed with no gap above: "Recommendation 3 – RPS Business ...", "Recommendation
# 3A was moved by ...".
RECOMMENDATION_HEAD = compiled(r"^[“\"]?Recommendation\s+\d{1,2}[A-Za-z]?\b")
# a block that ends a decision's list: the next motion, speaker or report
DECISION_LIST_END = compiled(
    r"^(?:Recommendation|Councillor|The\s+(?:report|recommendation|amendment))\b"
)
# a person agreeing to do something at the meeting: an action
ACTION = compiled(
    r"\b(?:agreed|undertook|offered|promised|was\s+asked|were\s+asked)\s+to\s+"
    r"(?!the\b|a\b|an\b|this\b|that\b|these\b|those\b|it\b|them\b|him\b|her\b)\p{Ll}"
)
REPORTED_EARLIER = compiled(r"\bhad\s+$")
AGREED_BY = compiled(r"^(?:The\s+)?(?P<who>[\p{Lu}][\w -]*?)\s+agreed\b")
# A committee, panel or the members as a body decide (a resolution); an action belongs to a
# named person or an officer role ("the Cabinet Member", "officers").
COLLECTIVE = compiled(
    r"(?i)(?:^|\s)(?:Committee|Sub-Committee|Panel|Council|Cabinet|Board|Commission|Group"
    r"|Forum|Members|Councillors|Commissioners)$"
)
