"""Officer reports to ReportDocument: header block, recommendations, sections, implications.

A report reads top to bottom in three parts, in every layout we know:

1. the header block of labelled facts (see :mod:`.report_metadata` for the labels of
   Wolverhampton, Kent, Bristol and West of England reports, and Kent's proposed records
   of decision);
2. the recommendations ("Recommendation(s) for action or decision:", "Recommendation(s):",
   "Recommendations:", a record of decision's "Decision:"), numbered "1.", "(1)", "a)" or a
   single unnumbered request; Bristol prints them later, under "Officer Recommendations:";
3. numbered sections: "1.0 Purpose" with paragraphs "1.1" (Wolverhampton), "1. Introduction"
   with "1.1" (Kent), or a heading line ("Background", "Challenges:") over paragraphs
   numbered "1.", "2." (Kent call-in reports, Bristol). Bullets are lines opening with a
   bullet glyph or, in a text export, with the single space left where the glyph was lost.

Implications come from the sections titled "... implications" and from Bristol's
"Professional comments section" ("Finance Advice:", "Legal Advice:", ...), with their
sign-off: Wolverhampton's "[SB/18052018/X]" code, or Bristol's "Finance Business Partner:
name, role, date" line. Every line no field takes is kept in ``unplaced_text``.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..extract import Line
from ..layout import Block, BlockKind
from ..layout.styles import line_style
from ..models import (
    HeaderPair,
    NamedRole,
    Paragraph,
    Recommendation,
    ReportDocument,
    ReportMetadata,
    Section,
)
from ..patterns import compiled
from ..vocabulary.documents import APPENDIX_TITLE
from ..vocabulary.labels import ASKED_LEAD_IN, DIRECTOR_LABEL, RECOMMENDATION_LEAD_IN
from .common import EMAIL, clean, line_gap, provenance, unplaced
from .contacts import contact_blocks, is_contact_heading
from .implications import implications_from_sections
from .report_metadata import (
    HeaderField,
    boxed_lead_label,
    build_metadata,
    match_label,
    other_label,
)
from .report_sections import heading_tree

_RECOMMENDATIONS = compiled(
    r"^(?:(?:Officer\s+)?Recommendations?(?:\s*\(s\))?(?:\s+for\s+action\s+or\s+decision)?"
    r"|RECOMMENDATIONS?|Decision"
    # a budget amendment: "County Council is asked to agree the following:"
    r"|(?:The\s+)?(?:County\s+Council|Council|Cabinet|Committee)\s+is\s+asked\s+to\s+agree"
    r"\s+the\s+following)\s*:\s*(?P<rest>.*)$",
    regex.I,
)
_AMENDMENT_ITEM = compiled(r"^To\s+(?:replace|amend|add|delete|insert)\s+Recommendation\b")
_RECOMMENDATION_HEADING = compiled(r"^(?:Officer\s+)?Recommendations?\b", regex.I)
_DECIMAL_HEADING = compiled(r"^(?P<number>\d{1,2}\.0)\s+(?P<title>[\p{L}‘'\"].*)$")
# Kent's finance monitoring report: "2 | Recommendations", "3a | Adult Social Care ..."
_PIPE_HEADING = compiled(r"^(?P<number>\d{1,2}[a-z]?)\s*\|\s*(?P<title>\S.*)$")
_CONTENTS_ENTRY = compiled(r"\.{5,}\s*\d{1,3}$")
_UNLABELLED_CLASSIFICATION = compiled(
    r"^(?:Unrestricted|Restricted|Exempt|Confidential|OFFICIAL(?:[-\s]SENSITIVE)?)$", regex.I
)
_NUMBERED_HEADING = compiled(r"^(?P<number>\d{1,2})\.?\s+(?P<title>\p{Lu}.*)$")
_SUB_NUMBER = compiled(r"^(?P<number>\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<text>.*)$")
_ITEM_NUMBER = compiled(
    r"^(?:(?P<number>\d{1,2})[.)]|\((?P<paren>\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)"
    r"|(?P<letter>[a-zA-Z]|[ivx]{1,4})[.)])(?:\s+(?P<text>.*)|$)"
)
_BULLET = compiled(r"^[•●▪◦■□➢➤\uf0b7\uf0a7\uf0d8\u2022\u2023\u2043\-–o]\s+(?P<text>.*)$")
_SIGN_OFF_LABEL = compiled(
    r"^[\w ]*(?:Partner|Leader|Manager|Officer|Lawyer|Adviser|Advisor|Lead)\s*:", regex.I
)
_COLON_HEADING = compiled(r"^(?P<title>\p{Lu}[\w ,/&()’'-]{1,60}?)\s*:(?:\s+(?P<rest>.*))?$")
# "The scrutiny panel is recommended to:" leads into a list; it is not a heading
_LEAD_IN = compiled(
    r"\b(?:recommended|asked|requested|agree)\b.*:$|\bto:$|^That\s+(?:the\s+)?\p{Lu}", regex.I
)
_APPENDICES_HEADING = compiled(r"^(?:APPENDICES|Appendices)\s*:?$")
_URL = compiled(r"(?i)\b(?:https?://|www\.)[^\s<>\"()]+[^\s<>\"().,;:]")
_APPENDIX = compiled(r"^Appendix\s+[A-Z0-9]{1,3}\b\s*[-–—:]?\s*(?P<title>.*)$", regex.I)
_BACKGROUND = compiled(r"background\s+(?:papers|documents)", regex.I)
_MOST_TITLE_WORDS = 12
_NONE_PAPERS = compiled(r"^(?:There\s+are\s+no\b|None\b|N/?A\b)", regex.I)


def parse(lines: list[Line], blocks: Sequence[Block] = ()) -> ReportDocument:
    header_end, preamble, fields = _read_header(lines, _heading_starts(blocks), _box_starts(blocks))
    metadata = build_metadata(preamble, fields)
    used_preamble = metadata.meeting.body is not None and preamble and _preamble_dated(preamble)
    leftovers = [] if used_preamble else list(preamble)
    if metadata.title is None and leftovers and fields:
        # no title label: the report's first line above its labels is its title
        metadata.title = leftovers.pop(0).text.strip()
    rest = lines[header_end:]
    recommendations: list[Recommendation] = []
    if rest and (match := _RECOMMENDATIONS.match(rest[0].text.strip())):
        rec_end = _first_section_start(rest, 1)
        label = rest[0].text.strip()[: match.start("rest")].strip()
        recommendations, lead_in = _recommendations(rest[0], match.group("rest"), rest[1:rec_end])
        if lead_in:
            metadata.extra[label.rstrip(": ")] = lead_in
        rest = rest[rec_end:]
    elif rest and RECOMMENDATION_LEAD_IN.match(rest[0].text.strip()):
        # "That Cabinet:" with no recommendations heading: the list right under it is the
        # recommendations; the lead-in, no field's value, stays in the unplaced text
        rec_end = _first_section_start(rest, 1)
        if rec_end > 1 and _item_marker(rest[1].text.strip()) is not None:
            recommendations, _ = _recommendations(rest[0], "", rest[1:rec_end])
            leftovers.append(rest[0])
            rest = rest[rec_end:]
    start = _first_section_start(rest, 0)
    cover_lines = rest[:start]
    if cover_lines and fields and blocks and start < len(rest):
        # a cover box between the header and the first section, its cells headed by bold or
        # underlined words with no colon ("Purpose", "Recommendations", "Reasons ...")
        found, cover_lines = _cover_cells(metadata, _blocks_between(blocks, rest[0], rest[start:]))
        recommendations = recommendations or found
    leftovers.extend(cover_lines)
    gap = line_gap(lines)
    sections = _sections(rest[start:], gap)
    if len(sections) < 2:
        # no numbered or colon-ended headings to read from the text: the headings are the
        # ones a reader sees by their type (bold, larger, underlined, a bold lead)
        tree, before = heading_tree(blocks_from(blocks, rest[0] if rest else None))
        if len(tree) > len(sections):
            sections = tree
            leftovers = [line for line in leftovers if line not in rest] + before
    if not recommendations:
        recommendations = _recommendations_from_sections(sections)
    if not recommendations:
        recommendations = _recommendations_after_lead_in(sections)
    _add_contacts(metadata, contact_blocks(rest[start:]))
    document = ReportDocument(
        metadata=metadata,
        recommendations=recommendations,
        sections=sections,
        implications=implications_from_sections(sections),
        background_papers=_background_papers(sections),
        appendices=_appendices(sections),
        links=_links(lines, metadata),
        unplaced_text=unplaced(sorted(leftovers, key=lambda ln: (ln.page, ln.top))),
    )
    return document


def header_block(lines: list[Line], blocks: Sequence[Block]) -> tuple[ReportMetadata, list[Block]]:
    """A document's header block of labelled facts, read as a report's is (empty when it
    prints none), and the blocks below it."""
    header_end, preamble, fields = _read_header(lines, _heading_starts(blocks), _box_starts(blocks))
    if not fields or header_end >= len(lines):
        return (build_metadata(preamble, fields) if fields else ReportMetadata()), list(blocks)
    return build_metadata(preamble, fields), blocks_from(blocks, lines[header_end])


def _blocks_between(blocks: Sequence[Block], first: Line, after: list[Line]) -> list[Block]:
    """The blocks from ``first`` up to the first of the ``after`` lines."""
    stop = (after[0].page, after[0].top) if after else None
    return [
        block
        for block in blocks_from(blocks, first)
        if stop is None or (block.page, block.lines[0].top) < stop
    ]


def _cover_cells(
    metadata: ReportMetadata, blocks: list[Block]
) -> tuple[list[Recommendation], list[Line]]:
    """Each headed cell of a cover box as a header pair (its heading the label, its text
    the value); the cell named recommendation(s) gives the recommendations. Returns them
    and the lines no cell holds."""
    cells, outside = heading_tree(blocks)
    if not cells:
        return [], [line for block in blocks for line in block.lines]
    for cell in cells:
        value = _tidy(" ".join(_cell_text(cell)))
        if value:
            metadata.fields.append(
                HeaderPair(label=cell.title, value=value, provenance=cell.provenance)
            )
            known = match_label(_probe(f"{cell.title}:"), None)
            if metadata.purpose is None and known is not None and known[0] == "purpose":
                metadata.purpose = value
    return _recommendations_from_sections(cells), outside


def _cell_text(section: Section) -> list[str]:
    """A cell's text: its paragraphs, then each heading under it with its own text (a
    cell with headings of its own, kept whole rather than cut at the first of them)."""
    texts = [t for p in section.paragraphs for t in [p.text, *p.bullets]]
    for subsection in section.subsections:
        texts += [subsection.title, *_cell_text(subsection)]
    return texts


def _probe(text: str) -> Line:
    return Line(text, 0.0, 0.0, 0.0, 0.0, 0)


def blocks_from(blocks: Sequence[Block], first: Line | None) -> list[Block]:
    """The blocks from the given line on: the report's body below its header block."""
    if first is None:
        return []
    start = (first.page, first.top)
    return [block for block in blocks if (block.page, block.lines[0].top) >= start]


