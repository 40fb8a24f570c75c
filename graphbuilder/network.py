"""RDF -> networkx: one node per entity, one edge per fact with its evidence.

The MultiDiGraph follows the schema `graphbuilder.html` draws: nodes carry `label`,
`cls` (one of the five classes, or Article), `aliases` and `iri`; edges carry
`predicate`, `label` (Polish), `confidence` and `evidence` (sentence, article, title,
source file, confidence).
"""
from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .ontology import GB, Ontology

__all__ = ["to_networkx", "to_graphml_ready"]


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _node_class(graph: Graph, node: URIRef, ontology: Ontology) -> str | None:
    classes = {ontology.top_class.get(_local(t)) for t in graph.objects(node, RDF.type)}
    classes.discard(None)
    return min(classes) if classes else None


def _evidence(graph: Graph) -> dict[tuple, list[dict]]:
    """Evidence of every fact, keyed by (subject, predicate, object)."""
    evidence: dict[tuple, list[dict]] = defaultdict(list)
    for node in graph.subjects(RDF.type, GB.Assertion):
        article = graph.value(node, GB.article)
        key = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))
        evidence[key].append({
            "sentence": str(graph.value(node, GB.sentence)),
            "article": str(article),
            "title": str(graph.value(article, DCTERMS.title) or ""),
            "source": str(graph.value(article, GB.sourceFile) or ""),
            "confidence": float(graph.value(node, GB.confidence) or 0),
        })
    for items in evidence.values():
        items.sort(key=lambda e: (-e["confidence"], e["source"], e["sentence"]))
    return evidence


def _add_node(result: nx.MultiDiGraph, graph: Graph, node: URIRef, cls: str) -> None:
    label_predicate = DCTERMS.title if cls == "Article" else RDFS.label
    result.add_node(
        str(node),
        label=str(graph.value(node, label_predicate) or node),
        cls=cls,
        aliases=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
        iri=str(node),
    )


def to_networkx(graph: Graph, ontology: Ontology) -> nx.MultiDiGraph:
    """Build the entity graph from the union RDF graph: every entity, every fact."""
    result = nx.MultiDiGraph()
    evidence = _evidence(graph)
    for node in sorted(set(graph.subjects(RDFS.label))):
        cls = _node_class(graph, node, ontology)
        if cls and cls != "Article":
            _add_node(result, graph, node, cls)
    for predicate_name, predicate in sorted(ontology.predicates.items()):
        for subject, obj in sorted(graph.subject_objects(GB[predicate_name])):
            for node in (subject, obj):
                cls = _node_class(graph, node, ontology)
                if cls and str(node) not in result:
                    _add_node(result, graph, node, cls)
            items = evidence.get((subject, GB[predicate_name], obj), [])
            result.add_edge(
                str(subject), str(obj), key=predicate_name, predicate=predicate_name,
                label=predicate.label_pl, evidence=items,
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
