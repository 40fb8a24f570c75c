"""How often spaCy's Polish tokenizer disagrees with gold NKJP / UD segmentation.

The NER is trained on gold NKJP tokens, but at runtime graphbuilder tokenizes with
``spacy.blank("pl")``. This script re-tokenizes text and counts gold tokens that are not
matched one-to-one by a runtime token (same characters, same boundaries).

* NKJP: the text is rebuilt with :func:`training.convert_nkjp.guess_spaces` (the file has
  no whitespace), so part of the disagreement comes from wrong guesses.
* UD-PDB dev: the text is the real one (``SpaceAfter=No``); gold tokens are the syntactic
  words (``zrobiłem`` = ``zrobił`` + ``em``), as in NKJP.

Run::

    .venv/bin/python -m training.tokenization_check [--docs 400]
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Iterable, Sequence

import spacy
from spacy.training import Alignment

from training.convert_nkjp import DATA, guess_spaces, read_conllu, read_nkjp_documents


def text_of(words: Sequence[str], spaces: Sequence[bool]) -> str:
    """Join words with the given trailing spaces."""
    return "".join(w + (" " if s else "") for w, s in zip(words, spaces))


def mismatches(gold: Sequence[str], predicted: Sequence[str]) -> list[int]:
    """Indices of gold tokens not aligned one-to-one with a predicted token."""
    align = Alignment.from_strings(list(gold), list(predicted))
    lengths = align.x2y.lengths
    data = align.x2y.data
    y_lengths = align.y2x.lengths
    bad = []
    offset = 0
    for i, n in enumerate(lengths):
        if n != 1 or y_lengths[data[offset]] != 1:
            bad.append(i)
        offset += n
    return bad


def measure(
    name: str, samples: Iterable[tuple[list[str], list[bool]]], nlp: spacy.Language
) -> None:
    """Print the share of gold tokens and sentences the tokenizer gets wrong."""
    n_tokens = n_bad = n_sents = n_bad_sents = 0
    examples: Counter = Counter()
    for words, spaces in samples:
        predicted = [t.text for t in nlp.make_doc(text_of(words, spaces))]
        bad = mismatches(words, predicted)
        n_tokens += len(words)
        n_sents += 1
        n_bad += len(bad)
        n_bad_sents += bool(bad)
        examples.update(words[i] for i in bad)
    print(f"{name}: {n_bad}/{n_tokens} gold tokens not matched 1:1 "
          f"({100 * n_bad / n_tokens:.2f} %), {n_bad_sents}/{n_sents} sentences affected "
          f"({100 * n_bad_sents / n_sents:.1f} %)")
    print("  most frequent:", ", ".join(f"{w!r}×{c}" for w, c in examples.most_common(15)))


def nkjp_samples(n_docs: int) -> Iterable[tuple[list[str], list[bool]]]:
    """Sentences of every 10th NKJP document (up to ``n_docs``), with guessed spaces."""
    for index, document in enumerate(read_nkjp_documents()):
        if index % 10 != 5:
            continue
        if index // 10 >= n_docs:
            break
        for sentence in document.sentences:
            yield [t.orth for t in sentence], guess_spaces(sentence)


def ud_samples() -> Iterable[tuple[list[str], list[bool]]]:
    """Sentences of UD-PDB dev with their real spacing."""
    for sentence in read_conllu(DATA / "ud" / "PDB_pl_pdb-ud-dev.conllu"):
        yield [w.form for w in sentence], [w.space_after for w in sentence]


def main(argv: Sequence[str] | None = None) -> None:
    """Measure both corpora."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400, help="NKJP documents to sample")
    args = parser.parse_args(argv)
    nlp = spacy.blank("pl")
    measure("NKJP (guessed spaces)", nkjp_samples(args.docs), nlp)
    measure("UD-PDB dev (real spaces)", ud_samples(), nlp)


if __name__ == "__main__":
    main()
