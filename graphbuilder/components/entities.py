"""spaCy component: named entities with canonical names, classes and coreference.

Three layers, each driven by data under `ontology/lexicon/`:
1. gazetteers (countries, cities, locations, organisations, media) matched on lemmas, so
   every inflected form is found ("Kazachstanu", "Unii Europejskiej");
2. a chunker for names the gazetteers do not know, classified by Morfeusz name categories,
   head nouns ("Opera Astana", "Ministerstwo ...") and person-name cues; a chunk none of
   these classify is a person when the NKJP-trained NER (`graphbuilder/nkjp.py`) says so;
3. coreference inside the article: a surname alone is the full name seen elsewhere.

Each entity is a `doc.ents` span whose `label_` is its finest ontology class and whose
`kb_id_` is its canonical Polish name. Nationality adjectives are not entities; they get
`token._.refers_to` so relations can use them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..morph import Analyser, Analysis
from .. import coref, nkjp
from ..gazetteer import Gazetteer, WordTest
from ..names import Ending, NameNormaliser, cases_of
from ..ontology import load_lexicon, load_ontology, ontology_dir, read_jsonl

DASHES = frozenset("-–—")
#: NER labels trusted for chunks the rules leave unclassified. Only persons: on the dev
#: articles the NER's orgName for "Zachodu" (the West) and "Sojuszu" (the Alliance) would be
#: spurious organisations; persons it gets right, and coreference then joins them.
NER_FALLBACK_CLASSES = {"persName": "Person"}
NESTED = "gb_nested"  # doc.spans key of names nested in longer entities
CLOSED_CLASSES = frozenset({"prep", "conj", "comp", "qub", "ppron12", "ppron3", "siebie", "adv", "interj", "aglt"})

if not Token.has_extension("refers_to"):
    Token.set_extension("refers_to", default=None)  # (class, name) of an adjective's entity
if not Doc.has_extension("entity_country"):
    Doc.set_extension("entity_country", default=None)  # institution name -> its country


@dataclass(frozen=True)
class NameCues:
    """Lexicon data the chunker uses to classify names it does not know."""

    heads: dict[str, str]  # head noun lemma -> class
    words: dict[str, str]  # a word that marks a foreign name's class ("Times" -> MediaOrganization)
    surname_suffixes: tuple[str, ...]
    particles: frozenset[str]
    connectors: frozenset[str]


def load_name_cues(lexdir: Path) -> NameCues:
    """Read name_heads.jsonl and person_cues.jsonl."""
    cues = {row["kind"]: row["values"] for row in read_jsonl(lexdir / "person_cues.jsonl")}
    return NameCues(
        heads=load_lexicon(lexdir.parent).heads,
        words={row["word"]: row["class"] for row in read_jsonl(lexdir / "name_words.jsonl")},
        surname_suffixes=tuple(sorted(cues.get("surname_suffix", []), key=len, reverse=True)),
        particles=frozenset(cues.get("name_particle", [])),
        connectors=frozenset(cues.get("name_connector", [])),
    )


def _is_acronym(token: Token) -> bool:
    """ "NATO", "ABW": an acronym does not run into a person's name ("szef ABW Jan Nowak")."""
    return token.is_upper and len(token.text) > 1


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_common_word(token: Token) -> bool:
    """A word Morfeusz knows only as a common (lower-case) word."""
    analyses: tuple[Analysis, ...] = token._.analyses
    return bool(analyses) and all(a.is_common for a in analyses)


def _has_common_reading(token: Token) -> bool:
    """Some analysis is a common word ("Jak", "Flagi" are also rare names)."""
    return any(a.is_common for a in token._.analyses)


def _is_sentence_start(token: Token) -> bool:
    return token.i == 0 or bool(token.is_sent_start) or token.doc[token.i - 1].text in {"„", '"', "(", "«"}


