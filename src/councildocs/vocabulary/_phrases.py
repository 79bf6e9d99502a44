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
