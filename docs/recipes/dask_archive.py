"""Parse a folder of packs on a Dask cluster into JSON Lines and SQLite.

    python dask_archive.py FOLDER OUT.jsonl OUT.db [SCHEDULER]

SCHEDULER is a running cluster's address (``tcp://10.0.0.5:8786``); without it a local
cluster of one worker per core is started on 127.0.0.1. Every worker needs councildocs
installed and the folder at the same path (a shared or network file system). Packs are
written as they finish; a file that cannot be parsed is one line on stderr.
"""

import sys

from distributed import Client, LocalCluster

import councildocs
from councildocs.inputs import expand_paths


def main(folder: str, jsonl: str, database: str, scheduler: str | None = None) -> int:
    if scheduler:
        client = Client(scheduler)
    else:
        # one single-threaded worker process per core: parsing holds the GIL
        cluster = LocalCluster(
            host="127.0.0.1", threads_per_worker=1, dashboard_address=None, processes=True
        )
        client = Client(cluster)
    failed = 0
    with client, open(jsonl, "w", encoding="utf-8") as out:
        packs = []
        for outcome in councildocs.parse_many(
            expand_paths([folder]), executor=client.get_executor()
        ):
            if not outcome.ok:
                failed += 1
                print(f"{outcome.path}: {outcome.error}", file=sys.stderr)
                continue
            out.write(outcome.value.json + "\n")
            packs.append(outcome.value.pack())
        councildocs.export_sqlite(database, packs)
    print(f"parsed {len(packs)}, failed {failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