# --- header ----------------------------------------------------------------------------


def _label_columns(line: Line) -> list[HeaderField]:
    if not line.has_geometry or len(line.spans) < 2:
        return []
    found = []
    for span in line.spans:
        probe = Line(span.text, span.x0, line.top, span.x1, line.bottom, line.page, (span,))
        known = match_label(probe, None)
        if not known or known[2]:
            return []
        field = HeaderField(known[0], known[1], "", line)
        field.column = span.x0
        found.append(field)
    return found


def _grid_label(line: Line, following: Line | None) -> tuple[HeaderField, bool] | None:
    """A label in the left column of a two-column header grid (a PDF), its value in the
    spans to its right; a label wrapped over two lines ("Cabinet member with lead" /
    "responsibility") takes the next line's label cell and values too."""
    if not line.has_geometry or len(line.spans) < 2:
        return None
    label_span, values = line.spans[0], list(line.spans[1:])
    probe = Line(label_span.text, label_span.x0, line.top, label_span.x1, line.bottom, line.page)
    next_probe = None
    if following is not None and following.spans and following.page == line.page:
        first = following.spans[0]
        if abs(first.x0 - label_span.x0) < 3 and first.x1 < values[0].x0:
            next_probe = Line(
                first.text, first.x0, following.top, first.x1, following.bottom, following.page
            )
    known = match_label(probe, next_probe)
    if known is None:
        # any other label cell ending in a colon ("Future Pathway of" / "report:")
        wrapped = next_probe is not None and not probe.text.rstrip().endswith(":")
        label_text = f"{probe.text} {next_probe.text}" if wrapped else probe.text
        if not label_text.rstrip().endswith(":") or len(label_text.split()) > 8:
            return None
        known = ("other", " ".join(label_text.rstrip(": ").split()), "", wrapped)
    if known[2]:
        return None
    key, label, _, uses_next = known
    field = HeaderField(key, label, "", line)
    field.grid = values[0].x0 - 4
    # Kent sets the colon apart from its label: "Electoral Division" | ": All"
    field.lines.extend(
        (span.text.lstrip(": ") if n == 0 else span.text, line) for n, span in enumerate(values)
    )
    if uses_next:
        field.lines.extend((span.text, following) for span in following.spans[1:])
    return field, uses_next


