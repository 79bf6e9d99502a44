"""A polite HTTP client: timeouts, retries with backoff, a rate limit, a User-Agent naming us.

Council sites are public services on modest servers. Every request waits until
``min_interval`` seconds have passed since the last one; a timeout, a broken-off answer or a
5xx is retried ``retries`` times, waiting ``backoff``, then twice that, and so on (or as long as
a ``Retry-After`` asks, up to a minute); conditional headers (``If-None-Match``,
``If-Modified-Since``) let an unchanged file come back as 304 with no body. Failures are
:class:`ModernGovError` s naming the address: one line for the user, never a traceback.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from .. import __version__
from ..atomic import open_binary_atomically
from .errors import HttpStatusError, ModernGovError

USER_AGENT = f"councildocs/{__version__} (reads council committee papers; python-httpx)"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 2.0
DEFAULT_MIN_INTERVAL = 1.0
MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class Validators:
    """What a server said identifies a file's version, to ask next time whether it changed."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found

    @classmethod
    def of(cls, response: httpx.Response) -> Validators:
        return cls(response.headers.get("ETag"), response.headers.get("Last-Modified"))


@dataclass(frozen=True)
class Download:
    """A file fetched to disk, or left as it was because the server said it had not changed."""

    path: Path
    sha256: str
    changed: bool
    validators: Validators


class PoliteClient:
    """GETs with the manners above. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        min_interval: float = DEFAULT_MIN_INTERVAL,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self._sleep = sleep
        self._last_request: float | None = None
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, validators: Validators | None = None) -> httpx.Response:
        """The answer, its body read; 304 when ``validators`` match; an error otherwise."""
        return self._with_retries(url, lambda: self._get_once(url, validators))

    def download(
        self,
        url: str,
        path: Path,
        validators: Validators | None = None,
        *,
        expect: bytes | None = None,
    ) -> Download:
        """``url`` streamed into ``path``, written atomically: a broken download leaves the old
        file (or none) in place. ``expect``: the bytes the file must start with (``%PDF-``)."""
        return self._with_retries(url, lambda: self._download_once(url, path, validators, expect))

    # --- one attempt ---------------------------------------------------------------------

    def _get_once(self, url: str, validators: Validators | None) -> httpx.Response:
        self._wait_turn()
        response = self._http.get(url, headers=validators.headers() if validators else None)
        _raise_for_status(url, response)
        return response

    def _download_once(
        self, url: str, path: Path, validators: Validators | None, expect: bytes | None
    ) -> Download:
        self._wait_turn()
        headers = validators.headers() if validators and path.exists() else None
        with self._http.stream("GET", url, headers=headers) as response:
            _raise_for_status(url, response)
            if response.status_code == 304:
                return Download(path, _sha256_of(path), False, validators or Validators())
            digest = hashlib.sha256()
            received = 0
            with open_binary_atomically(path) as handle:
                for chunk in response.iter_bytes():
                    if received == 0 and expect and not chunk.startswith(expect):
                        raise ModernGovError(url, _not_expected(chunk, expect))
                    digest.update(chunk)
                    handle.write(chunk)
                    received += len(chunk)
                promised = response.headers.get("Content-Length")
                if promised and promised.isdigit() and int(promised) != received:
                    raise _Retryable(f"the download broke off after {received} of {promised} bytes")
                if expect and received == 0:
                    raise ModernGovError(url, "the download is empty")
            return Download(path, digest.hexdigest(), True, Validators.of(response))

    def _wait_turn(self) -> None:
        now = time.monotonic()
        if self._last_request is not None:
            wait = self.min_interval - (now - self._last_request)
            if wait > 0:
                self._sleep(wait)
        self._last_request = time.monotonic()

    # --- retries ---------------------------------------------------------------------------

    def _with_retries(self, url: str, attempt: Callable):
        pause = 0.0
        for tries in range(self.retries + 1):
            if tries:
                self._sleep(pause)
            asked: float | None = None
            try:
                return attempt()
            except _Retryable as exc:
                problem, asked = exc.problem, exc.retry_after
            except httpx.TimeoutException:
                problem = f"no answer within {self.timeout:g} s"
            except httpx.RemoteProtocolError as exc:
                problem = f"the answer broke off ({exc})"
            except httpx.TransportError as exc:  # no such host, refused: retrying won't help
                raise ModernGovError(url, f"cannot connect ({exc})") from None
            pause = min(asked, MAX_RETRY_AFTER) if asked is not None else self.backoff * 2**tries
        tried = self.retries + 1
        raise ModernGovError(url, f"{problem} (tried {tried} time{'s' * (tried > 1)})")


class _Retryable(Exception):
    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retry_after = retry_after


def _raise_for_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status >= 500:
        after = response.headers.get("Retry-After", "")
        raise _Retryable(
            f"the server answered HTTP {status}", float(after) if after.isdigit() else None
        )
    if status >= 400:
        raise HttpStatusError(url, status, response.reason_phrase)


def _not_expected(start: bytes, expect: bytes) -> str:
    if start.lstrip()[:1] == b"<":
        return f"the server sent a web page, not the document ({expect.decode()} expected)"
    return f"not the expected document (it does not start with {expect.decode()})"


def _sha256_of(path: Path) -> str:
    from ..cache import file_sha256

    return file_sha256(path)
