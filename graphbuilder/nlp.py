"""The spaCy pipeline: blank Polish plus graphbuilder's components and their data."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .ontology import load_lexicon, ontology_dir

PIPELINE = ("gb_paragraphs", "sentencizer", "gb_morphology", "gb_entities", "gb_relations")


def build_nlp(ontology: Path | None = None, lemma_choice: str = "scorer") -> Language:
    """A Polish pipeline: sentences, Morfeusz morphology, entities, relations.

    Nothing is downloaded: the tokenizer is spaCy's Polish one with the abbreviations of
    `ontology/lexicon/abbreviations.txt`, the rest is Morfeusz, our data files and the
    tagger shipped in `graphbuilder/models/nkjp` (not with `lemma_choice="heuristic"`).
    """
    directory = ontology or ontology_dir()
    nlp = spacy.blank("pl")
    for abbreviation in load_lexicon(directory).abbreviations:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    configs = {
        "gb_morphology": {"lemma_choice": lemma_choice},
        "gb_entities": {"ontology": str(directory)},
        "gb_relations": {"ontology": str(directory)},
    }
    for name in PIPELINE:
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp
