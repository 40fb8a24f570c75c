"""Tests for graphbuilder.iri: slugs and deterministic, strictly valid IRIs."""
from __future__ import annotations

import re

import pyoxigraph
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuilder.iri import DEFAULT_BASE, article_iri, assertion_iri, entity_iri, slug
from graphbuilder.types import ENTITY_CLASSES

SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SHA_A = "af94d4478491dc16" + "0" * 48
SHA_B = "0123456789abcdef" + "f" * 48


def _last_segment(iri) -> str:
    return str(iri).rsplit("/", 1)[1]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Władimir Putin", "wladimir-putin"),
        ("Kasym-Żomart Tokajew", "kasym-zomart-tokajew"),
        ("Łódź", "lodz"),
        ("Zażółć gęślą jaźń", "zazolc-gesla-jazn"),
        ("ŚWIĘTOKRZYSKIE", "swietokrzyskie"),
        ("  Bielsko-Biała  ", "bielsko-biala"),
        ("The Moscow Times", "the-moscow-times"),
        ("Baku-Tbilisi-Ceyhan", "baku-tbilisi-ceyhan"),
        ("Władimir\u00a0Putin", "wladimir-putin"),  # no-break space
        ("G7", "g7"),
        ("Straße", "strasse"),
        ("đoković", "dokovic"),
    ],
)
def test_iri_slug(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize(
    "name, expected",
    [("Øresund", "oresund"), ("Æthelred", "aethelred"), ("Đoković", "dokovic")],
)
def test_iri_slug_folds_capital_letters_like_small_ones(name, expected):
    assert slug(name) == expected == slug(name.lower())


@pytest.mark.parametrize(
    "name, expected",
    [("Baku–Tbilisi–Ceyhan", "baku-tbilisi-ceyhan"),  # as written in the seed article
     ("Austro—Węgry", "austro-wegry"),
     ("Bośnia·Hercegowina", "bosnia-hercegowina")],
)
def test_iri_slug_non_ascii_separators_become_hyphens(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize("top_class", ENTITY_CLASSES)
def test_iri_entity_iri_is_deterministic(top_class):
    first = entity_iri(DEFAULT_BASE, top_class, "Władimir Putin")
    assert first == entity_iri(DEFAULT_BASE, top_class, "Władimir Putin")
    assert str(first) == f"{DEFAULT_BASE}{top_class.lower()}/wladimir-putin"
    assert isinstance(first, rdflib.URIRef)


def test_iri_entity_iri_depends_on_class_and_name():
    iris = {entity_iri(DEFAULT_BASE, cls, name)
            for cls in ENTITY_CLASSES for name in ("Astana", "Kazachstan", "Władimir Putin")}
    assert len(iris) == len(ENTITY_CLASSES) * 3


def test_iri_entity_iri_uses_the_given_base():
    base = "http://example.org/kg/"
    assert str(entity_iri(base, "City", "Łódź")) == "http://example.org/kg/city/lodz"


NO_ASCII_LETTERS = ["Путин", "Медведев", "بوتين", "习近平", "😀", "😀😀", "🇵🇱", "!!!", "???", "–", "·", "", " "]


@pytest.mark.parametrize("name", NO_ASCII_LETTERS)
def test_iri_name_without_ascii_letters_gets_a_valid_segment(name):
    segment = _last_segment(entity_iri(DEFAULT_BASE, "Person", name))
    assert segment
    assert re.fullmatch(r"[0-9a-f]{16}", segment)
    assert segment == _last_segment(entity_iri(DEFAULT_BASE, "Person", name))


def test_iri_names_without_ascii_letters_get_distinct_segments():
    segments = {_last_segment(entity_iri(DEFAULT_BASE, "Person", n)) for n in NO_ASCII_LETTERS}
    assert len(segments) == len(NO_ASCII_LETTERS)


@pytest.mark.parametrize("one, two", [("Путин 2", "Медведев 2"), ("Си Цзиньпин 2024", "Путин 2024")])
def test_iri_names_without_ascii_letters_and_with_digits_stay_distinct(one, two):
    assert entity_iri(DEFAULT_BASE, "Person", one) != entity_iri(DEFAULT_BASE, "Person", two)


@settings(max_examples=300, deadline=None)
@given(name=st.text(), top_class=st.sampled_from(ENTITY_CLASSES))
def test_iri_entity_iri_is_valid_for_strict_parsers(name, top_class):
    iri = entity_iri(DEFAULT_BASE, top_class, name)
    assert str(iri).startswith(f"{DEFAULT_BASE}{top_class.lower()}/")
    assert SEGMENT.fullmatch(_last_segment(iri))
    assert pyoxigraph.NamedNode(str(iri)).value == str(iri)
    line = f'<{iri}> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n'
    graph = rdflib.Graph().parse(data=line, format="nt")
    assert list(graph.subjects()) == [iri]
    assert list(pyoxigraph.parse(line.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES))[0].subject \
        == pyoxigraph.NamedNode(str(iri))


@settings(max_examples=200, deadline=None)
@given(name=st.text())
def test_iri_slug_is_ascii_lowercase_words(name):
    result = slug(name)
    assert result == "" or SEGMENT.fullmatch(result)
    assert slug(name) == result


def test_iri_article_iri_is_deterministic():
    assert article_iri(DEFAULT_BASE, SHA_A) == article_iri(DEFAULT_BASE, SHA_A)
    assert str(article_iri(DEFAULT_BASE, SHA_A)) == f"{DEFAULT_BASE}article/af94d4478491dc16"
    assert article_iri(DEFAULT_BASE, SHA_A) != article_iri(DEFAULT_BASE, SHA_B)
    pyoxigraph.NamedNode(str(article_iri(DEFAULT_BASE, SHA_A)))


def test_iri_assertion_iri_is_deterministic():
    parts = (f"{DEFAULT_BASE}person/wladimir-putin", "visits", f"{DEFAULT_BASE}country/kazachstan", "0")
    first = assertion_iri(DEFAULT_BASE, SHA_A, *parts)
    assert first == assertion_iri(DEFAULT_BASE, SHA_A, *parts)
    assert str(first).startswith(f"{DEFAULT_BASE}assertion/")
    assert re.fullmatch(r"[0-9a-f]{16}", _last_segment(first))
    pyoxigraph.NamedNode(str(first))


@pytest.mark.parametrize(
    "article, parts",
    [
        (SHA_B, ("s", "visits", "o", "0")),      # another article
        (SHA_A, ("s", "visits", "o", "84")),     # another sentence
        (SHA_A, ("s", "leaderOf", "o", "0")),    # another predicate
        (SHA_A, ("o", "visits", "s", "0")),      # subject and object swapped
        (SHA_A, ("s", "visits", "o")),           # fewer parts
    ],
)
def test_iri_assertion_iri_depends_on_every_part(article, parts):
    assert assertion_iri(DEFAULT_BASE, article, *parts) != assertion_iri(DEFAULT_BASE, SHA_A, "s", "visits", "o", "0")
