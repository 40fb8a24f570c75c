"""Lemma accuracy on UD Polish-PDB dev: Morfeusz 2 alone and Morfeusz 2 guided by our tagger.

Every syntactic word of ``PDB_pl_pdb-ud-dev.conllu`` counts (punctuation too; multi-word
tokens such as ``zrobiłem`` count as their words ``zrobił`` + ``em``). Each word form is
analysed on its own with ``morfeusz2.Morfeusz(expand_tags=False).analyse(form)``; the
candidates are the interpretations that start at node 0 and cover the whole form (when
none does, those starting at node 0). A lemma loses its homonym marker
(``prezydent:Sf`` → ``prezydent``); a form Morfeusz does not know (``ign``) is its own lemma.

* (a) ``morfeusz-first``: the first candidate.
* (b) ``morfeusz+tagger``: the candidate whose tag matches the reduced tag
  (``class:number:case:gender``) predicted by the NKJP pipeline's tagger, run on the gold
  UD tokens: an exact match first, then the most shared fields; ties keep Morfeusz order.

* (h) ``pipeline, heuristic`` and (c) ``pipeline, tagger+scorer``: the lemma the default
  ``build`` pipeline's morphology component (``gb_morphology``, with ``lemma_choice``
  ``"heuristic"`` or ``"scorer"``; always the packaged model, whatever ``--model`` says)
  gives each word. It runs on the gold tokens of each
  sentence as the runtime tokenizer would give them, a multi-word token (``zrobiłem``)
  being one token whose lemma goes to its first word (``zrobił``); its other words
  (``em``) take the lemma of their segment in Morfeusz's analysis of the token, as (b+)
  does. Elsewhere the runtime tokenizer differs on 1.6 % of words
  (``training/tokenization_check.py``).

* (b+) ``morfeusz+tagger, refined``: as (b), but a word inside a multi-word token is looked
  up among the segments of that token's analysis (``zrobiłem`` → ``em`` = ``być``), and ties
  prefer a lemma whose capitalisation fits the form (not for sentence-initial words), then
  the lemma more frequent in the UD training treebanks (LFG dev/test, PUD), then Morfeusz
  order. Not part of the brief's definition; shown to size cheap improvements.

The tagger's own accuracy against the gold XPOS (reduced) is printed first. Also
printed, as bounds rather than results: the same choice with the gold UD tag instead of
the predicted one, and the share of words for which some candidate has the gold lemma.
Lemmas are compared exactly and case-insensitively. PDB dev is for evaluation only (CC
BY-NC-SA); nothing shipped is trained on it.

Run from the repository root::

    .venv/bin/python benchmarks/lemmas_ud.py [--model graphbuilder/models/nkjp]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import morfeusz2  # noqa: E402
import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from training.convert_nkjp import DATA, UD_TRAIN_PATHS, UdWord, read_conllu  # noqa: E402
from graphbuilder.components.morphology import Morphology  # noqa: E402
from graphbuilder.tagset import TagFields, match_score, parse_reduced, reduce_tag  # noqa: E402

DEFAULT_MODEL = ROOT / "graphbuilder" / "models" / "nkjp"
PDB_DEV = DATA / "ud" / "PDB_pl_pdb-ud-dev.conllu"

Candidate = tuple[str, str]  # (lemma without homonym marker, Morfeusz tag)

MORFEUSZ = morfeusz2.Morfeusz(expand_tags=False)


def strip_homonym(lemma: str) -> str:
    """Drop Morfeusz's homonym marker: ``prezydent:Sf`` → ``prezydent``; ``:`` stays ``:``."""
    cut = lemma.find(":", 1)
    return lemma if cut < 0 else lemma[:cut]


@lru_cache(maxsize=200_000)
def candidates(form: str) -> tuple[Candidate, ...]:
    """Morfeusz's interpretations of ``form`` as ``(lemma, tag)``, in Morfeusz order."""
    analyses = MORFEUSZ.analyse(form)
    last = max((end for _, end, _ in analyses), default=1)
    chosen = [a for a in analyses if a[0] == 0 and a[1] == last] or [a for a in analyses if a[0] == 0]
    result = []
    for _, _, (_, lemma, tag, *_rest) in chosen:
        result.append((form if tag == "ign" else strip_homonym(lemma), tag))
    return tuple(result) or ((form, "ign"),)