def _preamble_dated(preamble: list[Line]) -> bool:
    from .report_metadata import preamble_is_meeting

    return preamble_is_meeting(preamble)


def _heading_starts(blocks: Sequence[Block]) -> set[tuple[int, float, float]]:
    """Where each title-like heading the layout found begins: (page, top, x0) of its first
    line. An italic or long "heading" is as often a note in the header block (a record of
    decision's "For publication [...]") as a heading below it."""
    return {
        (block.page, block.lines[0].top, block.lines[0].x0)
        for block in blocks
        if block.kind is BlockKind.heading
        and len(block.text.split()) <= _MOST_TITLE_WORDS
        and not (block.style is not None and block.style.italic)
    }


def _box_starts(blocks: Sequence[Block]) -> set[tuple[int, float, float]]:
    """Where each block that opens a drawn box of its own begins: (page, top, x0)."""
    return {
        (block.page, block.lines[0].top, block.lines[0].x0) for block in blocks if block.own_box
    }


def _read_header(
    lines: list[Line],
    heading_starts: set[tuple[int, float, float]],
    box_starts: set[tuple[int, float, float]],
) -> tuple[int, list[Line], list[HeaderField]]:
    """Read labelled fields until the recommendations or the first section begin.

    A value ends where a heading the layout sees begins (set apart by its type, not a
    label), and at a drawn box's edge: a value never runs on into the text below the
    header block, nor into the next box. Returns where the header ends, the lines above
    the first label, and the fields.
    """
    margins = _page_margins(lines)
    preamble: list[Line] = []
    fields: list[HeaderField] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if _RECOMMENDATIONS.match(text) or (fields and RECOMMENDATION_LEAD_IN.match(text)):
            return i, preamble, fields
        heading = _section_start(lines, i, margins)
        # in the header block "Label:" lines are fields; a heading there must number on,
        # and a label the vocabulary knows is a field even when the sections follow it
        if (
            heading
            and (heading[0] or (i + 1 < len(lines) and _numbered_line(lines[i + 1])))
            and not (heading[0] is None and match_label(line, None))
        ):
            return i, preamble, fields
        if text == "Contents" and fields:
            return i, preamble, fields  # a contents page closes the header block
        if (
            fields
            and (line.page, line.top, line.x0) in heading_starts
            and not match_label(line, None)
            and not other_label(line)
        ):
            return i, preamble, fields
        if _UNLABELLED_CLASSIFICATION.match(text) and fields:
            # Kent's finance monitoring cover prints "Unrestricted" unlabelled under "To"
            fields.append(HeaderField("classification", "Classification", text, line))
            i += 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        in_new_box = (line.page, line.top, line.x0) in box_starts
        if fields and in_new_box and not match_label(line, None) and not other_label(line):
            # the value above ends at the box's edge: a bold lead labels the box's pair;
            # a box with no label at all is the text below the header block
            boxed = boxed_lead_label(line)
            if boxed:
                fields.append(HeaderField("other", boxed[0], boxed[1], line))
                i += 1
                continue
            if not _label_columns(line) and not _grid_label(line, following):
                return i, preamble, fields
        columns = _label_columns(line)
        if columns:
            # a row of labels side by side (a record of decision): values sit below each
            fields.extend(columns)
            i += 1
            continue
        if len(fields) >= 2 and fields[-2].column is not None and line.has_geometry:
            column = max(
                (f for f in fields[-2:] if f.column is not None and f.column <= line.x0 + 40),
                key=lambda f: f.column,
                default=fields[-1],
            )
            if text and not match_label(line, None) and not other_label(line):
                column.lines.append((text, line))
                i += 1
                continue
        grid = _grid_label(line, following)
        if grid:
            field, used_next = grid
            fields.append(field)
            i += 2 if used_next else 1
            continue
        if fields and fields[-1].grid and line.has_geometry and line.x0 > fields[-1].grid:
            # a value column's further lines, a cell a text
            fields[-1].lines.extend((span.text, line) for span in line.spans)
            i += 1
            continue
        known = match_label(line, following)
        if known:
            key, label, rest, uses_next = known
            fields.append(HeaderField(key, label, rest, line))
            i += 2 if uses_next else 1
            continue
        other = other_label(line)
        if other and not _SIGN_OFF_LABEL.match(text):
            fields.append(HeaderField("other", other[0], other[1], line))
        elif fields and _set_apart(fields[-1], line):
            return i, preamble, fields
        elif fields:
            fields[-1].lines.append((text, line))
        elif len(preamble) < 12:
            preamble.append(line)
        else:
            # no header block at all: the whole text is body
            return 0, [], []
        i += 1
    if not fields:
        return 0, [], []  # no labelled facts: the whole text is body
    return len(lines), preamble, fields


