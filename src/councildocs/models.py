"""The councildocs data contract: pydantic models for a parsed agenda pack.

This module imports nothing else from councildocs but :mod:`councildocs.contract` (the
schema version and the enums, which start-up needs without pydantic), so that saved JSON
can be loaded, validated and checked by rules without the parsing machinery.

Versioning follows docling-core: ``Pack.schema_name`` names the contract and
``Pack.version`` is semver: a minor bump adds fields, a major bump breaks them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
)

from .contract import SCHEMA_NAME, SCHEMA_VERSION, BoundarySignal, Severity
from .contract import DocumentKind as DocumentKind  # re-exported: part of the contract


class Model(BaseModel):
    """Base for every model: unknown keys are errors, so a typo in saved JSON is caught."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


# --- shared pieces ---------------------------------------------------------------------


class PageSpan(Model):
    """An inclusive range of pack page numbers (as the pack prints them)."""

    start: int
    end: int


def _is_false(value: bool) -> bool:
    return not value


class Provenance(Model):
    """Where an item was found: the physical PDF page (1-based) and, for PDFs, its box.

    ``bbox`` is ``(x0, top, x1, bottom)`` in PDF points measured from the page's top-left.
    ``ocr`` is true where the page was read by OCR (see ``Source.ocr_pages``); it is left
    out of the JSON where false, so packs read from text layers print as they always have.
    """

    page: int
    bbox: tuple[float, float, float, float] | None = None
    ocr: bool = Field(
        False,
        description="The page was read by OCR, not from a text layer",
        exclude_if=_is_false,  # a field test, not a model serializer: a third of the time
    )


class UnplacedText(Model):
    """Text a parser read but could not place in a field: kept, never dropped."""

    page: int | None = None
    text: str


# --- source and meeting ----------------------------------------------------------------


class OutlineEntry(Model):
    """A PDF bookmark."""

    title: str
    page: int | None = None
    level: int = 0


class OcrPage(Model):
    """A page read by OCR, and how sure the engine was of its words."""

    page: int = Field(description="Physical page (1-based)")
    confidence: float = Field(ge=0, le=100, description="Mean word confidence, 0-100")


class Source(Model):
    """The file a pack was parsed from, and what its container says about itself."""

    path: str
    sha256: str
    page_count: int
    format: Literal["pdf", "text"]
    title: str | None = Field(None, description="Title from the PDF document information")
    language: str | None = Field(None, description="Language from the PDF catalog (/Lang)")
    tagged: bool | None = Field(None, description="Whether the PDF has a structure tree")
    pages_without_text: list[int] = Field(
        default_factory=list, description="Physical pages (1-based) that have no text layer"
    )
    ocr_pages: list[OcrPage] = Field(
        default_factory=list, description="Pages read by OCR, with their mean word confidence"
    )
    outline: list[OutlineEntry] = Field(default_factory=list)
    unreadable_pages: list[int] = Field(
        default_factory=list,
        description="Physical pages (1-based) the PDF library could not load (a damaged or "
        "truncated file); the other pages were read",
    )
    pages_with_drawings_cut: list[int] = Field(
        default_factory=list,
        description="Physical pages that draw more paths than are read (10,000); ruling "
        "lines past them are not seen",
    )


class Meeting(Model):
    council: str | None = None
    body: str | None = None
    date: dt.date | None = None
    time: str | None = None
    venue: str | None = None


class Presenter(Model):
    name: str
    role: str | None = None


class AgendaItem(Model):
    number: str | None = Field(
        description="As printed; null for an unnumbered item that is business of its own "
        '("Call to Order", "Adjournment")'
    )
    title: str
    pages: PageSpan | None = None
    presenter: Presenter | None = None
    part: Literal[1, 2] = 1
    decision_number: str | None = Field(None, description='e.g. "24/00108"')
    notes: list[str] = Field(default_factory=list, description="Other lines printed with the item")
    provenance: Provenance | None = None


class Agenda(Model):
    items: list[AgendaItem] = Field(default_factory=list)


# --- tables ----------------------------------------------------------------------------


