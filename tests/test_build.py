"""End to end on the seed article: the files, the five facts by SPARQL, SHACL, GraphML."""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from graphbuilder.build import OUTPUT_FILES
from graphbuilder.ontology import GB
from graphbuilder.validate import check_shapes

GB_NS = str(GB)
SEED_FACTS = [
    ("Władimir Putin", "visits", "Kazachstan"),
    ("Kazachstan", "declinedToJoin", "BRICS"),
    ("Władimir Putin", "leaderOf", "Rosja"),
    ("Kasym-Żomart Tokajew", "leaderOf", "Kazachstan"),
    ("Astana", "capitalOf", "Kazachstan"),
]


def test_build_writes_every_output_file(seed_build):
    out, report = seed_build
    assert report.articles == 1 and not report.errors
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    assert not list(out.glob(".staging-*"))
    assert report.entities >= 15 and report.relations >= 8
    assert "1 articles" in report.summary()


@pytest.mark.parametrize("filename", ["graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"])
@pytest.mark.parametrize("subject, predicate, obj", SEED_FACTS)
def test_build_seed_facts_answer_sparql_in_oxigraph(seed_build, filename, subject, predicate, obj):
    out, _ = seed_build
    store = ox.Store()
    store.load(path=str(out / filename))
    query = f"""PREFIX gb: <{GB_NS}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK {{ ?s gb:{predicate} ?o . ?s rdfs:label "{subject}"@pl . ?o rdfs:label "{obj}"@pl . }}"""
    assert bool(store.query(query, use_default_graph_as_union=True))


def test_build_facts_have_their_evidence_sentence_and_offsets(seed_build):
    out, _ = seed_build
    store = ox.Store()
    store.load(path=str(out / "graph.trig"))
    rows = list(store.query(f"""PREFIX gb: <{GB_NS}>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?sentence ?start ?end ?confidence ?g WHERE {{ GRAPH ?g {{
          ?a rdf:predicate gb:declinedToJoin ; gb:sentence ?sentence ; gb:startOffset ?start ;
             gb:endOffset ?end ; gb:confidence ?confidence ; gb:article ?g . }} }}"""))
    assert len(rows) == 1
    row = rows[0]
    assert "odmówił przystąpienia do bloku gospodarczego BRICS" in row["sentence"].value
    from conftest import SEED

    seed_text = SEED.read_text(encoding="utf-8")
    assert seed_text[int(row["start"].value):int(row["end"].value)] == row["sentence"].value
    assert 0 < float(row["confidence"].value) <= 1


def test_build_entities_have_one_iri_label_and_aliases(seed_build):
    out, _ = seed_build
    graph = Graph().parse(out / "graph.ttl")
    putin = [s for s in graph.subjects(None, Literal("Władimir Putin", lang="pl"))]
    assert len(putin) == 1
    aliases = {str(a) for a in graph.objects(putin[0], URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert {"Putina", "Władimira Putina"} <= aliases
    assert (putin[0], RDF.type, GB.Person) in graph


def test_build_article_metadata(seed_build):
    out, _ = seed_build
    graph = Graph().parse(out / "graph.ttl")
    articles = list(graph.subjects(RDF.type, GB.Article))
    assert len(articles) == 1
    assert len(str(graph.value(articles[0], GB.contentHash))) == 64
    assert str(graph.value(articles[0], GB.sourceFile)).endswith("putin-visits-kazakhstan.txt")


def test_build_trig_has_one_named_graph_per_article(seed_build):
    out, _ = seed_build
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert len(names) == 1 and str(next(iter(names))).startswith("https://w3id.org/graphbuilder/resource/article/")


def test_build_output_conforms_to_the_shapes(seed_build):
    out, report = seed_build
    assert report.shapes is not None and report.shapes.conforms, report.shapes.text
    assert check_shapes(Graph().parse(out / "graph.ttl")).conforms


def test_shapes_reject_a_relation_outside_its_domain(seed_build):
    out, _ = seed_build
    graph = Graph().parse(out / "graph.ttl")
    kazakhstan = next(graph.subjects(None, Literal("Kazachstan", lang="pl")))
    astana = next(graph.subjects(None, Literal("Astana", lang="pl")))
    graph.add((kazakhstan, GB.visits, astana))  # a country cannot visit; and no evidence
    report = check_shapes(graph)
    assert not report.conforms
    assert "gb:Assertion" in report.text


def test_build_graphml_opens_in_networkx(seed_build):
    out, _ = seed_build
    graph = nx.read_graphml(out / "graph.graphml")
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"Władimir Putin", "Kazachstan", "BRICS", "Astana"} <= labels
    predicates = {data["predicate"] for _, _, data in graph.edges(data=True)}
    assert {"visits", "leaderOf", "declinedToJoin", "capitalOf"} <= predicates


def test_build_is_deterministic(seed_build, tmp_path):
    from graphbuilder.build import build
    from conftest import SEED

    out, _ = seed_build
    build([SEED], tmp_path)
    first = sorted((out / "graph.nq").read_text(encoding="utf-8").splitlines())
    second = sorted((tmp_path / "graph.nq").read_text(encoding="utf-8").splitlines())
    assert first == second


def test_build_joins_a_place_named_by_a_variant_spelling_to_the_gazetteers_node(tmp_path):
    """"Erbil" stays as the article writes it, `owl:sameAs` the gazetteer's "Irbil"; the
    network of both articles has one node for the town, the variant among its aliases."""
    from rdflib.namespace import OWL

    from graphbuilder.build import build
    from graphbuilder.iri import DEFAULT_BASE, entity_iri

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text("Erdogan w Erbilu\n\nPrezydent Turcji Recep Tayyip Erdogan przyleciał do Erbilu.\n",
                                    encoding="utf-8")
    (articles / "b.txt").write_text("Szczyt w Irbilu\n\nPremier Iraku Mohammed Szia al-Sudani przyleciał do Irbilu.\n",
                                    encoding="utf-8")
    build([articles], tmp_path / "out")
    dataset = Dataset()
    dataset.parse(tmp_path / "out" / "graph.trig", format="trig")
    erbil, irbil = (entity_iri(DEFAULT_BASE, "City", name) for name in ("Erbil", "Irbil"))
    assert len(list(dataset.quads((erbil, OWL.sameAs, irbil, None)))) == 1
    network = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    towns = {data["label"]: data["aliases"] for _, data in network.nodes(data=True) if data["cls"] == "City"}
    assert "Erbil" not in towns and "Erbil" in towns["Irbil"].split("|")
    visitors = {network.nodes[s]["label"] for s, o, data in network.edges(data=True)
                if data["predicate"] == "visits" and network.nodes[o]["label"] == "Irbil"}
    assert visitors == {"Recep Tayyip Erdogan", "Mohammed Szia al-Sudani"}
