"""How councils spell the name of one of their bodies (a committee, panel, board) in
different ways: "Adults and Safer City Scrutiny Panel", "Adults & Safer City Scrutiny
Panel", "The Cabinet"."""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

# the ampersand a body's name prints for "and"; written out, the two spellings read alike
BODY_NAME_AMPERSAND = compiled(r"&")
BODY_NAME_AND = "and"
# an article that opens a body's name in some papers and not in others ("The Cabinet")
BODY_NAME_ARTICLES = ("The",)
BODY_NAME_ARTICLE = compiled(rf"^\s*{one_of(BODY_NAME_ARTICLES)}\s+", regex.I)

# How a council prints its own name: a place, a kind, the noun ("Kent County Council",
# "Burton-cum-Walden Parish Council", "City of Wolverhampton Council"); in Welsh the noun
# comes first and mutates after a preposition ("Cyngor Cymuned Manordeilo a Salem",
# "Gyngor Cymuned ...").
COUNCIL_NOUNS = ("Council",)
# the kinds that stand between the place and the noun; "City and District" joins two
COUNCIL_KINDS = (
    "County",
    "City",
    "Borough",
    "District",
    "Town",
    "Parish",
    "Community",
    "Metropolitan",
    "Unitary",
    "Village",
    "Regional",
    "Island",
    "Islands",
)
COUNCIL_KIND_JOINERS = ("and", "&")
# the words a place name holds in lower case, or in capitals in a shouting line
# ("Stratford-upon-Avon", "Ferryport-on-Craig", "Newcastle under Lyme", "Manordeilo a Salem")
PLACE_NAME_JOINERS = (
    "&",
    "of",
    "on",
    "upon",
    "under",
    "cum",
    "in",
    "the",
    "le",
    "by",
    "with",
    "next",
    "and",
    "en",
)
# "City of Wolverhampton Council", "Royal Borough of Greenwich": a kind, "of", the place
PLACE_OF_KINDS = ("City", "County", "Borough", "Royal Borough", "Metropolitan Borough")
PLACE_OF = "of"
# capitalised words that stand before "Council" but are not a place: "Full Council",
# "Budget Council", "Dear Council"
NOT_PLACE_NAMES = (
    "A",
    "An",
    "The",
    "This",
    "That",
    "Our",
    "Your",
    "Each",
    "Every",
    "Any",
    "No",
    "Full",
    "Whole",
    "Leader",
    "Clerk",
    "Chair",
    "Chairman",
    "Vice",
    "Members",
    "Member",
    "Meeting",
    "Meetings",
    "Minutes",
    "Agenda",
    "Annual",
    "Extraordinary",
    "Special",
    "Ordinary",
    "Budget",
    "Report",
    "Cabinet",
    "Committee",
    "Officer",
    "Officers",
    "Planning",
    "Dear",
    "Local",
    "Cllr",
    "Councillor",
    "Councillors",
    "Next",
    "Previous",
    "Last",
    "Chief",
    "Executive",
    "Present",
    "Apologies",
    "Item",
    "Re",
    "Subject",
    "To",
    "From",
    "For",
    "And",
    "Of",
    "By",
    "At",
    "In",
    "On",
    "With",
)
WELSH_COUNCIL_NOUNS = ("Cyngor", "Gyngor", "Nghyngor")
WELSH_COUNCIL_NOUN = "Cyngor"  # the name's own form, unmutated
WELSH_COUNCIL_KINDS = ("Cymuned", "Tref", "Sir", "Dinas", "Bwrdeistref", "Sirol", "Plwyf")
WELSH_PLACE_NAME_JOINERS = ("a", "ac", "y", "yr", "ar")
# the words of a title that lead into the council's name: "Minutes of the Meeting of
# Garelochhead Community Council held at ...", "MINUTES OF THE SOULDERN PARISH COUNCIL
# MEETING", "Response from Horsley Parish Council"; the name follows one of the
# prepositions
COUNCIL_NAME_LEAD_IN_WORDS = (
    "Minutes",
    "Meeting",
    "Agenda",
    "Notice",
    "Annual",
    "Extraordinary",
    "Special",
    "Ordinary",
    "Response",
    "Report",
    "Agreed",
    "Draft",
    "Summons",
    "AGM",
    "Submission",
    "Comments",
    "Objection",
    "The",
    "A",
    "An",
)
COUNCIL_NAME_PREPOSITIONS = ("of", "for", "from", "by", "the")
