"""Node positions computed in Python, for graphs too big for physics in the browser.

vis-network's in-browser physics never settles on thousands of nodes (the page freezes),
while drawing precomputed positions with physics off takes seconds. igraph's grid
Fruchterman-Reingold lays out 20,000 nodes in about 2 s, where networkx' spring_layout
takes minutes and forceatlas2 needs O(n^2) memory. The seed is fixed, so the same graph
gives the same picture.
"""
from __future__ import annotations

import random
from typing import Hashable

import igraph
import networkx as nx
import numpy as np

SEED = 42
EDGE_LENGTH_PX = 120.0  # median drawn edge length: room for labels at the default zoom
ITERATION_BUDGET = 2_000_000  # iterations x nodes: about 2 s of igraph on one core
MIN_ITERATIONS = 100
MAX_ITERATIONS = 500


def positions(graph: nx.MultiDiGraph) -> dict[Hashable, tuple[float, float]]:
    """x, y in vis pixels for every node of the graph."""
    nodes = list(graph)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[s], index[t]))) for s, t in graph.edges() if s != t}
    coords = _fruchterman_reingold(len(nodes), sorted(pairs))
    coords = _scaled(coords, np.array(sorted(pairs), dtype=int).reshape(-1, 2))
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, coords)}


def _fruchterman_reingold(count: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    """igraph's grid FR from a seeded start, with as many iterations as the budget allows."""
    iterations = int(np.clip(ITERATION_BUDGET // count, MIN_ITERATIONS, MAX_ITERATIONS))
    start = np.random.default_rng(SEED).uniform(-1.0, 1.0, (count, 2)) * np.sqrt(count)
    graph = igraph.Graph(n=count, edges=pairs)
    igraph.set_random_number_generator(random.Random(SEED))  # grid FR draws random numbers
    try:
        layout = graph.layout_fruchterman_reingold(seed=start.tolist(), niter=iterations, grid=True)
    finally:
        igraph.set_random_number_generator(random)  # igraph's default generator
    return np.array(layout.coords, dtype=float).reshape(count, 2)


def _scaled(coords: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Centre the layout and scale it so the median edge is EDGE_LENGTH_PX long."""
    coords = coords - coords.mean(axis=0)
    lengths = np.linalg.norm(coords[pairs[:, 0]] - coords[pairs[:, 1]], axis=1)
    lengths = lengths[lengths > 0]
    unit = float(np.median(lengths)) if len(lengths) else 1.0
    return coords * (EDGE_LENGTH_PX / unit)
