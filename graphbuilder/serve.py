"""`graphbuilder serve`: a read-only SPARQL 1.1 Protocol endpoint over the build's store.

A WSGI application (werkzeug for requests, content negotiation and responses) served by
waitress. Each query runs in a worker process that holds the store open read-only:
pyoxigraph has no query timeout, and the Oxigraph server's `--timeout-s` only cancels
a query at some points of its evaluation (a cross product asked for 2 s ran 42 s and
then answered 200 with a cut-off body). A worker still busy when the time limit passes
is killed and replaced, so the limit holds for any query and frees the core.
Results are serialised by pyoxigraph into a buffer that refuses to grow past the
result-size limit. A request may name its RDF dataset with the protocol's
`default-graph-uri` and `named-graph-uri`, which override the query's FROM clauses.
"""
from __future__ import annotations

import json
import multiprocessing
import queue
import signal
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.wrappers import Request, Response

from .query import bind_params, example_params, named_queries
from .store import data_files, persistent_store, write_store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULT_MB = 100.0
WORKERS = 2
SPARQL_PATH = "/sparql"
GRAPH_PAGE = "graph.html"
FIRST_QUERY = "visits"  # the example in the query box when the page opens
TEXT = "text/plain; charset=utf-8"
ANY = MIMEAccept([("*/*", 1)])
# media types a client may ask for, the preferred first
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,  # SPARQLWrapper's default for CONSTRUCT
}
DEFAULT_GRAPH_PARAM = "default-graph-uri"
NAMED_GRAPH_PARAM = "named-graph-uri"
UPDATE_TYPE = "application/sparql-update"
QUERY_TYPE = "application/sparql-query"
FORM_TYPE = "application/x-www-form-urlencoded"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>graphbuilder SPARQL</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<style>body{font:15px sans-serif;margin:1.5em}textarea{width:100%;height:16em;font:13px monospace}
pre{background:#f4f4f4;padding:.5em;overflow:auto}</style></head><body>
<h1>graphbuilder SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 at <code>{endpoint}</code>, GET or POST. {graph_link}</p>
<p><label>Example <select id="example"><option value="">(choose a named query)</option>{options}</select></label></p>
<form id="form" method="get" action="{endpoint}">
<textarea id="query" name="query">{first}</textarea>
<p><label>Results as <select id="accept">
<option>application/sparql-results+json</option><option>application/sparql-results+xml</option>
<option>text/csv</option><option>text/tab-separated-values</option>
<option>text/turtle</option><option>application/n-triples</option></select></label>
<button>Run</button></p></form>
<pre id="result"></pre>
<script>
const queries = {queries};
const text = document.getElementById("query"), result = document.getElementById("result");
document.getElementById("example").onchange = (e) => { if (e.target.value) text.value = queries[e.target.value]; };
document.getElementById("form").onsubmit = async (e) => {
  e.preventDefault();
  const accept = document.getElementById("accept").value;
  const response = await fetch("{endpoint}", {method: "POST", body: new URLSearchParams({query: text.value}),
                                              headers: {Accept: accept + ", */*;q=0.1"}});
  result.textContent = response.status + " " + response.headers.get("Content-Type") + "\\n\\n" + await response.text();
};
</script></body></html>
"""


@dataclass(frozen=True)
class Limits:
    """How long one query may run and how large its serialised result may be."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = int(DEFAULT_MAX_RESULT_MB * 1_000_000)


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a request names: the graphs merged into its default graph and the
    graphs `GRAPH` may reach. Naming either leaves the other empty, as in the protocol."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def query_options(self) -> dict[str, list[ox.NamedNode]]:
        """The keyword arguments of pyoxigraph's Store.query for this dataset."""
        return {"default_graph": [ox.NamedNode(iri) for iri in self.default],
                "named_graphs": [ox.NamedNode(iri) for iri in self.named]}


@dataclass(frozen=True)
class Job:
    """A query, the media types negotiated for each kind of result (None: none
    acceptable) and the dataset the request names (None: the store's own)."""

    query: str
    result_type: str | None
    graph_type: str | None
    dataset: Dataset | None = None


@dataclass(frozen=True)
class Reply:
    """What to send back: status, Content-Type and body."""

    status: int
    content_type: str
    body: bytes


class ResultTooLarge(Exception):
    """The result passed the result-size limit."""


class CappedBuffer:
    """A file-like sink for pyoxigraph's serialisers that stops at `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size, self.parts = limit, 0, []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """pyoxigraph flushes its sink when done; nothing is buffered here."""

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _text(status: int, message: str) -> Reply:
    return Reply(status, TEXT, (message.rstrip() + "\n").encode("utf-8"))


def answer(store: ox.Store, job: Job, max_bytes: int) -> Reply:
    """Run one query and serialise its result."""
    try:
        result = store.query(job.query, **(job.dataset.query_options() if job.dataset else {}))
    except SyntaxError as err:
        return _text(400, f"malformed query: {err}")
    graph = isinstance(result, ox.QueryTriples)
    media = job.graph_type if graph else job.result_type
    if media is None:
        offered = ", ".join(GRAPH_FORMATS if graph else RESULT_FORMATS)
        return _text(406, f"no acceptable media type; this result can be sent as {offered}")
    fmt = (GRAPH_FORMATS if graph else RESULT_FORMATS)[media]
    sink = CappedBuffer(max_bytes)
    try:
        result.serialize(sink, fmt)
    except ResultTooLarge:
        return _text(422, f"the result is larger than the limit of {max_bytes:,} bytes; add LIMIT or raise --max-result-mb")
    except (OSError, RuntimeError, ValueError) as err:
        return _text(500, f"query failed: {err}")
    charset = "" if "charset" in fmt.media_type or fmt.media_type.endswith("json") else "; charset=utf-8"
    return Reply(200, fmt.media_type + charset, sink.getvalue())


def worker_loop(location: str, connection: Connection, max_bytes: int) -> None:
    """A worker process: open the store read-only and answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    store = ox.Store.read_only(location)
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        connection.send(answer(store, job, max_bytes))


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, location: Path, max_bytes: int) -> None:
        context = multiprocessing.get_context("spawn")  # the server has threads: no fork
        self.connection, child = context.Pipe()
        self.process = context.Process(target=worker_loop, args=(str(location), child, max_bytes), daemon=True)
        self.process.start()
        child.close()

    def ask(self, job: Job, timeout: float) -> Reply | None:
        """The worker's reply, or None when it has not answered in time (or died)."""
        try:
            self.connection.send(job)
            if self.connection.poll(timeout):
                return self.connection.recv()
        except (EOFError, OSError):
            pass
        return None

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class Pool:
    """Workers over one store; a worker that misses the time limit is killed and replaced."""

    def __init__(self, location: Path, limits: Limits, size: int = WORKERS) -> None:
        self.location, self.limits = location, limits
        self.idle: queue.Queue[Worker] = queue.Queue()
        for _ in range(size):
            self.idle.put(Worker(location, limits.max_bytes))

    def run(self, job: Job) -> Reply:
        try:
            worker = self.idle.get(timeout=self.limits.timeout)
        except queue.Empty:
            return _text(503, "all workers are busy; try again")
        reply = worker.ask(job, self.limits.timeout)
        if reply is None:
            worker.stop()
            worker = Worker(self.location, self.limits.max_bytes)
            reply = _text(503, f"the query ran past the time limit of {self.limits.timeout:g} s and was stopped")
        self.idle.put(worker)
        return reply

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get_nowait().stop()


