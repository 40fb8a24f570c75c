"""Seconds the pipeline takes on one article, by the article's length.

The article is the seed article repeated to each length, as one text. Figures that grow
four-fold when the length doubles show work that grows with the square of the length;
they set `graphbuilder.articles.MAX_ARTICLE_CHARS`.
Usage: python benchmarks/long_article.py [LENGTH ...]   (default: 12500 25000 50000 100000)
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from graphbuilder.extract import extract
from graphbuilder.nlp import build_nlp
from graphbuilder.ontology import load_ontology
from graphbuilder.types import Article

SEED = Path(__file__).resolve().parent.parent / "input" / "putin-visits-kazakhstan.txt"


def article_of_length(length: int) -> Article:
    """The seed article repeated to about `length` characters, under a headline."""
    seed = SEED.read_text(encoding="utf-8") + "\n"
    text = "Nagłówek\n" + seed * max(1, length // len(seed))
    return Article(source=f"long-{length}.txt", text=text, title="Nagłówek", sha256="0" * 64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lengths", nargs="*", type=int, default=[12_500, 25_000, 50_000, 100_000])
    args = parser.parse_args()
    nlp, ontology = build_nlp(), load_ontology()
    print("| characters | tokens | seconds |\n|---|---|---|")
    for length in args.lengths:
        article = article_of_length(length)
        started = time.perf_counter()
        doc = nlp(article.text)
        extract(doc, article, ontology)
        print(f"| {len(article.text):,} | {len(doc):,} | {time.perf_counter() - started:.1f} |", flush=True)


if __name__ == "__main__":
    main()
