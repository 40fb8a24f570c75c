"""How graph.html copes with big graphs: export time, file size, time to draw and to answer a click.

Generates random news-shaped graphs (a few hub countries and people, a long tail of rare
entities, evidence sentences on every edge), renders them with graphbuilder.html, and
opens each page from file:// in headless Debian Chromium with the network blocked, checks
that every node and edge is drawn, and prints the median of --runs runs: export, file size,
time until the data is parsed and until the graph is drawn (the page's own performance
marks, from navigation start), and until a click is answered. Usage: python benchmarks/html_scale.py [--runs 3] [--sizes 5000:10000 20000:40000]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from playwright.sync_api import sync_playwright

from graphbuilder.html import render_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 120_000
EX = "http://example.org/bench/"
CLASSES = ("Person", "Country", "City", "Location", "Organization")
CLASS_SHARE = (0.45, 0.05, 0.15, 0.1, 0.25)
PREDICATES = (("visits", "odwiedza"), ("meetsWith", "spotyka się z"), ("leaderOf", "jest przywódcą"),
              ("memberOf", "jest członkiem"), ("sanctions", "nakłada sankcje na"),
              ("locatedIn", "leży w"), ("attacked", "zaatakował"))
SYLLABLES = ("ła", "ko", "wić", "ski", "ró", "ża", "ma", "rek", "now", "ów", "cz", "ę", "śla", "dzi")
ZIPF = 0.9  # how strongly edges gather on the hubs


def name(rng: np.random.Generator) -> str:
    """A random Polish-looking name of two words."""
    word = lambda: "".join(rng.choice(SYLLABLES, rng.integers(2, 4))).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def news_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph with graphbuilder's schema: hubs by a Zipf law, one evidence sentence per edge."""
    rng = np.random.default_rng(seed)
    graph = nx.MultiDiGraph(title=f"benchmark {n_nodes} nodes")
    classes = rng.choice(len(CLASSES), n_nodes, p=CLASS_SHARE)
    for i, cls in enumerate(classes):
        label = name(rng)
        graph.add_node(f"{EX}{i}", label=label, cls=CLASSES[cls], iri=f"{EX}{i}",
                       aliases=[label + "a", label.split()[-1] + "em"])
    weights = 1.0 / np.arange(1, n_nodes + 1) ** ZIPF
    ends = rng.choice(n_nodes, (n_edges, 2), p=weights / weights.sum())
    for k, (s, o) in enumerate(ends):
        predicate, label = PREDICATES[k % len(PREDICATES)]
        evidence = [{"sentence": f"Zdanie numer {k} mówi, że {label} coś ważnego.",
                     "article": f"{EX}article/{k % 500}", "title": f"Artykuł {k % 500}",
                     "source": f"{k % 500}.txt", "confidence": 0.8}]
        graph.add_edge(f"{EX}{s}", f"{EX}{o}", predicate=predicate, label=label,
                       confidence=0.8, evidence=evidence)
    return graph


def export(graph: nx.MultiDiGraph, path: Path) -> float:
    """Seconds to render the page and write it."""
    started = time.perf_counter()
    path.write_text(render_html(graph), encoding="utf-8")
    return time.perf_counter() - started


def open_and_click(browser: Any, path: Path, graph: nx.MultiDiGraph, node: str) -> dict[str, float]:
    """Seconds until the page is drawn (dataset.ready), then until a click opens the panel."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page = context.new_page()
    started = time.perf_counter()
    page.goto(path.as_uri(), timeout=TIMEOUT_MS)
    page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=TIMEOUT_MS)
    ready = time.perf_counter() - started
    drawn = page.evaluate("[gbNetwork.body.nodeIndices.length, gbNetwork.body.edgeIndices.length]")
    if drawn != [graph.number_of_nodes(), graph.number_of_edges()]:
        raise RuntimeError(f"{path}: drew {drawn[0]} nodes and {drawn[1]} edges of {graph}")
    marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
    x, y = page.evaluate("""(id) => { const p = gbNetwork.canvasToDOM(gbNetwork.getPositions([id])[id]);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", node)
    started = time.perf_counter()
    page.mouse.click(x, y)
    # At the fitted zoom a neighbour may be drawn over the hub: any node's panel will do.
    page.wait_for_function("() => !document.getElementById('gb-panel').hidden", timeout=TIMEOUT_MS)
    click = time.perf_counter() - started
    context.close()
    return {"parsed_s": marks["gb-data-parsed"] / 1000, "drawn_s": marks["gb-drawn"] / 1000,
            "ready_s": ready, "click_s": click}


def bench(browser: Any, n_nodes: int, n_edges: int, runs: int, folder: Path) -> dict[str, float]:
    """Medians over `runs` exports and page loads of one graph size."""
    graph = news_graph(n_nodes, n_edges)
    hub = max(graph.nodes, key=graph.degree)
    path = folder / f"graph-{n_nodes}.html"
    exports, loads = [], []
    for _ in range(runs):
        exports.append(export(graph, path))
        loads.append(open_and_click(browser, path, graph, hub))
    medians = {key: statistics.median(load[key] for load in loads) for key in loads[0]}
    return {"export_s": statistics.median(exports), "size_mb": path.stat().st_size / 1e6, **medians}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", nargs="+", default=["5000:10000", "20000:40000"],
                        help="NODES:EDGES pairs")
    args = parser.parse_args()
    print("| nodes | edges | export (s) | file (MB) | data parsed (s) | drawn (s) | ready (s) "
          "| click answered (s) |")
    print("|---|---|---|---|---|---|---|---|")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in args.sizes:
            n_nodes, n_edges = (int(v) for v in size.split(":"))
            r = bench(browser, n_nodes, n_edges, args.runs, Path(tmp))
            print(f"| {n_nodes:,} | {n_edges:,} | {r['export_s']:.2f} | {r['size_mb']:.1f} "
                  f"| {r['parsed_s']:.2f} | {r['drawn_s']:.2f} | {r['ready_s']:.2f} "
                  f"| {r['click_s']:.2f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
