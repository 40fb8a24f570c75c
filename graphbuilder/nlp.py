"""The spaCy pipeline: blank Polish plus graphbuilder's components and their data."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .ontology import load_lexicon, ontology_dir

PIPELINE = ("gb_paragraphs", "sentencizer", "gb_morphology", "gb_entities", "gb_relations")


def build_nlp(ontology: Path | None = None) -> Language:
    """A Polish pipeline: sentences, Morfeusz morphology, entities, relations.

    Nothing is downloaded: the tokenizer is spaCy's Polish one with the abbreviations of
    `ontology/lexicon/abbreviations.txt`, the rest is Morfeusz and our data files.
    """
    directory = ontology or ontology_dir()
    nlp = spacy.blank("pl")
    for abbreviation in load_lexicon(directory).abbreviations:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    for name in PIPELINE:
        config = {"ontology": str(directory)} if name in {"gb_entities", "gb_relations"} else {}
        nlp.add_pipe(name, config=config)
    return nlp
