"""Render the knowledge graph as one self-contained, offline HTML page.

This is the only module that imports pyvis. pyvis collects the nodes and edges and
inlines vis-network (`cdn_resources="in_line"`), but the page comes from our own
template (`templates/graph.html`): pyvis' default one links Bootstrap from a CDN and
switches to `innerHTML` for some tooltips. Everything that comes from articles
(names, aliases, titles, sentences) reaches the page only as script-safe JSON and is
put into the DOM with `textContent`, and a Content-Security-Policy with script hashes
forbids every network request and every script we did not write.

The page stays usable at 20,000 nodes: big graphs get their positions from layout.py and
start with physics off, their edges are plain lines until a node's neighbourhood is lit,
the evidence is parsed only when first shown, and the node and edge lists are filled
directly (pyvis' add_node/add_edge search the lists on every call).
"""
from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from .layout import positions

DEFAULT_TITLE = "graphbuilder"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_FILE = "graph.html"
# pyvis' own template folder: our template includes vis-network from it (inlined).
PYVIS_TEMPLATE_DIR = Path(pyvis.__file__).resolve().parent / "templates"

# Colours (Tableau 10) and Polish names per ontology class, in legend order.
CLASS_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "Country": "#4e79a7",
    "City": "#59a14f",
    "Location": "#76b7b2",
    "Organization": "#f28e2b",
    "Article": "#b07aa1",
}
CLASS_NAMES_PL: dict[str, str] = {
    "Person": "Osoba",
    "Country": "Państwo",
    "City": "Miasto",
    "Location": "Miejsce",
    "Organization": "Organizacja",
    "Article": "Artykuł",
}
FALLBACK_COLOUR = "#9d9d9d"
NODE_SHAPES: dict[str, str] = {"Article": "square"}
DEFAULT_SHAPE = "dot"
EDGE_WIDTH_MIN = 1.0
EDGE_WIDTH_SPAN = 2.5  # extra width of an edge with confidence 1.0

# Characters that must not appear literally inside an inline <script>.
SCRIPT_JSON_ESCAPES: dict[str, str] = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
CSP_PLACEHOLDER = "GB-CSP-SCRIPT-HASHES"
CSP_TEMPLATE = (
    "default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
)

VIS_OPTIONS: dict[str, Any] = {
    "nodes": {
        "borderWidth": 1,
        "font": {"size": 15, "face": "sans-serif", "color": "#222222",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "color": {"color": "#a0a8b3", "highlight": "#3b3b3b", "hover": "#3b3b3b"},
        "font": {"size": 12, "face": "sans-serif", "color": "#555555",
                 "strokeWidth": 4, "strokeColor": "#ffffff", "align": "horizontal"},
        "smooth": {"enabled": True, "type": "dynamic"},
    },
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.01,
                             "springLength": 150, "springConstant": 0.06,
                             "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25,
                          "fit": True},
        "minVelocity": 0.75,
    },
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
    "layout": {"randomSeed": 42, "improvedLayout": True},  # same graph, same picture
}
# vis' improvedLayout (Kamada-Kawai) is slow and gives up on big graphs.
IMPROVED_LAYOUT_MAX_NODES = 100
# Above this, vis physics takes too long to settle: positions come from layout.py.
PHYSICS_MAX_NODES = 300
BIG_GRAPH_INTERACTION: dict[str, Any] = {"hideEdgesOnZoom": True, "tooltipDelay": 200}
# Node size grows with degree, from NODE_SIZE[0] to NODE_SIZE[1] px. It is computed here,
# not by vis' `value` scaling, which re-styles every node once more (0.7 s at 20,000 nodes).
NODE_SIZE = (10.0, 36.0)
# Big graphs: node labels from 12 px to 30 px by degree, so hubs are named first when
# zooming in, and skipped while smaller than 6 px on screen: drawing every label at every
# zoom doubled the time of a frame at 5,000 nodes.
BIG_LABEL_SIZE = (12, 30)
BIG_LABEL_DRAW_THRESHOLD = 6
BEND_STEP = 0.2  # roundness added per parallel edge between the same two nodes


def render_html(graph: nx.MultiDiGraph, *, title: str | None = None) -> str:
    """Return the whole page; the caller writes it (nothing touches the disk here)."""
    page_title = title or graph.graph.get("title") or DEFAULT_TITLE
    net = _build_network(graph, str(page_title))
    net.templateEnv = _template_env({"legend": _legend(graph), "relations": _relations(graph),
                                     "details": _details(graph), "plain_edges": _is_big(graph)})
    net.path = TEMPLATE_FILE
    return _add_csp(net.generate_html(name="graph.html"))


