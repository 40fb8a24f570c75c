"""Where extraction runs: in this process, in N local processes, or on a Dask cluster.

Workers receive an `Article` and send back a plain `ArticleExtraction` (or an
`InputError`), never spaCy objects, so results cross process and machine boundaries as
small pickles. Each worker builds the pipeline once. Only a bounded number of articles is
in flight at a time, so memory does not grow with the size of the input, and results come
back in input order, so every way of running gives the same output.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Protocol

from .articles import InputError
from .types import Article, ArticleExtraction

IN_FLIGHT_PER_WORKER = 8

Result = ArticleExtraction | InputError


class Pending(Protocol):
    """A result on its way: a concurrent.futures or a dask.distributed future."""

    def result(self) -> Result: ...


@functools.cache
def _pipeline():
    """The spaCy pipeline and the ontology, built once per worker process."""
    from .nlp import build_nlp
    from .ontology import load_ontology

    return build_nlp(), load_ontology()


def extract_article(article: Article) -> Result:
    """Run the pipeline over one article; a failure is reported as the article's error."""
    from .extract import extract

    nlp, ontology = _pipeline()
    try:
        return extract(nlp(article.text), article, ontology)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
        return InputError(article.source, f"processing failed: {type(err).__name__}: {err}")


class Done:
    """A result that needs no work (it came from the cache), shaped like a future."""

    def __init__(self, value: Result) -> None:
        self.value = value

    def result(self) -> Result:
        return self.value


def in_order(pending: Iterable[Pending], window: int) -> Iterator[Result]:
    """The results of the pending items in input order, with at most `window` of them
    submitted and not yet collected."""
    queue: deque[Pending] = deque()
    for item in pending:
        queue.append(item)
        if len(queue) >= window:
            yield queue.popleft().result()
    while queue:
        yield queue.popleft().result()


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def extractor(jobs: int = 1, dask_address: str | None = None) -> Iterator[tuple[Callable[[Article], Pending], int]]:
    """A function that submits one article for extraction, and how many to keep in
    flight: on the Dask scheduler at `dask_address`, in `jobs` local processes, or here."""
    if dask_address:
        from distributed import Client

        with Client(dask_address) as client:
            workers = max(1, sum(client.nthreads().values()))
            yield (lambda article: client.submit(extract_article, article, pure=False)), workers * IN_FLIGHT_PER_WORKER
    elif jobs > 1:
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_pipeline) as pool:
            yield (lambda article: pool.submit(extract_article, article)), jobs * IN_FLIGHT_PER_WORKER
    else:
        yield (lambda article: Done(extract_article(article))), 1
