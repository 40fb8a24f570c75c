"""The gazetteer matcher: inflected names, abbreviations, overlaps, capitalisation."""
from __future__ import annotations

import pytest


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


CASES = ("mianownik", "dopełniacz", "celownik", "biernik", "narzędnik", "miejscownik", "wołacz")
FRAMES = ("{} zabrała głos.", "Nie ma {} w tym sporze.", "Przyglądano się {} z uwagą.", "Widzieli {} na szczycie.",
          "Rozmawiano z {} długo.", "Mówiono o {} długo.", "Witaj, {}!")


@pytest.mark.parametrize("name, forms", [
    ("Kazachstan", ("Kazachstan", "Kazachstanu", "Kazachstanowi", "Kazachstan", "Kazachstanem", "Kazachstanie",
                    "Kazachstanie")),
    ("Organizacja Narodów Zjednoczonych", (
        "Organizacja Narodów Zjednoczonych", "Organizacji Narodów Zjednoczonych", "Organizacji Narodów Zjednoczonych",
        "Organizację Narodów Zjednoczonych", "Organizacją Narodów Zjednoczonych", "Organizacji Narodów Zjednoczonych",
        "Organizacjo Narodów Zjednoczonych")),
    ("Nowy Jork", ("Nowy Jork", "Nowego Jorku", "Nowemu Jorkowi", "Nowy Jork", "Nowym Jorkiem", "Nowym Jorku",
                   "Nowy Jorku")),
], ids=["country", "multi-word organisation", "city"])
@pytest.mark.parametrize("case", range(7), ids=CASES)
def test_gazetteer_matches_a_name_in_all_seven_cases(nlp, name, forms, case):
    assert (forms[case], name) in matches(nlp, FRAMES[case].format(forms[case]))


def test_gazetteer_układ_warszawski_is_an_organisation(nlp):
    entry = next(e for e in nlp.get_pipe("gb_entities").lexicon.entries if e.name == "Układ Warszawski")
    assert entry.cls == "InternationalOrganization"
    assert ("Układu Warszawskiego", "Układ Warszawski") in matches(nlp, "Państwa byłego Układu Warszawskiego.")


def test_gazetteer_an_adjective_is_not_the_country_it_resembles(nlp):
    doc = nlp("Szefowa Polskiej Akcji Humanitarnej przyjechała do Polski.")
    assert [(e.text, e.label_) for e in nlp.get_pipe("gb_entities").gazetteer_spans(doc)] == [("Polski", "Country")]
    assert nlp.get_pipe("gb_entities").normaliser.phrase(doc[1:4]) == "Polska Akcja Humanitarna"


@pytest.mark.parametrize("text, form, name", [
    ("Rozmawiali w Pałacu Prezydenckim.", "Pałacu Prezydenckim", "Pałac Prezydencki"),  # the building, a place
    ("Szef Kancelarii Prezydenta RP mówił.", "Kancelarii Prezydenta RP", "Kancelaria Prezydenta Rzeczypospolitej Polskiej"),
    ("Szef Kancelarii Premiera mówił.", "Kancelarii Premiera", "Kancelaria Prezesa Rady Ministrów"),
])
def test_gazetteer_an_office_takes_its_full_name_and_its_seat_is_a_place(nlp, text, form, name):
    assert (form, name) in matches(nlp, text)


@pytest.mark.parametrize("text, form, name", [
    ("AfD wygrała wybory w Saksonii.", "Saksonii", "Saksonia"),  # a German Land, not a town
    ("Gubernator stanu Maryland przemawiał.", "Maryland", "Maryland"),
])
def test_gazetteer_knows_first_level_regions(nlp, text, form, name):
    assert (form, name) in matches(nlp, text)


def test_entities_an_inflected_alias_unknown_to_morfeusz_names_its_entry(nlp):
    assert [(e.text, e.kb_id_, e.label_) for e in nlp("Protesty w Xinjiangu trwały.").ents] \
        == [("Xinjiangu", "Xinjiang", "Region")]


def test_entities_a_towns_name_after_a_regions_noun_names_the_region(nlp):
    assert [(e.kb_id_, e.label_) for e in nlp("Bojownicy wyruszyli z prowincji Idlib.").ents] == [("Idlib", "Region")]
