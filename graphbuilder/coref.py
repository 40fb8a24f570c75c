"""Coreference inside one article.

Polish news names a person in full once ("Siergiej Ławrow") and then by surname, inflected
("Ławrowem", "Ławrowa"); it names a company in the nominative once ("firma Equinor") and
then inflected ("z Equinorem"). These functions map such mentions to the name seen in the
same article, so one person or organisation is one entity.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from .names import is_foreign_first_name

Candidates = Callable[[str], list[str]]  # nominative candidates of an inflected unknown word


def surname_index(spans: Iterable[Span], is_person: Callable[[Span], bool], candidates: Candidates) -> dict[str, Span]:
    """Last word of every multi-word person name -> a span naming that person (also past a
    particle: "Burhan" of "al-Burhan"), its tails and heads of two words or more ("Le Drian",
    "Ali Bongo"; not the name without "Jr.");
    then, where no surname is the same, its other capitalised words but a first name (one
    Morfeusz knows, or a foreign one: "Mahmud" of "Mahmud al-Alul" is no family name) and
    but words two people's names share ("Masud" of Masud Pezeszkian and Masud Barzani): a
    Chinese or Korean family name comes first ("Xi" is Xi Jinping), a Portuguese one
    in the middle ("Lula"). A name that begins with another person's surname is two people
    run together ("Według Macrona Xi zadeklarował"), no name of its own."""
    people = [span for span in spans if is_person(span) and " " in span.kb_id_]
    people = [span for span in people if not _run_together(span, people, candidates)]
    index: dict[str, Span] = {}
    for span in people:
        surname = span.kb_id_.rsplit(" ", 1)[-1]
        index.setdefault(surname, span)
        particle, hyphen, rest = surname.partition("-")
        if hyphen and particle.islower() and rest:
            index.setdefault(rest, span)  # "Burhan" of "al-Burhan"
            index.setdefault(surname[:1].upper() + surname[1:], span)  # "Al-Asad" opening a sentence
    for span in people:
        words = span.kb_id_.split()
        for start in range(1, len(words) - 1):
            index.setdefault(" ".join(words[start:]), span)  # "Le Drian" of "Jean-Yves Le Drian"
        for end in range(2, len(words) - _generation_suffix(words[-1])):
            index.setdefault(" ".join(words[:end]), span)  # "Ali Bongo" of "Ali Bongo Ondimba"
    inner = Counter(word for name in {span.kb_id_ for span in people} for word in set(name.split()[:-1]))
    for span in people:
        words = span.kb_id_.split()[:-1]
        first_name = any("imię" in a.categories for a in span[0]._.analyses) or is_foreign_first_name(span[0])
        for word in words[1:] if first_name else words:
            if word[:1].isupper() and len(word) > 1 and inner[word] == 1:
                index.setdefault(word, span)
    return index


def _generation_suffix(word: str) -> bool:
    """ "Jr.", "Sr.", "III": without it, the name is the father's ("Donald Trump" is not
    "Donald Trump Jr.")."""
    return word.endswith(".") or (len(word) > 1 and set(word) <= set("IVX"))


def _run_together(span: Span, people: list[Span], candidates: Candidates) -> bool:
    """Two words that each name another person of the article: an inflected surname, then a
    word of another name ("Macrona Xi" beside Emmanuel Macron and Xi Jinping)."""
    others = [p.kb_id_.split() for p in people if p.kb_id_ != span.kb_id_]
    first, last = [span[0].text, *candidates(span[0].text)], span.kb_id_.split()[-1]
    return len(span) == 2 and any(words[-1] in first for words in others) \
        and any(last in words for words in others)


def _as(span: Span, person: Span, start: int | None = None, end: int | None = None) -> Span:
    """A span over the same (or given) tokens that names the given person."""
    start = span.start if start is None else start
    return Span(span.doc, start, span.end if end is None else end, label=person.label_, kb_id=person.kb_id_)


def _surname_of(text: str, surnames: dict[str, Span], candidates: Candidates) -> Span | None:
    return next((surnames[form] for form in [text, *candidates(text)] if form in surnames), None)


def resolve_mention(span: Span, surnames: dict[str, Span], candidates: Candidates,
                    is_person: Callable[[Span], bool], from_gazetteer: bool) -> list[Span]:
    """The span as one or more person mentions, or unchanged.

    - a surname alone ("Putin", "Tokajewa") is the full name;
    - a name the chunker classed as a place ("Jasina", also a village) is the person when
      the article names that person in full;
    - an initial and a surname ("W. Putinem") is the full name with that initial;
    - two surnames run together ("z Ławrowem Rau rozmawiał") are two people.
    """
    if from_gazetteer or (" " in span.kb_id_ and not is_person(span)):
        return [span]
    initial, _, surname = span.kb_id_.partition(". ")
    if len(initial) == 1 and surname and " " not in surname:
        person = surnames.get(surname)
        return [_as(span, person)] if person is not None and person.kb_id_.startswith(initial) else [span]
    if len(span) == 1 or " " not in span.kb_id_:
        person = _surname_of(span.text, surnames, candidates) or surnames.get(span.kb_id_)
        return [_as(span, person)] if person is not None else [span]
    for name in (span.kb_id_, span.text):  # as the text writes it: "Lula da Silva" may look inflected
        if name in surnames and surnames[name].kb_id_ != span.kb_id_:
            return [_as(span, surnames[name])]  # "Le Drian"
    people = [_surname_of(token.text, surnames, candidates) for token in span]
    if all(people) and len({p.kb_id_ for p in people} - {span.kb_id_}) == len(span):
        return [_as(span, person, token.i, token.i + 1) for token, person in zip(span, people)]
    return [span]


def resolve_first_names(spans: list[Span], is_person: Callable[[Span], bool]) -> list[Span]:
    """A first name alone ("Robercie, myślami jestem z tobą") is the one person of the article
    with that first name; when several share it, nobody can tell whom, so it names no one."""
    holders: dict[str, dict[str, Span]] = {}
    for span in spans:
        if is_person(span) and " " in span.kb_id_:
            holders.setdefault(span.kb_id_.split()[0], {})[span.kb_id_] = span
    resolved = []
    for span in spans:
        lone = is_person(span) and len(span) == 1 and " " not in span.kb_id_
        names = {span.kb_id_} | {a.lemma for a in span[0]._.analyses if "imię" in a.categories} if lone else set()
        people = {kb: person for name in names for kb, person in holders.get(name, {}).items()}
        if len(people) == 1:
            resolved.append(_as(span, next(iter(people.values()))))
        elif not people:
            resolved.append(span)
    return resolved


def unresolved_surnames(doc: Doc, taken: set[int], surnames: dict[str, Span], candidates: Candidates,
                        is_candidate: Callable[[int], bool]) -> list[Span]:
    """Words no entity covers that are an inflected surname of a person in the article, with
    the particle joined to it by a hyphen ("al-Sudani")."""
    found = []
    for token in doc:
        if token.i in taken or not is_candidate(token.i):
            continue
        person = _surname_of(token.text, surnames, candidates)
        if person is not None:
            particle = _particle_before(doc, token.i) and not {token.i - 2, token.i - 1} & taken
            start = token.i - 2 if particle else token.i
            found.append(Span(doc, start, token.i + 1, label=person.label_, kb_id=person.kb_id_))
    return found


def _particle_before(doc: Doc, i: int) -> bool:
    """A lower-case particle and a hyphen right before the word, with no space: "al-" of "al-Sudani"."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].is_lower and doc[i - 2].is_alpha \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_


