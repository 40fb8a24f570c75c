"""The ontology is the contract: classes, predicates, labels, domains, ranges, rules."""
from __future__ import annotations

import pytest
from rdflib import RDFS, Graph, Literal

from graphbuilder.ontology import GB, load_lexicon, ontology_dir
from graphbuilder.rules import load_rules, parse_rule
from graphbuilder.types import ENTITY_CLASSES

PREDICATES = ("visits", "meetsWith", "leaderOf", "ministerOf", "memberOf", "declinedToJoin", "capitalOf",
              "locatedIn", "attacked", "sanctions", "agreementWith", "citizenOf", "affiliatedWith", "reportedBy")


def test_ontology_has_the_fourteen_predicates_with_labels_and_domains(ontology):
    assert set(PREDICATES) <= set(ontology.predicates)
    for name in PREDICATES:
        predicate = ontology.predicates[name]
        assert predicate.label_pl != name and predicate.label_en, name
        assert predicate.domain and predicate.range, name
        assert (GB[name], RDFS.domain, None) in ontology.graph, name
        assert (GB[name], RDFS.range, None) in ontology.graph, name


@pytest.mark.parametrize("cls, top", [
    ("Person", "Person"), ("MediaOrganization", "Organization"), ("Pipeline", "Location"),
    ("Region", "Location"), ("GovernmentOrganization", "Organization"), ("City", "City"), ("Article", "Article"),
])
def test_ontology_maps_finer_classes_to_one_top_class(ontology, cls, top):
    assert ontology.top_class[cls] == top


def test_ontology_top_classes_are_disjoint_so_scoring_is_unambiguous(ontology):
    for cls, top in ontology.top_class.items():
        assert top in (*ENTITY_CLASSES, "Article")
    for top in ENTITY_CLASSES:
        assert ontology.top_class[top] == top


def test_ontology_domains_and_ranges_follow_the_annotation_guide(ontology):
    assert ontology.allows("visits", "Person", "City")
    assert not ontology.allows("visits", "Country", "City")
    assert ontology.allows("leaderOf", "Person", "Organization")
    assert not ontology.allows("ministerOf", "Person", "Organization")
    assert ontology.allows("reportedBy", "Article", "Organization")
    assert ontology.allows("declinedToJoin", "Country", "Organization")
    assert ontology.predicates["meetsWith"].symmetric


def test_ontology_aligns_with_schema_org(ontology):
    schema = "https://schema.org/"
    aligned = {str(o) for s in ("Person", "Country", "City", "Location", "Organization", "Article")
               for o in ontology.graph.transitive_objects(GB[s], RDFS.subClassOf)} | \
              {str(o) for o in ontology.graph.objects(None, None) if str(o).startswith(schema)}
    for name in ("Person", "Country", "City", "Place", "Organization", "NewsArticle"):
        assert schema + name in aligned


def test_ontology_every_class_and_predicate_has_polish_and_english_labels(ontology):
    for cls in ontology.top_class:
        langs = {label.language for label in ontology.graph.objects(GB[cls], RDFS.label)}
        assert {"pl", "en"} <= langs, cls


def test_lexicon_loads_countries_adjectives_roles_and_abbreviations():
    lexicon = load_lexicon()
    names = {entry.name: entry for entry in lexicon.entries}
    assert names["Kazachstan"].cls == "Country"
    assert names["Astana"].cls == "City" and names["Astana"].country == "Kazachstan"
    assert names["The Moscow Times"].cls == "MediaOrganization"
    assert lexicon.adjectives["rosyjski"] == ("Country", "Rosja")
    assert lexicon.adjectives["unijny"] == ("InternationalOrganization", "Unia Europejska")
    assert lexicon.capitals["Kazachstan"] == "Astana"
    assert lexicon.roles["prezydent"] == "leaderOf"
    assert "m.in." in lexicon.abbreviations


def test_lexicon_classes_exist_in_the_ontology(ontology):
    for entry in load_lexicon().entries:
        assert entry.cls in ontology.top_class, entry


def test_rules_load_and_cover_every_predicate(ontology):
    rules = load_rules(ontology_dir(), load_lexicon(), ontology)
    assert {rule.predicate for rule in rules} | {r.negated for r in rules if r.negated} >= set(PREDICATES)
    assert all(rule.examples for rule in rules), "every rule carries an example"


@pytest.mark.parametrize("bad, message", [
    ({"predicate": "visitz"}, "unknown predicate"),
    ({"object": {"position": "right", "classes": ["Person"]}}, "outside visits"),
    ({"subject": {"position": "sideways"}}, "unknown position"),
    ({"trigger": []}, "no trigger"),
])
def test_rules_reject_what_the_ontology_does_not_allow(ontology, bad, message):
    from graphbuilder.rules import check_rule

    rule = {"id": "x", "predicate": "visits", "trigger": ["przybyć"], **bad}
    with pytest.raises(ValueError, match=message):
        check_rule(parse_rule(rule, load_lexicon(), "test"), ontology)


def test_rules_errors_name_the_file_line_and_rule(tmp_path, ontology):
    (tmp_path / "relations").mkdir()
    (tmp_path / "relations" / "bad.jsonl").write_text(
        '{"id": "ok", "predicate": "visits", "trigger": ["przybyć"]}\n'
        '{"id": "broken", "predicate": "nope", "trigger": ["x"]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: rule 'broken'"):
        load_rules(tmp_path, load_lexicon(), ontology)


def test_shapes_cover_every_relation():
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    targeted = {str(o).rsplit("#", 1)[-1] for o in shapes.objects(None, None) if str(o).startswith(str(GB))}
    assert set(PREDICATES) <= targeted
    assert Literal("A fact has no gb:Assertion giving its evidence sentence.") in set(shapes.objects())
