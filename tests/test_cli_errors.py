"""Bad input: one line naming the file and the problem, exit code 2, never a traceback."""

from __future__ import annotations

import zlib

import pytest
from click.testing import CliRunner

from councildocs.cli import main

from .fixtures.pdf_objects import pdf_file


def _run(path):
    result = CliRunner().invoke(main, ["parse", str(path)])
    return result.exit_code, result.stderr.strip()


def _image_only_pdf(path):
    """A one-page PDF whose only content is a grey image: no text layer at all."""
    pixels = zlib.compress(b"\x80" * 64 * 64)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
    ]
    content = b"q 200 0 0 200 0 0 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )
    path.write_bytes(pdf_file(objects))
    return path


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"Dear Member,\nthis is not a PDF\n", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "not a readable PDF"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path, content, problem):
    path = tmp_path / "pack.pdf"
    path.write_bytes(content)
    code, err = _run(path)
    assert code == 2
    assert err.count("\n") == 0, err
    assert str(path) in err and problem in err
    assert "Traceback" not in err


def test_missing_file(tmp_path):
    code, err = _run(tmp_path / "nowhere.pdf")
    assert code == 2 and "no such file" in err


def test_image_only_pdf_asks_for_ocr(tmp_path):
    code, err = _run(_image_only_pdf(tmp_path / "scan.pdf"))
    assert code == 2
    assert "no text layer" in err and "OCR" in err


def test_output_file_is_written_whole_with_ordinary_permissions(tmp_path):
    import os

    from .conftest import FIXTURES

    out = tmp_path / "pack.json"
    result = CliRunner().invoke(
        main, ["parse", str(FIXTURES / "kent_cabinet_pack.pdf"), "-o", str(out)]
    )
    assert result.exit_code == 0
    assert out.read_text().startswith("{")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["pack.json"]  # no temporary file left
