"""Tests for `graphbuilder serve`: the server runs in a subprocess on a free loopback port
(--port 0; it prints the URL it got) and is queried with SPARQLWrapper and plain HTTP."""
from __future__ import annotations

import csv
import io
import json
import re
import select
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, TSV, XML, N3, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graphbuilder.articles import read_article
from graphbuilder.iri import DEFAULT_BASE, article_iri
from graphbuilder.query import resolve_query
from graphbuilder.store import ONTOLOGY_GRAPH

from conftest import ROOT, SEED

START_TIMEOUT = 60
STOP_TIMEOUT = 15
QUERY_TIMEOUT = 2
MAX_RESULT_MB = 0.05  # the seed graph as Turtle is larger than this; every other result is smaller
PUTIN = "https://w3id.org/graphbuilder/resource/person/wladimir-putin"
VISITS = "<https://w3id.org/graphbuilder/ontology#visits>"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
INSERT = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
OWL_CLASS = "<http://www.w3.org/2002/07/owl#Class>"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


class Server:
    """A `graphbuilder serve` subprocess and the URL it announced."""

    def __init__(self, *args: str) -> None:
        command = [sys.executable, "-m", "graphbuilder", "serve", "--port", "0", *args]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self._first_line()
        self.base = line.split("query page ")[1].split()[0]
        self.endpoint = self.base + "sparql"
        self.workers = self._children()

    def _first_line(self) -> str:
        """The announcement line, waited for with a bounded wait."""
        ready, _, _ = select.select([self.process.stdout], [], [], START_TIMEOUT)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.process.kill()
            raise RuntimeError(f"serve did not start: {self.process.communicate()[1]}")
        return line

    def _children(self) -> set[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(pid) for pid in path.read_text().split()} if path.exists() else set()

    def stop(self, how: signal.Signals = signal.SIGTERM) -> int:
        self.process.send_signal(how)
        return self.process.wait(timeout=STOP_TIMEOUT)


@pytest.fixture(scope="module")
def server(seed_build):
    out, _ = seed_build
    running = Server("--data", str(out), "--timeout", str(QUERY_TIMEOUT), "--max-result-mb", str(MAX_RESULT_MB))
    yield running
    if running.process.poll() is None:
        running.stop()


