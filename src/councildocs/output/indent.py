"""Compact JSON re-laid out with two-space indents, exactly as pydantic's ``indent=2`` does.

``parse`` prints a Pack's JSON indented; a Pack answered from the cache is the parser's
compact JSON, and decoding and re-encoding it (with ``json``) could change numbers
(``1e-05`` for pydantic's ``1e-5``), while validating it into a Pack to dump it again costs
pydantic's import and the models. This moves only whitespace: strings, numbers and
literals are copied as they are. Layout (serde_json's pretty printer, which pydantic
uses): each member or element on its own line, ``": "`` after a key, empty ``{}`` and
``[]`` kept on one line.
"""

from __future__ import annotations

import re

#: a string (with its escapes), one structural character, or a run of anything else
#: (a number or a literal); whitespace between tokens is dropped
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')

_CLOSING = {"{": "}", "[": "]"}


def compact_json(indented: str) -> str:
    """``indented`` (any valid JSON) with the whitespace between its tokens taken out:
    pydantic's compact layout, the inverse of :func:`indent_json`."""
    return "".join(_TOKEN.findall(indented))


def indent_json(compact: str, indent: str = "  ") -> str:
    """``compact`` (any valid JSON) with pydantic's ``indent=2`` layout."""
    tokens = _TOKEN.findall(compact)
    out: list[str] = []
    depth = 0
    count = len(tokens)
    index = 0
    while index < count:
        token = tokens[index]
        if token in _CLOSING:
            if index + 1 < count and tokens[index + 1] == _CLOSING[token]:
                out.append(token + _CLOSING[token])  # an empty object or array stays as one
                index += 2
                continue
            depth += 1
            out.append(token + "\n" + indent * depth)
        elif token in ("}", "]"):
            depth -= 1
            out.append("\n" + indent * depth + token)
        elif token == ",":
            out.append(",\n" + indent * depth)
        elif token == ":":
            out.append(": ")
        else:
            out.append(token)
        index += 1
    return "".join(out)
