"""Pages of part of a built graph: one entity's neighbourhood, some classes, or the surer facts.

A whole graph.html of a big corpus is slow to read; a reader who follows one person or
only wants the countries gets a small page of the same kind (`graphbuilder html`).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from .html import render_html
from .network import to_networkx
from .ontology import load_ontology
from .store import open_store

DEFAULT_DEPTH = 1
FOLDS = str.maketrans({"ł": "l", "Ł": "l"})  # no combining mark to strip from these


class SubgraphError(ValueError):
    """A one-line reason why no page could be written."""


def write_subgraph(data: Path, out: Path, *, focus: str | None = None, depth: int = DEFAULT_DEPTH,
                   classes: Iterable[str] = (), min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """Write the page of the selected part of the graph under `data`; return that part.

    The confidence threshold applies first, so a neighbourhood follows only the surer facts.
    """
    graph = load_graph(data)
    title = "graphbuilder"
    if min_confidence > 0:
        graph = keep_confident(graph, min_confidence)
        title += f": pewność ≥ {min_confidence:.2f}"
    if focus:
        node = find_entity(graph, focus)
        graph = neighbourhood(graph, node, depth)
        title += f": {graph.nodes[node]['label']} ({depth} {'krok' if depth == 1 else 'kroki'})"
    if classes:
        graph = keep_classes(graph, list(classes))
        title += ": " + ", ".join(classes)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(graph, title=title), encoding="utf-8")
    return graph


def load_graph(data: Path) -> nx.MultiDiGraph:
    """The networkx graph of a build folder (its store) or of RDF files."""
    try:
        store = open_store([data], listings=False)
    except (OSError, SyntaxError, ValueError) as err:
        raise SubgraphError(f"cannot read RDF: {err} (run `graphbuilder build` or pass --data)") from err
    return to_networkx(store, load_ontology())


def fold(text: str) -> str:
    """Case and Polish diacritics do not matter when a user names an entity."""
    decomposed = unicodedata.normalize("NFD", text.translate(FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose label, or else one of whose aliases, is `name`."""
    wanted = fold(name)
    for field in ("label", "aliases"):
        for node, value in graph.nodes(data=field):
            names = value if isinstance(value, list) else [value]
            if any(fold(str(n)) == wanted for n in names):
                return node
    raise SubgraphError(f"unknown entity {name!r} (no label or alias matches)")


def neighbourhood(graph: nx.MultiDiGraph, node: str, depth: int) -> nx.MultiDiGraph:
    """The node and everything within `depth` relations of it, in either direction."""
    if depth < 0:
        raise SubgraphError(f"--depth must be 0 or more, not {depth}")
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=depth)
    return graph.subgraph(near).copy()


def keep_classes(graph: nx.MultiDiGraph, classes: list[str]) -> nx.MultiDiGraph:
    """Only the nodes of these classes (case-insensitive), and the relations among them."""
    known = {str(cls) for _, cls in graph.nodes(data="cls")}
    by_fold = {cls.casefold(): cls for cls in known}
    unknown = [cls for cls in classes if cls.casefold() not in by_fold]
    if unknown:
        raise SubgraphError(f"unknown class {unknown[0]!r} (classes here: {', '.join(sorted(known))})")
    wanted = {by_fold[cls.casefold()] for cls in classes}
    return graph.subgraph(n for n, cls in graph.nodes(data="cls") if cls in wanted).copy()


def keep_confident(graph: nx.MultiDiGraph, threshold: float) -> nx.MultiDiGraph:
    """Every entity, but only the facts and evidence sentences with confidence >= threshold."""
    kept = nx.MultiDiGraph(**graph.graph)
    kept.add_nodes_from(graph.nodes(data=True))
    for source, target, key, data in graph.edges(keys=True, data=True):
        if data.get("confidence", 0.0) >= threshold:
            evidence = [e for e in data.get("evidence", []) if e.get("confidence", 0.0) >= threshold]
            kept.add_edge(source, target, key=key, **{**data, "evidence": evidence})
    return kept