def negotiate(request: Request) -> tuple[str | None, str | None]:
    """The best media type for a solutions/boolean result and for a graph result."""
    accept = request.accept_mimetypes or ANY
    return accept.best_match(list(RESULT_FORMATS)), accept.best_match(list(GRAPH_FORMATS))


def requested_dataset(request: Request) -> tuple[Dataset | None, Reply | None]:
    """The dataset named by `default-graph-uri` and `named-graph-uri` (in the query string
    or a form body), None when neither is given, or the error reply for a bad IRI."""
    default = tuple(request.values.getlist(DEFAULT_GRAPH_PARAM))
    named = tuple(request.values.getlist(NAMED_GRAPH_PARAM))
    if not default and not named:
        return None, None
    dataset = Dataset(default, named)
    try:
        dataset.query_options()
    except ValueError as err:
        return None, _text(400, f"{DEFAULT_GRAPH_PARAM} and {NAMED_GRAPH_PARAM} take IRIs: {err}")
    return dataset, None


def sparql_operation(request: Request) -> tuple[str | None, Reply | None]:
    """The query text of a SPARQL Protocol request, or the error reply for it."""
    content_type = request.mimetype
    if (request.method == "POST" and content_type == UPDATE_TYPE) or "update" in request.values:
        return None, _text(403, "this endpoint is read-only: SPARQL Update is not accepted")
    if request.method == "GET":
        text = request.args.get("query")
    elif request.method == "POST" and content_type == FORM_TYPE:
        text = request.form.get("query")
    elif request.method == "POST" and content_type == QUERY_TYPE:
        text = request.get_data(as_text=True)
    elif request.method == "POST":
        return None, _text(415, f"POST a query as {FORM_TYPE} or {QUERY_TYPE}")
    else:
        return None, _text(405, "use GET or POST")
    if not text:
        return None, _text(400, "no query: give it as the `query` parameter")
    return text, None


