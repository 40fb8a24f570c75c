"""Tokens per second end to end on one core, beside spaCy's blank Polish tokenizer.

Runs the default pipeline (sentences, Morfeusz morphology with the NKJP tagger and scorer,
entities, relations) over the dev articles repeated to about 100,000 tokens, the same
pipeline with the heuristic analysis choice (`lemma_choice="heuristic"`), and the same text
through
`spacy.blank("pl")`'s tokenizer alone: the floor any spaCy pipeline pays. Prints medians
of --runs runs, by wall clock and by this process's CPU time (steadier when other jobs share
the cores). Usage: python benchmarks/speed.py [--runs 3] [--tokens 100000]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402

from graphbuilder.nlp import build_nlp  # noqa: E402

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def corpus(target_tokens: int) -> list[str]:
    """The dev articles (or the seed article) repeated to the wanted size."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] or \
        [(Path(__file__).resolve().parent.parent / "input" / "putin-visits-kazakhstan.txt").read_text(encoding="utf-8")]
    tokenizer = spacy.blank("pl").tokenizer
    per_round = sum(len(tokenizer(t)) for t in texts)
    return texts * max(1, target_tokens // per_round)


def timed(function, texts: list[str]) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds and tokens of one pass over the texts."""
    started, cpu_started = time.perf_counter(), time.process_time()
    tokens = sum(len(function(text)) for text in texts)
    return time.perf_counter() - started, time.process_time() - cpu_started, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=100_000)
    args = parser.parse_args()
    texts = corpus(args.tokens)
    functions = {
        "graphbuilder pipeline": build_nlp(),
        "pipeline, heuristic lemmas": build_nlp(lemma_choice="heuristic"),
        "spaCy blank('pl') tokenizer": spacy.blank("pl").tokenizer,
    }
    wall: dict[str, list[float]] = {label: [] for label in functions}
    cpu: dict[str, list[float]] = {label: [] for label in functions}
    for _ in range(args.runs):
        for label, function in functions.items():
            seconds, cpu_seconds, tokens = timed(function, texts)
            wall[label].append(tokens / seconds)
            cpu[label].append(tokens / cpu_seconds)
    print(f"{len(texts)} articles, {tokens} tokens, {args.runs} runs, median tokens/s on one core:")
    print(f"  {'':32s} {'wall clock':>12} {'CPU time':>12}")
    for label in functions:
        print(f"  {label:32s} {statistics.median(wall[label]):>12,.0f} {statistics.median(cpu[label]):>12,.0f}")
    for name, (top, bottom) in {
        "tokenizer / pipeline": ("spaCy blank('pl') tokenizer", "graphbuilder pipeline"),
        "tokenizer / heuristic": ("spaCy blank('pl') tokenizer", "pipeline, heuristic lemmas"),
        "pipeline / heuristic": ("graphbuilder pipeline", "pipeline, heuristic lemmas"),
    }.items():
        ratios = [statistics.median(rates[top]) / statistics.median(rates[bottom]) for rates in (wall, cpu)]
        print(f"  {name:32s} {ratios[0]:>12.2f} {ratios[1]:>12.2f}")


if __name__ == "__main__":
    main()
