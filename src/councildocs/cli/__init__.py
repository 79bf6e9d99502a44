"""The councildocs command line: a thin click layer over the library.

Each command lives in a module of this package named ``*_cmd.py`` and registers itself on
``main``; this file finds them, so adding a command edits no central list.
Exit codes: 0 success, 1 findings (validate) or a failed file in a batch, 2 bad input or usage
(or an output that cannot be written), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import errno
import importlib
import logging
import os
import pkgutil
import signal
import sys

import click

from .. import __version__

EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that ``finally`` blocks and context
    managers clean up (temporary files, worker processes) as for Ctrl-C."""


class _Main(click.Group):
    """The group that turns what escapes a command into one line and an exit code: an
    unwritable stdout (a full disk), an input or output error no command caught, a signal."""

    def invoke(self, ctx: click.Context):
        from ..errors import CouncilDocsError
        from ._common import EXIT_INPUT_ERROR, report_error

        installed_by = os.getpid()

        def on_sigterm(signum, frame):
            if os.getpid() != installed_by:  # a forked worker: die as SIGTERM means
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                os.kill(os.getpid(), signal.SIGTERM)
                return
            raise _Terminated

        previous = signal.signal(signal.SIGTERM, on_sigterm)
        warnings = _LibraryWarnings()
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a full disk shows here, not at exit with a trace
        except click.ClickException as exc:
            from ..output.escaping import for_terminal

            # click's usage errors quote what was typed (a path): one inert line too
            exc.message = for_terminal(exc.message)
            raise
        except KeyboardInterrupt:
            report_error("interrupted", "stopped by Ctrl-C (SIGINT)")
            sys.exit(EXIT_INTERRUPTED)
        except _Terminated:
            report_error("terminated", "stopped by SIGTERM")
            sys.exit(EXIT_TERMINATED)
        except CouncilDocsError as exc:
            report_error(exc.path, exc.problem)
            sys.exit(EXIT_INPUT_ERROR)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # click ends quietly when a reader (``| head``) closes the pipe
            _silence_stdout()
            report_error(exc.filename or "<stdout>", f"cannot write ({exc.strerror})")
            sys.exit(EXIT_INPUT_ERROR)
        finally:
            warnings.close()
            signal.signal(signal.SIGTERM, previous)


class _LibraryWarnings(logging.Handler):
    """What the libraries log (pypdfium2 on a circular outline) and Python warnings, as
    one prefixed, escaped line each, instead of bare lines on stderr; for a run's length."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._root = logging.getLogger()  # at its default level, WARNING
        self._root.addHandler(self)
        logging.captureWarnings(True)

    def emit(self, record: logging.LogRecord) -> None:
        from ..output.escaping import for_terminal

        source = record.name.split(".")[0]
        source = "" if source == "councildocs" else f"{source}: "
        message = record.getMessage().strip()
        if record.name == "py.warnings":  # its second line is the warning's source code
            message = message.splitlines()[0]
        click.echo(f"councildocs: warning: {source}{for_terminal(message)}", err=True)

    def close(self) -> None:
        logging.captureWarnings(False)
        self._root.removeHandler(self)
        super().close()


def _silence_stdout() -> None:
    """Drop what stdout still holds: flushing it again at exit would fail the same way."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # a test runner's stdout has no descriptor: nothing is flushed at exit


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="councildocs")
def main() -> None:
    """Turn UK council agenda packs into data, and check published packs."""


for _module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmd")):
    importlib.import_module(f"{__name__}.{_module}")
