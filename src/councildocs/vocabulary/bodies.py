"""How councils spell the name of one of their bodies (a committee, panel, board) in
different ways: "Adults and Safer City Scrutiny Panel", "Adults & Safer City Scrutiny
Panel", "The Cabinet"."""

from __future__ import annotations

import regex

from ._phrases import one_of

# the ampersand a body's name prints for "and"; written out, the two spellings read alike
BODY_NAME_AMPERSAND = regex.compile(r"&")
BODY_NAME_AND = "and"
# an article that opens a body's name in some papers and not in others ("The Cabinet")
BODY_NAME_ARTICLES = ("The",)
BODY_NAME_ARTICLE = regex.compile(rf"^\s*{one_of(BODY_NAME_ARTICLES)}\s+", regex.I)
