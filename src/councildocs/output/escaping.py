"""Text from outside (file names, document text) made safe for where it is shown.

A file name or a quote comes from whoever wrote the file. Printed raw, a newline in it
starts a line of its own (in a CI log, a GitHub workflow command such as ``::error`` or
``::add-mask::``), an ANSI escape clears the screen or hides what follows, and a bidi
override reorders what a reader sees. Every such character is shown as a visible escape
instead, in one notation everywhere (Python's: ``\\n``, ``\\x1b``, ``\\u202e``):

- :func:`for_terminal`: one line for a terminal or a log (error lines, progress, the text
  and summary formats);
- :func:`for_xml`: characters XML 1.0 cannot hold at all (JUnit);
- :func:`for_csv_cell`: a cell a spreadsheet would run as a formula (``tables --csv``).

GitHub's own escaping of annotation data (``%0A``) is the GitHub renderer's; the text it
escapes has been through :func:`for_terminal` first.
"""

from __future__ import annotations

import re

#: C0 and C1 controls and DEL; the bidi embeddings, overrides, isolates and marks; the
#: Unicode line and paragraph separators: each moves the cursor, starts a line, or changes
#: what is shown. (Soft hyphens and joiners are ordinary text in council papers: kept.)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

#: what a CI runner reads as a command: ``::name::`` opening a line, and the older
#: ``##[name]`` anywhere in one
_COMMAND_START = re.compile(r"^(\s*):(?=:)|#(?=#\[)")

#: characters XML 1.0 forbids (tab, newline and CR are allowed), and the non-characters
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: a spreadsheet runs a cell that starts with one of these as a formula (tab and CR too,
#: which some strip before looking)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: a signed number or percentage ("-5", "+3.2%", "-1,204"): a spreadsheet reads it as the
#: number it is, so it keeps its sign rather than gaining a quote
_SIGNED_NUMBER = re.compile(r"[+-]\d[\d,]*(?:\.\d+)?%?")


def visible(character: str) -> str:
    """The escape a reader sees for one character: ``\\n``, ``\\x1b``, ``\\u202e``."""
    if character in _SHORT:
        return _SHORT[character]
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` as one inert line: controls, bidi overrides and line separators escaped,
    and a CI workflow command at its start (or ``##[`` anywhere) broken by escaping its
    first character."""
    text = _UNSAFE.sub(lambda match: visible(match.group()), text)
    return _COMMAND_START.sub(
        lambda match: (match.group(1) or "") + visible(match.group()[-1]), text
    )


def for_xml(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold escaped (other controls are legal
    XML and are left as they are; the XML writer escapes ``<`` and ``&``)."""
    return _NOT_XML.sub(lambda match: visible(match.group()), text)


def for_csv_cell(value: str) -> str:
    """A cell that a spreadsheet would evaluate (``=HYPERLINK(...)``, ``@SUM``) led by an
    apostrophe, as OWASP advises, so that it shows as text; signed numbers are left alone."""
    if value.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value
