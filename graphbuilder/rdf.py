"""Extractions -> an rdflib Dataset: one named graph per article, with provenance.

Each fact is a plain triple (so simple SPARQL works) in the article's named graph, and a
`gb:Assertion` (an `rdf:Statement` with PROV-O provenance) says which sentence of which
article states it, at which character offsets, by which rule and with what confidence.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from .iri import article_iri, assertion_iri, entity_iri
from .ontology import GB
from .types import ARTICLE, ArticleExtraction

SCHEMA = Namespace("https://schema.org/")
PREFIXES = {"gb": GB, "schema": SCHEMA, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "owl": OWL}


def prefixes(base: str) -> dict[str, str]:
    """The project's prefixes, for readable Turtle and TriG."""
    kinds = ("person", "country", "city", "location", "organization", "article", "assertion")
    standard = {"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}
    return {**standard, **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
            **{kind: f"{base}{kind}/" for kind in kinds}}


def bind_prefixes(graph: Graph, base: str) -> None:
    """Bind the project's prefixes to an rdflib graph."""
    for prefix, namespace in prefixes(base).items():
        graph.bind(prefix, Namespace(namespace))


def add_article(dataset: Dataset, extraction: ArticleExtraction, base: str) -> URIRef:
    """Add one article's named graph to the dataset; returns the article IRI."""
    article = extraction.article
    iri = article_iri(base, article.sha256)
    graph = dataset.graph(iri)
    graph.add((iri, RDF.type, GB.Article))
    graph.add((iri, DCTERMS.title, Literal(article.title, lang="pl")))
    graph.add((iri, GB.sourceFile, Literal(article.source)))
    graph.add((iri, GB.contentHash, Literal(article.sha256)))
    if article.date:
        graph.add((iri, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.url:
        graph.add((iri, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    entity_iris = {}
    for entity in extraction.entities:
        node = entity_iri(base, entity.top_class, entity.name)
        entity_iris[entity.key] = node
        graph.add((node, RDF.type, GB[entity.cls]))
        graph.add((node, RDFS.label, Literal(entity.name, lang="pl")))
        for alias in sorted(entity.aliases):
            graph.add((node, SKOS.altLabel, Literal(alias, lang="pl")))
        if entity.same_as:  # the node of the name the gazetteer prefers, which other articles may use
            graph.add((node, OWL.sameAs, entity_iri(base, entity.top_class, entity.same_as)))
        graph.add((iri, SCHEMA.mentions, node))
    for fact in extraction.facts:
        subject = iri if fact.subject == ARTICLE else entity_iris[fact.subject]
        obj = entity_iris[fact.object]
        graph.add((subject, GB[fact.predicate], obj))
        _add_assertion(graph, extraction, fact, subject, obj, iri, base)
    return iri


def _add_assertion(graph: Graph, extraction: ArticleExtraction, fact, subject: URIRef, obj: URIRef,
                   article: URIRef, base: str) -> None:
    sentence = extraction.sentences[fact.sentence]
    node = assertion_iri(base, extraction.article.sha256, str(subject), fact.predicate, str(obj), str(sentence.start))
    graph.add((node, RDF.type, GB.Assertion))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, GB[fact.predicate]))
    graph.add((node, RDF.object, obj))
    graph.add((node, GB.article, article))
    graph.add((node, GB.sentence, Literal(sentence.text)))
    graph.add((node, GB.startOffset, Literal(sentence.start, datatype=XSD.integer)))
    graph.add((node, GB.endOffset, Literal(sentence.end, datatype=XSD.integer)))
    graph.add((node, GB.confidence, Literal(Decimal(str(fact.confidence)), datatype=XSD.decimal)))
    graph.add((node, GB.rule, Literal(fact.rule)))
    if fact.modality:
        graph.add((node, GB.modality, Literal(fact.modality)))


def to_dataset(extractions: Iterable[ArticleExtraction], base: str) -> Dataset:
    """All articles as one dataset, a named graph each."""
    dataset = Dataset()
    bind_prefixes(dataset, base)
    for extraction in extractions:
        add_article(dataset, extraction, base)
    return dataset


def add_triples(graph: Graph, dataset: Dataset) -> None:
    """Every triple of every graph of the dataset, added to one graph."""
    for subject, predicate, obj, _context in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