def _set_apart(field: HeaderField, line: Line) -> bool:
    """Whether the line is no more of the field's value: below a gap, in another style
    (italic for plain, another size) than the value's last line. A value printed on its
    label's line is not judged by the label's style."""
    if not field.lines or not line.has_geometry:
        return False
    last = field.lines[-1][1]
    if last is field.label_line or last.page != line.page:
        return False
    gap = line.top - last.bottom
    before, style = line_style(last), line_style(line)
    if before is None or style is None or gap <= max(last.height, line.height):
        return False
    return (before.italic, before.bold) != (style.italic, style.bold) or (
        abs(before.size - style.size) > 1
    )


# --- recommendations -------------------------------------------------------------------


def _recommendations(
    first: Line, first_rest: str, lines: list[Line]
) -> tuple[list[Recommendation], str]:
    """Numbered requests, each with its wrapped lines; an unnumbered request is one item.

    The first request's marker sets the list's level: an item marked otherwise ("(i)" under
    "2.", a bullet under "(a)") is a sub-part of the request above it, kept in its text."""
    items: list[tuple[str | None, list[str], Line]] = []
    top_style: tuple[str, str] | None = None
    lead: list[str] = [first_rest] if first_rest.strip() else []
    # a budget amendment's requests open "To replace Recommendation (d) ...", their bullets
    # part of the request
    amendments = any(_AMENDMENT_ITEM.match(line.text.strip()) for line in lines)
    for line in lines:
        text = line.text.strip()
        if amendments:
            if _AMENDMENT_ITEM.match(text):
                items.append((None, [text], line))
            elif items:
                items[-1][1].append(text)
            else:
                lead.append(text)
        elif (marker := _item_marker(text)) is not None:
            number, style, item_text = marker
            top_style = top_style or style
            if items and not _same_level(style, top_style, number, items[-1][0]):
                items[-1][1].append(text)
            else:
                items.append((number, [item_text], line))
        elif items:
            items[-1][1].append(text)
        else:
            lead.append(text)
    if not items:
        text = " ".join(lead)
        if not text.strip():
            return [], ""
        return [Recommendation(text=_tidy(text), provenance=provenance(first))], ""
    recommendations = [
        Recommendation(number=number, text=_tidy(" ".join(texts)), provenance=provenance(line))
        for number, texts, line in items
    ]
    return recommendations, _tidy(" ".join(lead))


