"""The one exception the ModernGov reader and client raise: an address and its problem."""

from __future__ import annotations

from ..errors import CouncilDocsError


class ModernGovError(CouncilDocsError):
    """A site that is no ModernGov service, a meeting it does not have, an error page, a
    timeout or a broken download. ``path`` is the address (or file); the CLI prints one line
    and exits 2."""


class HttpStatusError(ModernGovError):
    """The server answered with an error status (4xx) that retrying cannot change."""

    def __init__(self, path: str, status: int, reason: str) -> None:
        super().__init__(path, f"the server answered HTTP {status} {reason}".rstrip())
        self.status = status
