"""Morfeusz morphology on spaCy tokens: lemmas, parts of speech, features, sentences."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.strings import get_string_id

import graphbuilder
from graphbuilder.lemma_choice import CHOOSER_PATH, FEATURES, AnalysisScorer, candidates
from graphbuilder.morf_embed import MORFEUSZ_FEATURES, MorfeuszFeatureExtractor, morfeusz_keys
from graphbuilder.morph import Analyser, strip_homonym, tag_features, ud_morph
from graphbuilder.nkjp import load_pipeline
from graphbuilder.nlp import build_nlp


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
@pytest.mark.parametrize("choice", ["scorer", "heuristic"])
def test_morphology_sets_lemma_and_pos(nlp, heuristic_nlp, choice, text, word, lemma, pos):
    doc = (nlp if choice == "scorer" else heuristic_nlp)(text)
    tokens = [t for t in doc if t.text == word]
    if lemma is None:
        assert not tokens
        return
    assert tokens[0].lemma_ == lemma and tokens[0].pos_ == pos


@pytest.mark.parametrize("choice", ["scorer", "heuristic"])
def test_morphology_uses_the_case_a_preposition_governs(nlp, heuristic_nlp, choice):
    pipeline = nlp if choice == "scorer" else heuristic_nlp
    token = [t for t in pipeline("Przyjechał do Rosji w poniedziałek.") if t.text == "Rosji"][0]
    assert "Case=Gen" in str(token.morph)


def test_morphology_keeps_unknown_words_as_they_are(nlp):
    token = [t for t in nlp("Rozmawiał z Satkalijewem.") if t.text == "Satkalijewem"][0]
    assert token.lemma_ == "Satkalijewem" and token.pos_ == "PROPN"


def test_sentences_split_at_line_breaks_and_full_stops_not_abbreviations(nlp):
    doc = nlp("Flagi rosyjskie i ukraińskie\nW stolicy m.in. wyświetlono flagi. Putin przybył.")
    assert [s.text.strip() for s in doc.sents] == [
        "Flagi rosyjskie i ukraińskie", "W stolicy m.in. wyświetlono flagi.", "Putin przybył."]


@pytest.mark.parametrize("text, word, lemma", [
    ("Inflacja wyniosła 5 proc. w maju.", "proc.", "procent"),
    ("Zgodnie z art. 5 ust. 2 ustawy.", "ust.", "ustęp"),
    ("Na wiec przyszło ok. 300 osób.", "ok.", "około"),
    ("Blok stoi przy ul. Długiej.", "ul.", "ulica"),
])
def test_morphology_reads_a_word_with_its_full_stop_as_an_abbreviation(nlp, text, word, lemma):
    token = next(t for t in nlp(text) if t.text == word)
    assert token.lemma_ == lemma and token._.analyses and all(a.pos_class == "brev" for a in token._.analyses)


def test_morph_the_full_stop_makes_the_abbreviation():
    analyser = Analyser()
    assert {a.lemma for a in analyser.analyse("ust")} == {"usta"}
    assert {a.lemma for a in analyser.analyse("ust.")} == {"ustęp"}


def test_sentences_do_not_end_at_an_initial_before_a_name(nlp):
    doc = nlp("Jak powiedział Z. Skowroński, rozmowy trwają. Potem wyszedł.")
    assert [s.text.strip() for s in doc.sents] == ["Jak powiedział Z. Skowroński, rozmowy trwają.", "Potem wyszedł."]


@pytest.fixture(scope="module")
def heuristic_nlp():
    """The pipeline choosing analyses by capitalisation and prepositions, without the tagger."""
    return build_nlp(lemma_choice="heuristic")


def _lemma(nlp, text: str, word: str) -> str:
    return next(t.lemma_ for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text, word, lemma", [
    # a noun, not the gerund of "zgromadzić" the heuristic picks
    ("Do spotkania doszło przy okazji obrad Zgromadzenia Ogólnego ONZ.", "Zgromadzenia", "zgromadzenie"),
    ("Od trzech lat mieszka w Polsce.", "lat", "rok"),  # not "lato"
    # abbreviations with their full stop, which Morfeusz reads as "brev"
    ("Umowę podpisano w 2022 r. w Astanie.", "r.", "rok"),
    ("Spotkanie zaplanowano na godz. 12.", "godz.", "godzina"),
    # inflected names keep their capitalised lemma
    ("Rozmawiał z Władimirem Putinem w Moskwie.", "Moskwie", "Moskwa"),
    ("Rozmawiał z Władimirem Putinem w Moskwie.", "Putinem", "Putin"),
])
def test_scorer_chooses_the_analysis_context_supports(nlp, text, word, lemma):
    assert _lemma(nlp, text, word) == lemma


def test_scorer_reads_a_split_off_full_stop_as_part_of_an_abbreviation():
    analyser = Analyser()
    assert {a.lemma for a in candidates(analyser, "ust", dot_follows=False)} == {"usta"}
    with_dot = candidates(analyser, "ust", dot_follows=True)
    assert {a.lemma for a in with_dot} == {"usta", "ustęp"}
    assert [a.lemma for a in candidates(analyser, "prof", dot_follows=True)] == ["profesor"]  # no "ign"


def test_scorer_ships_with_the_package_and_refuses_other_features(tmp_path):
    scorer = AnalysisScorer.load()
    assert CHOOSER_PATH.is_relative_to(Path(graphbuilder.__file__).parent)
    assert scorer.weights.shape == (len(FEATURES),)
    data = json.loads(CHOOSER_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        AnalysisScorer.load(tmp_path / "old.json")


def test_morphology_refuses_an_unknown_lemma_choice():
    with pytest.raises(ValueError, match="lemma_choice"):
        build_nlp(lemma_choice="oracle")


def test_morfeusz_embedding_features_are_the_forms_readings_classes_name_categories_and_lemmas():
    readings, classes, names, lemmas = morfeusz_keys("Kowalski")
    assert names == get_string_id("nazwisko") and classes == get_string_id("adj|subst")
    assert lemmas == get_string_id("kowalski")
    assert morfeusz_keys("Putina")[3] == morfeusz_keys("Putinem")[3] == get_string_id("putin")
    assert morfeusz_keys("zrobiłem")[1] == get_string_id("praet")  # first segment of zrobił|em
    assert morfeusz_keys("Kowalski") != morfeusz_keys("Warszawa")


def test_morfeusz_feature_extractor_appends_the_morfeusz_columns_to_the_spacy_attributes():
    doc = build_nlp().make_doc("Jan Kowalski pojechał do Warszawy.")
    (rows,) = MorfeuszFeatureExtractor(["NORM", "SHAPE"]).predict([doc])
    assert rows.shape == (len(doc), 2 + len(MORFEUSZ_FEATURES))
    assert [tuple(r[2:]) for r in rows.tolist()] == [morfeusz_keys(t.text) for t in doc]


def test_the_shipped_tok2vec_embeds_the_morfeusz_features():
    embed = load_pipeline().config["components"]["tok2vec"]["model"]["embed"]
    assert embed["@architectures"] == "graphbuilder.MorfeuszHashEmbed.v1"
