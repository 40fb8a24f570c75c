"""Doc -> ArticleExtraction: which entities an article yields."""
from __future__ import annotations

from graphbuilder.extract import extract
from graphbuilder.types import Article


def entity_keys(nlp, ontology, text: str) -> set[tuple[str, str]]:
    article = Article("a.txt", text, "a", "0" * 64)
    return {entity.key for entity in extract(nlp(text), article, ontology).entities}


def test_extract_a_nationality_adjective_makes_its_country_an_entity_of_the_article(nlp, ontology):
    assert ("Country", "Rosja") in entity_keys(nlp, ontology, "Nad granicą pojawiły się rosyjskie drony.")


def test_extract_an_adjective_inside_a_name_and_a_plural_demonym_make_no_entity(nlp, ontology):
    keys = entity_keys(nlp, ontology, "Prezydent Autonomii Palestyńskiej przemawiał. Albańczycy protestowali.")
    assert ("Country", "Palestyna") not in keys and ("Country", "Albania") not in keys


def test_extract_a_singular_demonym_makes_its_country_an_entity_of_the_article(nlp, ontology):
    assert ("Country", "Portugalia") in entity_keys(nlp, ontology, "Portugalczyk mówił o pokoju.")


def test_extract_a_towns_adjective_before_its_noun_makes_the_town_an_entity(nlp, ontology):
    assert ("City", "Berlin") in entity_keys(nlp, ontology, "Więźniów powitano na berlińskim lotnisku.")


def test_extract_a_towns_adjective_after_a_noun_names_a_kind_and_no_town(nlp, ontology):
    keys = entity_keys(nlp, ontology, "Kanada zarzuciła Indiom łamanie konwencji wiedeńskiej.")
    assert ("City", "Wiedeń") not in keys


def test_extract_a_blocs_members_listed_after_a_colon_point_to_the_one_bloc_entity(nlp, ontology):
    keys = entity_keys(nlp, ontology, "Przybyli przywódcy państw G7: prezydent USA Joe Biden i premier Kanady Justin Trudeau.")
    assert ("Organization", "G7") in keys and not [k for k in keys if k[1] == "G7" and k[0] != "Organization"]


def test_extract_a_body_named_after_its_seat_is_a_place_where_people_meet_there(nlp, ontology):
    keys = entity_keys(nlp, ontology, "Prezydent Andrzej Duda spotkał się w Białym Domu z prezydentem USA Donaldem Trumpem.")
    assert ("Location", "Biały Dom") in keys and ("Organization", "Biały Dom") not in keys


def test_extract_a_body_named_after_its_seat_stays_a_body_when_it_acts_or_its_hosts_are_there(nlp, ontology):
    assert ("Organization", "Biały Dom") in entity_keys(nlp, ontology, "Biały Dom poinformował o wizycie.")
    assert ("Organization", "Biały Dom") in entity_keys(
        nlp, ontology, "Prezydent USA Donald Trump rozmawiał w Białym Domu z doradcami.")


def test_extract_a_towns_adjective_before_its_noun_after_another_noun_still_places(nlp, ontology):
    assert ("City", "Madryt") in entity_keys(nlp, ontology, "Rozmawiali w kuluarach madryckiego szczytu.")
