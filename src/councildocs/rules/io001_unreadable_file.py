"""A file that cannot be read: missing, not a PDF or text export, encrypted, or broken.

As ruff reports a file it cannot read as E902, a finding in every output format, not only
a line on stderr, so that a CI dashboard or a SARIF viewer shows the file it could not
check. The message is the problem in one line; the exit code stays 2 (an input that could
not be read), whatever the fail level.

**Anti-pattern**

    councildocs validate minutes.pdf     # minutes.pdf is a saved HTML error page

**Best practice**

    councildocs validate minutes.pdf     # minutes.pdf is the PDF the council published
"""

from __future__ import annotations

from collections.abc import Iterator

CODE = "IO001"
NAME = "unreadable-file"
SEVERITY = "error"
READS = "file"


def check(_target: object, _pack: object) -> Iterator:
    """Never called on a pack: the linter makes this finding where a file failed to read."""
    return iter(())
