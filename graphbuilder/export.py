"""Store -> RDF files: the union as Turtle and JSON-LD, the article graphs as TriG.

Oxigraph writes them straight from the store, so a build of many articles never holds
its whole graph in Python objects. `graph.nq` is written earlier, article by article,
by the RDF stage; these files are made from the store loaded from it.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from .rdf import prefixes

UNION_FILES = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.jsonld": ox.RdfFormat.JSON_LD}


def named_graph_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of every named graph, one graph after another."""
    for graph in sorted(store.named_graphs(), key=str):
        yield from store.quads_for_pattern(None, None, None, graph)


def write_rdf_files(store: ox.Store, folder: Path, base: str) -> list[str]:
    """Write graph.ttl, graph.jsonld (the default graph: the union of the articles) and
    graph.trig (one named graph per article); returns the file names."""
    names = prefixes(base)
    for name, fmt in UNION_FILES.items():
        store.dump(folder / name, fmt, from_graph=ox.DefaultGraph(), prefixes=names)
    ox.serialize(named_graph_quads(store), folder / "graph.trig", ox.RdfFormat.TRIG, prefixes=names)
    return [*UNION_FILES, "graph.trig"]
