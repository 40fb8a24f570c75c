"""NER precision, recall and F1 of the NKJP pipeline on the held-out NKJP test documents.

The test split is the one of ``training/convert_nkjp.py`` (documents whose index in the
NKJP file is divisible by 10; never trained on). The model's ``ner`` runs on the gold NKJP
tokens (no tokenizer involved); a predicted entity counts only when its start, end and
label all match a gold one. Labels: persName, orgName, placeName, geogName (NKJP sub-types
folded into their type, dates and times dropped).

With ``--pipeline``, graphbuilder's own entity recognition (``gb_morphology`` +
``gb_entities``: gazetteers, the name chunker, coreference; the NER model classes the chunks
the rules leave open and adds names where the rules found nothing, behind spelling guards)
runs on the same gold tokens and sentences, its classes mapped onto NKJP's: Person →
persName, every organisation class → orgName, Country / City / Region → placeName,
Location / Pipeline → geogName. The rules were written for news about international
politics, never looked at NKJP, and keep only the entities the graph needs, so this
measures how they carry over to unseen text, not a like-for-like NER score.

Run from the repository root::

    .venv/bin/python benchmarks/ner_nkjp.py [--model graphbuilder/models/nkjp] [--split test|dev] [--limit N] [--pipeline]

Report the test split; look at errors on the dev split (index % 10 == 1), never on test.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from training.convert_nkjp import ENTITY_LABELS, NKJP_PATH, iter_split, nkjp_doc  # noqa: E402

DEFAULT_MODEL = ROOT / "graphbuilder" / "models" / "nkjp"
NKJP_LABEL_OF_TOP_CLASS = {
    "Person": "persName", "Organization": "orgName", "Country": "placeName", "City": "placeName",
    "Location": "geogName",
}
NKJP_LABEL_OF_CLASS = {"Region": "placeName"}

Span3 = tuple[int, int, str]


def entity_set(doc: Doc) -> set[Span3]:
    """The entities of ``doc`` as ``(start, end, label)`` token offsets."""
    return {(e.start, e.end, e.label_) for e in doc.ents}


def predict(nlp: Language, gold_docs: Sequence[Doc]) -> list[Doc]:
    """Run the pipeline (without the tagger) on fresh Docs with the gold tokens."""
    inputs = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
              for d in gold_docs)
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]):
        return list(nlp.pipe(inputs, batch_size=32))


def pipeline_entities(gold_docs: Sequence[Doc]) -> list[set[Span3]]:
    """graphbuilder's entities on the gold tokens and sentences, as NKJP-labelled spans."""
    from graphbuilder.nlp import build_nlp
    from graphbuilder.ontology import load_ontology

    nlp = build_nlp()
    top_class = load_ontology().top_class
    morphology, entities = nlp.get_pipe("gb_morphology"), nlp.get_pipe("gb_entities")
    found = []
    for gold in gold_docs:
        doc = Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold],
                  sent_starts=[bool(t.is_sent_start) for t in gold])
        doc = entities(morphology(doc))
        labels = ((e, NKJP_LABEL_OF_CLASS.get(e.label_) or NKJP_LABEL_OF_TOP_CLASS.get(top_class.get(e.label_, "")))
                  for e in doc.ents)
        found.append({(e.start, e.end, label) for e, label in labels if label})
    return found


def count(gold_docs: Iterable[Doc], predicted: Iterable[set[Span3]]) -> tuple[Counter, Counter, Counter]:
    """True positives, gold and predicted entity counts per label."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for gold, p in zip(gold_docs, predicted):
        g = entity_set(gold)
        n_gold.update(label for *_, label in g)
        n_pred.update(label for *_, label in p)
        tp.update(label for *_, label in g & p)
    return tp, n_gold, n_pred


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (percentages)."""
    p = 100 * tp / n_pred if n_pred else 0.0
    r = 100 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(tp: Counter, n_gold: Counter, n_pred: Counter) -> None:
    """Print the per-label and micro-averaged table."""
    print(f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for label in ENTITY_LABELS:
        p, r, f = prf(tp[label], n_gold[label], n_pred[label])
        print(f"{label:<10} {p:6.2f} {r:6.2f} {f:6.2f} {n_gold[label]:6d} {n_pred[label]:6d}")
    total = (sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    p, r, f = prf(*total)
    print(f"{'micro':<10} {p:6.2f} {r:6.2f} {f:6.2f} {total[1]:6d} {total[2]:6d}")


def main(argv: Sequence[str] | None = None) -> None:
    """Load the model and the test split, predict, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--nkjp", type=Path, default=NKJP_PATH)
    parser.add_argument("--split", choices=("test", "dev"), default="test",
                        help="held-out documents to score: test (report) or dev (error analysis)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N docs")
    parser.add_argument("--pipeline", action="store_true", help="also score graphbuilder's entity rules")
    args = parser.parse_args(argv)

    nlp = spacy.load(args.model)
    gold_docs = [nkjp_doc(nlp.vocab, d, with_tags=False) for d in iter_split(args.split, args.nkjp)]
    if args.limit:
        gold_docs = gold_docs[: args.limit]
    started = time.perf_counter()
    pred_docs = predict(nlp, gold_docs)
    elapsed = time.perf_counter() - started
    n_tokens = sum(len(d) for d in gold_docs)
    print(f"model: {args.model}")
    print(f"NKJP {args.split} split: {len(gold_docs)} docs, {n_tokens} tokens "
          f"({n_tokens / elapsed:.0f} tokens/s)")
    report(*count(gold_docs, [entity_set(d) for d in pred_docs]))
    if args.pipeline:
        started = time.perf_counter()
        found = pipeline_entities(gold_docs)
        print(f"graphbuilder entity rules (gb_morphology + gb_entities), classes mapped onto NKJP "
              f"labels ({n_tokens / (time.perf_counter() - started):.0f} tokens/s):")
        report(*count(gold_docs, found))


if __name__ == "__main__":
    main()