def _item_marker(text: str) -> tuple[str | None, tuple[str, str], str] | None:
    """A list item's number (None for a bullet), its marker's style and its words.

    The style is what the number is written in ("digit", "letter", "roman", "bullet") and
    how it is punctuated ("1." against "1)" against "(1)")."""
    if match := _ITEM_NUMBER.match(text):
        number = match.group("number") or match.group("paren") or match.group("letter")
        punctuation = "()" if match.group("paren") else text[len(number)]
        if number.isdigit():
            written = "digit"
        elif _ROMAN_NUMBER.fullmatch(number):
            written = "roman"
        else:
            written = "letter"
        return number, (written, punctuation), match.group("text") or ""
    if match := _BULLET.match(text):
        return None, ("bullet", text[0]), match.group("text")
    return None


_ROMAN_NUMBER = compiled(r"[ivx]{1,4}", regex.I)


def _same_level(
    style: tuple[str, str], top_style: tuple[str, str], number: str | None, previous: str | None
) -> bool:
    """Whether an item marked in ``style`` is a request of the list or a sub-part; "(i)" is a
    request in a lettered list when it follows "(h)"."""
    if style == top_style:
        return True
    if style[0] == "roman" and top_style[0] == "letter" and style[1] == top_style[1]:
        return bool(
            number and previous and len(number) == 1 and ord(number) == ord(previous[-1]) + 1
        )
    return False


def _recommendations_from_sections(sections: list[Section]) -> list[Recommendation]:
    """Bristol prints "Officer Recommendations:" among its sections; a following heading
    ("Contractual:") whose paragraphs carry on the numbering holds more of them."""
    found: list[Recommendation] = []
    collecting = False
    for section in sections:
        numbers = [p.number for p in section.paragraphs]
        continues = (
            collecting
            and found
            and numbers
            and numbers[0] is not None
            and found[-1].number is not None
            and numbers[0].isdigit()
            and found[-1].number.isdigit()
            and int(numbers[0]) == int(found[-1].number) + 1
        )
        if _RECOMMENDATION_HEADING.match(section.title) or continues:
            collecting = True
            numbered = any(p.number for p in section.paragraphs)
            for paragraph in section.paragraphs:
                if paragraph.number is None and not found and numbered:
                    continue  # the lead-in ("That the Committee for ...")
                text = " ".join([paragraph.text, *paragraph.bullets])
                found.append(
                    Recommendation(
                        number=paragraph.number, text=text, provenance=paragraph.provenance
                    )
                )
        elif collecting:
            break
    return found


def _recommendations_after_lead_in(sections: list[Section]) -> list[Recommendation]:
    """A report with no recommendations heading may ask for its decisions inside a later
    section ("6.3 That Cabinet:", "The Committee is recommended to:"): the lettered or
    numbered points, or the bullets, under the first such lead-in. The section's own
    numbered paragraphs ("6.4") end them; the lead-in is none of them."""
    for section in _all_sections(sections):
        paragraphs = section.paragraphs
        for index, lead_in in enumerate(paragraphs):
            text = lead_in.text.strip()
            if not (RECOMMENDATION_LEAD_IN.match(text) or ASKED_LEAD_IN.search(text)):
                continue
            if lead_in.bullets:
                return [
                    Recommendation(text=b, provenance=lead_in.provenance) for b in lead_in.bullets
                ]
            found = []
            for point in paragraphs[index + 1 :]:
                if point.number is None or "." in point.number:
                    break
                text = " ".join([point.text, *point.bullets])
                found.append(
                    Recommendation(number=point.number, text=text, provenance=point.provenance)
                )
            if found:
                return found
    return []


