"""The exceptions councildocs raises; the CLI turns each into one line and exit code 2."""

from __future__ import annotations


class CouncilDocsError(Exception):
    """Base class: something about an input file that a user must fix."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnreadableInput(CouncilDocsError):
    """The file is missing, empty, not a PDF or text, corrupt, or encrypted."""


class NoTextLayer(CouncilDocsError):
    """The PDF has pages but no text on any of them: it needs OCR first."""