def _initials(name: str) -> str:
    """The first letters of the name's words, upper-cased and without accents ("É" is "E")."""
    letters = "".join(word[0] for word in name.replace("-", " ").split())
    return "".join(c for c in unicodedata.normalize("NFD", letters.upper()) if not unicodedata.combining(c))


def abbreviates(abbreviation: str, name: str) -> bool:
    """Is the abbreviation made of initials of the name's words, in order ("OBWE" for
    "Organizacja Bezpieczeństwa i Współpracy w Europie", "EDF" for "Électricité de France")?"""
    letters = iter(_initials(name))
    return len(abbreviation) >= 2 and abbreviation.isupper() and all(c in letters for c in abbreviation)


def link_abbreviations(spans: list[Span], abbreviated: Callable[[Span], bool]) -> list[Span]:
    """ "Full Name (ABBR)" in the text makes every later ABBR a mention of Full Name;
    `abbreviated` says whether the bracketed word after a name abbreviates it."""
    full_names = {span.doc[span.end + 1].text: span for span in spans if " " in span.kb_id_ and abbreviated(span)}
    return [_as(span, full_names[span.text]) if span.text in full_names and len(span) == 1
            and (span.kb_id_ == span.text or span.text.isupper()) else span for span in spans]  # "KAI", not Kaja