def page(graph_page: bool) -> bytes:
    """The HTML page: a query box, the named example queries, a link to the graph page.
    Each example comes with its parameters bound (the first page; the entity its comment
    names), so that running it as it is gives one page, not the whole build."""
    texts = {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}
    queries = {name: bind_params(text, example_params(text)) for name, text in texts.items()}
    options = "".join(f'<option value="{escape(name)}">{escape(name)}</option>' for name in queries)
    link = f'<a href="/{GRAPH_PAGE}">The graph page</a>.' if graph_page else ""
    # json.dumps with </ escaped keeps query text from closing the script element
    script_json = json.dumps(queries, ensure_ascii=False).replace("</", "<\\/")
    html = (PAGE.replace("{endpoint}", SPARQL_PATH).replace("{graph_link}", link).replace("{options}", options)
            .replace("{first}", escape(queries.get(FIRST_QUERY, ""))).replace("{queries}", script_json))
    return html.encode("utf-8")


def make_app(pool: Pool, graph_page: Path | None, cors: bool = False) -> Callable:
    """The WSGI application: the page, the graph page and the SPARQL endpoint."""
    home = page(graph_page is not None)

    @Request.application
    def app(request: Request) -> Response:
        if request.path == "/":
            response = Response(home, content_type="text/html; charset=utf-8")
        elif request.path == f"/{GRAPH_PAGE}" and graph_page is not None:
            response = Response(graph_page.read_bytes(), content_type="text/html; charset=utf-8")
        elif request.path == SPARQL_PATH and request.method == "OPTIONS":
            response = Response(status=204, headers={"Allow": "GET, POST, OPTIONS"})
        elif request.path == SPARQL_PATH:
            text, error = sparql_operation(request)
            dataset, bad_dataset = requested_dataset(request)
            reply = error or bad_dataset or pool.run(Job(text, *negotiate(request), dataset))
            response = Response(reply.body, status=reply.status, content_type=reply.content_type)
        else:
            response = Response(f"not found; the endpoint is {SPARQL_PATH}\n", status=404, content_type=TEXT)
        if cors:
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        return response

    return app


def _stop(signum: int, frame) -> None:
    raise KeyboardInterrupt  # waitress's loop ends; the finally below cleans up


def serve(paths: list[Path], host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, limits: Limits = Limits(),
          cors: bool = False, ready: Callable[[str], None] = print) -> None:
    """Serve the data until SIGTERM or Ctrl-C. A build folder's store is used as it is;
    other files are loaded into a temporary store first."""
    from waitress import create_server

    with tempfile.TemporaryDirectory(prefix="graphbuilder-store-") as scratch:
        location = persistent_store(paths)
        if location is None:
            location = Path(scratch) / "store"
            write_store(data_files(paths), location)
        graph_page = next((p / GRAPH_PAGE for p in paths if (p / GRAPH_PAGE).is_file()), None)
        pool = Pool(location, limits)
        server = create_server(make_app(pool, graph_page, cors), host=host, port=port, threads=WORKERS + 2,
                               ident="graphbuilder")
        for stop_signal in (signal.SIGTERM, signal.SIGINT):  # SIGINT too: a shell may start us ignoring it
            signal.signal(stop_signal, _stop)
        try:
            ready(f"http://{host}:{server.effective_port}/")
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
            pool.close()