class TableQuality(Model):
    score: float = Field(ge=0, le=1)
    reasons: list[str] = Field(default_factory=list)


class CellSpan(Model):
    """A cell that covers more than one row or column, recorded once at its top-left."""

    row: int
    column: int
    row_span: int = 1
    column_span: int = 1


class PeriodChange(Model):
    from_period: str
    to_period: str
    absolute: float | None = None
    percent: float | None = None


class StatisticsRecord(Model):
    category: str
    values: dict[str, float | None]
    raw: dict[str, str] = Field(default_factory=dict, description="Each value as printed")
    units: dict[str, str | None] = Field(default_factory=dict)
    change: list[PeriodChange] = Field(default_factory=list)
    comment: str | None = None
    footnote_marks: list[str] = Field(default_factory=list)


class Statistics(Model):
    periods: list[str]
    records: list[StatisticsRecord] = Field(default_factory=list)


class Table(Model):
    page: int = Field(description="Physical page (1-based) where the table starts")
    pages: list[int] = Field(default_factory=list)
    caption: str | None = None
    header: list[str] = Field(default_factory=list)
    rows: list[list[str]] = Field(default_factory=list)
    spans: list[CellSpan] = Field(default_factory=list)
    footnotes: list[str] = Field(default_factory=list)
    method: Literal["ruled", "aligned", "text"] = "ruled"
    quality: TableQuality = Field(default_factory=lambda: TableQuality(score=1.0))
    statistics: Statistics | None = None
    bbox: tuple[float, float, float, float] | None = None


# --- minutes ---------------------------------------------------------------------------


class Person(Model):
    name: str
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None
    party: str | None = None
    post_nominals: list[str] = Field(
        default_factory=list, description='Letters printed after the name, e.g. ["OBE"]'
    )
    attended_virtually: bool = False


class Attendance(Model):
    members: list[Person] = Field(default_factory=list)
    substitutes: list[Person] = Field(default_factory=list)
    in_attendance: list[Person] = Field(default_factory=list)
    apologies: list[Person] = Field(default_factory=list)
    absent: list[Person] = Field(default_factory=list)


class Declaration(Model):
    member: str
    item: str | None = None
    interest: str
    kind: Literal["pecuniary", "other", "non-registrable"] | None = None


class Votes(Model):
    for_: int | None = Field(None, alias="for")
    against: int | None = None
    abstained: int | None = None
    unanimous: bool = Field(
        False, description='The minutes record the decision as unanimous ("CARRIED unanimously")'
    )
    mover: str | None = Field(
        None, description='Who proposed the motion ("Proposed by Cllr A, seconded by Cllr B")'
    )
    seconder: str | None = Field(None, description="Who seconded the motion")


class ResolutionPart(Model):
    """One lettered or numbered part of a resolution ("(a) Adopt the plan ...")."""

    label: str
    text: str


class Resolution(Model):
    number: str | None = None
    text: str = Field(description="The whole decision as printed, its parts included")
    parts: list[ResolutionPart] = Field(
        default_factory=list, description="The sub-list of the decision, where it has one"
    )
    votes: Votes | None = None
    outcome: Literal["carried", "lost", "fell"] | None = Field(
        None,
        description="The vote's outcome where the minutes print one; a motion that fell (for "
        "want of a seconder) was never voted on",
    )
    provenance: Provenance | None = None


class Action(Model):
    owner: str | None = None
    text: str
    provenance: Provenance | None = None


class MinuteItem(Model):
    number: str | None = None
    agenda_item: str | None = None
    title: str
    text: str = ""
    resolutions: list[Resolution] = Field(default_factory=list)
    procedural_votes: list[Resolution] = Field(
        default_factory=list,
        description="Votes on the conduct of the meeting (closure, extending the meeting, "
        "adjourning, suspending standing orders) and on amendments: steps on the way, not "
        "decisions on the item",
    )
    actions: list[Action] = Field(default_factory=list)
    provenance: Provenance | None = None


# --- reports ---------------------------------------------------------------------------


