"""The command line's entry point: the installed ``councildocs`` and ``python -m councildocs``.

The command's modules are loaded with the cyclic collector off and then frozen, CPython's
recipe for a process that forks workers (``gc.freeze``): what they allocate lives as long
as the process, so collecting it only costs time, first while they load (some thirty young
collections) and again at exit, and a worker forked later would copy the pages the
collector writes to. The collector is back on for the command itself.
"""

import gc


def run() -> None:
    gc.disable()
    try:
        from .cli import main
    finally:
        gc.freeze()
        gc.enable()
    main()


if __name__ == "__main__":
    run()
