"""The exceptions councildocs raises; the CLI turns each into one line and exit code 2.

Every one is a :class:`CouncilDocsError`, so ``except councildocs.CouncilDocsError`` in a
script catches whatever a user must fix, as the CLI does.
"""

from __future__ import annotations


class CouncilDocsError(Exception):
    """Base class: something about an input (a file, an option) that a user must fix.

    ``path`` names the input (a file, or the reference given), ``problem`` says what is wrong.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnreadableInput(CouncilDocsError):
    """The file is missing, empty, not a PDF or text, corrupt, or encrypted."""


class UnwritableOutput(CouncilDocsError):
    """An output cannot be written: its folder is missing, read-only or a file, the disk is
    full, or the path is a device, FIFO or symlink that a plain file must not replace."""


class NoTextLayer(CouncilDocsError):
    """The PDF has pages but no text on any of them: it needs OCR first."""


class OcrUnavailable(CouncilDocsError):
    """Pages need OCR but Tesseract, its Python binding or a language's data is missing."""


class UnknownRule(CouncilDocsError, ValueError):
    """A rule reference (code, prefix, name or group) that matches no rule."""

    def __init__(self, reference: str, problem: str) -> None:
        super().__init__(reference, problem)