class NamedRole(Model):
    name: str
    role: str | None = None


class CabinetMember(Model):
    name: str
    portfolio: str | None = None


class Contact(Model):
    name: str
    role: str | None = None
    tel: str | None = None
    email: str | None = None


class Consideration(Model):
    body: str
    date: dt.date | None = None


class KeyDecision(Model):
    value: bool | None = None
    text: str


class MeetingRef(Model):
    body: str | None = None
    date: dt.date | None = None


class HeaderPair(Model):
    """One label and its value as the header block prints them: the label without its
    colon, the value with its wrapped lines joined."""

    label: str
    value: str
    provenance: Provenance | None = None


class ReportMetadata(Model):
    fields: list[HeaderPair] = Field(
        default_factory=list,
        description="Every label/value pair of the header block, as printed, in reading order",
    )
    title: str | None = None
    meeting: MeetingRef = Field(default_factory=MeetingRef)
    cabinet_member: CabinetMember | None = None
    cabinet_members: list[CabinetMember] = Field(default_factory=list)
    wards_affected: list[str] = Field(default_factory=list)
    accountable_director: NamedRole | None = None
    originating_service: str | None = None
    accountable_employees: list[Contact] = Field(default_factory=list)
    considered_by: list[Consideration] = Field(default_factory=list)
    key_decision: KeyDecision | None = None
    decision_number: str | None = None
    classification: str | None = None
    exempt: bool | None = None
    purpose: str | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class Recommendation(Model):
    number: str | None = None
    text: str
    provenance: Provenance | None = None


class Paragraph(Model):
    number: str | None = None
    text: str
    bullets: list[str] = Field(default_factory=list)
    provenance: Provenance | None = None


class Section(Model):
    number: str | None = None
    title: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    subsections: list[Section] = Field(
        default_factory=list, description="The headings ranked below this one, each with its text"
    )
    provenance: Provenance | None = None


class ImplicationKind(StrEnum):
    financial = "financial"
    legal = "legal"
    equalities = "equalities"
    environmental = "environmental"
    human_resources = "human_resources"
    corporate_landlord = "corporate_landlord"
    health_and_wellbeing = "health_and_wellbeing"
    risk = "risk"
    procurement = "procurement"
    data_protection = "data_protection"
    other = "other"


class SignOff(Model):
    """An implication's sign-off code, e.g. ``[SB/18052018/X]``."""

    reference: str
    initials: str | None = None
    date: dt.date | None = None
    code: str | None = None


class Implication(Model):
    kind: ImplicationKind
    title: str | None = None
    text: str
    none_stated: bool = False
    sign_off: SignOff | None = None
    provenance: Provenance | None = None


# --- work programmes -------------------------------------------------------------------


class ProgrammeItem(Model):
    title: str
    lead: str | None = None
    questions: str | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class ProgrammeMeeting(Model):
    date: dt.date | None = None
    date_text: str
    items: list[ProgrammeItem] = Field(default_factory=list)


# --- documents -------------------------------------------------------------------------


class Boundary(Model):
    """Why a document starts where it does, so that a wrong split can be explained."""

    signals: list[BoundarySignal] = Field(
        default_factory=list, description="Every signal that put a document start here"
    )


class DocumentBase(Model):
    title: str | None = None
    pages: PageSpan | None = Field(None, description="Pack page numbers, as printed")
    physical_pages: PageSpan | None = Field(
        None,
        description="1-based page indexes in the file; for a text export, the pages its "
        "reader inferred",
    )
    agenda_item: str | None = None
    boundary: Boundary = Field(default_factory=Boundary)
    tables: list[Table] = Field(default_factory=list)
    unplaced_text: list[UnplacedText] = Field(default_factory=list)


class AgendaDocument(DocumentBase):
    kind: Literal["agenda"] = "agenda"


class MinutesDocument(DocumentBase):
    kind: Literal["minutes"] = "minutes"
    body: str | None = None
    date: dt.date | None = None
    time: str | None = None
    venue: str | None = None
    attendance: Attendance = Field(default_factory=Attendance)
    public_attendance: int | None = Field(
        None, description='How many members of the public attended ("3 members of the public")'
    )
    declarations: list[Declaration] = Field(default_factory=list)
    declarations_stated: bool = False
    items: list[MinuteItem] = Field(default_factory=list)


