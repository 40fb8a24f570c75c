"""Doc -> ArticleExtraction: which entities an article yields."""
from __future__ import annotations

from graphbuilder.extract import extract
from graphbuilder.types import Article


def entity_keys(nlp, ontology, text: str) -> set[tuple[str, str]]:
    article = Article("a.txt", text, "a", "0" * 64)
    return {entity.key for entity in extract(nlp(text), article, ontology).entities}


def test_extract_a_nationality_adjective_makes_its_country_an_entity_of_the_article(nlp, ontology):
    assert ("Country", "Rosja") in entity_keys(nlp, ontology, "Nad granicą pojawiły się rosyjskie drony.")


def test_extract_an_adjective_inside_a_name_and_a_demonym_make_no_entity(nlp, ontology):
    keys = entity_keys(nlp, ontology, "Prezydent Autonomii Palestyńskiej przemawiał. Albańczycy protestowali.")
    assert ("Country", "Palestyna") not in keys and ("Country", "Albania") not in keys
