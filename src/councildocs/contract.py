"""The parts of the data contract that need no pydantic: its name, its version, its enums.

``models`` builds the pydantic classes on these. They live apart because the cache key
(the schema version), the command-line choices (severities) and the rule registry
(document kinds) are needed at start-up, and building the models costs about a tenth of
a second that a run answered from the cache, ``--version`` or ``--help`` never needs.
"""

from __future__ import annotations

from enum import StrEnum

SCHEMA_NAME = "councildocs.Pack"
SCHEMA_VERSION = "1.0.0"


class DocumentKind(StrEnum):
    agenda = "agenda"
    minutes = "minutes"
    work_programme = "work_programme"
    report = "report"
    other = "other"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
