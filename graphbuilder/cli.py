"""Command line: thin commands that parse options and call one library function each."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from .iri import DEFAULT_BASE

DEFAULT_INPUT = Path("input")
DEFAULT_OUTPUT = Path("output")


def _error(message: str) -> None:
    click.echo(f"graphbuilder: error: {message}", err=True)


def _progress_bar(total: int | None) -> Callable[[], None] | None:
    """A rich progress bar on a terminal (a spinner when the number of articles is not
    known up front); nothing when output is piped or in CI."""
    if not sys.stderr.isatty() or total == 1:
        return None
    from rich.progress import Progress

    progress = Progress(transient=True, console=None)
    progress.start()
    task = progress.add_task("extracting", total=total)

    def tick() -> None:
        progress.advance(task)
        if progress.finished:
            progress.stop()

    return tick


class OneLineErrors(click.Group):
    """Usage errors in one line, as every other error ("graphbuilder: error: ..."), with
    click's exit status 2."""

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            _error("aborted")
            sys.exit(1)
        except click.ClickException as err:
            path = err.ctx.command_path if getattr(err, "ctx", None) else self.name
            where = path.partition(" ")[2]
            _error(f"{where + ': ' if where else ''}{err.format_message()} (see `{path} --help`)")
            sys.exit(err.exit_code)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuilder")
