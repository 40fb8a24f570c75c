"""Doc -> ArticleExtraction: the last place spaCy objects are seen.

Turns the entity spans and facts a pipeline left on a `Doc` into plain dataclasses that
the RDF stage consumes and that can be pickled across processes.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .components.entities import NESTED
from .components.relations import ROLE_MENTIONS
from .ontology import Ontology
from .types import ARTICLE, Article, ArticleExtraction, Entity, Fact, Sentence


def sentences_of(doc: Doc) -> list[Sentence]:
    """The sentences with their offsets, trailing whitespace left out."""
    result = []
    for sent in doc.sents:
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        result.append(Sentence(text, start, start + len(text)))
    return result


def entities_of(doc: Doc, ontology: Ontology) -> dict[tuple[str, str], Entity]:
    """One Entity per canonical key; every surface form other than the name is an alias."""
    entities: dict[tuple[str, str], Entity] = {}
    role_phrases = {(s.start, s.end) for s in doc.spans.get(ROLE_MENTIONS, [])}
    variant_of = doc._.variant_of or {}
    for span in [*doc.ents, *doc.spans.get(NESTED, [])]:
        top = ontology.top_class[span.label_]
        entity = entities.setdefault((top, span.kb_id_),
                                     Entity(span.kb_id_, span.label_, top, same_as=variant_of.get(span.kb_id_)))
        if _finer(span.label_, entity.cls, ontology):
            entity.cls = span.label_
        if span.text != span.kb_id_ and (span.start, span.end) not in role_phrases:
            entity.aliases.add(span.text)
    return entities


def _named_by_adjective(doc: Doc) -> set[tuple[str, str]]:
    """What nationality adjectives outside names point to: "rosyjskie drony" mention Russia
    (an entity of the article even with no fact), "Autonomia Palestyńska" does not. So does
    a people's noun in the singular, one person of the state ("Portugalczyk mówił"); in the
    plural it may be a people living elsewhere ("Kosowo, zamieszkane przez Albańczyków")."""
    return {token._.refers_to for token in doc if token._.refers_to and token.ent_iob_ not in {"B", "I"}
            and (any(a.pos_class == "adj" for a in token._.analyses)
                 or (token.pos_ in {"NOUN", "PROPN"} and "Sing" in token.morph.get("Number")))}


def _finer(candidate: str, current: str, ontology: Ontology) -> bool:
    """Prefer a subclass (MediaOrganization) over its top class (Organization)."""
    return current == ontology.top_class.get(current) == ontology.top_class.get(candidate) != candidate


def _seats_as_places(entities: dict[tuple[str, str], Entity], facts: list[Fact]) -> list[Fact]:
    """A body named after its seat is, in an article where people meet there ("podpisali w
    Białym Domu"), that place: the entity and its facts become the Location's."""
    places = {key for fact in facts for key in (fact.subject, fact.object) if key != ARTICLE and key[0] == "Location"}
    seats = {("Organization", name): ("Location", name) for _, name in places if ("Organization", name) in entities}
    for body, place in seats.items():
        entity = entities.pop(body)
        entity.cls = entity.top_class = "Location"
        entities.setdefault(place, entity).aliases |= entity.aliases
    return [replace(fact, subject=seats.get(fact.subject, fact.subject), object=seats.get(fact.object, fact.object))
            for fact in facts] if seats else facts


def extract(doc: Doc, article: Article, ontology: Ontology) -> ArticleExtraction:
    """Collect the entities and facts of a processed article."""
    entities = entities_of(doc, ontology)
    facts = _seats_as_places(entities, doc._.facts)
    for fact in facts:
        for key in (fact.subject, fact.object):
            if key != ARTICLE and key not in entities:
                entities[key] = Entity(key[1], key[0], key[0])
    for cls, name in _named_by_adjective(doc):
        top = ontology.top_class.get(cls, cls)
        entities.setdefault((top, name), Entity(name, cls, top))
    return ArticleExtraction(
        article=article,
        sentences=sentences_of(doc),
        entities=sorted(entities.values(), key=lambda e: e.key),
        facts=sorted(facts, key=lambda f: (f.sentence, f.predicate, str(f.subject), str(f.object))),
    )
