"""--ocr and --ocr-lang: the same two options, and the same settings, wherever a command
reads PDFs (parse, validate, export)."""

from __future__ import annotations

from collections.abc import Callable

import click

from ..ocr_settings import DEFAULT_LANGUAGES, LANGUAGES_PATTERN, OCR_MODES, OcrSettings


def _checked_languages(value: str) -> str:
    if not LANGUAGES_PATTERN.match(value):
        raise click.BadParameter(
            f"{value!r} is not Tesseract language codes joined by '+' (e.g. eng+cym)"
        )
    return value


def ocr_options(command: Callable) -> Callable:
    """Adds ``ocr_mode`` and ``ocr_languages`` to the command's parameters."""
    command = click.option(
        "--ocr-lang",
        "ocr_languages",
        default=DEFAULT_LANGUAGES,
        show_default=True,
        callback=lambda _ctx, _param, value: _checked_languages(value),
        help="Tesseract languages for OCR, joined by '+', the main one first (cym+eng for "
        "Welsh papers; each needs its data installed, e.g. tesseract-ocr-cym).",
    )(command)
    return click.option(
        "--ocr",
        "ocr_mode",
        type=click.Choice(OCR_MODES),
        default="auto",
        show_default=True,
        help="Read PDF pages by OCR (Tesseract): auto, pages with no text layer (when "
        "Tesseract is installed); always, every page (a text layer of garbage); never.",
    )(command)


def ocr_settings(
    mode: str, languages: str, *, single_file: bool, jobs: int | None, quiet: bool
) -> OcrSettings:
    """The settings a run's options give. One file alone is the run's only work, so its
    scanned pages take the cores --jobs gives, with a bar of their own; in a batch each file
    is one worker's and the batch shows the bar (rich allows one at a time)."""
    if single_file:
        from ..batch import default_jobs

        return OcrSettings(mode, languages, jobs or default_jobs(), progress=not quiet)
    return OcrSettings(mode, languages)