def _all_sections(sections: list[Section]):
    for section in sections:
        yield section
        yield from _all_sections(section.subsections)


# --- sections --------------------------------------------------------------------------


def _next_numbered(lines: list[Line], i: int) -> str | None:
    for line in lines[i + 1 : i + 4]:
        text = line.text.strip()
        match = _SUB_NUMBER.match(text) or _ITEM_NUMBER.match(text)
        if match:
            return match.group("number") if "number" in match.groupdict() else None
    return None


def _section_start(
    lines: list[Line], i: int, margins: dict[int, float]
) -> tuple[str | None, str, str | None] | None:
    """A heading at line i: its number, title, and text following the title on the line
    (``margins``: the lines' page margins, see _page_margins)."""
    text = lines[i].text.strip()
    if match := _DECIMAL_HEADING.match(text):
        return match.group("number"), match.group("title"), None
    if (match := _PIPE_HEADING.match(text)) and not _CONTENTS_ENTRY.search(text):
        return match.group("number"), match.group("title"), None
    if (match := _NUMBERED_HEADING.match(text)) and _short_title(match.group("title")):
        after = _next_numbered(lines, i)
        if after and after.startswith(match.group("number") + "."):
            return match.group("number"), match.group("title"), None
        if _continues_headings(lines, i, match.group("number")):
            # "7. Recommendation(s)" after "6. Equalities" (whose paragraphs ran 6.1 ...):
            # a heading whose own text is a list or a block, not numbered paragraphs
            return match.group("number"), match.group("title"), None
    if _APPENDICES_HEADING.match(text):
        return None, text.rstrip(":"), None
    if APPENDIX_TITLE.match(text) and (i == 0 or lines[i - 1].page != lines[i].page):
        # an appendix the report carries opens its page with its title: a section of its own
        return None, text, None
    if _is_bullet(lines[i]) or _ITEM_NUMBER.match(text) or _SUB_NUMBER.match(text):
        return None
    # each way of leading in ends on a colon or opens with "That": tested before the pattern,
    # which is asked of most lines
    if (text.endswith(":") or text[:4].lower() == "that") and _LEAD_IN.search(text):
        return None
    if not _follows_break(lines, i, margins):
        return None
    if (match := _COLON_HEADING.match(text)) and not _SIGN_OFF_LABEL.match(text):
        rest = match.group("rest")
        if len(match.group("title").split()) <= 5 and (
            not rest or _RECOMMENDATION_HEADING.match(text) or _BACKGROUND.search(text)
        ):
            return None, match.group("title"), rest
        if rest and i + 1 < len(lines) and _numbered_line(lines[i + 1]):
            return None, match.group("title"), rest
        if rest and len(match.group("title").split()) <= 3:
            return None, match.group("title"), rest
    if _short_title(text) and text[:1].isupper() and i + 1 < len(lines):
        following = lines[i + 1].text.strip()
        if (
            (match_item := _ITEM_NUMBER.match(following))
            and match_item.group("number")
            and _left_aligned(lines[i], lines[i + 1])
        ):
            return None, text, None
    return None


def _continues_headings(lines: list[Line], i: int, number: str) -> bool:
    """Whether the nearest numbered heading above line i is number - 1, a heading proper
    (its paragraphs numbered under it)."""
    if not number.isdigit() or int(number) < 2:
        return False
    wanted = str(int(number) - 1)
    for j in range(i - 1, max(-1, i - 300), -1):
        match = _NUMBERED_HEADING.match(lines[j].text.strip())
        if match and _short_title(match.group("title")):
            after = _next_numbered(lines, j)
            if match.group("number") == wanted:
                return bool(after and after.startswith(wanted + ".")) or _continues_headings(
                    lines, j, wanted
                )
    return False


def _page_margins(lines: list[Line]) -> dict[int, float]:
    """Each page's left margin among these lines: where the leftmost of them starts."""
    margins: dict[int, float] = {}
    for line in lines:
        margins[line.page] = min(margins.get(line.page, line.x0), line.x0)
    return margins


def _follows_break(lines: list[Line], i: int, margins: dict[int, float]) -> bool:
    """A heading starts after a finished sentence, a gap or a page break, never mid-paragraph
    (``margins``: the lines' page margins)."""
    if i == 0:
        return True
    previous, line = lines[i - 1], lines[i]
    if line.has_geometry and line.x0 > margins.get(line.page, 0.0) + 8:
        return False  # indented: a paragraph's own line
    if previous.page != line.page or previous.text.rstrip().endswith((".", ":", ";", "?")):
        return True
    step = line.top - previous.top
    return step > 1 if not line.has_geometry else step > (line.bottom - line.top) * 2.2