def link_shortened_names(spans: list[Span], is_organisation: Callable[[Span], bool],
                         is_head_noun: Callable[[Span], bool], candidates: Candidates,
                         is_known: Callable[[str], bool]) -> list[Span]:
    """A multi-word organisation name, or a head noun alone, that begins exactly one longer
    organisation name of the article ("Zgromadzenie Ogólne" beside "Zgromadzenie Ogólne ONZ",
    "Unia" beside "Unia Europejska") is a mention of it; a head noun alone that begins
    several is the one named last before it ("Rady Europejskiej ... pracami Rady"). So is a
    one-word name, inflected or not, that begins exactly one ("fabryki Microna" beside "Micron
    Technology", "Silniki GE" beside "GE Aerospace"), unless the gazetteer knows it as a body
    of its own ("Gazprom" beside "Gazprom Nieft")."""
    names = {span.kb_id_: span for span in spans
             if is_organisation(span) and (" " in span.kb_id_ or is_head_noun(span))}
    longer = {name: [full for full in names if full.startswith(name + " ")] for name in names}

    def full_name(span: Span) -> Span | None:
        fulls = longer.get(span.kb_id_, []) if is_organisation(span) else []
        if not fulls and is_organisation(span) and len(span) == 1 and not is_known(span.kb_id_):
            forms = {span.kb_id_, *candidates(span.kb_id_)}
            fulls = [full for full in names if " " in full and full.split()[0] in forms]
            return names[fulls[0]] if len(fulls) == 1 else None
        if len(fulls) == 1:
            return names[fulls[0]]
        before = [other for other in spans if other.kb_id_ in fulls and other.end <= span.start]
        return before[-1] if before and is_head_noun(span) else None

    return [_as(span, full) if (full := full_name(span)) is not None else span for span in spans]


def link_towns_naming_a_region(spans: list[Span], is_town: Callable[[Span], bool],
                               is_region: Callable[[Span], bool]) -> list[Span]:
    """A town's name alone stands for the one region of the article whose name ends in it,
    in the genitive: "Gaza" beside "Strefa Gazy" is the Strip ("oglądał Gazę z daleka")."""
    regions: dict[str, list[Span]] = {}
    for span in spans:
        if is_region(span) and len(span) > 1 and span[-1].text != span[-1].lemma_:  # not "Budapeszt-Belgrad"
            regions.setdefault(span[-1].lemma_, []).append(span)
    named = {lemma: found[0] for lemma, found in regions.items() if len({s.kb_id_ for s in found}) == 1}
    return [_as(span, named[span.kb_id_]) if is_town(span) and span.kb_id_ in named else span for span in spans]


def nominative_names(spans: Iterable[Span], is_person: Callable[[Span], bool]) -> dict[str, Span]:
    """One-word names other than people's that the article gives in the nominative ("firma
    Equinor"): the class the text gives them there is the name's class in the article."""
    return {span.kb_id_: span for span in spans
            if len(span) == 1 and span.text == span.kb_id_ and not is_person(span)}


def known_name_of(text: str, names: dict[str, Span], candidates: Candidates) -> Span | None:
    """The article's one-word name this word is an inflected form of ("Equinorem", "Equinoru")."""
    return next((names[form] for form in candidates(text) if form in names), None)


def link_inflected_names(spans: list[Span], names: dict[str, Span], candidates: Candidates,
                         from_gazetteer: set[tuple[int, int]]) -> list[Span]:
    """A one-word mention the gazetteers do not know that is an inflected form of such a name
    ("z Equinorem", whatever class the chunker gave it alone) is a mention of that name."""
    linked = []
    for span in spans:
        name = None if len(span) > 1 or (span.start, span.end) in from_gazetteer else known_name_of(span.text, names, candidates)
        linked.append(_as(span, name) if name is not None else span)
    return linked