@lru_cache(maxsize=50_000)
def segment_candidates(token: str, form: str) -> tuple[Candidate, ...]:
    """Interpretations of the segment ``form`` inside the analysis of the surface ``token``."""
    found = [
        (form if tag == "ign" else strip_homonym(lemma), tag)
        for _, _, (orth, lemma, tag, *_rest) in MORFEUSZ.analyse(token)
        if orth.lower() == form.lower()
    ]
    return tuple(dict.fromkeys(found)) or candidates(form)


@lru_cache(maxsize=1)
def lemma_counts() -> Counter:
    """Gold lemma frequencies of the UD treebanks the model may be trained on."""
    return Counter(w.lemma for path in UD_TRAIN_PATHS for s in read_conllu(path) for w in s)


def refined_lemma(word: UdWord, tag: TagFields | None, sentence_initial: bool) -> str:
    """(b+) tagger-guided choice with multi-word-token segments and better tie-breaks."""
    options = segment_candidates(word.token, word.form) if word.token else candidates(word.form)
    if tag is None:
        return options[0][0]
    counts = lemma_counts()

    def case_fit(lemma: str) -> int:
        if sentence_initial or not lemma or not word.form:
            return 0
        return int(lemma[0].isupper() == word.form[0].isupper())

    def key(i: int) -> tuple:
        lemma, candidate_tag = options[i]
        return (match_score(tag, candidate_tag), case_fit(lemma), counts[lemma], -i)

    return options[max(range(len(options)), key=key)][0]


def first_lemma(form: str, _tag: TagFields | None = None) -> str:
    """(a) the lemma of Morfeusz's first interpretation."""
    return candidates(form)[0][0]


def tagged_lemma(form: str, tag: TagFields | None) -> str:
    """(b) the lemma of the interpretation that best matches ``tag`` (ties: Morfeusz order)."""
    options = candidates(form)
    if tag is None:
        return options[0][0]
    best = max(range(len(options)), key=lambda i: (match_score(tag, options[i][1]), -i))
    return options[best][0]


def predict_tags(nlp: Language, sentences: Sequence[Sequence[UdWord]]) -> list[list[TagFields]]:
    """The tagger's reduced tags for the gold UD tokens of each sentence."""
    docs = (Doc(nlp.vocab, words=[w.form for w in s], spaces=[w.space_after for w in s])
            for s in sentences)
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        return [[parse_reduced(t.tag_) for t in doc] for doc in nlp.pipe(docs, batch_size=64)]


def surface_tokens(sentence: Sequence[UdWord]) -> list[list[UdWord]]:
    """The words grouped by surface token: a multi-word token's words form one group."""
    groups: list[list[UdWord]] = []
    for word in sentence:
        previous = groups[-1] if groups else []
        joined = "".join(w.form for w in previous)
        if word.token and previous and previous[0].token == word.token and joined != word.token:
            previous.append(word)
        else:
            groups.append([word])
    return groups


def pipeline_lemmas(sentences: Sequence[Sequence[UdWord]], lemma_choice: str) -> list[list[str]]:
    """The lemmas ``gb_morphology`` gives the words of each sentence (see (h), (c))."""
    component = Morphology(lemma_choice=lemma_choice)
    vocab = spacy.blank("pl").vocab
    lemmas = []
    for sentence in sentences:
        groups = surface_tokens(sentence)
        doc = Doc(vocab, words=[g[0].token or g[0].form for g in groups],
                  spaces=[g[-1].space_after for g in groups],
                  sent_starts=[i == 0 for i in range(len(groups))])
        words: list[str] = []
        for group, token in zip(groups, component(doc)):
            words.append(token.lemma_)
            words.extend(segment_candidates(w.token, w.form)[0][0] for w in group[1:])
        lemmas.append(words)
    return lemmas


@dataclass
class Tally:
    """Exact and case-insensitive hits of one method."""

    exact: int = 0
    folded: int = 0

    def add(self, predicted: str, gold: str) -> None:
        """Count one word."""
        self.exact += predicted == gold
        self.folded += predicted.lower() == gold.lower()


