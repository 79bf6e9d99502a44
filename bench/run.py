"""make bench: how fast councildocs parses, against the floor and against the usual way.

Builds packs of 250 and 1000 pages by repeating the bundled fixture packs, then measures,
in this one run so that the ratios are fair on a noisy machine:

  (a) raw pypdfium2 text extraction: the floor, nothing can be faster on this stack;
  (b) a pdfplumber-only ``extract_text`` pass: what a user would otherwise write;
  (c) ``councildocs.parse`` end to end;

and peak memory (resident set) of (c) at 250 and 1000 pages, each in a fresh process;
and (d) OCR: ``councildocs.parse`` of the Kent pack rebuilt as 300 dpi page images (no
text layer), with Tesseract on every core (null where Tesseract is not installed).
Speed figures are pages per second, best of a few repeats; ratios are what to compare.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "tests/fixtures/wolverhampton_pack.pdf",
    ROOT / "tests/fixtures/kent_cabinet_pack.pdf",
]
PDFPLUMBER_PAGES = 60  # pdfplumber is slow; a sample of pages gives its rate


def build_pack(pages: int, path: Path) -> Path:
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for source in SOURCES:
            src = pdfium.PdfDocument(str(source))
            take = min(len(src), pages - len(out))
            out.import_pages(src, list(range(take)))
            src.close()
            if len(out) >= pages:
                break
    out.save(str(path))
    out.close()
    return path


def best_of(repeats: int, run) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_pdfium(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def pdfplumber_text(path: Path, limit: int) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages[:limit]:
            page.extract_text()
            page.flush_cache()


def councildocs_parse(path: Path) -> None:
    import councildocs

    councildocs.parse(path).model_dump_json()


def build_scan(path: Path) -> Path:
    """The Kent fixture as a scan: each page a 300 dpi grey image, no text layer."""
    src = pdfium.PdfDocument(str(SOURCES[1]))
    out = pdfium.PdfDocument.new()
    for page in src:
        width, height = page.get_size()
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(page.render(scale=300 / 72).to_pil()))
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        target = out.new_page(width, height)
        target.insert_obj(image)
        target.gen_content()
    out.save(str(path))
    out.close()
    src.close()
    return path


def ocr_pages_per_second(tmp: str) -> float | None:
    import shutil

    if shutil.which("tesseract") is None:
        return None
    scan = build_scan(Path(tmp) / "scan.pdf")
    pages = len(pdfium.PdfDocument(str(scan)))
    return round(pages / best_of(1, lambda: councildocs_parse(scan)), 2)


# Peak resident memory of a fresh process. On Linux ru_maxrss survives exec, so a child
# started from this (large) process would report our own peak: VmHWM is the child's own.
_MEMORY_PROBE = """
import resource, sys, councildocs
councildocs.parse(sys.argv[1]).model_dump_json()
try:
    status = open("/proc/self/status").read()
    print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory_kib(path: Path) -> int:
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(path)], capture_output=True, text=True, check=True
    )
    return int(result.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pack250 = build_pack(250, Path(tmp) / "pack250.pdf")
        pack1000 = build_pack(1000, Path(tmp) / "pack1000.pdf")
        councildocs_parse(pack250)  # warm imports and caches before timing anything

        raw = 250 / best_of(3, lambda: raw_pdfium(pack250))
        plumber = PDFPLUMBER_PAGES / best_of(1, lambda: pdfplumber_text(pack250, PDFPLUMBER_PAGES))
        ours = 250 / best_of(3, lambda: councildocs_parse(pack250))
        memory250 = peak_memory_kib(pack250)
        memory1000 = peak_memory_kib(pack1000)
        ocr = ocr_pages_per_second(tmp)

    figures = {
        "pages_per_second": {
            "a_raw_pypdfium2": round(raw, 1),
            "b_pdfplumber_extract_text": round(plumber, 1),
            "c_councildocs_parse": round(ours, 1),
        },
        "ratios": {"c_over_a": round(ours / raw, 3), "c_over_b": round(ours / plumber, 1)},
        "peak_memory_mib": {
            "250_pages": round(memory250 / 1024, 1),
            "1000_pages": round(memory1000 / 1024, 1),
        },
        "memory_growth_1000_over_250": round(memory1000 / memory250, 2),
        "d_ocr_pages_per_second": ocr,
        "goals": {"c_over_a": ">= 0.333", "c_over_b": ">= 10", "memory_growth": "<= 1.5"},
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
