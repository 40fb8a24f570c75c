"""The fuzz test's round trip on many more examples than CI runs.

Random Unicode and Polish-like text (the strategies of tests/test_fuzz.py) go through the
whole pipeline: a file on disk, decoding, spaCy, extraction, RDF parsed back by
pyoxigraph, networkx, GraphML and the HTML page. Prints, per strategy, the examples run,
the failures (with the smallest failing text hypothesis found) and the time.
Usage: python benchmarks/fuzz.py [--examples 5000] [--seed 0]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from graphbuilder.nlp import build_nlp  # noqa: E402
from graphbuilder.ontology import load_ontology  # noqa: E402
from test_fuzz import any_text, polish_like, round_trip  # noqa: E402

STRATEGIES = {"Polish-like text": polish_like, "any Unicode text": any_text}


def fuzz(strategy, examples: int, random_seed: int, nlp, ontology, folder: Path) -> dict[str, object]:
    """Run `examples` hypothesis examples; count them, and those that found facts."""
    counts = {"examples": 0, "with facts": 0}

    @seed(random_seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=strategy)
    def check(text: str) -> None:
        counts["examples"] += 1
        counts["with facts"] += round_trip(nlp, ontology, text, folder) > 0

    started = time.perf_counter()
    try:
        check()
        counts["failure"] = None
    except Exception as err:  # noqa: BLE001 - the failure is the result to report
        counts["failure"] = f"{type(err).__name__}: {err}"
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per strategy")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    nlp, ontology = build_nlp(), load_ontology()
    failed = False
    with tempfile.TemporaryDirectory() as name:
        for label, strategy in STRATEGIES.items():
            result = fuzz(strategy, args.examples, args.seed, nlp, ontology, Path(name))
            print(f"{label}: {result}", flush=True)
            failed |= result["failure"] is not None
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
