"""Fit the analysis scorer of `graphbuilder/lemma_choice.py` and write `chooser.json`.

Data: UD Polish-LFG dev/test and PUD, without the sentences UD-PDB dev also has (the lemma
benchmark). The tagger of `models/nkjp` was trained on the UD sentences whose index in
their file is not a multiple of 10 (`convert_nkjp.py`), so its probabilities are honest only
on the others: those fit the weights, and the lemma counts come from the rest. The shipped
priors then count all of them.

Only words whose candidates disagree on the lemma and include the gold one teach anything;
the loss is the log-probability of the gold lemma's candidates under a softmax over all
candidates, with a small L2 penalty. Runs in about a minute on one core:

    .venv/bin/python -m training.train_chooser [--out graphbuilder/models/nkjp/chooser.json]
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from spacy.tokens import Doc

from graphbuilder.lemma_choice import (
    CHOOSER_PATH, FEATURES, AnalysisScorer, LemmaPriors, Tagger, WordContext, candidate_features,
    candidates,
)
from graphbuilder.morph import Analyser
from training.convert_nkjp import UD_TRAIN_PATHS, UdWord, held_out_sentences, read_conllu, sentence_key

Example = tuple[np.ndarray, np.ndarray]  # (features per candidate, mask of gold candidates)


def ud_sentences() -> tuple[list[list[UdWord]], list[list[UdWord]]]:
    """(sentences the tagger saw, sentences it did not), PDB-dev sentences left out."""
    held_out = held_out_sentences()
    seen: list[list[UdWord]] = []
    unseen: list[list[UdWord]] = []
    for path in UD_TRAIN_PATHS:
        for index, sentence in enumerate(read_conllu(path)):
            if sentence_key(w.form for w in sentence) not in held_out:
                (unseen if index % 10 == 0 else seen).append(sentence)
    return seen, unseen


def dot_follows(sentence: Sequence[UdWord], index: int) -> bool:
    """Whether a full stop is written right after the word."""
    return (index + 1 < len(sentence) and sentence[index + 1].form == "."
            and not sentence[index].space_after)


def count_priors(sentences: Iterable[Sequence[UdWord]], analyser: Analyser) -> LemmaPriors:
    """Gold lemma counts; form counts only for forms whose candidates disagree on the lemma."""
    form_lemma: dict[str, Counter] = defaultdict(Counter)
    lemma: Counter = Counter()
    for sentence in sentences:
        for i, word in enumerate(sentence):
            lemma[word.lemma] += 1
            if len({a.lemma for a in candidates(analyser, word.form, dot_follows(sentence, i))}) > 1:
                form_lemma[word.form.lower()][word.lemma] += 1
    return LemmaPriors({f: dict(c) for f, c in form_lemma.items()}, dict(lemma))


def examples(
    sentences: Sequence[Sequence[UdWord]], tagger: Tagger, analyser: Analyser, priors: LemmaPriors,
) -> list[Example]:
    """Feature rows and gold masks of the words whose lemma the choice decides."""
    found = []
    for sentence in sentences:
        doc = Doc(tagger.tagger.vocab, words=[w.form for w in sentence],
                  spaces=[w.space_after for w in sentence])
        probs = tagger.probabilities(doc)
        class_probs = tagger.tags.by_class(probs)
        for i, word in enumerate(sentence):
            options = candidates(analyser, word.form, dot_follows(sentence, i))
            gold = np.array([a.lemma == word.lemma for a in options])
            if len({a.lemma for a in options}) < 2 or not gold.any():
                continue
            context = WordContext(word.form, i == 0, probs[i], class_probs[i])
            found.append((candidate_features(options, context, tagger.tags, priors), gold))
    return found


def fit(data: Sequence[Example], l2: float = 0.001, steps: int = 600, rate: float = 0.05) -> np.ndarray:
    """Weights maximising the gold candidates' softmax probability (Adam, full batch)."""
    weights = np.zeros(len(FEATURES))
    moment, velocity = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        gradient = l2 * weights
        for features, gold in data:
            scores = features @ weights
            probs = np.exp(scores - scores.max())
            probs /= probs.sum()
            gold_probs = probs * gold
            gradient -= (features.T @ (gold_probs / gold_probs.sum() - probs)) / len(data)
        moment = 0.9 * moment + 0.1 * gradient
        velocity = 0.999 * velocity + 0.001 * gradient ** 2
        weights -= rate * (moment / (1 - 0.9 ** step)) / (np.sqrt(velocity / (1 - 0.999 ** step)) + 1e-8)
    return weights


def accuracy(data: Sequence[Example], weights: np.ndarray) -> float:
    """Share of examples whose best candidate has the gold lemma."""
    return sum(bool(gold[int(np.argmax(f @ weights))]) for f, gold in data) / max(1, len(data))


def main(argv: Sequence[str] | None = None) -> None:
    """Fit on the unseen UD sentences, report, write the scorer with all-UD priors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=CHOOSER_PATH)
    args = parser.parse_args(argv)
    analyser, tagger = Analyser(), Tagger()
    seen, unseen = ud_sentences()
    data = examples(unseen, tagger, analyser, count_priors(seen, analyser))
    half = len(data) // 2
    check = fit(data[:half])
    print(f"{len(data)} ambiguous words in {len(unseen)} sentences; fitted on one half, "
          f"accuracy on the other: {accuracy(data[half:], check):.4f}")
    weights = fit(data)
    print(f"fitted on all: accuracy {accuracy(data, weights):.4f}")
    for name, weight in zip(FEATURES, weights):
        print(f"  {name:28s} {weight:+.3f}")
    AnalysisScorer(weights.astype("float32"), count_priors(seen + unseen, analyser)).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