def _first_section_start(lines: list[Line], begin: int) -> int:
    margins = _page_margins(lines)
    for i in range(begin, len(lines)):
        if _section_start(lines, i, margins):
            return i
    return len(lines)


def _short_title(text: str) -> bool:
    return len(text.split()) <= 9 and not text.rstrip().endswith((".", ",", ";")) and len(text) < 90


def _left_aligned(heading: Line, following: Line) -> bool:
    if not heading.has_geometry:
        return heading.x0 <= following.x0 + 1
    return heading.x0 <= following.x0 + 2


def _numbered_line(line: Line) -> bool:
    text = line.text.strip()
    return bool(_SUB_NUMBER.match(text) or _ITEM_NUMBER.match(text))


def _is_bullet(line: Line) -> bool:
    text = line.text.strip()
    if _BULLET.match(text):
        return True
    # a text export keeps one leading space where a bullet glyph was lost
    return (
        not line.has_geometry
        and line.x0 in (1.0, 2.0)
        and bool(_OPENS_A_SENTENCE.match(text))
        and not _numbered_line(line)
    )


_OPENS_A_SENTENCE = compiled(r"[\p{Lu}\d£‘'\"]")


def _bullet_text(line: Line) -> str:
    text = line.text.strip()
    match = _BULLET.match(text)
    return match.group("text") if match else text


class _ParagraphBuilder:
    def __init__(self, number: str | None, text: str, line: Line) -> None:
        self.number = number
        self.texts = [text] if text else []
        self.bullets: list[list[str]] = []
        self.line = line
        self.last = line

    def build(self) -> Paragraph:
        return Paragraph(
            number=self.number,
            text=_tidy(" ".join(self.texts)),
            bullets=[_tidy(" ".join(b)) for b in self.bullets],
            provenance=provenance(self.line),
        )


def _sections(lines: list[Line], gap: float) -> list[Section]:
    margins = _page_margins(lines)
    sections: list[Section] = []
    current: Section | None = None
    paragraph: _ParagraphBuilder | None = None

    def close_paragraph() -> None:
        nonlocal paragraph
        if paragraph is not None and current is not None:
            built = paragraph.build()
            if built.text or built.bullets:
                current.paragraphs.append(built)
        paragraph = None

    for i, line in enumerate(lines):
        text = line.text.strip()
        heading = _section_start(lines, i, margins)
        if heading and heading[0] is None and current and is_contact_heading(current.title):
            # "Report Author:" / "Relevant Director:" label the contact block (read by
            # .contacts); they are its text, not sections of their own
            heading = None
        if heading and current and _same_appendix(heading[1], current.title):
            heading = None  # the appendix's title again atop its next page: its running head
        if heading:
            close_paragraph()
            number, title, rest = heading
            current = Section(number=number, title=_tidy(title), provenance=provenance(line))
            sections.append(current)
            if rest:
                paragraph = _ParagraphBuilder(None, rest, line)
            continue
        if current is None:  # cannot happen: callers start at a heading
            current = Section(title="", provenance=provenance(line))
            sections.append(current)
        sub = _SUB_NUMBER.match(text)
        item = _ITEM_NUMBER.match(text) if not sub else None
        if sub or (item and (item.group("number") or not (paragraph and paragraph.bullets))):
            match = sub or item
            number = match.group("number") or match.groupdict().get("paren")
            number = number or match.groupdict().get("letter")
            close_paragraph()
            paragraph = _ParagraphBuilder(number, match.group("text") or "", line)
        elif _is_bullet(line) and not _runs_on(paragraph, line):
            if paragraph is None:
                paragraph = _ParagraphBuilder(None, "", line)
            paragraph.bullets.append([_bullet_text(line)])
        elif paragraph is None or _new_block(paragraph, line, gap):
            close_paragraph()
            paragraph = _ParagraphBuilder(None, text, line)
        elif paragraph.bullets:
            paragraph.bullets[-1].append(text)
        else:
            paragraph.texts.append(text)
        if paragraph is not None:
            paragraph.last = line
    close_paragraph()
    return sections


def _same_appendix(title: str, open_title: str) -> bool:
    """Whether a heading names the appendix already open ("APPENDIX F: ... - SAVINGS"
    within "APPENDIX F: ... - SPENDING")."""
    label, open_label = APPENDIX_TITLE.match(title), APPENDIX_TITLE.match(open_title)
    return bool(label and open_label) and label.group().upper() == open_label.group().upper()