class ReportDocument(DocumentBase):
    kind: Literal["report"] = "report"
    metadata: ReportMetadata = Field(default_factory=ReportMetadata)
    recommendations: list[Recommendation] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    implications: list[Implication] = Field(default_factory=list)
    background_papers: list[str] = Field(default_factory=list)
    appendices: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)


class WorkProgrammeDocument(DocumentBase):
    kind: Literal["work_programme"] = "work_programme"
    cabinet_member: str | None = None
    header: dict[str, str] = Field(default_factory=dict)
    meetings: list[ProgrammeMeeting] = Field(default_factory=list)


class OtherDocument(DocumentBase):
    """A document of no kind parsed further (a form, a notice, a policy, an appendix): its
    text whole, and what any document shows a reader without knowing its kind."""

    kind: Literal["other"] = "other"
    text: str = ""
    metadata: ReportMetadata = Field(
        default_factory=ReportMetadata,
        description="The label/value pairs a form prints at its head (a record of decision's "
        "decision number, decision maker, key decision), read as a report's header is; "
        "empty when it prints none",
    )
    sections: list[Section] = Field(
        default_factory=list,
        description="The heading tree a reader sees, as a report's sections: top-level "
        "headings with their text and sub-sections",
    )


Document = Annotated[
    AgendaDocument | MinutesDocument | ReportDocument | WorkProgrammeDocument | OtherDocument,
    Field(discriminator="kind"),
]


# --- the root --------------------------------------------------------------------------


class Pack(Model):
    """One parsed file: an agenda pack, or a single document published alone."""

    schema_name: Literal["councildocs.Pack"] = SCHEMA_NAME
    version: str = SCHEMA_VERSION
    source: Source
    meeting: Meeting = Field(default_factory=Meeting)
    agenda: Agenda = Field(default_factory=Agenda)
    documents: list[Document] = Field(default_factory=list)

    @field_validator("version")
    @classmethod
    def _same_major_version(cls, value: str) -> str:
        major = value.split(".", 1)[0]
        if major != SCHEMA_VERSION.split(".", 1)[0]:
            raise ValueError(
                f"pack JSON has schema version {value}; this councildocs reads {SCHEMA_VERSION}"
            )
        return value


# --- validation findings ---------------------------------------------------------------


class Finding(Model):
    code: str
    name: str
    severity: Severity
    message: str
    path: str | None = Field(None, description="The file the finding is about")
    document: int | None = Field(
        None, description="The document's number: 1 for the first of Pack.documents"
    )
    document_title: str | None = None
    page: int | None = Field(None, description="Pack page number where known, else physical")
    printed_page: int | None = Field(
        None, description="The page number the pack prints on that page, where it prints one"
    )
    physical_page: int | None = Field(
        None, description="The page's place in the file (1-based), as a PDF viewer counts"
    )
    line: int | None = Field(
        None, description="For a text export, the line of the file (1-based) the quote starts on"
    )
    quote: str | None = None
    fingerprint: str | None = Field(
        None,
        description="Stable across runs: the file's name, code, document, message and quote "
        "hashed; what a baseline file lists",
    )


def build_validators() -> None:
    """Build every model's validator and serializer now instead of at its first use.

    Each is built when first used (``defer_build``), so that a script or a command that
    reads saved JSON pays for the models it touches alone. A parse builds them all first:
    in the order they are defined, parts before wholes, that costs less than the ones a
    parse uses built as it meets them (25 ms against 40 for a long pack, 31 against 41 for
    a 40-page one), and a long parse that forks a helper process for its documents (see
    ``councildocs.parallel``) builds them once, not once in each process.
    """
    # globals() holds them in the order they are defined
    for value in list(globals().values()):
        if isinstance(value, type) and issubclass(value, Model):
            value.model_rebuild()  # nothing where it is built already
