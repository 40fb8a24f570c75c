"""Choosing one of Morfeusz's analyses with the NKJP tagger and a small log-linear scorer.

Morfeusz lists every analysis a word form can have; its lemma is only as good as the
choice among them. The tagger of `models/nkjp` predicts a reduced tag
(`class:number:case:gender`) with a probability for each of its labels; matching that
against the candidates alone confuses nouns with gerunds and adjectives with participles
where the tagger is unsure. The scorer weighs the tagger's probabilities together with
cheap lexical evidence (how often a form had a lemma in the UD treebanks, capitalisation,
Morfeusz's own order, the candidate's class) with weights fitted by
`training/train_chooser.py` on UD sentences the tagger never saw.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from .morph import Analyser, Analysis
from .nkjp import MODEL_DIR, ensure_tok2vec, load_pipeline
from .tagset import expand_tag, normalise_class

CHOOSER_PATH = MODEL_DIR / "chooser.json"
FLOOR = 1e-4  # probability given to a reading the tagger has no label for

#: Classes with a weight of their own (a prior for readings the tagger tends to over-predict).
SCORED_CLASSES = (
    "subst", "ger", "adj", "ppas", "pact", "brev", "fin", "praet", "inf", "adv", "part",
    "conj", "comp", "prep", "ppron3", "ppron12", "num", "pred", "depr", "interj", "impt",
    "imps", "siebie", "burk", "adja", "adjp", "pcon", "pant", "aglt",
)
DENSE_FEATURES = (
    "log_p_tag", "log_p_class", "is_argmax", "log_form_lemma_count", "form_seen_lemma_unseen",
    "log_lemma_count", "capitalisation_fits", "initial_capitalised_lemma", "morfeusz_first",
    "lemma_is_form", "name_for_capitalised", "abbreviation_with_dot",
)
FEATURES = DENSE_FEATURES + tuple(f"class={c}" for c in SCORED_CLASSES)


def candidates(analyser: Analyser, form: str, dot_follows: bool) -> tuple[Analysis, ...]:
    """Morfeusz's analyses of a word; a word written right before a full stop may also be
    an abbreviation with that dot ("r." = "rok", "ust." = "ustęp"), which tokenizers often
    split off. Such a reading replaces Morfeusz's "unknown word" (`ign`).
    """
    analyses = analyser.analyse(form)
    if dot_follows and not form.endswith("."):
        with_dot = tuple(a for a in analyser.analyse(form + ".") if a.pos_class == "brev")
        if with_dot:
            known = tuple(a for a in analyses if a.pos_class != "ign")
            analyses = tuple(dict.fromkeys(known + with_dot))
    return analyses


@dataclass(frozen=True)
class WordContext:
    """What the scorer knows about one word besides its candidates."""

    form: str
    sentence_initial: bool
    tag_probs: np.ndarray | None  # the tagger's distribution over its labels
    class_probs: np.ndarray | None  # the same summed by class (`TagProbabilities.by_class`)


@dataclass(frozen=True)
class LemmaPriors:
    """Gold lemma counts from the UD treebanks the model may learn from."""

    form_lemma: dict[str, dict[str, int]]  # lower-cased form -> lemma -> count
    lemma: dict[str, int]

    def form_lemma_count(self, form: str, lemma: str) -> int:
        """How often `form` had `lemma` (case of the form ignored)."""
        return self.form_lemma.get(form.lower(), {}).get(lemma, 0)

    def form_seen(self, form: str) -> bool:
        """Whether the form occurred at all."""
        return form.lower() in self.form_lemma


class TagProbabilities:
    """The tagger's label set, read so a Morfeusz tag can be looked up in a distribution."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        self.index = {label: i for i, label in enumerate(self.labels)}
        classes = sorted({label.split(":", 1)[0] for label in self.labels})
        self.class_index = {c: i for i, c in enumerate(classes)}
        self.class_matrix = np.zeros((len(self.labels), len(classes)), dtype="float32")
        for i, label in enumerate(self.labels):
            self.class_matrix[i, self.class_index[label.split(":", 1)[0]]] = 1.0
        self.reading_rows = lru_cache(maxsize=20_000)(self._reading_rows)

    def _reading_rows(self, tag: str) -> tuple[int, ...]:
        """Label indices of every reduced reading of a (dotted) Morfeusz tag."""
        return tuple(self.index[r] for r in (x.render() for x in expand_tag(tag)) if r in self.index)

    def tag_probability(self, probs: np.ndarray, tag: str) -> float:
        """The probability of the candidate's most likely reading."""
        rows = self.reading_rows(tag)
        return float(probs[list(rows)].max()) if rows else 0.0

    def by_class(self, probs: np.ndarray) -> np.ndarray:
        """Label probabilities (one row per token) summed by grammatical class."""
        return probs @ self.class_matrix

    def class_probability(self, class_probs: np.ndarray, tag: str) -> float:
        """The probability mass the tagger gives to the candidate's class."""
        column = self.class_index.get(normalise_class(tag.split(":", 1)[0]))
        return float(class_probs[column]) if column is not None else 0.0

    def is_argmax(self, probs: np.ndarray, tag: str) -> bool:
        """Whether the tagger's top label is a reading of the candidate."""
        return int(probs.argmax()) in self.reading_rows(tag)