def _runs_on(paragraph: _ParagraphBuilder | None, line: Line) -> bool:
    """A page-start line of a text export (one leading space) that carries a sentence on."""
    if line.has_geometry or paragraph is None or _BULLET.match(line.text.strip()):
        return False
    last = paragraph.bullets[-1][-1] if paragraph.bullets else (paragraph.texts or [""])[-1]
    return (
        bool(last)
        and not last.rstrip().endswith((".", ":", ";"))
        and line.page != (paragraph.last.page)
    )


def _new_block(paragraph: _ParagraphBuilder, line: Line, gap: float) -> bool:
    """An unnumbered paragraph starts after a gap, once the last one finished its sentence."""
    previous = paragraph.last
    if line.page != previous.page:
        return False
    wide = (line.top - previous.top) > (1 if not line.has_geometry else gap * 1.45)
    last = paragraph.bullets[-1][-1] if paragraph.bullets else (paragraph.texts or [""])[-1]
    return wide and last.rstrip().endswith((".", ":", ";")) and line.text[:1].isupper()


# --- lists -----------------------------------------------------------------------------


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _background_papers(sections: list[Section]) -> list[str]:
    papers = []
    for section in sections:
        if not _BACKGROUND.search(section.title):
            continue
        for paragraph in section.paragraphs:
            for text in [paragraph.text, *paragraph.bullets]:
                if text and not _NONE_PAPERS.match(text):
                    papers.append(text)
    return papers


_APPENDICES_TITLE = compiled(r"appendi|background", regex.I)
_BEFORE_APPENDIX = compiled(r"(?=\bAppendix\s+[A-Z0-9]{1,3}\b\s*[-–—:])")


def _appendices(sections: list[Section]) -> list[str]:
    titles: list[str] = []
    for section in sections:
        if not _APPENDICES_TITLE.search(section.title):
            continue
        for paragraph in section.paragraphs:
            for text in [paragraph.text, *paragraph.bullets]:
                for part in _BEFORE_APPENDIX.split(text):
                    if _APPENDIX.match(part.strip()) and part.strip() not in titles:
                        titles.append(part.strip())
    return titles


def _add_contacts(metadata, blocks) -> None:
    """The closing contact block names the report's author and its director; the header's
    own fields, where it has them, come first."""
    for label, contact in blocks:
        if DIRECTOR_LABEL.search(label):
            if metadata.accountable_director is None:
                metadata.accountable_director = NamedRole(name=contact.name, role=contact.role)
        elif all(c.name != contact.name for c in metadata.accountable_employees):
            metadata.accountable_employees.append(contact)


# a URL running to the end of its line, and the next line's first word
_URL_AT_END = compiled(r"(?i)(?P<open>\()?(?:https?://|www\.)[^\s<>\"()]+$")
_URL_CONTINUATION = compiled(r"^[\w%/.~:?#=&+-]+(?P<close>\))?[.,;:]?$")


def _join_wrapped_urls(lines: list[Line]) -> str:
    """The lines' text, a URL printed over two lines joined again: the first line ends
    mid-URL (an unfinished "%2" escape or a "/", "=", "?" ..., or inside brackets the next
    line closes) and the next opens with URL characters, with no space between."""
    texts = [line.text.strip() for line in lines]
    joined: list[str] = []
    for n, text in enumerate(texts):
        if n and joined and _url_wraps(joined[-1], text):
            joined[-1] += text
        else:
            joined.append(text)
    return clean(" ".join(joined))


def _url_wraps(text: str, following: str) -> bool:
    url = _URL_AT_END.search(text) if ("http" in text or "www." in text) else None
    if url is None or not following:
        return False
    word = following.split()[0]
    continuation = _URL_CONTINUATION.match(word)
    if continuation is None:
        return False
    cut = _URL_CUT_OFF.search(url.group())
    closes = bool(url.group("open")) and bool(continuation.group("close"))
    return bool(cut) or closes


_URL_CUT_OFF = compiled(r"%[0-9A-Fa-f]?$|[/=?&#~_%+]$")


def _links(lines: list[Line], metadata) -> list[str]:
    """URLs and e-mail addresses in the report; an address the header block reassembled
    from a wrapped cell replaces the cut-off copy the lines give ("...gov.u" / "k")."""
    whole = [c.email for c in metadata.accountable_employees if c.email]
    found: list[str] = []
    text = _join_wrapped_urls(lines)
    urls = _URL.finditer(text) if ("http" in text or "www." in text) else ()
    # an address is sought only in the words around an "@": a scan of the whole text for
    # one is the slowest step of a report
    words = (w for w in text.split() if "@" in w)
    for match in [*urls, *(m for w in words for m in EMAIL.finditer(w))]:
        value = match.group().rstrip(".")
        value = next((w for w in whole if w.startswith(value) and w != value), value)
        if value not in found:
            found.append(value)
    return found