def main() -> None:
    """Build a knowledge graph from Polish news articles and query it."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Folder for graph.ttl, graph.trig, graph.nq, graph.jsonld, graph.graphml, graph.html.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the minted resources.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the output against ontology/shapes.ttl (SHACL).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes that run the extraction; 0: one per core.")
@click.option("--dask", metavar="ADDRESS", help="Run the extraction on this Dask scheduler (tcp://host:8786).")
@click.option("--rebuild", is_flag=True, help="Extract every article again instead of reusing unchanged ones.")
@click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True,
              help="Seconds to wait for another build of the same --out to finish before giving up.")
@click.option("--timings", is_flag=True, help="Also print the time of each stage.")
def build(paths: tuple[Path, ...], out: Path, base: str, validate: bool, jobs: int, dask: str | None,
          rebuild: bool, wait: float, timings: bool) -> None:
    """Build the graph from articles (.txt, .md, .html, .jsonl) or folders of them (default: input/)."""
    from .build import BuildLocked, build as run_build
    from .runner import default_jobs

    try:
        report = run_build(list(paths) or [DEFAULT_INPUT], out, base=base, validate=validate,
                           jobs=jobs or default_jobs(), dask=dask, rebuild=rebuild, wait=wait,
                           progress=_progress_bar)
    except BuildLocked as err:
        _error(str(err))
        sys.exit(3)
    for error in report.errors:
        _error(str(error))
    if report.shapes is not None and not report.shapes.conforms:
        _error(f"{out}: output does not conform to ontology/shapes.ttl:\n{report.shapes.text}")
    if not report.articles:
        _error("no article could be read; output left unchanged")
    click.echo(report.summary() + (f" -> {out}" if report.articles else ""))
    if report.shapes is not None and report.shapes_articles < report.articles:
        click.echo(f"shapes checked on the first {report.shapes_articles} of {report.articles} articles")
    if timings:
        click.echo(report.stages())
    if report.errors or not report.articles or (report.shapes and not report.shapes.conforms):
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="RDF files or build folders to query (default: output/). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (named queries list theirs with `# param:`).")
@click.option("--all", "every", is_flag=True,
              help="Every row of a paged named query, page after page, instead of one page of 100.")
def query(query: str, data: tuple[Path, ...], fmt: str, params: tuple[str, ...], every: bool) -> None:
    """Run QUERY: SPARQL text, a .rq file, or a named query from ontology/queries/.

    The named queries return a page of 100 rows (--param page=N), in an order the build
    stored, so that a page takes milliseconds on any build; --all returns every row."""
    from .query import (PAGE, declared_params, default_params, every_page, format_table, named_queries, pages_of,
                        query_params, resolve_query, run_query, to_table)
    from .store import open_store

    text = resolve_query(query)
    given = dict(p.split("=", 1) for p in params if "=" in p)
    missing = [name for name in query_params(text) if name not in given]
    if missing:
        _error(f"query {query!r} needs --param {missing[0]}=VALUE")
        sys.exit(2)
    paged = query in named_queries() and PAGE in declared_params(text)
    try:
        store = open_store(list(data) or [DEFAULT_OUTPUT])
        if every and paged:
            result = every_page(store, query, text, given)
        else:
            result = run_query(store, text, given if every else default_params(text) | given)
        size = pages_of(store, query, given) if paged and not every else None
    except (FileNotFoundError, SyntaxError, OSError, ValueError, RuntimeError) as err:
        hint = f" (named queries: {', '.join(named_queries())})" if isinstance(err, SyntaxError) else ""
        _error(f"{err}{hint}")
        sys.exit(2)
    _print_result(result, fmt, to_table, format_table)
    if size is not None:
        page = int(given.get(PAGE, default_params(text).get(PAGE, "1")))
        more = f" Next: --param page={page + 1}." if page < size[1] else ""
        click.echo(f"Page {page} of {size[1]} ({size[0]:,} rows).{more} Every row: --all.", err=True)


def _print_result(result, fmt: str, to_table, format_table) -> None:
    """Booleans and triples print as they are; tables as a terminal table, CSV or JSON."""
    import pyoxigraph as ox

    from .query import Table

    if isinstance(result, ox.QueryBoolean):
        click.echo("true" if bool(result) else "false")
        return
    if isinstance(result, ox.QueryTriples):
        click.echo(result.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), nl=False)
        return
    table = result if isinstance(result, Table) else to_table(result)
    if fmt != "table":
        click.echo(format_table(table, fmt), nl=fmt == "json")
        return
    from rich.console import Console
    from rich.table import Table as RichTable

    rich_table = RichTable(*table.columns, show_lines=False)
    for row in table.rows:
        rich_table.add_row(*row)
    Console(soft_wrap=False).print(rich_table)
    click.echo(f"{len(table.rows)} rows")


@main.command()
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="A build folder (its store is used as it is) or RDF files (default: output/). Repeatable.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on; only this machine by default.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds one query may run before it is stopped (status 503).")
@click.option("--max-result-mb", default=100.0, show_default=True, type=click.FloatRange(min=0.000001),
              help="Largest serialised result in megabytes (larger: status 422).")
@click.option("--cors", is_flag=True, help="Let web pages from other origins (a hosted YASGUI) query the endpoint.")
def serve(data: tuple[Path, ...], host: str, port: int, timeout: float, max_result_mb: float, cors: bool) -> None:
    """Serve a read-only SPARQL 1.1 endpoint with a query page, until Ctrl-C or SIGTERM."""
    from .serve import SPARQL_PATH, Limits, serve as run_server

    def ready(url: str) -> None:
        click.echo(f"SPARQL endpoint {url}{SPARQL_PATH.lstrip('/')}, query page {url} (Ctrl-C stops)")

    try:
        run_server(list(data) or [DEFAULT_OUTPUT], host, port, Limits(timeout, int(max_result_mb * 1_000_000)),
                   cors=cors, ready=ready)
    except (FileNotFoundError, SyntaxError, OSError) as err:
        _error(str(err))
        sys.exit(2)


@main.command()
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Keep each article's build in OUT/NN/ (default: a temporary folder).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores, misses and spurious items as JSON.")
def evaluate(gold_dir: Path, out: Path | None, as_json: bool) -> None:
    """Score the output on NN.txt articles against their NN.gold.json annotations."""
    import json

    from .evaluate import evaluate as run_evaluation

    result = run_evaluation(gold_dir, out)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    _print_evaluation(result)


def _print_evaluation(result) -> None:
    """Per-article and micro scores, the per-predicate table, then what was missed or spurious."""
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(soft_wrap=True)
    scores = RichTable("article", "kind", "P", "R", "F1", "tp", "fp", "fn", title="Scores")
    rows = [(a.name, kind, getattr(a, kind).score) for a in result.articles for kind in ("entities", "relations")]
    rows += [("micro", kind, result.micro(kind)) for kind in ("entities", "relations")]
    for name, kind, score in rows:
        scores.add_row(name, kind, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                       str(score.tp), str(score.fp), str(score.fn))
    console.print(scores)
    predicates = RichTable("predicate", "P", "R", "F1", "tp", "fp", "fn", title="Relations by predicate")
    for name, score in result.per_predicate().items():
        predicates.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                           str(score.tp), str(score.fp), str(score.fn))
    console.print(predicates)
    for article in result.articles:
        for kind in ("entities", "relations"):
            comparison = getattr(article, kind)
            for label, items in (("missed", comparison.missed), ("spurious", comparison.spurious)):
                for item in items:
                    console.print(f"{article.name} {kind} {label}: " + " | ".join(item), markup=False)


@main.command()
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="A build folder (its store) or an RDF file.")
@click.option("--focus", metavar="NAME", help="Only this entity (label or alias) and its neighbourhood.")
@click.option("--depth", type=int, default=1, show_default=True, help="Relations to follow from --focus.")
@click.option("--classes", multiple=True, metavar="CLASS[,CLASS]",
              help="Keep only these classes: --classes Person,Country (or repeat the option).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Keep only facts (and evidence sentences) at least this confident.")
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT / "subgraph.html",
              show_default=True, help="The page to write.")
def html(data: Path, focus: str | None, depth: int, classes: tuple[str, ...], min_confidence: float,
         out: Path) -> None:
    """Write an offline HTML page of part of the graph: a neighbourhood, some classes, surer facts."""
    from .subgraph import SubgraphError, write_subgraph

    try:
        names = [name for value in classes for name in value.replace(",", " ").split()]
        graph = write_subgraph(data, out, focus=focus, depth=depth, classes=names,
                               min_confidence=min_confidence)
    except SubgraphError as err:
        _error(str(err))
        sys.exit(2)
    click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {out}")
