"""Whole-build throughput on corpora of many articles, for 1, 2 and all cores.

Makes corpora of N articles from the dev articles, each copy with its people's surnames
and all its numbers replaced (the gold files list every surface form of every person), so
that the entities differ from article to article as in a real news archive. Each build
runs in a fresh child process into a fresh output folder and prints:

- articles/s and tokens/s of the whole build, and of a second, incremental build of the
  same folder (everything reused from the cache);
- the peak resident memory of the building process, of one extraction worker, and of
  all of them together;
- the time of each stage (read, nlp, rdf, validate, store, html);
- the whole build's time over the NLP stage's, the issue's target being at most 3x;
- spaCy's blank Polish tokenizer alone over the same texts, in the same run: the floor.

Usage: python benchmarks/throughput.py [--sizes 1000 20000] [--jobs 1 2 0] [--incremental]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"
STEM_STARTS = ("Bor", "Kal", "Der", "Mir", "Sol", "Tar", "Wel", "Zar", "Gor", "Lub", "Ras", "Nem", "Dub", "Kor")
STEM_MIDDLES = ("cz", "in", "ow", "ew", "ak", "ar", "os", "el")
STEM_ENDS = ("ak", "ik", "ow", "in", "ek", "uk", "ec", "an")
STAGES = ("read", "nlp", "rdf", "validate", "store", "html")

BUILD_CHILD = """
import json, resource, sys
from pathlib import Path
from graphbuilder.build import build
report = build([Path(sys.argv[1])], Path(sys.argv[2]), jobs=int(sys.argv[3]))
print(json.dumps({"articles": report.articles, "reused": report.reused, "errors": len(report.errors),
                  "timings": dict(report.timings),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def dev_articles() -> list[tuple[str, list[str]]]:
    """(text, surnames of its people) of every dev article."""
    articles = []
    for path in sorted(DEV.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        surnames = {e["name"].split()[-1] for e in gold["entities"] if e["type"] == "Person"}
        articles.append((path.read_text(encoding="utf-8"), sorted(surnames, key=len, reverse=True)))
    return articles


def _new_stem(rng: random.Random) -> str:
    return rng.choice(STEM_STARTS) + rng.choice(STEM_MIDDLES) + rng.choice(STEM_ENDS)


def varied(text: str, surnames: list[str], rng: random.Random) -> str:
    """The article with each surname (in every inflected form) and each number replaced."""
    for surname in surnames:
        stem = surname[:-1] if surname[-1] in "aeiouy" else surname
        pattern = rf"\b{re.escape(stem)}" if len(stem) >= 4 else rf"\b{re.escape(surname)}\b"
        text = re.sub(pattern, _new_stem(rng), text)
    return re.sub(r"\d+", lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), text)


def write_corpus(folder: Path, size: int, seed: int = 7) -> list[str]:
    """Write `size` varied articles into `folder`; returns their texts."""
    rng = random.Random(seed)
    sources = dev_articles()
    texts = []
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(size):
        text, surnames = sources[index % len(sources)]
        texts.append(varied(text, surnames, rng))
        (folder / f"{index:06d}.txt").write_text(texts[-1], encoding="utf-8")
    return texts


def tokenizer_floor(texts: list[str]) -> tuple[int, float]:
    """Tokens, and seconds for spaCy's blank Polish tokenizer alone."""
    import spacy

    tokenizer = spacy.blank("pl").tokenizer
    started = time.perf_counter()
    tokens = sum(len(tokenizer(text)) for text in texts)
    return tokens, time.perf_counter() - started


def run_build(folder: Path, out: Path, jobs: int) -> tuple[dict, float]:
    """Build in a child process; its report, with the peak memory of its extraction
    workers and of the whole process tree (sampled every 0.2 s), and the wall time."""
    import psutil

    started = time.perf_counter()
    child = psutil.Popen([sys.executable, "-c", BUILD_CHILD, str(folder), str(out), str(jobs)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    worker_peak = tree_peak = 0
    while child.poll() is None:
        try:
            workers = [p.memory_info().rss for p in child.children(recursive=True)]
            tree_peak = max(tree_peak, child.memory_info().rss + sum(workers))
        except psutil.Error:
            workers = []
        worker_peak = max([worker_peak, *workers])
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    stdout, stderr = child.communicate()
    if child.returncode:
        raise RuntimeError(f"build failed: {stderr[-2000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report.update(worker_rss_mb=worker_peak / 2**20, tree_rss_mb=max(tree_peak / 2**20, report["rss_mb"]))
    return report, seconds


def print_row(size: int, label: str, report: dict, seconds: float, tokens: int) -> None:
    timings = report["timings"]
    stages = " | ".join(f"{timings.get(stage, 0):7.1f}" for stage in STAGES)
    ratio = seconds / timings["nlp"] if timings.get("nlp") else float("nan")
    print(f"| {size:>6,} | {label:>11} | {report['articles'] / seconds:7.1f} | {tokens / seconds:9,.0f} | "
          f"{seconds:7.1f} | {stages} | {ratio:5.2f} | {report['rss_mb']:7,.0f} | {report['worker_rss_mb']:6,.0f} | "
          f"{report['tree_rss_mb']:7,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 0], help="0: all cores")
    parser.add_argument("--incremental", action="store_true", help="Also time a second build of the same folder.")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    print(f"{cores} cores; seconds per stage; ratio = whole build / NLP stage; RSS in MB\n")
    print("| articles | jobs | articles/s | tokens/s | seconds | " + " | ".join(STAGES)
          + " | ratio | peak RSS | worker RSS | all processes |")
    print("|---|---|---|---|---|" + "---|" * len(STAGES) + "---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="gb-throughput-") as scratch:
        for size in args.sizes:
            folder = Path(scratch) / f"corpus-{size}"
            texts = write_corpus(folder, size)
            tokens, floor = tokenizer_floor(texts)
            for jobs in args.jobs:
                out = Path(scratch) / f"out-{size}-{jobs}"
                report, seconds = run_build(folder, out, jobs or cores)
                print_row(size, f"{jobs or cores}{' (all)' if not jobs else ''}", report, seconds, tokens)
                if args.incremental:
                    report, seconds = run_build(folder, out, jobs or cores)
                    print_row(size, f"{jobs or cores} again", report, seconds, tokens)
            print(f"| {size:>6,} | tokenizer | {size / floor:7.1f} | {tokens / floor:9,.0f} | {floor:7.1f} |"
                  + " |" * (len(STAGES) + 4))


if __name__ == "__main__":
    main()
