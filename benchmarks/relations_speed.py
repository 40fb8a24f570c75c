"""CPU time of the relation component alone, the other components run beforehand.

Runs the pipeline up to `gb_relations` over the dev articles repeated --copies times, then
times only the relation component (both passes, role phrases included) with
`time.process_time`, so other jobs on a shared machine weigh less. Prints the median of
--runs runs. Usage: python benchmarks/relations_speed.py [--runs 5] [--copies 5]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from spacy.tokens import Doc

from graphbuilder.nlp import build_nlp

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def prepared(copies: int) -> tuple[list[Doc], object]:
    """The dev articles (or the seed article) through every component before the relations."""
    nlp = build_nlp()
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] or \
        [(Path(__file__).resolve().parent.parent / "input" / "putin-visits-kazakhstan.txt").read_text(encoding="utf-8")]
    docs = []
    for text in texts * copies:
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            if name == "gb_relations":
                break
            doc = component(doc)
        docs.append(doc)
    return docs, nlp.get_pipe("gb_relations")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=5)
    args = parser.parse_args()
    docs, relations = prepared(args.copies)
    entities = [list(doc.ents) for doc in docs]  # the second pass adds role phrases: reset them
    times = []
    for _ in range(args.runs):
        started = time.process_time()
        for doc, ents in zip(docs, entities):
            doc.ents = ents
            relations(doc)
        times.append(time.process_time() - started)
    tokens = sum(len(doc) for doc in docs)
    median = statistics.median(times)
    print(f"{len(docs)} articles, {tokens} tokens, {args.runs} runs: relations alone {median:.3f} s CPU (median), "
          f"{tokens / median:,.0f} tokens/s")


if __name__ == "__main__":
    main()
