"""Across articles: one person, one node.

Inside an article, coreference already maps "Putin" to the "Władimir Putin" named
earlier. An article that only ever says "Putin" (or "W. Putin") leaves a short name,
which this stage links to a full name seen in other articles, by one rule:

    a short person name (a surname alone, or an initial and a surname) is linked to a full
    name when exactly one full name in the whole build has that surname (and that initial).

Two people who share a surname ("Lech Kaczyński", "Jarosław Kaczyński") leave "Kaczyński"
unlinked: without support from the text, a merge would be a guess. Only persons are
linked; other names are already canonical (gazetteers and Morfeusz nominatives).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .types import Entity, ArticleExtraction, Fact

PERSON = "Person"
INITIAL = re.compile(r"^(\w)\.$")


def person_names(extraction: ArticleExtraction) -> set[str]:
    """The person names an article contributes to the build."""
    return {entity.name for entity in extraction.entities if entity.top_class == PERSON}


def person_links(names: Iterable[str]) -> dict[str, str]:
    """Short person name -> the one full name it stands for, by the rule above."""
    names = set(names)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = name.split()
        if len(words) > 1 and not INITIAL.match(words[0]):
            by_surname[words[-1]].add(name)
    links = {}
    for name in names:
        candidates = _candidates(name.split(), by_surname)
        if len(candidates) == 1:
            links[name] = candidates.pop()
    return links


def _candidates(words: list[str], by_surname: dict[str, set[str]]) -> set[str]:
    if len(words) == 1:
        return set(by_surname.get(words[0], ()))
    initial = INITIAL.match(words[0])
    if len(words) == 2 and initial:
        return {full for full in by_surname.get(words[1], ()) if full.startswith(initial.group(1))}
    return set()


def link_people(extraction: ArticleExtraction, links: dict[str, str]) -> ArticleExtraction:
    """The extraction with its short person names replaced by their full names: the
    short form becomes an alias, and a fact that now links a person to itself is dropped."""
    keys = {(PERSON, short): (PERSON, full) for short, full in links.items()}
    if not any(entity.key in keys for entity in extraction.entities):
        return extraction
    entities: dict[tuple[str, str], Entity] = {}
    for entity in extraction.entities:
        key = keys.get(entity.key, entity.key)
        merged = entities.setdefault(key, Entity(key[1], entity.cls, entity.top_class))
        merged.aliases |= entity.aliases | ({entity.name} if key != entity.key else set())
    facts = [_renamed(fact, keys) for fact in extraction.facts]
    return replace(
        extraction,
        entities=sorted(entities.values(), key=lambda e: e.key),
        facts=[fact for fact in facts if fact.subject != fact.object],
    )


def _renamed(fact: Fact, keys: dict) -> Fact:
    subject = keys.get(fact.subject, fact.subject) if isinstance(fact.subject, tuple) else fact.subject
    return replace(fact, subject=subject, object=keys.get(fact.object, fact.object))
