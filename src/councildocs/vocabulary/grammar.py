"""The grammar of things councils print the same way everywhere: e-mail addresses,
telephone numbers and the days of the week. Shared by the interpreters, the dates and the
validate rules."""

from __future__ import annotations

import regex

from ..patterns import compiled

# a day of the week, as a date names it ("Thursday, 30th January, 2025"; Kent's front sheet
# prints "CABINET - THURSDAY, 30th January, 2025": read without case)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# an e-mail address as printed in council papers (header blocks, contacts, programmes)
EMAIL = compiled(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# the same, with the apostrophe of "o'brien@..." allowed: what the contact block and
# CON001 read (not unified with EMAIL: see the report on this step)
EMAIL_WITH_APOSTROPHE = compiled(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# a telephone number alone on a contact block's line, "Tel:" allowed before it
PHONE_LINE = compiled(r"^(?:Tel(?:ephone)?\s*:?\s*)?(\+?[\d ()]{10,16})$", regex.I)
# a telephone number in a header cell, an extension allowed after it
PHONE_CELL = compiled(r"^\+?[\d ()]{7,}(?:ext\.?\s*\d+)?$")
