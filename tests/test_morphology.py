"""Morfeusz morphology on spaCy tokens: lemmas, parts of speech, features, sentences."""
from __future__ import annotations

import pytest

from graphbuilder.morph import Analyser, strip_homonym, tag_features, ud_morph


@pytest.mark.parametrize("lemma, expected", [("prezydent:Sf", "prezydent"), ("Moskwa:Sm1", "Moskwa"), (":", ":"),
                                             ("do:P", "do"), ("Kraków", "Kraków")])
def test_morph_strips_homonym_markers(lemma, expected):
    assert strip_homonym(lemma) == expected


def test_morph_reads_dotted_tag_alternatives():
    features = tag_features("subst:sg:gen.acc:m1")
    assert features["case"] == {"gen", "acc"} and features["number"] == {"sg"} and features["gender"] == {"m1"}
    assert ud_morph("subst:sg:gen.acc:m1") == "Case=Acc,Gen|Gender=Masc|Number=Sing"


def test_morph_analyser_returns_every_reading_without_markers():
    readings = Analyser().analyse("Moskwa")
    assert {r.lemma for r in readings} == {"Moskwa"}
    assert any("nazwa_geograficzna" in r.categories for r in readings)


@pytest.mark.parametrize("text, word, lemma, pos", [
    ("Prezydent Rosji przybył do Kazachstanu.", "Kazachstanu", "Kazachstan", "PROPN"),
    ("Prezydent Rosji przybył do Kazachstanu.", "przybył", "przybyć", "VERB"),
    ("Prezydent Rosji przybył do Kazachstanu.", "Prezydent", "prezydent", "NOUN"),
    ("Spotkał się z ministrami spraw zagranicznych.", "ministrami", "minister", "NOUN"),
    ("Władze w Astanie niepokoją się.", "Astanie", "Astana", "PROPN"),
    ("Putin odwiedził Kazachstan.", "do", None, None),
])
def test_morphology_sets_lemma_and_pos(nlp, text, word, lemma, pos):
    doc = nlp(text)
    tokens = [t for t in doc if t.text == word]
    if lemma is None:
        assert not tokens
        return
    assert tokens[0].lemma_ == lemma and tokens[0].pos_ == pos


def test_morphology_uses_the_case_a_preposition_governs(nlp):
    token = [t for t in nlp("Przyjechał do Rosji w poniedziałek.") if t.text == "Rosji"][0]
    assert "Case=Gen" in str(token.morph)


def test_morphology_keeps_unknown_words_as_they_are(nlp):
    token = [t for t in nlp("Rozmawiał z Satkalijewem.") if t.text == "Satkalijewem"][0]
    assert token.lemma_ == "Satkalijewem" and token.pos_ == "PROPN"


def test_sentences_split_at_line_breaks_and_full_stops_not_abbreviations(nlp):
    doc = nlp("Flagi rosyjskie i ukraińskie\nW stolicy m.in. wyświetlono flagi. Putin przybył.")
    assert [s.text.strip() for s in doc.sents] == [
        "Flagi rosyjskie i ukraińskie", "W stolicy m.in. wyświetlono flagi.", "Putin przybył."]
