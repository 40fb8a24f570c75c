"""The gazetteer matcher: inflected names, abbreviations, overlaps, capitalisation."""
from __future__ import annotations


def matches(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "gb_morphology":
            break
    entities = nlp.get_pipe("gb_entities")
    return {(doc[start:end].text, name) for name, start, end in entities.gazetteer(doc)}


def test_gazetteer_matches_inflected_multiword_names(nlp):
    assert ("Unii Europejskiej", "Unia Europejska") in matches(nlp, "Mówił o Unii Europejskiej.")


def test_gazetteer_matches_abbreviations_exactly(nlp):
    found = matches(nlp, "Rada Bezpieczeństwa ONZ i onz.")
    assert ("ONZ", "Organizacja Narodów Zjednoczonych") in found
    assert ("onz", "Organizacja Narodów Zjednoczonych") not in found


def test_gazetteer_reports_overlapping_names(nlp):
    found = matches(nlp, "Obrady Zgromadzenia Ogólnego ONZ.")
    assert {name for _, name in found} >= {"Zgromadzenie Ogólne ONZ", "Organizacja Narodów Zjednoczonych"}


def test_gazetteer_lower_case_words_are_not_names(nlp):
    assert not matches(nlp, "wielka brytania to nie nazwa")
