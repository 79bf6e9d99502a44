"""The parts of the data contract that need no pydantic: its name, its version, its enums.

``models`` builds the pydantic classes on these. They live apart because the cache key
(the schema version), the command-line choices (severities) and the rule registry
(document kinds) are needed at start-up, and building the models costs about a tenth of
a second that a run answered from the cache, ``--version`` or ``--help`` never needs.
"""

from __future__ import annotations

from enum import StrEnum

SCHEMA_NAME = "councildocs.Pack"
SCHEMA_VERSION = "1.4.0"


class DocumentKind(StrEnum):
    agenda = "agenda"
    minutes = "minutes"
    work_programme = "work_programme"
    report = "report"
    other = "other"


class BoundarySignal(StrEnum):
    """What showed that a document starts where it does; a boundary may have several."""

    file_start = "file_start"  # the file's first page or line
    front_matter = "front_matter"  # the first page after the agenda or covering letter
    agenda_reference = "agenda_reference"  # the agenda's "(Pages 11 - 16)" names this page
    stamp = "stamp"  # an "Agenda Item N" stamp on the page
    bookmark = "bookmark"  # a PDF bookmark points at the page
    appendix_title = "appendix_title"  # the page opens with "Appendix B", "Annex 1"
    title_style = "title_style"  # a heading in a document-title style tops the page
    signature = "signature"  # the first lines' wording: a minutes title, report labels


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
