"""Entity recognition: gazetteers on lemmas, unknown names, canonical nominatives, coreference."""
from __future__ import annotations

import pytest

from graphbuilder.nkjp import predicted_entities


def entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(span.kb_id_, span.label_) for span in nlp(text).ents}


@pytest.mark.parametrize("form", ["Rosja", "Rosji", "Rosję", "Rosją", "Rosjo"])
def test_entities_find_every_case_of_a_country(nlp, form):
    assert ("Rosja", "Country") in entities(nlp, f"Mówiono dziś o tym, że {form} jest ważna.")


@pytest.mark.parametrize("text, name, cls", [
    ("Delegacja przyjechała z Unii Europejskiej.", "Unia Europejska", "InternationalOrganization"),
    ("Rozmawiano o Stanach Zjednoczonych.", "Stany Zjednoczone", "Country"),
    ("Jak podaje The Moscow Times, rozmowy trwają.", "The Moscow Times", "MediaOrganization"),
    ("Szczyt odbył się w Nowym Jorku.", "Nowy Jork", "City"),
    ("Mówiono o krajach Azji Środkowej.", "Azja Środkowa", "Region"),
    ("Delegaci ONZ przyjechali.", "Organizacja Narodów Zjednoczonych", "InternationalOrganization"),
])
def test_entities_gazetteer_gives_canonical_names(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Mówiono o Władimirze Putinie.", "Władimir Putin"),
    ("Zaproszenie Władimira Putina przyjęto.", "Władimir Putin"),
    ("Rozmawiał z Emmanuelem Macronem.", "Emmanuel Macron"),
    ("Podczas wizyty Emmanuela Macrona podpisano umowy.", "Emmanuel Macron"),
    ("Spotkał się z ministrem Rustemem Umerowem.", "Rustem Umerow"),
    ("Rozmawiał z Joe Bidenem.", "Joe Biden"),
    ("Przemawiała Annalena Baerbock.", "Annalena Baerbock"),
    ("Przyjechał premier Fumio Kishida.", "Fumio Kishida"),
    ("Przemawiała Ursula von der Leyen.", "Ursula von der Leyen"),
    ("Spotkał się z premierem Japonii Fumio Kishidą.", "Fumio Kishida"),  # a man's name in -a
    ("Prezydent powitał premiera Japonii Fumio Kishidę.", "Fumio Kishida"),
    ("Rozmawiał z szefem ukraińskiej dyplomacji Andrijem Sybihą.", "Andrij Sybiha"),
])
def test_entities_put_person_names_into_the_nominative(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


def test_entities_hyphenated_unknown_names_use_forms_seen_elsewhere(nlp):
    found = entities(nlp, "Prezydent Kasym-Żomart Tokajew przemawiał. Wizyta Kasym-Żomarta Tokajewa trwała dwa dni.")
    assert found == {("Kasym-Żomart Tokajew", "Person")}


def test_entities_surname_alone_is_the_full_name(nlp):
    doc = nlp("Władimir Putin przybył do Astany. Putin spotkał się z prezydentem. Wizyta Putina trwała dwa dni.")
    people = [span.kb_id_ for span in doc.ents if span.label_ == "Person"]
    assert people == ["Władimir Putin"] * 3


@pytest.mark.parametrize("text", [
    "Kazachskie media sugerują, że władze się niepokoją.",
    "Rosyjski minister przyjechał.",
    "Flagi rosyjskie i ukraińskie\nW ramach wizyty wyświetlono flagi.",
    "Jak poinformował bloger, było zimno.",
    "Fakt, że rozmowy trwają, nie dziwi.",
])
def test_entities_adjectives_and_sentence_initial_words_are_not_entities(nlp, text):
    assert entities(nlp, text) == set()


def test_entities_nationality_adjectives_point_to_their_country(nlp):
    doc = nlp("Kazachski minister energetyki przemawiał.")
    assert doc[0]._.refers_to == ("Country", "Kazachstan")


def test_entities_head_noun_names_an_organisation_containing_a_place(nlp):
    assert ("Opera Astana", "Organization") in entities(nlp, "Władze Opery Astana wyświetliły flagę.")


def test_entities_routes_of_places_are_one_location(nlp):
    found = entities(nlp, "Ropa płynie rurociągiem Baku–Tbilisi–Ceyhan do Turcji.")
    assert ("Baku–Tbilisi–Ceyhan", "Pipeline") in found and ("Turcja", "Country") in found
    assert ("Baku", "City") not in found


def test_entities_acronyms_are_organisations(nlp):
    assert ("BRICS", "InternationalOrganization") in entities(nlp, "Kraj odmówił przystąpienia do BRICS.")


@pytest.mark.parametrize("text, name", [
    ("Jak poinformował były wiceszef MSW Ukrainy, było zimno.", "Ministerstwo Spraw Wewnętrznych Ukrainy"),
    ("Rzecznik polskiego MSZ zabrał głos.", "Ministerstwo Spraw Zagranicznych Polski"),
    ("Według Ministerstwa Spraw Zagranicznych Rosji rozmowy trwały.", "Ministerstwo Spraw Zagranicznych Rosji"),
    ("Rosyjskie Ministerstwo Obrony podało straty.", "Ministerstwo Obrony Rosji"),
    ("Komunikat wydało MSZ.", "Ministerstwo Spraw Zagranicznych Polski"),
])
def test_entities_institutions_every_country_has_take_the_country_into_their_name(nlp, text, name):
    assert (name, "GovernmentOrganization") in entities(nlp, text)


def test_entities_a_country_inside_a_longer_name_is_an_entity_too(nlp):
    doc = nlp("Obrady Zgromadzenia Ogólnego ONZ trwały tydzień.")
    assert ("Zgromadzenie Ogólne ONZ", "InternationalOrganization") in {(s.kb_id_, s.label_) for s in doc.ents}
    assert "Organizacja Narodów Zjednoczonych" in {s.kb_id_ for s in doc.spans["gb_nested"]}


@pytest.mark.parametrize("text, place", [
    ("Izrael zaatakował Strefę Gazy.", "Strefa Gazy"),
    ("Brazylia i Republika Południowej Afryki należą do BRICS.", "Republika Południowej Afryki"),
])
def test_entities_a_place_inside_a_place_name_is_no_entity(nlp, text, place):
    doc = nlp(text)
    assert place in {s.kb_id_ for s in doc.ents}
    assert not doc.spans["gb_nested"]


@pytest.mark.parametrize("country, genitive", [("Polska", "Polski"), ("Stany Zjednoczone", "Stanów Zjednoczonych"),
                                               ("Wielka Brytania", "Wielkiej Brytanii"), ("Niemcy", "Niemiec")])
def test_names_genitive_of_country_names(nlp, country, genitive):
    assert nlp.get_pipe("gb_entities").normaliser.genitive(country) == genitive


def test_entities_abbreviation_in_brackets_names_the_same_entity(nlp):
    doc = nlp("Eksperci Instytutu Spraw Globalnych (ISG) piszą o tym. Szef ISG Jan Kowalski przemawiał.")
    found = [(span.text, span.kb_id_) for span in doc.ents]
    assert found == [("Instytutu Spraw Globalnych", "Instytut Spraw Globalnych"), ("ISG", "Instytut Spraw Globalnych"),
                     ("ISG", "Instytut Spraw Globalnych"), ("Jan Kowalski", "Jan Kowalski")]


@pytest.mark.parametrize("abbreviation, name, expected", [
    ("OBWE", "Organizacja Bezpieczeństwa i Współpracy w Europie", True),
    ("ISG", "Instytut Spraw Globalnych", True),
    ("NATO", "Instytut Spraw Globalnych", False),
    ("I", "Instytut", False),
])
def test_coref_abbreviations_are_initials_in_order(abbreviation, name, expected):
    from graphbuilder.coref import abbreviates

    assert abbreviates(abbreviation, name) is expected


@pytest.mark.parametrize("text, name", [
    ("Rozmawiał z przewodniczącym ChRL Xi Jinpingiem.", "Xi Jinping"),
    ("Minister spraw zagranicznych Niemiec Annalena Baerbock napisała list.", "Annalena Baerbock"),
])
def test_entities_case_of_a_name_comes_from_its_role_noun_past_genitives(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


@pytest.mark.parametrize("text, name, cls", [
    ("Jak podaje The Baltic Times, rozmowy trwały.", "The Baltic Times", "MediaOrganization"),
    ("Kontrakt podpisała firma Northern Gas Holdings.", "Northern Gas Holdings", "Company"),
])
def test_entities_foreign_names_are_classed_by_their_words_not_as_people(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


def test_entities_a_shortened_organisation_name_is_the_full_one_given_before(nlp):
    doc = nlp("Do spotkania doszło przy okazji obrad Zgromadzenia Ogólnego ONZ. "
              "Rozmawiano o debacie generalnej Zgromadzenia Ogólnego.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [
        ("Zgromadzenia Ogólnego ONZ", "Zgromadzenie Ogólne ONZ"),
        ("Zgromadzenia Ogólnego", "Zgromadzenie Ogólne ONZ"),
    ]


@pytest.mark.parametrize("text, name", [
    ("Wczoraj Erdogan dodał, że Szwecja nie spełnia warunków.", "Erdogan"),
    ("Do Kijowa przyjechał Blinken.", "Blinken"),
])
def test_entities_the_ner_names_a_person_the_rules_cannot_classify(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


def test_entities_the_ner_does_not_add_organisations_or_places(nlp):
    doc = nlp("Według Zachodu sankcje działają.")
    assert predicted_entities(doc, [doc[1:2]]) == {(1, 2): "orgName"}  # "the West" is no organisation
    assert not doc.ents


def test_nkjp_ner_runs_on_the_sentences_asked_for_and_leaves_the_documents_entities_alone(nlp):
    doc = nlp("Wczoraj Erdogan przyjechał do Ankary. Do Kijowa przyjechał Blinken.")
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    predicted = predicted_entities(doc, [doc[9:10]])
    assert predicted[(9, 10)] == "persName" and all(start > 5 for start, _ in predicted)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_sentence_initial_common_noun_before_a_country_is_not_a_name(nlp):
    doc = nlp("Wojska Rosji zaatakowały Kijów.\nRząd Ukrainy zebrał się w nocy.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Rosji", "Rosja"), ("Kijów", "Kijów"), ("Ukrainy", "Ukraina")]
