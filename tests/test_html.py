"""Browser tests for graphbuilder.html: the page works offline, shows the graph, runs nothing.

They open the rendered page from file:// in Debian's Chromium (driven by Playwright)
with every non-file request aborted, and check what is really drawn.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import networkx as nx
import pytest

from graphbuilder.html import render_html, script_json

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
READY_TIMEOUT_MS = 30_000
TOOLTIP_TIMEOUT_MS = 5_000
EX = "http://example.org/graphbuilder/"

IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
SCRIPT = "</script><script>alert(1)</script>"
JS_LINK = '<a href="javascript:alert(1)">kliknij</a> javascript:alert(1)'
PAYLOADS = (IMG, SVG, SCRIPT, JS_LINK)
BAD_CLASS = "<img src=x onerror=alert(2)>"  # an unknown class must not break the legend

REMOTE_ATTR = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
REMOTE_CSS = re.compile(r"""(?:url\(\s*["']?\s*|@import\s+["']?)(?:https?:)?//""", re.I)

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


# --- graphs built by hand, following the schema of graphbuilder's graph ------------

def _evidence(sentence: str, title: str = "Wizyta w Kijowie", conf: float = 0.9) -> dict[str, Any]:
    """One evidence record as the graph stage writes it."""
    return {"sentence": sentence, "article": EX + "article/a1", "title": title,
            "source": "a1.txt", "confidence": conf}


def _node(g: nx.MultiDiGraph, local: str, label: str, cls: str,
          aliases: list[str] | None = None) -> str:
    """Add a node with the schema's attributes; return its IRI."""
    iri = EX + local
    g.add_node(iri, label=label, cls=cls, aliases=aliases or [], iri=iri)
    return iri


def _edge(g: nx.MultiDiGraph, s: str, o: str, predicate: str, label: str,
          evidence: list[dict[str, Any]], key: str | None = None) -> None:
    """Add an edge with the schema's attributes."""
    conf = max(e["confidence"] for e in evidence)
    g.add_edge(s, o, key=key or predicate, predicate=predicate, label=label,
               confidence=conf, evidence=evidence)


def small_graph() -> nx.MultiDiGraph:
    """A few politicians, countries, a city and an article."""
    g = nx.MultiDiGraph(title="Test: polityka")
    duda = _node(g, "Andrzej_Duda", "Andrzej Duda", "Person", ["Duda", "prezydent Duda"])
    zel = _node(g, "Wolodymyr_Zelenski", "Wołodymyr Zełenski", "Person", ["Zełenski"])
    pl = _node(g, "Polska", "Polska", "Country")
    ua = _node(g, "Ukraina", "Ukraina", "Country")
    kyiv = _node(g, "Kijow", "Kijów", "City", ["Kijowie"])
    nato = _node(g, "NATO", "NATO", "Organization", ["Sojusz Północnoatlantycki"])
    art = _node(g, "article/a1", "Wizyta w Kijowie", "Article")
    ev = [_evidence("Andrzej Duda odwiedził Kijów.")]
    _edge(g, duda, kyiv, "visits", "odwiedza", ev)
    _edge(g, duda, zel, "meetsWith", "spotyka się z", ev)
    _edge(g, duda, pl, "leaderOf", "jest przywódcą", ev)
    _edge(g, zel, ua, "leaderOf", "jest przywódcą", ev)
    _edge(g, kyiv, ua, "capitalOf", "jest stolicą", ev)
    _edge(g, pl, nato, "memberOf", "jest członkiem", ev)
    _edge(g, duda, art, "reportedBy", "opisany w", ev)
    return g


def multi_edge_graph() -> nx.MultiDiGraph:
    """Two parallel edges A->B (different predicates) and one reverse edge B->A."""
    g = nx.MultiDiGraph()
    a = _node(g, "A", "Rosja", "Country")
    b = _node(g, "B", "Ukraina", "Country")
    _edge(g, a, b, "attacked", "zaatakował", [_evidence("Rosja zaatakowała Ukrainę.")])
    _edge(g, a, b, "sanctions", "nakłada sankcje na", [_evidence("Rosja nakłada sankcje.")])
    _edge(g, b, a, "sanctions", "nakłada sankcje na", [_evidence("Ukraina nakłada sankcje.")])
    return g


def xss_graph() -> nx.MultiDiGraph:
    """Every text field that comes from articles carries an HTML/JS payload."""
    g = nx.MultiDiGraph()
    bad = _node(g, 'x"><svg onload=alert(1)>', IMG, "Person", [SVG, SCRIPT, JS_LINK])
    other = _node(g, "y</script>", SCRIPT, "Country", [IMG])
    weird = _node(g, "z", JS_LINK, BAD_CLASS)
    evidence = [_evidence(p, title=q) for p, q in zip(PAYLOADS, reversed(PAYLOADS))]
    _edge(g, bad, other, "visits", SVG, evidence)
    _edge(g, other, weird, "memberOf", "jest członkiem", [_evidence(SCRIPT, title=JS_LINK)])
    return g


# --- browser harness ----------------------------------------------------------------

@dataclass
class Loaded:
    """A page opened from file:// plus everything it tried to do."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        """Evaluate in the page."""
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the module."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_graph(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Render a graph to tmp_path, open it offline, wait until it is drawn and still."""
    contexts: list[Any] = []

    def _open(graph: nx.MultiDiGraph | Path, **kwargs: Any) -> Loaded:
        """Open a graph rendered here, or an HTML file already written (a Path)."""
        if isinstance(graph, Path):
            path = graph
        else:
            path = tmp_path / f"graph{len(contexts)}.html"
            path.write_text(render_html(graph, **kwargs), encoding="utf-8")
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        contexts.append(context)
        loaded = Loaded(page=context.new_page(), url=path.as_uri())
        _watch(context, loaded)
        loaded.page.goto(loaded.url)
        loaded.page.wait_for_function("() => document.body.dataset.ready === '1'",
                                      timeout=READY_TIMEOUT_MS)
        return loaded

    yield _open
    for context in contexts:
        context.close()


def _watch(context: Any, loaded: Loaded) -> None:
    """Abort and record every non-file request; record errors and dialogs."""
    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            loaded.blocked.append(r.request.url)
            r.abort()

    def on_dialog(d: Any) -> None:
        loaded.dialogs.append(d.message)
        d.dismiss()

    context.route("**/*", route)
    page = loaded.page
    page.on("request", lambda r: loaded.requests.append(r.url))
    page.on("requestfailed", lambda r: loaded.blocked.append(r.url))
    page.on("pageerror", lambda e: loaded.errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: m.type == "error" and loaded.errors.append(m.text))
    page.on("dialog", on_dialog)


def _hover(loaded: Loaded, canvas_point_js: str, arg: Any) -> str:
    """Move the mouse onto a canvas point; return the visible tooltip's textContent."""
    x, y = loaded.js(f"""(arg) => {{
        const p = gbNetwork.canvasToDOM({canvas_point_js});
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }}""", arg)
    loaded.page.mouse.move(x - 30, y - 30)
    loaded.page.mouse.move(x, y, steps=5)
    loaded.page.wait_for_function(
        """() => { const t = document.querySelector('div.vis-tooltip');
                   return t && t.style.visibility === 'visible' && t.textContent.length > 0; }""",
        timeout=TOOLTIP_TIMEOUT_MS)
    return loaded.js("document.querySelector('div.vis-tooltip').textContent")


def _hover_node(loaded: Loaded, node_id: str) -> str:
    """Tooltip text shown when the mouse is on a node."""
    return _hover(loaded, "gbNetwork.getPositions([arg])[arg]", node_id)


def _hover_edge(loaded: Loaded, edge_id: str) -> str:
    """Tooltip text shown when the mouse is on the middle of an edge."""
    return _hover(loaded, "gbNetwork.body.edges[arg].edgeType.getPoint(0.5)", edge_id)


def _assert_clean(loaded: Loaded) -> None:
    """Only the page itself was requested; nothing failed, errored or popped up."""
    assert loaded.blocked == []
    assert loaded.requests and set(loaded.requests) == {loaded.url}
    assert loaded.errors == []
    assert loaded.dialogs == []


PAGE_SCRIPTS = ["SCRIPT application/json #gb-graph", "SCRIPT application/json #gb-details", "SCRIPT  #"]


def _elements_from_data(loaded: Loaded) -> list[str]:
    """Elements in the body that could run or load something, other than the page's own scripts."""
    found = loaded.js("""[...document.querySelectorAll('body img, body svg, body iframe, body a, body script')]
        .map(e => e.tagName + ' ' + (e.type || '') + ' #' + e.id)""")
    assert found[:len(PAGE_SCRIPTS)] == PAGE_SCRIPTS
    return found[len(PAGE_SCRIPTS):]


# --- static checks ------------------------------------------------------------------

def test_markup_has_no_remote_reference() -> None:
    html = render_html(small_graph())
    assert REMOTE_ATTR.findall(html) == []
    assert REMOTE_CSS.findall(html) == []
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_embedded_data_cannot_close_the_script() -> None:
    html = render_html(xss_graph(), title=SCRIPT)
    assert html.count("</script>") == 4  # vis-network, two JSON blocks and our code: nothing else closes
    for payload in PAYLOADS:
        assert payload not in html
    assert str(script_json(["</script>&\u2028"])) == '["\\u003c/script\\u003e\\u0026\\u2028"]'


def test_render_writes_nothing_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    render_html(small_graph())
    assert list(tmp_path.iterdir()) == []


# --- browser checks -----------------------------------------------------------------

def test_page_loads_offline_without_errors(open_graph: Any) -> None:
    loaded = open_graph(small_graph())
    _assert_clean(loaded)
    assert loaded.page.title() == "Test: polityka"
    assert loaded.js("document.getElementById('gb-title').textContent") == "Test: polityka"


def test_draws_every_node_and_edge(open_graph: Any) -> None:
    g = small_graph()
    loaded = open_graph(g)
    assert loaded.js("gbNodes.length") == g.number_of_nodes()
    assert loaded.js("gbNetwork.body.data.nodes.length") == g.number_of_nodes()
    assert loaded.js("gbNetwork.body.data.edges.length") == g.number_of_edges()
    assert loaded.js("gbNetwork.body.nodeIndices.length") == g.number_of_nodes()
    assert loaded.js("gbNetwork.body.edgeIndices.length") == g.number_of_edges()
    positions = loaded.js("gbNetwork.getPositions()")
    assert set(positions) == set(g.nodes)
    assert loaded.js("gbNetwork.physics.physicsEnabled") is False  # the page went still
    labels = loaded.js("gbNodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(d["label"] for _, d in g.nodes(data=True))
    edge_labels = loaded.js("gbEdges.get().map(e => e.label)")
    assert sorted(edge_labels) == sorted(d["label"] for *_, d in g.edges(data=True))
    assert loaded.js("gbEdges.getIds().every(id => gbNetwork.body.edges[id].options.arrows.to.enabled)")


def test_node_size_grows_with_degree(open_graph: Any) -> None:
    loaded = open_graph(small_graph())
    sizes = loaded.js("""Object.fromEntries(gbNodes.getIds().map(
        id => [id, gbNetwork.body.nodes[id].options.size]))""")
    assert sizes[EX + "Andrzej_Duda"] > sizes[EX + "Wolodymyr_Zelenski"] > sizes[EX + "NATO"]


def test_legend_lists_each_class(open_graph: Any) -> None:
    loaded = open_graph(small_graph())
    items = loaded.js("""[...document.querySelectorAll('#gb-legend li')].map(
        li => [li.dataset.cls, li.textContent, getComputedStyle(li.firstChild).backgroundColor])""")
    assert [cls for cls, _, _ in items] == ["Person", "Country", "City", "Organization", "Article"]
    assert all(cls in text for cls, text, _ in items)
    assert len({colour for _, _, colour in items}) == len(items)  # one colour per class
    node_colours = loaded.js("""Object.fromEntries(gbNodes.get().map(n => [n.cls, n.color]))""")
    assert len(set(node_colours.values())) == len(items)


def test_tooltips_show_label_class_aliases_and_evidence(open_graph: Any) -> None:
    loaded = open_graph(small_graph())
    text = _hover_node(loaded, EX + "Andrzej_Duda")
    assert "Andrzej Duda" in text and "Person" in text and "prezydent Duda" in text
    text = _hover_edge(loaded, loaded.js("gbEdges.get().find(e => e.predicate === 'visits').id"))
    assert "odwiedza" in text and "visits" in text
    assert "Andrzej Duda odwiedził Kijów." in text and "Wizyta w Kijowie" in text
    assert "a1.txt" in text and "0.90" in text


def test_xss_payloads_are_shown_literally_and_never_run(open_graph: Any) -> None:
    g = xss_graph()
    loaded = open_graph(g, title=SCRIPT + IMG)
    _assert_clean(loaded)
    assert loaded.page.title() == SCRIPT + IMG
    assert loaded.js("document.getElementById('gb-title').textContent") == SCRIPT + IMG
    assert BAD_CLASS in loaded.js("document.getElementById('gb-legend').textContent")
    assert SVG in loaded.js("document.getElementById('gb-relation-list').textContent")
    bad = EX + 'x"><svg onload=alert(1)>'
    text = _hover_node(loaded, bad)
    for payload in PAYLOADS:
        assert payload in text
    edge_id = loaded.js("(id) => gbEdges.get().find(e => e.from === id).id", bad)
    text = _hover_edge(loaded, edge_id)
    for payload in PAYLOADS:
        assert payload in text
    assert _elements_from_data(loaded) == []
    loaded.page.wait_for_timeout(300)  # give any stray handler a chance to fire
    assert loaded.dialogs == [] and loaded.errors == []


def test_parallel_edges_are_all_drawn(open_graph: Any) -> None:
    g = multi_edge_graph()
    loaded = open_graph(g)
    _assert_clean(loaded)
    a, b = EX + "A", EX + "B"
    forward = loaded.js("([a, b]) => gbEdges.get().filter(e => e.from === a && e.to === b).length",
                        [a, b])
    assert forward == 2
    assert loaded.js("gbNetwork.body.edgeIndices.length") == 3
    ids = loaded.js("gbEdges.getIds()")
    assert len(set(ids)) == 3
    middles = loaded.js("""gbEdges.getIds().map(id => {
        const p = gbNetwork.body.edges[id].edgeType.getPoint(0.5);
        return [Math.round(p.x), Math.round(p.y)]; })""")
    assert len({tuple(m) for m in middles}) == 3  # curved apart, not on top of each other


def test_empty_graph_still_becomes_ready(open_graph: Any) -> None:
    loaded = open_graph(nx.MultiDiGraph())
    _assert_clean(loaded)
    assert loaded.page.title() == "graphbuilder"
    assert loaded.js("gbNodes.length") == 0


def test_built_seed_page_draws_every_node_offline(open_graph: Any, seed_build: Any) -> None:
    """The graph.html `graphbuilder build` wrote for the seed article, as a user opens it."""
    out, _report = seed_build
    graph = nx.read_graphml(out / "graph.graphml")
    loaded = open_graph(out / "graph.html")
    _assert_clean(loaded)
    assert loaded.js("gbNetwork.body.nodeIndices.length") == graph.number_of_nodes()
    assert loaded.js("gbNetwork.body.edgeIndices.length") == graph.number_of_edges()
    assert set(loaded.js("gbNetwork.getPositions()")) == set(graph.nodes)
    labels = set(loaded.js("gbNodes.get().map(n => n.label)"))
    assert {"Władimir Putin", "Kazachstan", "BRICS"} <= labels
    tooltip = _hover_node(loaded, next(n for n, d in graph.nodes(data=True) if d["label"] == "BRICS"))
    assert "BRICS" in tooltip


# --- exploring: search, filters, the side panel, physics, size -----------------------

def explore_graph() -> nx.MultiDiGraph:
    """small_graph plus Putin, whose aliases hold inflected forms."""
    g = small_graph()
    putin = _node(g, "Wladimir_Putin", "Władimir Putin", "Person", ["Władimira Putina", "Putin"])
    _edge(g, putin, EX + "Kijow", "attacked", "zaatakował",
          [_evidence("Władimir Putin zaatakował Kijów.", title="Atak na Kijów")])
    return g


def _search(loaded: Loaded, query: str) -> None:
    """Type a query into the search box and press Enter, as a user does."""
    box = loaded.page.locator("#gb-search")
    box.fill(query)
    box.press("Enter")


def _panel(loaded: Loaded) -> dict[str, Any]:
    """What the side panel shows: which item, and its text."""
    return loaded.js("""() => { const p = document.getElementById('gb-panel');
        return {hidden: p.hidden, id: p.dataset.id, text: p.textContent}; }""")


@pytest.mark.parametrize("query", ["Władimir Putin", "Putina", "putin", "wladimir", "WŁADIMIRA", "Putinem"])
def test_search_focuses_node_by_label_alias_inflection_or_without_diacritics(
        open_graph: Any, query: str) -> None:
    loaded = open_graph(explore_graph())
    putin = EX + "Wladimir_Putin"
    _search(loaded, query)
    assert _panel(loaded)["id"] == putin and not _panel(loaded)["hidden"]
    assert putin in loaded.js("gbNetwork.getSelectedNodes()")
    loaded.page.wait_for_function("""(id) => { const v = gbNetwork.getViewPosition();
        const p = gbNetwork.getPositions([id])[id];
        return Math.hypot(v.x - p.x, v.y - p.y) < 1; }""", arg=putin, timeout=TOOLTIP_TIMEOUT_MS)


def test_search_lists_matches_and_misses_nothing_else(open_graph: Any) -> None:
    loaded = open_graph(explore_graph())
    loaded.page.locator("#gb-search").fill("kijowie")
    hits = loaded.js("[...document.querySelectorAll('#gb-results button')].map(b => b.dataset.id)")
    assert hits == [EX + "Kijow", EX + "article/a1"]  # alias "Kijowie" ranks first
    assert loaded.js("gbSearch('zzzz')") == []


def test_class_filter_hides_that_class_and_its_edges(open_graph: Any) -> None:
    g = explore_graph()
    loaded = open_graph(g)
    loaded.page.locator('#gb-legend input[data-cls="Person"]').uncheck()
    hidden = loaded.js("""Object.fromEntries(gbNodes.getIds().map(
        id => [id, !!gbNetwork.body.nodes[id].options.hidden]))""")
    assert hidden == {n: d["cls"] == "Person" for n, d in g.nodes(data=True)}
    shown_edges = loaded.js("gbEdges.get().filter(e => !gbNetwork.body.edges[e.id].options.hidden).length")
    assert shown_edges == sum(1 for s, o in g.edges() if "Person" not in (g.nodes[s]["cls"], g.nodes[o]["cls"]))
    loaded.page.locator('#gb-legend input[data-cls="Person"]').check()
    assert loaded.js("gbNodes.getIds().filter(id => gbNetwork.body.nodes[id].options.hidden).length") == 0


def test_relation_filter_hides_that_relation(open_graph: Any) -> None:
    loaded = open_graph(explore_graph())
    loaded.page.locator("#gb-relations summary").click()
    loaded.page.locator('#gb-relation-list input[data-predicate="leaderOf"]').uncheck()
    shown = loaded.js("gbEdges.get().filter(e => !gbNetwork.body.edges[e.id].options.hidden).map(e => e.predicate)")
    assert "leaderOf" not in shown and len(shown) == explore_graph().number_of_edges() - 2


def test_click_highlights_neighbourhood_and_shows_evidence(open_graph: Any) -> None:
    loaded = open_graph(explore_graph())
    duda = EX + "Andrzej_Duda"
    x, y = loaded.js("""(id) => { const p = gbNetwork.canvasToDOM(gbNetwork.getPositions([id])[id]);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", duda)
    loaded.page.mouse.click(x, y)
    panel = _panel(loaded)
    assert panel["id"] == duda and not panel["hidden"]
    assert "Andrzej Duda odwiedził Kijów." in panel["text"] and "a1.txt" in panel["text"]
    assert "Wizyta w Kijowie" in panel["text"] and "odwiedza" in panel["text"]
    selected = set(loaded.js("gbNetwork.getSelectedNodes()"))
    assert selected == {duda, EX + "Kijow", EX + "Wolodymyr_Zelenski", EX + "Polska", EX + "article/a1"}
    assert loaded.js("(id) => gbNetwork.body.nodes[id].options.opacity", EX + "NATO") < 1
    loaded.page.locator("#gb-panel button.gb-link", has_text="Kijów").first.click()
    assert _panel(loaded)["id"] == EX + "Kijow"
    assert "Władimir Putin zaatakował Kijów." in _panel(loaded)["text"]
    loaded.page.locator("#gb-panel-close").click()
    assert _panel(loaded)["hidden"] and loaded.js("gbNetwork.getSelectedNodes()") == []


def test_physics_toggle(open_graph: Any) -> None:
    loaded = open_graph(small_graph())
    assert loaded.js("gbNetwork.physics.physicsEnabled") is False
    loaded.page.locator("#gb-physics").check()
    assert loaded.js("gbNetwork.physics.physicsEnabled") is True
    loaded.page.locator("#gb-physics").uncheck()
    assert loaded.js("gbNetwork.physics.physicsEnabled") is False


def test_xss_payloads_stay_inert_in_search_and_panel(open_graph: Any) -> None:
    loaded = open_graph(xss_graph())
    bad = EX + 'x"><svg onload=alert(1)>'
    loaded.page.locator("#gb-search").fill("img src")
    results = loaded.js("document.getElementById('gb-results').textContent")
    assert IMG in results
    loaded.js("(id) => gbFocus(id)", bad)
    text = _panel(loaded)["text"]
    for payload in PAYLOADS:
        assert payload in text
    loaded.page.wait_for_timeout(300)
    assert _elements_from_data(loaded) == []
    assert loaded.dialogs == [] and loaded.errors == []


def confidence_graph() -> nx.MultiDiGraph:
    """explore_graph plus a weak fact (0.4) and a fact with a strong and a weak sentence."""
    g = explore_graph()
    duda, nato = EX + "Andrzej_Duda", EX + "NATO"
    _edge(g, duda, nato, "memberOf", "jest członkiem", [_evidence("Duda może wejść do NATO.", conf=0.4)])
    _edge(g, duda, EX + "Ukraina", "visits", "odwiedza",
          [_evidence("Duda odwiedził Ukrainę.", conf=0.9), _evidence("Duda mógł być na Ukrainie.", conf=0.5)])
    return g


def _set_confidence(loaded: Loaded, steps: int) -> None:
    """Move the confidence slider from 0 by `steps` of 0.05 with the keyboard, as a user does."""
    slider = loaded.page.locator("#gb-confidence")
    slider.press("Home")
    for _ in range(steps):
        slider.press("ArrowRight")


def test_confidence_slider_hides_weaker_relations_and_their_evidence(open_graph: Any) -> None:
    g = confidence_graph()
    loaded = open_graph(g)
    duda = EX + "Andrzej_Duda"
    loaded.js("(id) => gbFocus(id)", duda)
    assert "Duda może wejść do NATO." in _panel(loaded)["text"]
    _set_confidence(loaded, 12)
    assert loaded.js("document.getElementById('gb-confidence-value').textContent") == "0.60"
    shown = loaded.js("gbEdges.getIds().filter(id => !gbNetwork.body.edges[id].options.hidden)")
    assert len(shown) == g.number_of_edges() - 1
    assert loaded.js("(ids) => gbEdges.get(ids).every(e => e.confidence >= 0.6)", shown)
    text = _panel(loaded)["text"]
    assert _panel(loaded)["id"] == duda and "Duda może wejść do NATO." not in text
    assert "Duda odwiedził Ukrainę." in text and "Duda mógł być na Ukrainie." not in text
    assert "ukryte przez filtry: 1" in text and "zdania poniżej progu pewności: 1" in text
    _set_confidence(loaded, 0)
    assert loaded.js("gbEdges.getIds().filter(id => gbNetwork.body.edges[id].options.hidden).length") == 0
    assert "Duda mógł być na Ukrainie." in _panel(loaded)["text"]
    _assert_clean(loaded)


def test_keep_confident_drops_weaker_facts_and_sentences() -> None:
    from graphbuilder.subgraph import keep_confident

    g = confidence_graph()
    kept = keep_confident(g, 0.6)
    assert set(kept.nodes) == set(g.nodes)
    assert kept.number_of_edges() == g.number_of_edges() - 1
    assert all(d["confidence"] >= 0.6 for *_, d in kept.edges(data=True))
    visits = [d for s, o, d in kept.edges(data=True) if o == EX + "Ukraina" and d["predicate"] == "visits"]
    assert [e["sentence"] for e in visits[0]["evidence"]] == ["Duda odwiedził Ukrainę."]
    assert len(g.edges[EX + "Andrzej_Duda", EX + "Ukraina", "visits"]["evidence"]) == 2  # input untouched


def big_graph(n_nodes: int = 400) -> nx.MultiDiGraph:
    """A ring with chords and a parallel edge: past the size where vis physics is used."""
    g = nx.MultiDiGraph()
    ids = [_node(g, f"n{i}", f"Węzeł {i}", ("Person", "Country", "City")[i % 3]) for i in range(n_nodes)]
    for i, iri in enumerate(ids):
        _edge(g, iri, ids[(i + 1) % n_nodes], "meetsWith", "spotyka się z", [_evidence(f"Zdanie {i}.")])
        _edge(g, iri, ids[(i * 7) % n_nodes], "visits", "odwiedza", [_evidence(f"Zdanie {i}b.")])
    return g


def test_big_graph_is_drawn_from_python_positions_without_physics(open_graph: Any) -> None:
    g = big_graph()
    loaded = open_graph(g)
    _assert_clean(loaded)
    assert loaded.js("gbNetwork.body.nodeIndices.length") == g.number_of_nodes()
    assert loaded.js("gbNetwork.body.edgeIndices.length") == g.number_of_edges()
    assert loaded.js("gbNetwork.physics.physicsEnabled") is False
    given = loaded.js("Object.fromEntries(gbNodes.get().map(n => [n.id, [n.x, n.y]]))")
    drawn = loaded.js("gbNetwork.getPositions()")
    assert all(abs(drawn[n]["x"] - x) <= 1 and abs(drawn[n]["y"] - y) <= 1 for n, (x, y) in given.items())
    assert len({tuple(p) for p in given.values()}) == g.number_of_nodes()
    assert _arrowed_edges(loaded) == set()  # plain lines, no labels
    assert loaded.js("gbEdges.getIds().filter(id => gbNetwork.body.edges[id].options.label).length") == 0
    _search(loaded, "wezel 123")
    assert _panel(loaded)["id"] == EX + "n123"
    lit = {f"e{i}" for i, (s, o) in enumerate(g.edges()) if EX + "n123" in (s, o)}
    assert len(lit) == 4 and _arrowed_edges(loaded) == lit
    assert "odwiedza" in _panel(loaded)["text"] and "spotyka się z" in _panel(loaded)["text"]
    loaded.page.locator("#gb-panel-close").click()
    assert _arrowed_edges(loaded) == set()


def test_labels_grow_with_degree_once_a_graph_is_too_big_to_read_whole(open_graph: Any) -> None:
    """Past about a hundred nodes the fitted view is too small for every label: the hubs'
    labels are larger, so they are read first; a small graph keeps one label size."""
    def label_sizes(g: nx.MultiDiGraph) -> dict[str, float]:
        loaded = open_graph(g)
        _assert_clean(loaded)
        return loaded.js("Object.fromEntries(gbNodes.getIds().map(id => [id, gbNetwork.body.nodes[id].options.font.size]))")
    mid = big_graph(150)
    for i in range(2, 60):
        _edge(mid, EX + "n0", EX + f"n{i}", "visits", "odwiedza", [_evidence(f"Zdanie {i}c.")])
    sizes = label_sizes(mid)
    assert sizes[EX + "n0"] > sizes[EX + "n75"]
    assert len(set(label_sizes(small_graph()).values())) == 1


def _arrowed_edges(loaded: Loaded) -> set[str]:
    """Edges that the next frame draws with an arrow."""
    return set(loaded.js("gbEdges.getIds().filter(id => gbNetwork.body.edges[id].getFormattingValues().toArrow)"))


def test_layout_is_deterministic() -> None:
    from graphbuilder.layout import positions

    g = big_graph(350)
    assert positions(g) == positions(g)


# --- graphbuilder html: subgraph pages ------------------------------------------------

def test_cli_html_writes_focus_and_class_pages(open_graph: Any, seed_build: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graphbuilder.cli import main

    out, _report = seed_build
    page = tmp_path / "putin.html"
    result = CliRunner().invoke(main, ["html", "--data", str(out), "--focus", "wladimira putina",
                                       "--depth", "1", "--out", str(page)])
    assert result.exit_code == 0, result.output
    loaded = open_graph(page)
    _assert_clean(loaded)
    labels = set(loaded.js("gbNodes.get().map(n => n.label)"))
    assert "Władimir Putin" in labels and "Kazachstan" in labels and "BRICS" not in labels
    for classes in (["--classes", "Person,country"], ["--classes", "Person", "--classes", "country"]):
        page = tmp_path / "classes.html"
        result = CliRunner().invoke(main, ["html", "--data", str(out / "graph.ttl"), *classes, "--out", str(page)])
        assert result.exit_code == 0, result.output
        assert set(open_graph(page).js("gbNodes.get().map(n => n.cls)")) == {"Person", "Country"}


def test_cli_html_min_confidence_keeps_surer_facts(open_graph: Any, seed_build: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graphbuilder.cli import main

    out, _report = seed_build
    graph = nx.read_graphml(out / "graph.graphml")
    confidences = sorted({d["confidence"] for *_, d in graph.edges(data=True)})
    threshold = confidences[len(confidences) // 2]
    surer = sum(1 for *_, d in graph.edges(data=True) if d["confidence"] >= threshold)
    assert 0 < surer < graph.number_of_edges()
    page = tmp_path / "surer.html"
    result = CliRunner().invoke(main, ["html", "--data", str(out), "--min-confidence", str(threshold),
                                       "--out", str(page)])
    assert result.exit_code == 0, result.output
    loaded = open_graph(page)
    _assert_clean(loaded)
    assert loaded.js("gbNetwork.body.nodeIndices.length") == graph.number_of_nodes()
    assert loaded.js("gbNetwork.body.edgeIndices.length") == surer
    assert loaded.js("(t) => gbEdges.get().every(e => e.confidence >= t)", threshold)


@pytest.mark.parametrize("args, message", [
    (["--focus", "Nikt Taki"], "unknown entity 'Nikt Taki'"),
    (["--classes", "Planet"], "unknown class 'Planet'"),
    (["--data", "/nonexistent/graph.ttl"], "no such file"),
])
def test_cli_html_errors_are_one_line(seed_build: Any, tmp_path: Path, args: list[str], message: str) -> None:
    from click.testing import CliRunner

    from graphbuilder.cli import main

    out, _report = seed_build
    result = CliRunner().invoke(main, ["html", "--data", str(out), "--out", str(tmp_path / "x.html"), *args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphbuilder: error: ") and message in lines[0]
    assert not (tmp_path / "x.html").exists()
