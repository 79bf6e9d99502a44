"""`python -m councildocs`: the same command line as the installed `councildocs`."""

from .cli import main

if __name__ == "__main__":
    main()
