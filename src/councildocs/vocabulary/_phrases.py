"""How a synonym list becomes a pattern: one place, so every list reads the same way."""

from __future__ import annotations

from collections.abc import Iterable


def one_of(phrases: Iterable[str]) -> str:
    """A non-capturing alternation of the phrases, in their order (the first that matches
    wins, so a longer phrase goes before the shorter one it starts with).

    A space in a phrase stands for any run of white space, since wrapped or justified
    text spaces words unevenly; anything else is regular-expression syntax, for the
    optional parts of a phrase ("Apologies( for absence)?").
    """
    return "(?:" + "|".join(phrase.replace(" ", r"\s+") for phrase in phrases) + ")"


def holds_any(text: str, hints: Iterable[str]) -> bool:
    """Whether the text, lower-cased, holds one of the hints: a quick test before a pattern
    that ignores case and needs one of them, on text that mostly holds none.

    A hint is lower-case letters other than i, k and s. Ignoring case, the regex module
    matches any other letter to its two cases only, but i also to "İ", k to the Kelvin sign
    and s to "ſ", which lower-case to something else: a hint with them could miss text
    the pattern matches.
    """
    lowered = text.lower()
    return any(hint in lowered for hint in hints)
