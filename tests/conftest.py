"""Shared fixtures: the pipeline and one build of the seed article, made once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.build import BuildReport, build
from graphbuilder.nlp import build_nlp
from graphbuilder.ontology import Ontology, load_ontology

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "input" / "putin-visits-kazakhstan.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture(scope="session")
def nlp():
    """The default Polish pipeline (blank Polish + graphbuilder components)."""
    return build_nlp()


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> tuple[Path, BuildReport]:
    """`graphbuilder build` of the seed article: the output folder and the report."""
    out = tmp_path_factory.mktemp("seed-output")
    report = build([SEED], out)
    return out, report
