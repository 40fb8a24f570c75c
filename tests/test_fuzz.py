"""Random Unicode and Polish-like text through the whole pipeline, from a file on disk to
RDF, GraphML and the HTML page: no exception, and the RDF parses back in a strict parser
(pyoxigraph). `benchmarks/fuzz.py` runs the same round trip on 5,000 examples each."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from graphbuilder.articles import InputError, read_article
from graphbuilder.extract import extract
from graphbuilder.html import render_html
from graphbuilder.iri import DEFAULT_BASE
from graphbuilder.network import to_graphml_ready, to_networkx
from graphbuilder.ontology import Ontology
from graphbuilder.rdf import to_dataset

CI_EXAMPLES = 200
POLISH_WORDS = [
    "Prezydent", "Rosji", "Władimir", "Putin", "przybył", "do", "Kazachstanu", "nie", "przystąpi", "NATO",
    "odmówił", "przystąpienia", "BRICS", "stolicy", "kraju", "Astanie", ",", ".", "–", "„", "”", "spotkał",
    "się", "z", "ministrem", "spraw", "zagranicznych", "Ławrowem", "jak", "podaje", "Reuters", "i", "w",
    "Ursula", "von", "der", "Leyen", "rosyjski", "dyktator", "Kasym-Żomart", "MSZ", "Ukrainy", "\n", "były",
]
polish_like = st.lists(st.sampled_from(POLISH_WORDS), max_size=60).map(" ".join)
any_text = st.text(max_size=300)


def round_trip(nlp, ontology: Ontology, text: str, folder: Path) -> int:
    """Write `text` to a file and take it through every stage of a build; returns the
    number of facts found. Only an empty file may be refused, with a one-line error."""
    path = folder / "fuzz.txt"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path)
    if isinstance(article, InputError):
        assert article.reason == "empty file" and "\n" not in str(article)
        return 0
    extraction = extract(nlp(article.text), article, ontology)
    for fact in extraction.facts:
        sentence = extraction.sentences[fact.sentence]
        assert article.text[sentence.start:sentence.end] == sentence.text
    dataset = to_dataset([extraction], DEFAULT_BASE)
    quads = list(ox.parse(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(list(dataset.quads((None, None, None, None))))
    store = ox.Store()  # as the build loads it: the article's graph, and the union as default graph
    store.extend(quads)
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    union = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    turtle = store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == len(union)
    network = to_networkx(store, ontology)
    nx.write_graphml(to_graphml_ready(network), io.BytesIO())
    assert render_html(network).rstrip().endswith("</html>")
    return len(extraction.facts)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=CI_EXAMPLES, deadline=None)
@given(text=polish_like)
@example(text="spotkał z Rosji")  # a name ending the text after a role's preposition
def test_fuzz_polish_like_text_goes_through(nlp, ontology, folder, text):
    round_trip(nlp, ontology, text, folder)


@settings(max_examples=CI_EXAMPLES, deadline=None)
@given(text=any_text)
def test_fuzz_any_unicode_goes_through(nlp, ontology, folder, text):
    round_trip(nlp, ontology, text, folder)