def candidate_features(
    analyses: Sequence[Analysis], word: WordContext, tags: TagProbabilities, priors: LemmaPriors,
) -> np.ndarray:
    """One feature row per candidate analysis, columns in `FEATURES` order."""
    rows = np.zeros((len(analyses), len(FEATURES)), dtype="float32")
    capitalised = word.form[:1].isupper()
    seen = priors.form_seen(word.form)
    class_column = {c: len(DENSE_FEATURES) + i for i, c in enumerate(SCORED_CLASSES)}
    for i, analysis in enumerate(analyses):
        row = rows[i]
        if word.tag_probs is not None and word.class_probs is not None:
            row[0] = math.log(tags.tag_probability(word.tag_probs, analysis.tag) + FLOOR)
            row[1] = math.log(tags.class_probability(word.class_probs, analysis.tag) + FLOOR)
            row[2] = tags.is_argmax(word.tag_probs, analysis.tag)
        count = priors.form_lemma_count(word.form, analysis.lemma)
        row[3] = math.log1p(count)
        row[4] = seen and count == 0
        row[5] = math.log1p(priors.lemma.get(analysis.lemma, 0))
        lemma_capitalised = analysis.lemma[:1].isupper()
        row[6] = not word.sentence_initial and lemma_capitalised == capitalised
        row[7] = word.sentence_initial and lemma_capitalised
        row[8] = i == 0
        row[9] = analysis.lemma.lower() == word.form.lower()
        row[10] = capitalised and not word.sentence_initial and analysis.is_name
        row[11] = analysis.tag == "brev:pun"
        column = class_column.get(normalise_class(analysis.pos_class))
        if column is not None:
            row[column] = 1.0
    return rows


@dataclass(frozen=True)
class AnalysisScorer:
    """Log-linear weights over `FEATURES`, with the priors they were fitted with."""

    weights: np.ndarray
    priors: LemmaPriors

    def best(self, features: np.ndarray) -> int:
        """Index of the highest-scoring candidate (ties: Morfeusz order)."""
        return int(np.argmax(features @ self.weights))

    def save(self, path: Path) -> None:
        """Write weights and priors as JSON (a few hundred kB)."""
        data = {
            "features": list(FEATURES),
            "weights": [round(float(w), 5) for w in self.weights],
            "form_lemma": self.priors.form_lemma,
            "lemma": self.priors.lemma,
        }
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path = CHOOSER_PATH) -> "AnalysisScorer":
        """Read a scorer written by `save`; its feature list must match this code's."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path} was fitted for other features; retrain it")
        priors = LemmaPriors(data["form_lemma"], data["lemma"])
        return cls(np.asarray(data["weights"], dtype="float32"), priors)


class Tagger:
    """The tagger of `models/nkjp`, giving a label distribution per token."""

    def __init__(self) -> None:
        self.tagger = load_pipeline().get_pipe("tagger")
        self.tags = TagProbabilities(self.tagger.labels)

    def probabilities(self, doc: Doc) -> np.ndarray:
        """Rows of label probabilities, one per token of `doc`."""
        if not len(doc):
            return np.zeros((0, len(self.tags.labels)), dtype="float32")
        ensure_tok2vec(doc)
        scores = np.asarray(self.tagger.model.predict([doc])[0])
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))  # the model outputs logits
        return scores / scores.sum(axis=1, keepdims=True)


class AnalysisChooser:
    """Picks each token's analysis: tagger probabilities plus the fitted scorer."""

    def __init__(self, scorer: Path = CHOOSER_PATH) -> None:
        self.tagger = Tagger()
        self.scorer = AnalysisScorer.load(scorer)

    def choose(self, doc: Doc, analyser: Analyser) -> list[Analysis | None]:
        """The best analysis of every token (None where Morfeusz has none)."""
        probs = self.tagger.probabilities(doc)
        class_probs = self.tagger.tags.by_class(probs)
        chosen: list[Analysis | None] = []
        for token in doc:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            dot = following is not None and following.text == "." and not token.whitespace_
            options = candidates(analyser, token.text, dot)
            if len(options) < 2:
                chosen.append(options[0] if options else None)
                continue
            context = WordContext(token.text, bool(token.is_sent_start) or token.i == 0,
                                  probs[token.i], class_probs[token.i])
            features = candidate_features(options, context, self.tagger.tags, self.scorer.priors)
            chosen.append(options[self.scorer.best(features)])
        return chosen
