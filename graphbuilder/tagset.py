"""Reduced NKJP tags: ``class[:number][:case][:gender]``.

The full NKJP / Morfeusz tag (``subst:sg:gen:m3``, ``ppron3:sg:acc:f:ter:akc:npraep``,
``praet:sg:m1.m2.m3:perf``) is reduced to the grammatical class plus number, case and
gender, the fields that decide between most competing lemmas of one word form
(``lat``: ``rok`` is ``subst:pl:gen:m3``, ``lato`` is ``subst:pl:gen:n``). The tagger of
the NKJP pipeline predicts these reduced tags, and ``benchmarks/lemmas_ud.py`` uses them to
pick one of Morfeusz's analyses.

Morfeusz 2 writes alternative values with dots (``nom.acc.voc``) and uses the newer class
name ``part`` where NKJP and UD-LFG write ``qub``; :func:`expand_tag` turns one such tag
into the set of reduced tags it stands for.
"""

from __future__ import annotations

from itertools import product
from typing import Iterable, NamedTuple

NUMBERS: frozenset[str] = frozenset({"sg", "pl"})
CASES: frozenset[str] = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
GENDERS: frozenset[str] = frozenset({"m1", "m2", "m3", "f", "n"})

#: Older gender values (pluralia tantum, neuter subclasses) mapped onto the five genders.
GENDER_ALIASES: dict[str, str] = {"n1": "n", "n2": "n", "p1": "m1", "p2": "n", "p3": "n"}

#: Class names that differ between tagset versions, mapped onto Morfeusz 2's names.
CLASS_ALIASES: dict[str, str] = {"qub": "part"}


class TagFields(NamedTuple):
    """The four fields of a reduced tag; empty strings for absent fields."""

    cls: str
    number: str
    case: str
    gender: str

    def render(self) -> str:
        """Write the fields as ``class:number:case:gender``, skipping empty ones."""
        return ":".join(f for f in self if f)


def normalise_class(cls: str) -> str:
    """Map a class name onto the Morfeusz 2 spelling (``qub`` → ``part``)."""
    return CLASS_ALIASES.get(cls, cls)


def _field_alternatives(fields: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """Collect the alternative number, case and gender values found in tag fields."""
    numbers: list[str] = []
    cases: list[str] = []
    genders: list[str] = []
    for field in fields:
        for value in field.split("."):
            value = GENDER_ALIASES.get(value, value)
            if value in NUMBERS and value not in numbers:
                numbers.append(value)
            elif value in CASES and value not in cases:
                cases.append(value)
            elif value in GENDERS and value not in genders:
                genders.append(value)
    return numbers, cases, genders


def expand_tag(tag: str) -> list[TagFields]:
    """All reduced readings of one (possibly dotted) tag, in a stable order."""
    parts = [p for p in tag.split(":") if p]
    if not parts:
        return [TagFields("", "", "", "")]
    cls = normalise_class(parts[0])
    numbers, cases, genders = _field_alternatives(parts[1:])
    return [
        TagFields(cls, n, c, g)
        for n, c, g in product(numbers or [""], cases or [""], genders or [""])
    ]


def reduce_tag(tag: str) -> str:
    """Reduce one undotted NKJP tag (``subst:sg:gen:m3:ncol`` → ``subst:sg:gen:m3``).

    A dotted tag is reduced to its first reading; use :func:`expand_tag` for all of them.
    """
    return expand_tag(tag)[0].render()


def parse_reduced(reduced: str) -> TagFields:
    """Parse a reduced tag written by :meth:`TagFields.render` back into its fields."""
    return expand_tag(reduced)[0]


def match_score(predicted: TagFields, candidate: str) -> tuple[int, int]:
    """How well a Morfeusz tag fits a predicted reduced tag: ``(exact, shared_fields)``.

    ``exact`` is 1 when one reading of ``candidate`` equals the prediction. The shared
    fields are counted on the best reading; the class counts as a field.
    """
    best = (0, 0)
    for reading in expand_tag(candidate):
        shared = sum(1 for p, r in zip(predicted, reading) if p and p == r)
        score = (int(reading == predicted), shared)
        best = max(best, score)
    return best