def _build_network(graph: nx.MultiDiGraph, page_title: str) -> Network:
    """Fill pyvis' node and edge lists directly: add_node/add_edge are O(N*E) together.

    `heading` only feeds our escaped <title>/<h1>. Big graphs get positions from
    layout.py and start with physics off; small ones settle with vis physics.
    """
    net = Network(directed=True, cdn_resources="in_line", heading=page_title)
    net.options = _vis_options(graph)  # a dict: pyvis json.dumps it into `options`
    big = _is_big(graph)
    where = positions(graph) if big else {}
    shares = _degree_shares(graph)
    net.nodes = [_node_options(node, data, shares[node], where.get(node), scaled_label=_has_many_nodes(graph))
                 for node, data in graph.nodes(data=True)]
    net.node_ids = [item["id"] for item in net.nodes]
    net.edges = [_edge_options(index, source, target, data, bend if big else None, labelled=not big)
                 for index, ((source, target, data), bend)
                 in enumerate(zip(graph.edges(data=True), _bends(graph)))]
    return net


def _is_big(graph: nx.MultiDiGraph) -> bool:
    """Too many nodes for vis physics to settle while the user waits."""
    return graph.number_of_nodes() > PHYSICS_MAX_NODES


def _has_many_nodes(graph: nx.MultiDiGraph) -> bool:
    """So many nodes that the whole graph is shown too small to read every label: labels
    then grow with degree, so that the hubs are named at once and the rest on zooming in."""
    return graph.number_of_nodes() > IMPROVED_LAYOUT_MAX_NODES


