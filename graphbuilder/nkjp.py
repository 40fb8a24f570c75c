"""The spaCy pipeline trained on NKJP (`models/nkjp`), loaded once and shared.

The morphology uses its tok2vec and tagger, the entity rules ask its NER about names they
cannot classify. Both read the same tok2vec output (`doc.tensor`), so the CNN runs once per
document.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


def predicted_entities(doc: Doc) -> dict[tuple[int, int], str]:
    """The NER's entities of `doc` as (start, end) -> NKJP label; `doc.ents` is not touched."""
    ensure_tok2vec(doc)
    copy = doc.copy()
    copy.ents = []  # entities already set would constrain the NER
    ner = load_pipeline().get_pipe("ner")
    for label in ner.labels:  # the doc's own vocabulary must know the labels it is given
        copy.vocab.strings.add(label)
    ner.set_annotations([copy], ner.predict([copy]))
    return {(e.start, e.end): e.label_ for e in copy.ents}
