"""The shared vocabulary: every word of council wording the parsers and rules look for.

Councils print the same things in different words ("Present:", "Sederunt", "Yn
bresennol"). Those words live here, once, grouped by what they name, so that segment, the
interpreters and the validate rules read one list instead of restating it. Structure
comes from typography and layout (see ``councildocs.layout``); wording is one signal
among several, and a new council's synonym is added here, not in a parser.

This package imports nothing else of councildocs, so rules (which read models only) can
use it too.

Modules, by what the words name: ``attendance`` (attendance labels, apologies, absence,
substitutes, declarations, chair and clerk marks), ``decisions`` (RESOLVED and its
synonyms, vote outcomes and counts), ``labels`` (a report's header and contact labels, and
the contact labels of a front sheet and a covering letter), ``meetings`` (how a front sheet
states the meeting: its labels, the sentences saying where and when it is held, venue
words, the headings over open and closed items, presenters' leads),
``implications`` (implication kinds and headings), ``people`` (honorifics, post-nominals,
job and organisation words), ``bodies`` (the spellings of a body's name) and ``grammar``
(e-mail addresses, telephone numbers, the days of the week).
Document-kind words are segment's, in ``documents``; the agenda parser shares its agenda
banner and the word of a page reference. A synonym list is a tuple of phrases;
``_phrases.one_of`` turns it into the pattern built beside it.
"""