def _vis_options(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """VIS_OPTIONS, with the slow initial layout only where it pays off."""
    options = copy.deepcopy(VIS_OPTIONS)
    options["layout"]["improvedLayout"] = not _has_many_nodes(graph)
    if _has_many_nodes(graph):
        options["nodes"]["font"]["size"] = BIG_LABEL_SIZE[0]
        options["nodes"]["scaling"] = {"label": {"drawThreshold": BIG_LABEL_DRAW_THRESHOLD}}
    if _is_big(graph):
        options["physics"]["enabled"] = False
        options["edges"]["smooth"] = False  # per-edge curves only where edges run parallel
        options["interaction"].update(BIG_GRAPH_INTERACTION)
        options["edges"]["arrows"]["to"]["enabled"] = False  # the page adds them where lit
    return options


def _bends(graph: nx.MultiDiGraph) -> list[int]:
    """For each edge, how many edges between the same two nodes came before it."""
    seen: dict[frozenset, int] = {}
    bends = []
    for source, target in graph.edges():
        pair = frozenset((source, target))
        bends.append(seen.get(pair, 0))
        seen[pair] = bends[-1] + 1
    return bends


def _degree_shares(graph: nx.MultiDiGraph) -> dict[Any, float]:
    """Each node's degree scaled to 0..1 between the smallest and the largest (0.5 if all equal)."""
    degrees = dict(graph.degree())
    low, high = min(degrees.values(), default=0), max(degrees.values(), default=0)
    if high == low:
        return {node: 0.5 for node in degrees}
    return {node: (degree - low) / (high - low) for node, degree in degrees.items()}


def _node_options(node: Any, data: dict[str, Any], share: float,
                  xy: tuple[float, float] | None, *, scaled_label: bool) -> dict[str, Any]:
    """vis node fields, plus what the page builds the tooltip and the search index from.

    `share` is the node's degree scaled to 0..1; big graphs give it to the label size too,
    per node only where it differs from the global size (per-node fonts cost vis time).
    """
    cls = str(data.get("cls") or "")
    label = str(data.get("label") or node)
    options = {
        "id": str(node),
        "label": label,
        "shape": NODE_SHAPES.get(cls, DEFAULT_SHAPE),
        "color": CLASS_COLOURS.get(cls, FALLBACK_COLOUR),
        "size": round(NODE_SIZE[0] + share * (NODE_SIZE[1] - NODE_SIZE[0]), 1),
        "cls": cls,
        "aliases": [str(a) for a in data.get("aliases") or [] if str(a) != label],
    }
    label_size = round(BIG_LABEL_SIZE[0] + share * (BIG_LABEL_SIZE[1] - BIG_LABEL_SIZE[0]))
    if scaled_label and label_size > BIG_LABEL_SIZE[0]:
        options["font"] = {"size": label_size}
    if xy is not None:
        options["x"], options["y"] = xy
    return options


def _edge_id(index: int) -> str:
    """A unique id per edge, so parallel edges of a MultiDiGraph all show."""
    return f"e{index}"


def _edge_options(index: int, source: Any, target: Any, data: dict[str, Any],
                  bend: int | None, *, labelled: bool) -> dict[str, Any]:
    """vis edge fields; the arrow comes from the global options, the evidence from `_details`.

    `bend` (big graphs only) curves the n-th edge between two nodes away from the others.
    Unlabelled edges (big graphs) keep their name in `relation` only: vis measures every
    label on the first frame, and a frame of thousands of labels and arrows is twice as slow.
    """
    predicate = str(data.get("predicate") or "")
    confidence = _as_float(data.get("confidence"))
    relation = str(data.get("label") or predicate)
    options = {
        "id": _edge_id(index),
        "from": str(source),
        "to": str(target),
        "relation": relation,
        "predicate": predicate,
        "confidence": confidence,
        "width": EDGE_WIDTH_MIN + EDGE_WIDTH_SPAN * max(0.0, min(confidence, 1.0)),
    }
    if labelled:
        options["label"] = relation
    if bend:
        options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": BEND_STEP * bend}
    return options


def _details(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Evidence per edge id as [sentence, article index, confidence], and the articles once each.

    Kept apart from the nodes and edges: the page parses it only when a tooltip or the side
    panel first needs it, so the first draw of a big graph does not wait for every sentence.
    """
    articles: dict[tuple[str, str], int] = {}
    evidence: dict[str, list[list[Any]]] = {}
    for index, (_, _, data) in enumerate(graph.edges(data=True)):
        items = []
        for item in data.get("evidence") or []:
            article = (str(item.get("title") or ""), str(item.get("source") or ""))
            where = articles.setdefault(article, len(articles))
            items.append([str(item.get("sentence") or ""), where, _as_float(item.get("confidence"))])
        evidence[_edge_id(index)] = items
    return {"articles": [list(article) for article in articles], "evidence": evidence}


def _legend(graph: nx.MultiDiGraph) -> list[dict[str, str]]:
    """Classes present in the graph (known ones first, in CLASS_COLOURS order)."""
    present = {str(cls or "") for _, cls in graph.nodes(data="cls")}
    order = list(CLASS_COLOURS) + sorted(present - set(CLASS_COLOURS))
    return [{"cls": cls, "name": _class_name(cls),
             "colour": CLASS_COLOURS.get(cls, FALLBACK_COLOUR)}
            for cls in order if cls in present]


def _relations(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Relation types present, most frequent first, for the page's relation filter."""
    counts: dict[tuple[str, str], int] = {}
    for _, _, data in graph.edges(data=True):
        predicate = str(data.get("predicate") or "")
        key = (predicate, str(data.get("label") or predicate))
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"predicate": p, "label": label, "count": n} for (p, label), n in ranked]


def _class_name(cls: str) -> str:
    """'Osoba (Person)': Polish for the reader, the ontology name for the curious."""
    polish = CLASS_NAMES_PL.get(cls)
    return f"{polish} ({cls})" if polish else (cls or "?")


def _as_float(value: Any) -> float:
    """Confidence as a float, 0.0 when missing or malformed."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def script_json(value: Any) -> Markup:
    """JSON that is safe inside an inline <script>: no '</script>', '<!--' or '&'."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in SCRIPT_JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def _template_env(page: dict[str, Any]) -> Environment:
    """Our template first, pyvis' folder second (for the inlined vis-network files)."""
    loader = ChoiceLoader([FileSystemLoader(str(TEMPLATE_DIR)),
                           FileSystemLoader(str(PYVIS_TEMPLATE_DIR))])
    env = Environment(loader=loader, autoescape=True)
    env.filters["script_json"] = script_json
    env.globals.update(page)  # legend, relations, details, plain_edges
    return env


def _add_csp(html: str) -> str:
    """Allow exactly the inline scripts of the page (by hash); nothing else may run."""
    hashes = " ".join(_script_hash(body) for body in SCRIPT_RE.findall(html))
    return html.replace(CSP_PLACEHOLDER, CSP_TEMPLATE.format(hashes=hashes), 1)


def _script_hash(body: str) -> str:
    """CSP source expression for one inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
