"""The grammar of things councils print the same way everywhere: e-mail addresses and
telephone numbers. Shared by the interpreters and the validate rules."""

from __future__ import annotations

import regex

from ..patterns import compiled

# an e-mail address as printed in council papers (header blocks, contacts, programmes)
EMAIL = compiled(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# the same, with the apostrophe of "o'brien@..." allowed: what the contact block and
# CON001 read (not unified with EMAIL: see the report on this step)
EMAIL_WITH_APOSTROPHE = compiled(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# a telephone number alone on a contact block's line, "Tel:" allowed before it
PHONE_LINE = compiled(r"^(?:Tel(?:ephone)?\s*:?\s*)?(\+?[\d ()]{10,16})$", regex.I)
# a telephone number in a header cell, an extension allowed after it
PHONE_CELL = compiled(r"^\+?[\d ()]{7,}(?:ext\.?\s*\d+)?$")
