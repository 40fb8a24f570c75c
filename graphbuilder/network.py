"""RDF -> networkx: one node per entity, one edge per fact with its evidence.

Read from an Oxigraph store whose default graph is the union of the articles (as `build`
writes it and `open_store` loads files), with three SPARQL queries, so that a graph of
millions of triples never has to pass through rdflib. The MultiDiGraph follows the schema
`graphbuilder.html` draws: nodes carry `label`, `cls` (one of the five classes, or
Article), `aliases` and `iri`; edges carry `predicate`, `label` (Polish), `confidence`
and `evidence` (sentence, article, title, source file, confidence).
"""
from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx
import pyoxigraph as ox

from .ontology import GB, Ontology

__all__ = ["to_networkx", "to_graphml_ready"]

PREFIXES = f"""PREFIX gb: <{GB}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
NODES = PREFIXES + """SELECT ?node ?type ?label WHERE {
  ?node a ?type . OPTIONAL { ?node rdfs:label ?label } OPTIONAL { ?node dcterms:title ?label } }"""
ALIASES = PREFIXES + "SELECT ?node ?alias WHERE { ?node skos:altLabel ?alias }"
SAME_AS = PREFIXES + "SELECT ?node ?same WHERE { ?node owl:sameAs ?same }"
EVIDENCE = PREFIXES + """SELECT ?s ?p ?o ?sentence ?article ?title ?source ?confidence WHERE {
  ?a a gb:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:sentence ?sentence ;
     gb:article ?article ; gb:confidence ?confidence .
  OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article gb:sourceFile ?source } }"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _value(term) -> str:
    return "" if term is None else term.value


def _nodes(store: ox.Store, ontology: Ontology) -> dict[str, dict]:
    """Every typed node of one of the ontology's classes: its class and label. An
    entity typed with several top classes gets the first in alphabetical order."""
    classes: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for row in store.query(NODES):
        node = row["node"]
        kind = row["type"].value if isinstance(row["type"], ox.NamedNode) else ""
        top = ontology.top_class.get(_local(kind)) if kind.startswith(str(GB)) else None
        if top and isinstance(node, ox.NamedNode):
            classes[node.value].add(top)
            if row["label"] is not None:
                labels.setdefault(node.value, row["label"].value)
    return {node: {"cls": min(tops), "label": labels.get(node, node)} for node, tops in classes.items()}


def _aliases(store: ox.Store) -> dict[str, list[str]]:
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in store.query(ALIASES):
        aliases[_value(row["node"])].add(row["alias"].value)
    return {node: sorted(names) for node, names in aliases.items()}


def _evidence(store: ox.Store) -> dict[tuple[str, str, str], list[dict]]:
    """Evidence of every fact, keyed by (subject, predicate name, object)."""
    evidence: dict[tuple, list[dict]] = defaultdict(list)
    shared: dict[str, str] = {}  # one copy of each IRI, title and sentence: they repeat row after row

    def one(term) -> str:
        text = _value(term)
        return shared.setdefault(text, text)

    for row in store.query(EVIDENCE):
        key = (one(row["s"]), _local(row["p"].value), one(row["o"]))
        evidence[key].append({
            "sentence": one(row["sentence"]),
            "article": one(row["article"]),
            "title": one(row["title"]),
            "source": one(row["source"]),
            "confidence": float(row["confidence"].value),
        })
    for items in evidence.values():
        _strongest_first(items)
    return evidence


def _strongest_first(items: list[dict]) -> list[dict]:
    """The evidence sorted in place, the surest first, then by source file and sentence."""
    items.sort(key=lambda e: (-e["confidence"], e["source"], e["sentence"]))
    return items


def _merged(store: ox.Store, nodes: dict[str, dict]) -> dict[str, str]:
    """A place an article names by a variant spelling ("Erbil") -> the gazetteer's node
    ("Irbil") it is `owl:sameAs`, when another article gave the store that node: one place,
    one node, the variant's label among its aliases."""
    return {row["node"].value: row["same"].value for row in store.query(SAME_AS)
            if row["node"].value in nodes and row["same"].value in nodes}


def _facts(store: ox.Store, ontology: Ontology) -> list[tuple[str, str, str]]:
    """(subject, predicate name, object) of every fact, sorted."""
    values = " ".join(f"gb:{name}" for name in ontology.predicates)
    query = PREFIXES + f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"
    return sorted({(row["s"].value, _local(row["p"].value), row["o"].value) for row in store.query(query)},
                  key=lambda fact: (fact[1], fact[0], fact[2]))


def to_networkx(store: ox.Store, ontology: Ontology) -> nx.MultiDiGraph:
    """Build the entity graph from the store's default graph: every entity, every fact."""
    result = nx.MultiDiGraph()
    nodes, aliases, evidence = _nodes(store, ontology), _aliases(store), _evidence(store)
    same = _merged(store, nodes)
    for variant, node in same.items():
        aliases[node] = sorted({*aliases.get(node, []), nodes[variant]["label"], *aliases.get(variant, [])})

    def add(node: str) -> None:
        result.add_node(node, label=nodes[node]["label"], cls=nodes[node]["cls"],
                        aliases=aliases.get(node, []), iri=node)

    for node in sorted(nodes):
        if nodes[node]["cls"] != "Article" and node not in same:
            add(node)
    for subject, predicate, obj in _facts(store, ontology):
        if subject not in nodes or obj not in nodes:
            continue
        items = evidence.get((subject, predicate, obj), [])
        subject, obj = same.get(subject, subject), same.get(obj, obj)
        for node in (subject, obj):
            if node not in result:
                add(node)
        if result.has_edge(subject, obj, key=predicate):  # the same fact about the variant's node
            items = _strongest_first(result.edges[subject, obj, predicate]["evidence"] + items)
        result.add_edge(
            subject, obj, key=predicate, predicate=predicate,
            label=ontology.predicates[predicate].label_pl, evidence=items,
            confidence=max((e["confidence"] for e in items), default=0.0),
        )
    return result


def to_graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are scalars, as GraphML (Gephi, Cytoscape) needs."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, label=data["label"], cls=data["cls"], aliases="|".join(data["aliases"]))
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(
            source, target, key=key, predicate=data["predicate"], label=data["label"],
            confidence=data["confidence"],
            evidence="\n".join(e["sentence"] for e in data["evidence"]),
            sources=json.dumps(sorted({e["source"] for e in data["evidence"]}), ensure_ascii=False),
        )
    return flat