class EntityRecognizer:
    """Finds, classifies and names the entities of a Polish article."""

    def __init__(self, nlp: Language, name: str = "gb_entities", ontology: str | None = None) -> None:
        self.name = name
        directory = Path(ontology) if ontology else ontology_dir()
        self.lexicon = load_lexicon(directory)
        self.top_class = load_ontology(directory).top_class
        self.cues = load_name_cues(directory / "lexicon")
        self.analyser = Analyser()
        endings = [Ending(**row) for row in read_jsonl(directory / "lexicon" / "name_endings.jsonl")]
        role_nouns = frozenset(word for role in self.lexicon.roles for word in role.split()[:1])
        self.normaliser = NameNormaliser(self.analyser, endings, role_nouns)
        self.gazetteer = Gazetteer()
        self.entries = {entry.name: entry for entry in self.lexicon.entries}
        self._add_gazetteer_patterns(nlp)

    # ------------------------------------------------------------ gazetteer

    def _add_gazetteer_patterns(self, nlp: Language) -> None:
        for entry in self.lexicon.entries:
            for form in (entry.name, *entry.aliases):
                pattern = self._pattern(nlp.make_doc(form))
                if pattern:
                    self.gazetteer.add(entry.name, pattern)

    def _pattern(self, doc: Doc) -> list[WordTest]:
        """Word tests matching any inflected form of a name."""
        pattern = []
        for token in doc:
            if token.is_punct or (token.is_upper and len(token.text) > 1) or any(c.isdigit() for c in token.text):
                pattern.append(WordTest(frozenset({token.text}), by_lemma=False))
            elif not _is_capitalised(token):
                pattern.append(WordTest(frozenset({token.lower_}), by_lemma=False))
            else:
                pattern.append(WordTest(frozenset(self._pattern_lemmas(token.text)), by_lemma=True))
        return pattern

    def _pattern_lemmas(self, form: str) -> list[str]:
        """Lemmas of a canonical (nominative) name word; the form's own lemma when it has one."""
        lemmas = {a.lemma.lower() for a in self.analyser.analyse(form) if a.pos_class != "ign"}
        own = {lemma for lemma in lemmas if lemma == form.lower()}
        return sorted(own or lemmas or {form.lower()})

    def gazetteer_spans(self, doc: Doc) -> list[Span]:
        """Every gazetteer match (overlaps included) as a span labelled with class and name."""
        spans = []
        for name, start, end in self.gazetteer(doc):
            if end - start == 1 and _is_sentence_start(doc[start]) and _is_common_word(doc[start]):
                continue  # "Fakt, że ..." is not the newspaper Fakt
            spans.append(Span(doc, start, end, label=self.entries[name].cls, kb_id=name))
        return spans

    # ------------------------------------------------------------ chunker

    def _is_name_like(self, token: Token) -> bool:
        if token.is_space or token.is_punct or not _is_capitalised(token) or token.like_num:
            return False
        if any(a.pos_class in CLOSED_CLASSES for a in token._.analyses) and _is_common_word(token):
            return False
        return not (_is_sentence_start(token) and _has_common_reading(token)) or self._is_head(token)

    def _is_head(self, token: Token) -> bool:
        return _is_capitalised(token) and token.lemma_.lower() in self.cues.heads

    def name_chunks(self, doc: Doc, gazetteer: list[Span]) -> list[tuple[Span, list[Span]]]:
        """Maximal runs of name-like tokens, with the gazetteer spans they swallow."""
        by_start = {span.start: span for span in gazetteer}
        inside = {i for span in gazetteer for i in range(span.start, span.end)}
        chunks: list[tuple[Span, list[Span]]] = []
        i = 0
        while i < len(doc):
            if i in inside or not self._is_name_like(doc[i]):
                i += 1
                continue
            end, inner = self._extend_chunk(doc, i, by_start, inside)
            if not self._capitalised_only_by_position(doc, i, end, inside):
                chunks.append((doc[i:end], inner))
            i = end
        return chunks

    @staticmethod
    def _capitalised_only_by_position(doc: Doc, start: int, end: int, inside: set[int]) -> bool:
        """A sentence-initial common noun followed only by known names ("Wojska Rosji
        zaatakowały"): the capital letter comes from the position, so this is the noun
        "wojska" and the country, as "wojska Rosji" would be inside a sentence."""
        first = doc[start]
        return (_is_sentence_start(first) and _has_common_reading(first) and end > start + 1
                and all(i in inside for i in range(start + 1, end)))

    def _extend_chunk(self, doc: Doc, start: int, by_start: dict[int, Span],
                      inside: set[int]) -> tuple[int, list[Span]]:
        """Grow a chunk rightwards over names, joiners and (after a head noun) known names.

        Connectors ("i", "w") join only names of two words or more: "Organizacja
        Bezpieczeństwa i Współpracy w Europie", but not "Sojuszu w Wilnie"."""
        organisation = self._is_head(doc[start])
        end, inner = start + 1, []
        while end < len(doc):
            token = doc[end]
            if end in by_start and organisation:
                inner.append(by_start[end])
                end = by_start[end].end
            elif end not in inside and self._is_name_like(token) and not _is_sentence_start(token) \
                    and (organisation or _is_acronym(token) == _is_acronym(doc[end - 1])):
                end += 1
            elif (after := self._after_joiners(doc, end, organisation and end - start > 1)) > end \
                    and after < len(doc) and ((after not in inside and self._is_name_like(doc[after]))
                                              or (organisation and after in by_start)):
                end = after
            else:
                break
        return end, inner

    def _after_joiners(self, doc: Doc, i: int, organisation: bool) -> int:
        """Index of the first token after a run of joiners starting at i ("von der")."""
        while i < len(doc) and self._is_joiner(doc, i, organisation):
            i += 1
        return i

    def _is_joiner(self, doc: Doc, i: int, organisation: bool) -> bool:
        """A hyphen inside a name, a particle (von, al) or, in organisation names, 'i', 'w'."""
        token = doc[i]
        if token.text in DASHES:
            return not doc[i - 1].whitespace_ and not token.whitespace_
        if token.lower_ in self.cues.particles:
            return True
        return organisation and token.lower_ in self.cues.connectors

    def classify_chunk(self, chunk: Span, inner: list[Span]) -> str | None:
        """The ontology class of an unknown name, or None when it is not one we keep."""
        first = chunk[0]
        if self._is_head(first) and (len(chunk) > 1 or inner):
            return self.cues.heads[first.lemma_.lower()]
        categories = {c for t in chunk for a in t._.analyses for c in a.categories}
        if inner:
            return None
        marked = [self.cues.words[t.text] for t in chunk if t.text in self.cues.words]
        if marked and len(chunk) > 1:
            return next((cls for cls in marked if cls != "Organization"), marked[0])
        if "imię" in categories or any(t.lower_ in self.cues.particles for t in chunk):
            return "Person"
        if len(chunk) == 1 and _is_acronym(first):
            return "Organization"
        for category, cls in (("nazwa_geograficzna", "Location"), ("nazwa_organizacji", "Organization"),
                              ("nazwa_instytucji", "Organization"), ("nazwa_firmy", "Company"),
                              ("tytuł", "MediaOrganization"), ("nazwisko", "Person")):
            if category in categories:
                return cls
        words = [t for t in chunk if not t.is_punct]
        if len(words) >= 2 and all(not _is_common_word(t) for t in words):
            return "Person"
        if len(words) == 1 and self._looks_like_surname(first):
            return "Person"
        return None

    @staticmethod
    def model_classes(doc: Doc, chunks: list[Span]) -> dict[tuple[int, int], str]:
        """Classes the NKJP NER gives the unclassified chunks it marks exactly as they are."""
        if not chunks:
            return {}
        predicted = nkjp.predicted_entities(doc, chunks)
        labels = ((c.start, c.end, predicted.get((c.start, c.end))) for c in chunks)
        return {(start, end): NER_FALLBACK_CLASSES[label] for start, end, label in labels
                if label in NER_FALLBACK_CLASSES}

    def _looks_like_surname(self, token: Token) -> bool:
        text = token.text
        candidates = [text] + [c for c, _ in self.normaliser.candidates(text, "m")]
        return not _is_common_word(token) and any(c.endswith(self.cues.surname_suffixes) for c in candidates)

    # ------------------------------------------------------------ names

    def canonical(self, chunk: Span, cls: str, seen: set[str]) -> str:
        if self.top_class.get(cls) == "Person":
            return self.normaliser.person(chunk, seen)
        if len(chunk) == 1 and chunk[0].is_upper:
            return chunk.text
        return self.normaliser.phrase(chunk)

    def _dash_compounds(self, doc: Doc, gazetteer: list[Span]) -> list[Span]:
        """Names joined by dashes with no spaces whose parts are known places: a route or pipeline."""
        compounds = []
        for span in gazetteer:
            start, end = span.start, span.end
            while end + 1 < len(doc) and doc[end].text in DASHES and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and _is_capitalised(doc[end + 1]):
                end += 2
            if end > span.end and self.top_class.get(span.label_) in {"City", "Country", "Location"}:
                head = doc[start - 1].lemma_.lower() if start else ""
                cls = self.cues.heads.get(head, "Location")
                cls = cls if self.top_class.get(cls) == "Location" else "Location"
                compounds.append(Span(doc, start, end, label=cls, kb_id=doc[start:end].text))
        return compounds

    # ------------------------------------------------------------ institutions

    def scope_institution(self, span: Span, countries: list[Span]) -> Span:
        """Every country has a foreign ministry: "MSW Ukrainy" is "Ministerstwo Spraw
        Wewnętrznych Ukrainy", "polskiego MSZ" is "Ministerstwo Spraw Zagranicznych Polski".
        The country is a genitive name right after, a nationality adjective right before,
        or the institution's default (`institutions.jsonl`)."""
        if span.kb_id_ not in self.lexicon.institutions:
            return span
        doc, end = span.doc, span.end
        following = next((e for e in countries if e.start == span.end), None)
        if following is not None and "gen" in cases_of(following[0]._.analyses):
            genitive, end = following.text, following.end
        else:
            country = self._adjective_country(doc, span.start) or self.lexicon.institutions[span.kb_id_]
            genitive = self.normaliser.genitive(country) if country else ""
        name = f"{span.kb_id_} {genitive}".strip()
        if genitive:
            doc._.entity_country[name] = following.kb_id_ if end > span.end else country
        return Span(doc, span.start, end, label=span.label_, kb_id=name)

    @staticmethod
    def _adjective_country(doc: Doc, start: int) -> str | None:
        for token in reversed(doc[max(0, start - 2):start]):
            if token._.refers_to and token._.refers_to[0] == "Country":
                return token._.refers_to[1]
        return None

    # ------------------------------------------------------------ the component

    def _is_person(self, span: Span) -> bool:
        return self.top_class.get(span.label_) == "Person"

    def _is_organisation(self, span: Span) -> bool:
        return self.top_class.get(span.label_) == "Organization"

    def _surname_candidates(self, text: str) -> list[str]:
        return [candidate for candidate, _case in self.normaliser.candidates(text, "m")]

    def resolve_people(self, doc: Doc, spans: list[Span], gazetteer: list[Span]) -> list[Span]:
        """Surnames and inflected surnames become the full names the article gives."""
        surnames = coref.surname_index(spans, self._is_person)
        from_gazetteer = {(s.start, s.end) for s in gazetteer}
        resolved = [mention for span in spans for mention in coref.resolve_mention(
            span, surnames, self._surname_candidates, self._is_person, (span.start, span.end) in from_gazetteer)]
        taken = {i for s in resolved for i in range(s.start, s.end)}
        extra = coref.unresolved_surnames(
            doc, taken, surnames, self._surname_candidates,
            lambda i: _is_capitalised(doc[i]) and not _is_common_word(doc[i]))
        return filter_spans(resolved + extra)

    def __call__(self, doc: Doc) -> Doc:
        self._mark_adjectives(doc)
        doc._.entity_country = {}
        matches = self.gazetteer_spans(doc)
        gazetteer = filter_spans(self._dash_compounds(doc, filter_spans(matches)) + matches)
        seen = {t.text for t in doc}
        spans = list(gazetteer)
        swallowed: set[int] = set()
        chunks = [(chunk, inner, self.classify_chunk(chunk, inner)) for chunk, inner in self.name_chunks(doc, gazetteer)]
        guessed = self.model_classes(doc, [chunk for chunk, inner, cls in chunks if cls is None and not inner])
        for chunk, inner, cls in chunks:
            cls = cls or guessed.get((chunk.start, chunk.end))
            if cls is None or cls not in self.top_class:
                continue
            spans.append(Span(doc, chunk.start, chunk.end, label=cls, kb_id=self.canonical(chunk, cls, seen)))
            swallowed.update(id(s) for s in inner)
        spans = filter_spans([s for s in spans if id(s) not in swallowed])
        countries = [m for m in matches if self.top_class.get(m.label_) == "Country"]
        spans = [self.scope_institution(span, countries) for span in spans]
        spans = self._with_abbreviation_spans(doc, filter_spans(spans))
        spans = coref.link_shortened_names(coref.link_abbreviations(spans), self._is_organisation)
        doc.ents = self.resolve_people(doc, spans, gazetteer)
        doc.spans[NESTED] = self._nested(doc, matches)
        return doc

    @staticmethod
    def _with_abbreviation_spans(doc: Doc, spans: list[Span]) -> list[Span]:
        """An abbreviation in brackets right after a name ("... w Europie (OBWE)") is a
        mention of that name even when the chunker skipped it."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        extra = []
        for span in spans:
            if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")" \
                    and span.end + 1 not in taken and coref.abbreviates(doc[span.end + 1].text, span.kb_id_):
                extra.append(Span(doc, span.end + 1, span.end + 2, label=span.label_, kb_id=span.kb_id_))
        return sorted(spans + extra, key=lambda s: s.start)

    def _nested(self, doc: Doc, matches: list[Span]) -> list[Span]:
        """Known names that complement a longer organisation's name ("ONZ" in "Zgromadzenie
        Ogólne ONZ", "Rosji" in "Ministerstwo Spraw Zagranicznych Rosji"): entities of their
        own, though not separate mentions in `doc.ents`. A name's own head ("Azja" in "Azja
        Środkowa"), a prepositional phrase ("w Europie"), a part of a route ("Baku–Tbilisi")
        or of a place's name ("Gazy" in "Strefa Gazy", "Afryki" in "Republika Południowej
        Afryki") is not."""
        nested = []
        entities = [e for e in doc.ents if self.top_class.get(e.label_) == "Organization"]
        covering = {i: entity for entity in entities for i in range(entity.start, entity.end)}
        for match in matches:
            previous = doc[match.start - 1] if match.start else None
            if previous is None or previous.is_punct or previous.pos_ == "ADP":
                continue
            entity = covering.get(match.start)
            if entity is not None and entity.start < match.start and match.end <= entity.end:
                nested.append(match)
        return nested

    def _mark_adjectives(self, doc: Doc) -> None:
        """Nationality adjectives ("rosyjski") and others naming an entity ("unijny")."""
        for token in doc:
            for analysis in token._.analyses:
                if analysis.pos_class in {"adj", "adja"} and analysis.lemma.lower() in self.lexicon.adjectives:
                    cls, name = self.lexicon.adjectives[analysis.lemma.lower()]
                    token._.refers_to = (self.top_class[cls], name)
                    break


@Language.factory("gb_entities", default_config={"ontology": None},
                  assigns=["doc.ents", "doc.spans", "token._.refers_to", "doc._.entity_country"], requires=["token._.analyses"])
def make_entities(nlp: Language, name: str, ontology: str | None) -> EntityRecognizer:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return EntityRecognizer(nlp, name, ontology)

