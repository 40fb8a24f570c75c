"""Morfeusz 2 features for the NKJP pipeline's tok2vec (`graphbuilder.MorfeuszHashEmbed.v1`).

The tagger has to choose one of the readings Morfeusz allows for a form, and the NER gains
from knowing that Morfeusz has a form as a first name, surname or geographical name. Both
facts are hashed into embedding tables next to spaCy's NORM, PREFIX, SUFFIX and SHAPE.

The features are computed from the token text inside the model, so training and run time
(graphbuilder's own tokenizer, `graphbuilder/nkjp.py`) give the model identical input.
The architecture is registered when this module is imported; `graphbuilder.nkjp` imports
it and the `spacy_architectures` entry point lets `spacy.load` find it anywhere else.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List

import morfeusz2
import numpy
from spacy.attrs import intify_attr
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from graphbuilder.morph import strip_homonym
from graphbuilder.tagset import expand_tag

#: The Morfeusz columns added after the spaCy attributes, in this order. A model embeds
#: the first `len(morfeusz_rows)` of them; "lemmas" lets the inflected forms of a name
#: ("Putina", "Putinem") share one row.
MORFEUSZ_FEATURES: tuple[str, ...] = ("readings", "classes", "names", "lemmas")


@lru_cache(maxsize=1)
def _morfeusz() -> morfeusz2.Morfeusz:
    """One analyser with compact (dotted) tags, created on first use."""
    return morfeusz2.Morfeusz(expand_tags=False)


@lru_cache(maxsize=300_000)
def morfeusz_keys(form: str) -> tuple[int, int, int, int]:
    """Hashes of the form's reduced readings, classes, name categories and lower-case lemmas.

    The first segment is read, as the morphology component does, so an agglutinated
    runtime token (`zrobiłem`) gets the readings of `zrobił`.
    """
    readings: set[str] = set()
    names: set[str] = set()
    lemmas: set[str] = set()
    for start, _end, (_orth, lemma, tag, quals, *_rest) in _morfeusz().analyse(form):
        if start == 0:
            readings.update(r.render() for r in expand_tag(tag))
            names.update(quals)
            lemmas.add(strip_homonym(lemma).lower())
    classes = {r.split(":", 1)[0] for r in readings}
    return tuple(get_string_id("|".join(sorted(s))) for s in (readings, classes, names, lemmas))  # type: ignore[return-value]


def _extract_forward(model: Model, docs: List[Doc], is_train: bool):  # type: ignore[no-untyped-def]
    """One row a token: the spaCy attribute ids, then the Morfeusz feature hashes."""
    attrs = model.attrs["attrs"]
    rows = []
    for doc in docs:
        spacy_cols = doc.to_array(attrs).reshape((len(doc), len(attrs)))
        morf_cols = numpy.array([morfeusz_keys(t.text) for t in doc], dtype="uint64")
        features = numpy.hstack([spacy_cols, morf_cols.reshape((len(doc), len(MORFEUSZ_FEATURES)))])
        rows.append(model.ops.asarray2i(features, dtype="uint64"))
    return rows, lambda d_features: []


def MorfeuszFeatureExtractor(attrs: List[str]) -> Model[List[Doc], List[Ints2d]]:
    """A FeatureExtractor whose rows end with the :data:`MORFEUSZ_FEATURES` columns."""
    return Model("morfeusz_features", _extract_forward, attrs={"attrs": [intify_attr(a) for a in attrs]})


@registry.architectures("graphbuilder.MorfeuszHashEmbed.v1")
def morfeusz_hash_embed(
    width: int, attrs: List[str], rows: List[int], morfeusz_rows: List[int]
) -> Model[List[Doc], List[Floats2d]]:
    """spaCy's MultiHashEmbed (without static vectors) plus one table per Morfeusz feature.

    `morfeusz_rows` gives the rows of the readings, classes, names (and lemmas) tables.
    """
    all_rows = list(rows) + list(morfeusz_rows)
    if len(rows) != len(attrs) or not 1 <= len(morfeusz_rows) <= len(MORFEUSZ_FEATURES):
        raise ValueError(f"rows {rows} / morfeusz_rows {morfeusz_rows} do not fit attrs {attrs}")
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    return chain(
        MorfeuszFeatureExtractor(attrs),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