def evaluate(
    sentences: Sequence[Sequence[UdWord]],
    tags: Sequence[Sequence[TagFields]] | None,
    pipeline: dict[str, list[list[str]]],
) -> dict[str, Tally]:
    """Score every method over all words (``pipeline``: lemmas per method name)."""
    methods: dict[str, tuple[Callable[[str, TagFields | None], str], str]] = {
        "(a) morfeusz-first": (first_lemma, "none"),
        "(b) morfeusz+tagger": (tagged_lemma, "predicted"),
        "bound: morfeusz+gold tag": (tagged_lemma, "gold"),
    }
    tallies = {name: Tally() for name in methods}
    tallies["(b+) morfeusz+tagger, refined"] = Tally()
    tallies["bound: refined + gold tag"] = Tally()
    tallies["bound: any morfeusz lemma"] = Tally()
    for name, lemmas in pipeline.items():
        tallies[name] = Tally()
        for sentence, predicted in zip(sentences, lemmas):
            for word, lemma in zip(sentence, predicted):
                tallies[name].add(lemma, word.lemma)
    for s_index, sentence in enumerate(sentences):
        for w_index, word in enumerate(sentence):
            for name, (choose, source) in methods.items():
                if source == "predicted" and tags is None:
                    continue
                tag = {
                    "none": None,
                    "predicted": tags[s_index][w_index] if tags is not None else None,
                    "gold": parse_reduced(reduce_tag(word.xpos)),
                }[source]
                tallies[name].add(choose(word.form, tag), word.lemma)
            gold_tag = parse_reduced(reduce_tag(word.xpos))
            if tags is not None:
                refined = refined_lemma(word, tags[s_index][w_index], w_index == 0)
                tallies["(b+) morfeusz+tagger, refined"].add(refined, word.lemma)
            tallies["bound: refined + gold tag"].add(
                refined_lemma(word, gold_tag, w_index == 0), word.lemma)
            pool = candidates(word.form)
            if word.token:
                pool = tuple(dict.fromkeys(segment_candidates(word.token, word.form) + pool))
            lemmas = [c[0] for c in pool]
            hit = next((c for c in lemmas if c == word.lemma), None)
            hit_folded = next((c for c in lemmas if c.lower() == word.lemma.lower()), None)
            tallies["bound: any morfeusz lemma"].add(hit or hit_folded or lemmas[0], word.lemma)
    if tags is None:
        del tallies["(b) morfeusz+tagger"]
        del tallies["(b+) morfeusz+tagger, refined"]
    order = [
        "(a) morfeusz-first",
        "(h) pipeline, heuristic",
        "(b) morfeusz+tagger",
        "(b+) morfeusz+tagger, refined",
        "(c) pipeline, tagger+scorer",
        "bound: morfeusz+gold tag",
        "bound: refined + gold tag",
        "bound: any morfeusz lemma",
    ]
    return {name: tallies[name] for name in order if name in tallies}


def main(argv: Sequence[str] | None = None) -> None:
    """Load PDB dev and the model, print the accuracies."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--conllu", type=Path, default=PDB_DEV)
    parser.add_argument("--no-model", action="store_true", help="only Morfeusz-first")
    args = parser.parse_args(argv)

    sentences = list(read_conllu(args.conllu))
    n_words = sum(len(s) for s in sentences)
    tags = None if args.no_model else predict_tags(spacy.load(args.model), sentences)
    print(f"UD-PDB dev: {len(sentences)} sentences, {n_words} words; model: "
          f"{'none' if tags is None else args.model}")
    if tags is not None:
        gold = [parse_reduced(reduce_tag(w.xpos)) for s in sentences for w in s]
        predicted = [t for s in tags for t in s]
        same = sum(g == p for g, p in zip(gold, predicted))
        same_class = sum(g.cls == p.cls for g, p in zip(gold, predicted))
        print(f"tagger vs gold reduced XPOS: {100 * same / n_words:.2f} % "
              f"(class only: {100 * same_class / n_words:.2f} %)")
    print(f"{'method':<31} {'exact %':>8} {'no-case %':>10}")
    pipeline = {"(h) pipeline, heuristic": pipeline_lemmas(sentences, "heuristic")}
    if tags is not None:
        pipeline["(c) pipeline, tagger+scorer"] = pipeline_lemmas(sentences, "scorer")
    for name, tally in evaluate(sentences, tags, pipeline).items():
        print(f"{name:<31} {100 * tally.exact / n_words:8.2f} {100 * tally.folded / n_words:10.2f}")


if __name__ == "__main__":
    main()
