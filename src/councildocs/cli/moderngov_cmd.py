"""councildocs moderngov: a council's meetings from its ModernGov web service, and their papers.

A thin layer over :mod:`councildocs.moderngov`: ``committees`` and ``meetings`` list what the
service holds; ``fetch`` saves one meeting's record and every public linked document.
A site that is no ModernGov service, a meeting it does not hold, an error page, a timeout
or a broken download is one line on stderr naming the address, and exit code 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any

import click

from ..output.escaping import for_terminal
from . import main
from ._common import fail


def client_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The site argument, and how politely to ask it, read the same by every subcommand."""
    options = [
        click.argument("site"),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=30.0,
            show_default=True,
            help="Seconds to wait for an answer.",
        ),
        click.option(
            "--retries",
            type=click.IntRange(min=0),
            default=3,
            show_default=True,
            help="Retries after a timeout or a server error, waiting longer each time.",
        ),
        click.option(
            "--delay",
            type=click.FloatRange(min=0),
            default=1.0,
            show_default=True,
            help="Seconds between requests: the site is a public service.",
        ),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def run(site: str, timeout: float, retries: int, delay: float, **kwargs: Any) -> None:
        from ..moderngov.client import ModernGovClient
        from ..moderngov.errors import ModernGovError
        from ..moderngov.http import PoliteClient

        try:
            http = PoliteClient(timeout=timeout, retries=retries, min_interval=delay)
            with ModernGovClient(site, http) as client:
                command(client=client, **kwargs)
        except ModernGovError as exc:
            fail(exc.path, exc.problem)

    return run


@main.group()
def moderngov() -> None:
    """Read a council's ModernGov web service (SITE, e.g. https://democracy.x.gov.uk)."""


@moderngov.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--all", "show_all", is_flag=True, help="Expired and deleted committees too.")
@client_options
def committees(client, fmt: str, show_all: bool) -> None:
    """List the site's committees: id and title."""
    found = [c for c in client.committees() if show_all or not (c.expired or c.deleted)]
    if fmt == "json":
        click.echo(json.dumps([c.model_dump(mode="json") for c in found], indent=2))
        return
    for committee in found:
        click.echo(f"{committee.id:>6}  {for_terminal(committee.title)}")


@moderngov.command()
@click.option("--committee", required=True, help="A committee's title (or part of it) or id.")
@click.option(
    "--from",
    "from_date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="First day (default: a year ago).",
)
@click.option(
    "--to",
    "to_date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Last day (default: a year after today, or after --from).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@client_options
def meetings(
    client, committee: str, from_date: dt.datetime | None, to_date: dt.datetime | None, fmt: str
) -> None:
    """List a committee's meetings: id, date, time, status."""
    chosen = client.committee(committee)
    found = client.meetings(
        chosen.id,
        from_date.date() if from_date else None,
        to_date.date() if to_date else None,
    )
    if fmt == "json":
        click.echo(json.dumps([m.model_dump(mode="json") for m in found], indent=2))
        return
    click.echo(f"{for_terminal(chosen.title)} (committee {chosen.id}): {len(found)} meetings")
    for meeting in found:
        click.echo(
            f"{meeting.id:>7}  {meeting.date}  {for_terminal(meeting.time or ''):>8}  "
            f"{for_terminal(meeting.status or '')}"
        )


@moderngov.command()
@click.option("--meeting", "meeting_id", type=int, required=True, help="The meeting's id.")
@click.option(
    "-o",
    "--output",
    "root",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to fetch into; the meeting goes in <committee>/<date>_<id>/ under it.",
)
@client_options
def fetch(client, meeting_id: int, root: str) -> None:
    """Save a meeting's record (meeting.xml), every public linked PDF, and meeting.json.

    Fetching again downloads only what changed.
    """
    from ..moderngov.fetch import fetch_meeting

    result = fetch_meeting(client, meeting_id, root)
    skipped = len(result.manifest.skipped)
    click.echo(
        f"{for_terminal(str(result.folder))}: {result.downloaded} downloaded, {result.unchanged} unchanged"
        + (f", {skipped} not fetched (see meeting.json)" if skipped else ""),
        err=True,
    )
    click.echo(str(result.folder / "meeting.xml"))