def _wrapper(server: Server, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def _http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """Status, Content-Type and body of a request; error statuses are returned, not raised."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def _get(server: Server, query: str, accept: str | None = None,
         extra: list[tuple[str, str]] | None = None) -> tuple[int, str, bytes]:
    url = server.endpoint + "?" + urllib.parse.urlencode([("query", query), *(extra or [])])
    return _http(url, headers={"Accept": accept} if accept else None)


def _seed_article_graph() -> str:
    return str(article_iri(DEFAULT_BASE, read_article(SEED).sha256))


def _csv_column(body: bytes) -> list[str]:
    return [row[0] for row in csv.reader(io.StringIO(body.decode("utf-8")))][1:]


# --- SPARQLWrapper -----------------------------------------------------------------------

def test_serve_binds_loopback(server):
    assert server.base.startswith("http://127.0.0.1:")


def test_serve_select_json_with_sparqlwrapper(server):
    result = _wrapper(server, resolve_query("visits"), JSON).query().convert()
    assert result["head"]["vars"] == ["visitor", "place", "confidence", "sentence"]
    pairs = {(b["visitor"]["value"], b["place"]["value"]) for b in result["results"]["bindings"]}
    assert ("Władimir Putin", "Kazachstan") in pairs


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_serve_select_other_formats_with_sparqlwrapper(server, fmt):
    result = _wrapper(server, resolve_query("leaders"), fmt).query()
    converted = result.convert()
    if fmt == XML:
        names = {node.firstChild.data for node in converted.getElementsByTagName("literal")}
    else:
        rows = list(csv.reader(io.StringIO(converted.decode("utf-8")), delimiter="," if fmt == CSV else "\t"))
        assert rows[0] == (["person", "role", "of"] if fmt == CSV else ["?person", "?role", "?of"])
        names = {cell.strip('"').removesuffix('"@pl').removesuffix("@pl").strip('"') for row in rows[1:] for cell in row}
    assert {"Władimir Putin", "Kazachstan"} <= names


@pytest.mark.parametrize("query, expected", [
    (f"ASK {{ ?p {VISITS} ?o }}", True),
    (f"ASK {{ ?p {VISITS} <https://example.org/nowhere> }}", False),
])
def test_serve_ask_with_sparqlwrapper(server, query, expected):
    assert _wrapper(server, query, JSON).query().convert()["boolean"] is expected


@pytest.mark.parametrize("fmt", [TURTLE, N3])
def test_serve_construct_with_sparqlwrapper(server, fmt):
    query = f"CONSTRUCT {{ ?p {VISITS} ?o }} WHERE {{ ?p {VISITS} ?o }}"
    body = _wrapper(server, query, fmt).query().convert()
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert (rdflib.URIRef(PUTIN), rdflib.URIRef(VISITS.strip("<>")), None) in graph


def test_serve_describe_with_sparqlwrapper(server):
    graph = _wrapper(server, f"DESCRIBE <{PUTIN}>", TURTLE).query().convert()
    graph = rdflib.Graph().parse(data=graph, format="turtle")
    labels = set(graph.objects(rdflib.URIRef(PUTIN), rdflib.RDFS.label))
    assert labels == {rdflib.Literal("Władimir Putin", lang="pl")}


def test_serve_bad_query_with_sparqlwrapper(server):
    with pytest.raises(QueryBadFormed):
        _wrapper(server, "SELECT WHERE {", JSON).query()


# --- plain HTTP: content negotiation -------------------------------------------------------

@pytest.mark.parametrize("accept, content_type", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_serve_select_content_types(server, accept, content_type):
    status, got, body = _get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", accept)
    assert status == 200
    assert got.split(";")[0] == content_type
    if content_type == "text/csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        assert rows[0] == ["n"] and int(rows[1][0]) > 100


@pytest.mark.parametrize("accept, content_type", [
    (None, "text/turtle"),
    ("text/turtle", "text/turtle"),
    ("application/n-triples", "application/n-triples"),
])
def test_serve_describe_content_types(server, accept, content_type):
    status, got, body = _get(server, f"DESCRIBE <{PUTIN}>", accept)
    assert status == 200 and got.split(";")[0] == content_type
    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle" if content_type == "text/turtle" else "nt")
    assert (rdflib.URIRef(PUTIN), rdflib.RDFS.label, rdflib.Literal("Władimir Putin", lang="pl")) in graph


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+json", b'"boolean":true'),
    ("application/sparql-results+xml", b"<boolean>true</boolean>"),
])
def test_serve_ask_content_types(server, accept, expected):
    status, got, body = _get(server, f"ASK {{ ?p {VISITS} ?o }}", accept)
    assert status == 200 and got.split(";")[0] == accept
    assert expected in body


@pytest.mark.parametrize("accept, rdf_format", [("text/turtle", "turtle"), ("application/n-triples", "nt")])
def test_serve_construct_content_types(server, accept, rdf_format):
    status, got, body = _get(server, f"CONSTRUCT {{ ?p {VISITS} ?o }} WHERE {{ ?p {VISITS} ?o }}", accept)
    assert status == 200 and got.split(";")[0] == accept
    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format=rdf_format)
    assert (rdflib.URIRef(PUTIN), rdflib.URIRef(VISITS.strip("<>")), None) in graph


def test_serve_unacceptable_media_type_is_406(server):
    status, _, body = _get(server, f"DESCRIBE <{PUTIN}>", "text/csv")
    assert status == 406 and b"text/turtle" in body


def test_serve_post_form_and_direct(server):
    query = f"ASK {{ ?p {VISITS} ?o }}"
    form = urllib.parse.urlencode({"query": query}).encode()
    for data, content_type in ((form, "application/x-www-form-urlencoded"),
                               (query.encode(), "application/sparql-query")):
        status, _, body = _http(server.endpoint, data, {"Content-Type": content_type,
                                                        "Accept": "application/sparql-results+json"})
        assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}


def test_serve_default_graph_is_the_union_and_graph_reaches_articles(server):
    query = f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?p {VISITS} ?o }} }}"
    _, _, body = _get(server, query, "text/csv")
    assert body.decode().split() == ["n", "1"]
    _, _, body = _get(server, "ASK { ?c a <http://www.w3.org/2002/07/owl#Class> }", "application/json")
    assert json.loads(body)["boolean"] is True  # the ontology is in the union too


# --- the request's dataset: default-graph-uri and named-graph-uri ----------------------------

def test_serve_default_graph_uri_makes_that_graph_the_default(server):
    article = _seed_article_graph()
    _, _, whole = _get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
    _, _, one = _get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv", [("default-graph-uri", article)])
    _, _, ontology = _get(server, f"ASK {{ ?c a {OWL_CLASS} }}", "application/json", [("default-graph-uri", article)])
    assert 0 < int(_csv_column(one)[0]) < int(_csv_column(whole)[0])
    assert json.loads(ontology)["boolean"] is False  # the ontology is not in the article's graph
    _, _, both = _get(server, f"ASK {{ ?c a {OWL_CLASS} . ?p {VISITS} ?o }}", "application/json",
                      [("default-graph-uri", article), ("default-graph-uri", ONTOLOGY_GRAPH.value)])
    assert json.loads(both)["boolean"] is True
    _, _, named = _get(server, GRAPHS, "text/csv", [("default-graph-uri", article)])
    assert _csv_column(named) == []  # naming only default graphs leaves no named ones


def test_serve_named_graph_uri_limits_graph_and_empties_the_default(server):
    _, _, named = _get(server, GRAPHS, "text/csv", [("named-graph-uri", ONTOLOGY_GRAPH.value)])
    assert _csv_column(named) == [ONTOLOGY_GRAPH.value]
    _, _, default = _get(server, "ASK { ?s ?p ?o }", "application/json", [("named-graph-uri", ONTOLOGY_GRAPH.value)])
    assert json.loads(default)["boolean"] is False


def test_serve_dataset_overrides_from_and_comes_by_post(server):
    article = _seed_article_graph()
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY_GRAPH.value}> WHERE {{ ?p {VISITS} ?o }}"
    form = urllib.parse.urlencode({"query": query, "default-graph-uri": article}).encode()
    status, _, body = _http(server.endpoint, form, {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and int(_csv_column(body)[0]) > 0
    url = server.endpoint + "?" + urllib.parse.urlencode({"named-graph-uri": article})
    status, _, body = _http(url, GRAPHS.encode(), {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and _csv_column(body) == [article]


def test_serve_dataset_with_sparqlwrapper(server):
    article = _seed_article_graph()
    sparql = _wrapper(server, GRAPHS, JSON)
    sparql.addNamedGraph(article)
    bindings = sparql.query().convert()["results"]["bindings"]
    assert [b["g"]["value"] for b in bindings] == [article]
    sparql = _wrapper(server, f"ASK {{ ?c a {OWL_CLASS} }}", JSON)
    sparql.addDefaultGraph(ONTOLOGY_GRAPH.value)
    assert sparql.query().convert()["boolean"] is True


def test_serve_dataset_that_is_not_an_iri_is_400(server):
    status, _, body = _get(server, "ASK { ?s ?p ?o }", None, [("default-graph-uri", "not an iri")])
    assert status == 400 and b"default-graph-uri" in body


# --- read-only, limits, errors --------------------------------------------------------------

def test_serve_update_is_rejected(server):
    form = urllib.parse.urlencode({"update": INSERT}).encode()
    assert _http(server.endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert _http(server.endpoint, INSERT.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    assert _get(server, INSERT)[0] == 400  # an update is not a query
    sparql = _wrapper(server, INSERT, JSON)
    sparql.setMethod("POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        sparql.query()
    assert err.value.code == 403
    _, _, body = _get(server, "ASK { <urn:x> <urn:y> <urn:z> }", "application/json")
    assert json.loads(body)["boolean"] is False


def test_serve_bad_query_is_400_with_the_parser_message(server):
    status, content_type, body = _get(server, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400 and content_type.startswith("text/plain")
    assert body.decode().startswith("malformed query: error at 1:")


def test_serve_time_limit(server):
    started = time.monotonic()
    status, _, body = _get(server, CROSS_PRODUCT)
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert QUERY_TIMEOUT <= elapsed < QUERY_TIMEOUT + 5
    status, _, body = _get(server, f"ASK {{ ?p {VISITS} ?o }}", "application/json")  # a fresh worker answers
    assert status == 200 and json.loads(body)["boolean"] is True


def test_serve_result_size_limit(server):
    status, _, body = _get(server, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle")
    assert status == 422 and b"limit" in body
    assert _get(server, f"DESCRIBE <{PUTIN}>", "text/turtle")[0] == 200


def test_serve_unknown_path_is_404(server):
    assert _http(server.base + "nothing")[0] == 404


# --- the page --------------------------------------------------------------------------------

def test_serve_page_has_query_box_examples_and_graph_link(server):
    status, content_type, body = _http(server.base)
    page = body.decode("utf-8")
    assert status == 200 and content_type.startswith("text/html")
    assert '<textarea id="query" name="query">' in page
    for name in ("visits", "leaders", "memberships", "entity", "facts"):
        assert f'<option value="{name}">' in page
    assert '<a href="/graph.html">' in page
    status, content_type, body = _http(server.base + "graph.html")
    assert status == 200 and b"<html" in body.lower()


def test_serve_page_examples_run_as_they_are_and_give_one_page(server):
    page = _http(server.base)[2].decode("utf-8")
    examples = json.loads(re.search(r"const queries = (\{.*?\});\n", page).group(1).replace("<\\/", "</"))
    assert 'VALUES ?name { "Władimir Putin"@pl }' in examples["entity"]
    for name, text in examples.items():
        assert "VALUES ?page {" in text, name
        status, _, body = _get(server, text, "text/csv")
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))[1:]
        assert status == 200 and 0 < len(rows) <= 100, name


# --- files as data, and stopping -------------------------------------------------------------

@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_serve_files_and_stops_cleanly(seed_build, how):
    out, _ = seed_build
    running = Server("--data", str(out / "graph.ttl"))
    try:
        assert len(running.workers) >= 2
        status, _, body = _get(running, f"ASK {{ <{PUTIN}> {VISITS} ?o }}", "application/json")
        assert status == 200 and json.loads(body)["boolean"] is True
        assert "graph.html" not in _http(running.base)[2].decode()
    finally:
        code = running.stop(how)
    stderr = running.process.stderr.read()
    assert code == 0, stderr
    assert "Traceback" not in stderr
    # the workers are gone; multiprocessing's resource tracker ends once it sees the server gone
    deadline = time.monotonic() + STOP_TIMEOUT
    while any(_running(pid) for pid in running.workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(pid) for pid in running.workers)


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False
