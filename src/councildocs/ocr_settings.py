"""When to read PDF pages by OCR, and in which languages: the settings alone.

They live apart from the engine (:mod:`councildocs.extract.ocr`) for the reason the
contract does: the command line, the batch and the cache key need them at start-up, and a
run answered from the cache must not load the extractors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OCR_MODES = ("auto", "always", "never")
DEFAULT_LANGUAGES = "eng"

INSTALL_ENGINE = "apt-get install tesseract-ocr (Debian/Ubuntu) or brew install tesseract (macOS)"
INSTALL_BINDING = f"pip install 'councildocs[ocr]' (and the engine: {INSTALL_ENGINE})"

LANGUAGES_PATTERN = re.compile(r"^[A-Za-z_]+(?:\+[A-Za-z_]+)*$")


@dataclass(frozen=True)
class OcrSettings:
    """When to OCR and in which languages.

    ``mode``: ``auto`` OCRs pages with no text layer (when Tesseract is installed);
    ``always`` every page, which rescues a text layer of garbage (a font without a
    ToUnicode map gives private-use code points) and fails without Tesseract; ``never``
    none. ``languages``: Tesseract's language codes joined by ``+`` ("eng+cym" for Welsh
    papers). ``jobs``: Tesseract processes at once (default: the number of cores).
    ``progress``: a bar on stderr while pages are read, when it is a terminal.
    """

    mode: str = "auto"
    languages: str = DEFAULT_LANGUAGES
    jobs: int | None = None
    progress: bool = False

    def __post_init__(self) -> None:
        if self.mode not in OCR_MODES:
            raise ValueError(f"OCR mode {self.mode!r} is not one of {', '.join(OCR_MODES)}")
        if not LANGUAGES_PATTERN.match(self.languages):
            raise ValueError(
                f"OCR languages {self.languages!r} are not Tesseract codes joined by '+' "
                "(e.g. eng+cym)"
            )

    @property
    def cache_key(self) -> str:
        """What, besides the file, decides the result: empty for the defaults, so the
        cache's entries for a default run keep their names. (``jobs`` and ``progress``
        change how fast, not what.)"""
        if (self.mode, self.languages) == ("auto", DEFAULT_LANGUAGES):
            return ""
        return f"ocr-{self.mode}-{self.languages}"
