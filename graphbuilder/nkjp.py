"""The spaCy pipeline trained on NKJP (`models/nkjp`), loaded once and shared.

The morphology uses its tok2vec and tagger, the entity rules ask its NER about names they
cannot classify. Both read the same tok2vec output (`doc.tensor`), so the CNN runs once per
document.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuilder import morf_embed  # noqa: F401  registers the tok2vec's Morfeusz embedding

MODEL_DIR = Path(__file__).resolve().parent / "models" / "nkjp"


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The NKJP pipeline from the package (nothing is downloaded)."""
    return spacy.load(MODEL_DIR)


def ensure_tok2vec(doc: Doc) -> None:
    """Run the shared tok2vec unless an earlier component already has (`doc.tensor`)."""
    if doc.tensor.size == 0 and len(doc):
        tok2vec = load_pipeline().get_pipe("tok2vec")
        tok2vec.set_annotations([doc], tok2vec.predict([doc]))


def predicted_entities(doc: Doc, within: Iterable[Span]) -> dict[tuple[int, int], str]:
    """The NER's entities in the sentences holding the `within` spans, as (start, end) in
    `doc` -> NKJP label. Only those sentences are run; `doc.ents` is not touched."""
    ensure_tok2vec(doc)
    ner = load_pipeline().get_pipe("ner")
    for label in ner.labels:  # the doc's own vocabulary must know the labels it is given
        doc.vocab.strings.add(label)
    found: dict[tuple[int, int], str] = {}
    for sentence in {span.sent.start: span.sent for span in within}.values():
        part = sentence.as_doc()  # keeps the sentence's rows of doc.tensor
        part.ents = []  # entities already set would constrain the NER
        ner.set_annotations([part], ner.predict([part]))
        found.update({(sentence.start + e.start, sentence.start + e.end): e.label_ for e in part.ents})
    return found
