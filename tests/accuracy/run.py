"""make accuracy: parse every corpus file that has an expectation and print its scores.

    python -m tests.accuracy.run [--corpus DIR] [--json OUT] [--quiet]

Prints a score per file, per council and per field family, and the means. The scores are
read against expectations written from the documents' pages (see README.md); the floors
that tests/test_accuracy.py holds the parser to are in floors.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from statistics import mean

import yaml

from .score import score_pack

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
DEFAULT_CORPUS = HERE.parent.parent.parent / "shared" / "corpus"


def expectations() -> list[tuple[Path, dict]]:
    return [(path, yaml.safe_load(path.read_text())) for path in sorted(EXPECTED.rglob("*.yaml"))]


def council_of(expectation: dict) -> str:
    return expectation["file"].split("/", 1)[0]


def measure(corpus: Path) -> dict:
    """Scores by file, council and family, and the means, as one JSON-able dict."""
    import councildocs

    files = {}
    for path, expectation in expectations():
        pdf = corpus / expectation["file"]
        if not pdf.exists():
            raise SystemExit(f"{path}: {expectation['file']} is not in {corpus}")
        pack = json.loads(councildocs.parse(pdf).model_dump_json(by_alias=True))
        documents = score_pack(expectation, pack)
        families = [value for d in documents for value in d.families.values()]
        files[expectation["file"]] = {
            "council": council_of(expectation),
            "score": round(mean(families), 4) if families else 0.0,
            "documents": [
                {"kind": d.kind, "pages": d.pages, "families": d.families} for d in documents
            ],
        }
    by_council: dict[str, list[float]] = defaultdict(list)
    by_family: dict[str, list[float]] = defaultdict(list)
    for result in files.values():
        by_council[result["council"]].append(result["score"])
        for document in result["documents"]:
            for family, value in document["families"].items():
                by_family[family].append(value)
    councils = {c: round(mean(v), 4) for c, v in sorted(by_council.items())}
    return {
        "files": files,
        "councils": councils,
        "families": {f: round(mean(v), 4) for f, v in sorted(by_family.items())},
        "mean_of_councils": round(mean(councils.values()), 4) if councils else 0.0,
        "mean_of_files": round(mean(r["score"] for r in files.values()), 4) if files else 0.0,
    }


def report(results: dict, quiet: bool = False) -> str:
    out = []
    if not quiet:
        out.append("file scores (lowest first):")
        ranked = sorted(results["files"].items(), key=lambda kv: (kv[1]["score"], kv[0]))
        for name, result in ranked:
            parts = ", ".join(
                f"{family} {value:.2f}"
                for document in result["documents"]
                for family, value in document["families"].items()
                if value < 1.0
            )
            out.append(f"  {result['score']:.3f}  {name}" + (f"  [{parts}]" if parts else ""))
        out.append("")
        out.append("field families:")
        for family, value in results["families"].items():
            out.append(f"  {value:.3f}  {family}")
        out.append("")
    out.append("councils:")
    for council, value in results["councils"].items():
        count = sum(1 for r in results["files"].values() if r["council"] == council)
        out.append(f"  {value:.3f}  {council} ({count} files)")
    out.append(f"mean of councils {results['mean_of_councils']:.3f}")
    out.append(f"mean of files    {results['mean_of_files']:.3f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--quiet", action="store_true", help="councils and means only")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"accuracy: no corpus at {args.corpus} (../shared is not here)", file=sys.stderr)
        return 2
    results = measure(args.corpus)
    print(report(results, quiet=args.quiet))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
