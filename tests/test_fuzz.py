"""Random Unicode and Polish-like text through the whole pipeline: no exception, and the
RDF written for it parses back in a strict parser (pyoxigraph)."""
from __future__ import annotations

import hashlib

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuilder.extract import extract
from graphbuilder.iri import DEFAULT_BASE
from graphbuilder.rdf import to_dataset
from graphbuilder.types import Article

POLISH_WORDS = [
    "Prezydent", "Rosji", "Władimir", "Putin", "przybył", "do", "Kazachstanu", "nie", "przystąpi", "NATO",
    "odmówił", "przystąpienia", "BRICS", "stolicy", "kraju", "Astanie", ",", ".", "–", "„", "”", "spotkał",
    "się", "z", "ministrem", "spraw", "zagranicznych", "Ławrowem", "jak", "podaje", "Reuters", "i", "w",
    "Ursula", "von", "der", "Leyen", "rosyjski", "dyktator", "Kasym-Żomart", "MSZ", "Ukrainy", "\n", "były",
]
polish_like = st.lists(st.sampled_from(POLISH_WORDS), max_size=60).map(" ".join)
any_text = st.text(max_size=300)


def _article(text: str) -> Article:
    return Article(source="fuzz.txt", text=text, title=text[:40],
                   sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def _round_trip(nlp, ontology, text: str) -> None:
    extraction = extract(nlp(text), _article(text), ontology)
    dataset = to_dataset([extraction], DEFAULT_BASE)
    data = dataset.serialize(format="nquads", encoding="utf-8")
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(list(dataset.quads((None, None, None, None))))
    for fact in extraction.facts:
        sentence = extraction.sentences[fact.sentence]
        assert text[sentence.start:sentence.end] == sentence.text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=polish_like)
def test_fuzz_polish_like_text_goes_through(nlp, ontology, text):
    _round_trip(nlp, ontology, text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text)
def test_fuzz_any_unicode_goes_through(nlp, ontology, text):
    _round_trip(nlp, ontology, text.replace("\x00", ""))
