"""spaCy component: named entities with canonical names, classes and coreference.

Three layers, each driven by data under `ontology/lexicon/`:
1. gazetteers (countries, cities, locations, organisations, media) matched on lemmas, so
   every inflected form is found ("Kazachstanu", "Unii Europejskiej");
2. a chunker for names the gazetteers do not know, classified by head nouns ("Opera
   Astana", "Ministerstwo ...") and person-name cues, then by the NKJP-trained NER
   (`graphbuilder/nkjp.py`), then by Morfeusz name categories; the NER also adds the names
   it finds where the rules found nothing, when their spelling makes them names (no lone
   capitalised common noun such as "Zachodu", the West);
3. coreference inside the article: a surname alone is the full name seen elsewhere.

Each entity is a `doc.ents` span whose `label_` is its finest ontology class and whose
`kb_id_` is its canonical Polish name. Nationality adjectives are not entities; they get
`token._.refers_to` so relations can use them.
"""
from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..morph import CASES, VERB_CLASSES, Analyser, Analysis
from .. import coref, nkjp
from ..gazetteer import Gazetteer, WordTest
from ..names import (DASHES, PERSON_CATEGORIES, Ending, NameNormaliser, agrees, cases_of, first_name_gender,
                     is_foreign_first_name, is_name_part)
from ..ontology import load_lexicon, load_ontology, ontology_dir, read_jsonl

QUOTES = frozenset({"„", '"', "«", "“"})
OPENERS = QUOTES | {"(", ":"}  # a capital after these is owed to the position
#: The NKJP NER's labels as ontology classes, for names the rules cannot classify. Every
#: country is in the gazetteer, so an unknown placeName is a town (or, by its head noun or
#: Morfeusz category, something finer: "województwo ..." is a Region).
NER_CLASSES = {"persName": "Person", "orgName": "Organization", "placeName": "City", "geogName": "Location"}
NER_TOP_CLASSES = {"persName": {"Person"}, "orgName": {"Organization"},
                   "placeName": {"Country", "City", "Location"}, "geogName": {"Location"}}
#: Morfeusz name categories that class an unknown name, most telling first. Most of
#: Morfeusz's geographic names are towns and villages, few are rivers or mountains.
CATEGORY_CLASSES = (("nazwa_geograficzna", "City"), ("nazwa_organizacji", "Organization"),
                    ("nazwa_instytucji", "Organization"), ("nazwa_firmy", "Company"),
                    ("tytuł", "MediaOrganization"), ("nazwisko", "Person"))
NESTED = "gb_nested"  # doc.spans key of names nested in longer entities
PLACE_CLASSES = frozenset({"Country", "City", "Location"})
SYLLABLE = re.compile(r"[A-Z][a-z]{0,4}")  # "Ko", "Tsai", "Ching": romanised syllables
LOWER_SYLLABLE = re.compile(r"[a-z]{1,8}")  # "te", "wen", "iha" (inflected "Yu-ih"), "shikiem"
WEB_ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)*\.[a-z]{2,6}")  # "444.hu", "politico.eu"
CLOSED_CLASSES = frozenset({"prep", "conj", "comp", "qub", "ppron12", "ppron3", "siebie", "adv", "interj", "aglt"})

if not Token.has_extension("refers_to"):
    Token.set_extension("refers_to", default=None)  # (class, name) of an adjective's entity
if not Doc.has_extension("entity_country"):
    Doc.set_extension("entity_country", default=None)  # institution name -> its country
if not Doc.has_extension("variant_of"):
    Doc.set_extension("variant_of", default=None)  # a place's name as the text spells it -> the gazetteer's


@dataclass(frozen=True)
class NameCues:
    """Lexicon data the chunker uses to classify names it does not know."""

    heads: dict[str, str]  # head noun lemma -> class
    capitalised_heads: dict[str, str]  # "kościół" -> Organization: capitalised inside a sentence, an institution
    words: dict[str, str]  # a word that marks a foreign name's class ("Times" -> MediaOrganization)
    surname_suffixes: tuple[str, ...]
    company_suffixes: tuple[str, ...]  # "Gazprombank", "Rosnieft", "Naftogaz": a foreign word for a firm
    particles: frozenset[str]
    title_articles: frozenset[str]  # "La", "El": a name opening with a Romance article is a place's or a title's
    connectors: frozenset[str]
    things: frozenset[str]  # nouns whose capitalised complement names a thing: "systemy Patriot"
    feasts: frozenset[str]  # words of a feast's name: "Boże Narodzenie", "Wielkanoc" name no entity
    common_acronyms: frozenset[str]  # acronyms of common nouns: "LNG", "PKB"
    joiners: frozenset[str]  # words joining coordinated names: "i", "oraz", ","
    credits: frozenset[str]  # words opening a photo credit: "fot."
    copulas: frozenset[str]  # "być", "zostać": "Szefem dyplomacji został X"
    nicknames: frozenset[str]  # "zwany": "X, zwany Y" names one person
    organisation_roles: frozenset[str]  # "prezes", "szef": an unknown genitive after them names a body
    place_prepositions: frozenset[str]  # "w", "do": before "australijskiej Adelajdzie", a town
    capital_nouns: frozenset[str]  # "stolica": "do rosyjskiej stolicy" is Moscow
    street_nouns: frozenset[str]  # "plac": "placu Suchbaatara" is the square "plac Suchbaatara"
    person_nouns: frozenset[str]  # "odpowiednik": a name in apposition after it is a person's
    kin_nouns: frozenset[str]  # "ojciec", "syn": so is one after a kinship noun, which holds no role
    locative_prepositions: frozenset[str]  # "w": nobody "w Palm Beach" is a person
    goal_prepositions: frozenset[str]  # "do": beside a verb of travel ("do Adany przyleciał"), a place
    travel_verbs: frozenset[str]  # "przylecieć": its goal after "do" is a place
    coordinators: frozenset[str]  # "i", "oraz"
    list_openers: frozenset[str]  # "w tym": "w tym Ilhan Omar" includes a person, names no place
    adjective_place_nouns: frozenset[str]  # "obwód": "obwód moskiewski" is a place's name
    place_adjective_suffixes: tuple[str, ...]  # "-ski": "moskiewski", "kaliningradzki" come from places
    masculine_adjective_endings: tuple[str, ...]  # "-im": "briańskim" is "briański"
    masculine_adjective_nominative: str  # "-i"
    neuter_adjective_endings: tuple[str, ...]  # "-e": "Memorandum Bensberskie" ends in no surname
    place_part_adjectives: frozenset[str]  # "zachodni": "Zachodnia Australia" is a part of a state
    local_adjectives: frozenset[str]  # "tamtejszy": "Tamtejsze MSZ" is the last named country's
    compass_prefixes: tuple[str, ...]  # "północno": "północnowietnamski" is Vietnam's
    compass_continents: frozenset[str]  # "amerykański": "południowoamerykański" is a continent's
    name_syllables: frozenset[str]  # "Kim", "Li": opening a sentence before a foreign word, a name
    name_abbreviations: frozenset[str]  # "św.": after a place's noun, part of its name ("kaplicy św. Jerzego")
    family_names_first: frozenset[str]  # "Zhao", "Wang": an East Asian family name, before the given name
    foreign_first_names: frozenset[str]  # "Mark": "Marka Ruttego" is no Marek


def load_name_cues(lexdir: Path) -> NameCues:
    """Read name_heads.jsonl, person_cues.jsonl and the coordinators of function_words.json."""
    cues = {row["kind"]: row["values"] for row in read_jsonl(lexdir / "person_cues.jsonl")}
    words = json.loads((lexdir / "function_words.json").read_text(encoding="utf-8"))
    apart = {row["lemma"] for row in read_jsonl(lexdir / "name_heads.jsonl") if row.get("stands_apart")}
    return NameCues(
        heads={lemma: cls for lemma, cls in load_lexicon(lexdir.parent).heads.items() if lemma not in apart},
        capitalised_heads={row["lemma"]: row["capitalised_class"] for row in read_jsonl(lexdir / "name_heads.jsonl")
                           if "capitalised_class" in row},
        words={row["word"]: row["class"] for row in read_jsonl(lexdir / "name_words.jsonl")},
        surname_suffixes=tuple(sorted(cues.get("surname_suffix", []), key=len, reverse=True)),
        company_suffixes=tuple(cues.get("company_suffix", [])),
        particles=frozenset(cues.get("name_particle", [])),
        title_articles=frozenset(cues.get("title_article", [])),
        connectors=frozenset(cues.get("name_connector", [])),
        things=frozenset(cues.get("thing_noun", [])),
        feasts=frozenset(cues.get("feast_word", [])),
        common_acronyms=frozenset(cues.get("common_acronym", [])),
        joiners=frozenset(words["coordinators"] + words["list_separators"]),
        credits=frozenset(words["photo_credits"]),
        copulas=frozenset(words["copulas"]),
        nicknames=frozenset(words["nicknames"]),
        organisation_roles=frozenset(cues.get("organisation_role", [])),
        place_prepositions=frozenset(cues.get("place_preposition", [])),
        capital_nouns=frozenset(cues.get("capital_noun", [])),
        street_nouns=frozenset(cues.get("street_noun", [])),
        person_nouns=load_lexicon(lexdir.parent).person_nouns,
        kin_nouns=frozenset(cues.get("kin_noun", [])),
        locative_prepositions=frozenset(cues.get("locative_preposition", [])),
        goal_prepositions=frozenset(cues.get("goal_preposition", [])),
        travel_verbs=frozenset(cues.get("travel_verb", [])),
        coordinators=frozenset(words["coordinators"]),
        list_openers=frozenset(words["list_openers"]),
        local_adjectives=frozenset(words["local_adjectives"]),
        compass_prefixes=tuple(words["compass_prefixes"]),
        compass_continents=frozenset(words["compass_continents"]),
        adjective_place_nouns=frozenset(cues.get("adjective_place_noun", [])),
        place_adjective_suffixes=tuple(cues.get("place_adjective_suffix", [])),
        masculine_adjective_endings=tuple(cues.get("masculine_adjective_ending", [])),
        masculine_adjective_nominative="".join(cues.get("masculine_adjective_nominative", [])),
        neuter_adjective_endings=tuple(cues.get("neuter_adjective_ending", [])),
        place_part_adjectives=frozenset(words["place_part_adjectives"]),
        name_syllables=frozenset(cues.get("name_syllable", [])),
        name_abbreviations=frozenset(cues.get("name_abbreviation", [])),
        family_names_first=frozenset(cues.get("family_name_first", [])),
        foreign_first_names=frozenset(cues.get("foreign_first_name", [])),
    )


def _is_acronym(token: Token) -> bool:
    """ "NATO", "ABW": an acronym does not run into a person's name ("szef ABW Jan Nowak").
    A Roman numeral ("XIX wiek") is none, nor a longer common word in capitals ("POLITYKA")."""
    return (token.is_upper or _is_mixed_acronym(token.text)) and len(token.text) > 1 \
        and not is_roman_numeral(token) and not _is_shouted(token)


def _initials_in_capitals(doc: Doc, start: int, end: int) -> bool:
    """Two capitals the gazetteer does not know, right before a word Morfeusz does not know,
    are a person's initials: "Wiceprezydent USA JD Vance"."""
    return end == start + 1 and len(doc[start].text) == 2 and doc[start].is_upper and _is_unknown(doc[end]) \
        and not _is_acronym(doc[end])


def without_compass_prefix(lemma: str, prefixes: Iterable[str], continents: Container[str]) -> str | None:
    """The adjective after a part of the world's prefix ("północnowietnamski": "wietnamski"),
    unless it then names a continent ("południowoamerykański")."""
    prefix = next((p for p in prefixes if lemma.startswith(p)), None)
    rest = lemma[len(prefix):] if prefix else ""
    return rest if rest and rest not in continents else None


def _model_after_its_number(span: Span) -> bool:
    """A word in capitals after a number names a model, not a person: "Boeing 737 MAX"."""
    return len(span) == 1 and span[0].is_upper and span.start > 0 and span.doc[span.start - 1].is_digit


def _is_mixed_acronym(text: str) -> bool:
    """Capitals with a lower-case conjunction or preposition inside: "PGNiG", "PiS", "PKiN"."""
    return bool(re.fullmatch(r"[A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?:[a-z][A-ZĄĆĘŁŃÓŚŹŻ]+)+|[A-ZĄĆĘŁŃÓŚŹŻ](?:[a-z][A-ZĄĆĘŁŃÓŚŹŻ]+)+", text)) \
        and sum(c.isupper() for c in text) > sum(c.islower() for c in text)


def _is_shouted(token: Token) -> bool:
    """A common word in capitals ("JAKIM KRAJEM", "ZA KILKANAŚCIE LAT"): the capitals say
    nothing about a name. Short words ("LAT", "NATO") only beside a longer one."""
    doc = token.doc
    neighbours = (doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc))
    return token.is_upper and _has_common_reading(token) \
        and (len(token.text) > 4 or any(_is_long_common_in_capitals(t) for t in neighbours))


def _is_long_common_in_capitals(token: Token) -> bool:
    return token.is_upper and len(token.text) > 4 and _has_common_reading(token)


def is_roman_numeral(token: Token) -> bool:
    """ "XIX", "II": ends a name ("Jan Paweł II"), never starts one."""
    return token.is_upper and any(a.pos_class == "romandig" for a in token._.analyses)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_common_word(token: Token) -> bool:
    """A word Morfeusz knows only as a common (lower-case) word."""
    analyses: tuple[Analysis, ...] = token._.analyses
    return bool(analyses) and all(a.is_common for a in analyses)


def _has_common_reading(token: Token) -> bool:
    """Some analysis is a common word ("Jak", "Flagi" are also rare names)."""
    return any(a.is_common for a in token._.analyses)


def _is_demonym(token: Token) -> bool:
    """A reading as a people's name ("Polaka", "Niemców", "Portorykańczyk"): capitalised, yet a
    common noun, so it starts no name however Morfeusz or the NER also read it (as a surname,
    "Niemcy" or "Czechów"); nationality words are never entities of their own."""
    return any(a.is_common and a.lemma[:1].isupper() for a in token._.analyses)


def _first_name_readings(token: Token) -> list[Analysis]:
    return [a for a in token._.analyses if "imię" in a.categories and "sg" in a.features.get("number", ())]


def _complement_case(known: Span) -> bool:
    """A known name that can complement another's in the genitive ("Ministerstwo Spraw
    Zagranicznych Rosji", "Zgromadzenie Ogólne ONZ"), not one in another case that starts a
    name of its own ("Według Centralnej Komisji Wyborczej Gruzińskie Marzenie wygrało");
    right after the head noun, a name in apposition joins in any case ("Opery Astana")."""
    first = known[0]
    return _is_acronym(first) or _is_unknown(first) or "gen" in cases_of(first._.analyses)


def _is_initial(token: Token) -> bool:
    """A capital letter with its full stop ("Z. Skowroński", "Jakub B."): part of a name."""
    doc = token.doc
    return len(token.text) == 1 and token.is_upper and token.i + 1 < len(doc) \
        and doc[token.i + 1].text == "." and not token.whitespace_


def _bracketed_acronym_at(doc: Doc, i: int) -> bool:
    """ "(PVV)" starts at token i."""
    return i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and _is_acronym(doc[i + 1])


def _abbreviation_after(span: Span) -> bool:
    """ "Full Name (ABBR)": the bracketed word abbreviates the name's capitalised words, or
    the name is made of common words, as organisations' names are and people's are not
    ("Partia na rzecz Wolności (PVV)", "Nowa Umowa Społeczna (NSC)": foreign acronyms)."""
    doc, end = span.doc, span.end
    if not _bracketed_acronym_at(doc, end):
        return False
    capitalised = [t for t in span if _is_capitalised(t)]
    return coref.abbreviates(doc[end + 1].text, span.text) or (
        len(capitalised) >= 2 and 2 * sum(_has_common_reading(t) for t in capitalised) >= len(capitalised))


def _first_name_before_surname(token: Token) -> bool:
    """A first name that is also a common word ("Marek", marka), first in its sentence and
    followed by a capitalised word that is not only a common word: "Marek Kowalski", not
    "Ale Kowalski" (a conjunction), nor "Wojska Rosji" (no first name)."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and _is_capitalised(following) and not _is_common_word(following) \
        and any("imię" in a.categories for a in token._.analyses) \
        and not any(a.pos_class in CLOSED_CLASSES for a in token._.analyses)


def _capital_from_position(token: Token) -> bool:
    """A sentence's first word that is also a common word ("Wizyta Blinkena", "Fakt, że")."""
    return _is_sentence_start(token) and _has_common_reading(token)


def _capitalised_verb(token: Token) -> bool:
    """A capital inside a sentence on a word Morfeusz reads only as a verb: a name it lacks."""
    return not _is_sentence_start(token) and all(a.pos_class in VERB_CLASSES for a in token._.analyses)


def _is_sentence_start(token: Token) -> bool:
    """Capitalised by position: first in its sentence, after only punctuation or a list number
    ("- Ale ...", "2. Zgodę ..."), or opening a quotation or direct speech after a colon."""
    doc = token.doc
    if token.i and doc[token.i - 1].text in OPENERS:
        return True
    for previous in reversed(doc[:token.i + 1]):
        if previous.i == 0 or previous.is_sent_start:
            return True
        if not (doc[previous.i - 1].is_punct or doc[previous.i - 1].like_num):
            return False
    return True


def _lower_name_part(token: Token) -> bool:
    """The lower-case part after a hyphen of a Korean given name: a word Morfeusz does not
    know ("Jae-myung", "Suk-yeol"), or any short one after a syllable ("Jae-in", "Joo-ho",
    "Sung-hanem")."""
    if not (token.is_lower and is_name_part(token)):
        return False
    syllable = token.doc[token.i - 2]
    return _is_unknown(token) or (len(token) <= 4 and len(syllable) <= 5) or (len(token) <= 6 and len(syllable) <= 4)


def _is_product_code(token: Token) -> bool:
    """Capitals with three digits or more ("AP1000"), capitals hyphened to a number ("MQ-9",
    "S-400"), or one or two capitals and a one- or two-digit number ("K2", "K9"): a model's
    code. Groups named so ("G20", "B9") are in the gazetteer, which comes first."""
    hyphened = _before_a_hyphen(token) and token.doc[token.i + 2].like_num
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text) and (
        sum(c.isdigit() for c in token.text) >= 3 or (token.is_upper and hyphened)
        or bool(re.fullmatch(r"[A-Z]{1,2}[0-9]{1,2}", token.text)))


def _before_a_hyphen(token: Token) -> bool:
    """The word is joined by a hyphen, with no spaces, to the next: "polsko-amerykański"."""
    doc = token.doc
    return token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-" \
        and not doc[token.i + 1].whitespace_


def _is_unknown(token: Token) -> bool:
    """Morfeusz has no reading of the word: a foreign name ("Whang", "Touray")."""
    return all(a.pos_class == "ign" for a in token._.analyses)


def _known_only_as_a_persons_name(token: Token) -> bool:
    """Morfeusz reads the word only as people's names: as a place's name it is foreign ("do
    Ur" is no plural of a surname Ura)."""
    return all(a.categories and set(a.categories) <= PERSON_CATEGORIES for a in token._.analyses)


def _place_name_in_apposition(noun: Token, name: Token) -> bool:
    """A place's own name in the nominative after its kind noun in another case stands alone:
    "nad jeziorem Bajkał", "w dzielnicy Mokotów", unlike a name that agrees or is a genitive
    ("ulicy Dworcowej", "ul. Estkowskiego") or a first name ("w klasztorze Krystyna ...": a
    woman named after a place noun is no place)."""
    readings = name._.analyses
    return "nom" not in cases_of(noun._.analyses) and not any("imię" in a.categories for a in readings) and any(
        a.pos_class == "subst" and "nom" in a.features.get("case", ()) and "nazwa_geograficzna" in a.categories
        for a in readings)


def _is_surname(token: Token) -> bool:
    return any("nazwisko" in a.categories for a in token._.analyses)


def _foreign_name_start(token: Token) -> bool:
    """A sentence-initial word Morfeusz does not know followed by another unknown capitalised
    word: a foreign name ("Whang Joo-ho podpisał"), whose capital is not the position's."""
    doc = token.doc
    return token.i + 1 < len(doc) and _is_unknown(token) and _is_capitalised(doc[token.i + 1]) \
        and _is_unknown(doc[token.i + 1])


def _not_a_place_name(token: Token) -> bool:
    """Morfeusz does not know the word as a geographical name ("Lublin" ends like "Putin")."""
    return not any("nazwa_geograficzna" in a.categories for a in token._.analyses)


def _after_its_noun(adjective: Token) -> bool:
    """An adjective after a lower-case noun it agrees with classifies it rather than places
    it: a town's adjective there names a kind ("konwencja wiedeńska", "obwód moskiewski"),
    where before it places ("na warszawskiej Ochocie", "w kuluarach madryckiego szczytu")."""
    doc = adjective.doc
    noun = doc[adjective.i - 1] if adjective.i > 0 else None
    return noun is not None and noun.is_lower and noun.pos_ == "NOUN" and any(
        agrees(a, n.features) for a in adjective._.analyses if a.pos_class == "adj"
        for n in noun._.analyses if n.pos_class == "subst")


def _past_adjectives(doc: Doc, start: int) -> int:
    """Where the lower-case adjectives right before `start` begin ("w nadmorskim Aszdodzie")."""
    while start > 1 and doc[start - 1].is_lower and any(a.pos_class == "adj" for a in doc[start - 1]._.analyses):
        start -= 1
    return start


def _syllable_names(doc: Doc) -> list[Span]:
    """A short capitalised word before a given name of two syllables joined by a hyphen, the
    second in lower case, is an East Asian person's name, whatever Polish reads in its
    syllables: "Lai Ching-te", "Hou Yu-iha", "Ko Wen-je"."""
    return [Span(doc, i - 1, i + 3, label="Person") for i in range(1, len(doc) - 2)
            if SYLLABLE.fullmatch(doc[i - 1].text) and doc[i - 1].whitespace_ and SYLLABLE.fullmatch(doc[i].text)
            and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_
            and LOWER_SYLLABLE.fullmatch(doc[i + 2].text)]


def _chunk_label(chunk: Span, predicted: dict[tuple[int, int], str]) -> str | None:
    """The NER's label for the chunk: of the chunk itself, or of the one span inside it when
    the words it leaves out are ones Morfeusz does not know ("Kim Dzong" of "Kim Dzong
    Unem") or, for a person, capitalised inside a sentence ("Dzong Unem" of it: "Kim" is no
    pronoun there)."""
    label = predicted.get((chunk.start, chunk.end))
    if label is not None:
        return label
    inside = [(start, end, label) for (start, end), label in predicted.items()
              if chunk.start <= start and end <= chunk.end]
    if len(inside) != 1:
        return None
    start, end, label = inside[0]
    rest = [t for t in chunk if not start <= t.i < end and not t.is_punct]
    unknown = all(_is_unknown(t) for t in rest)
    named = label == "persName" and all(_is_capitalised(t) and not _is_sentence_start(t) for t in rest)
    return label if unknown or named else None


class EntityRecognizer:
    """Finds, classifies and names the entities of a Polish article."""

    def __init__(self, nlp: Language, name: str = "gb_entities", ontology: str | None = None) -> None:
        self.name = name
        directory = Path(ontology) if ontology else ontology_dir()
        self.lexicon = load_lexicon(directory)
        self.top_class = load_ontology(directory).top_class
        self.cues = load_name_cues(directory / "lexicon")
        self.analyser = Analyser()
        endings = [Ending(**{**row, "not_after": tuple(row.get("not_after", ()))})
                   for row in read_jsonl(directory / "lexicon" / "name_endings.jsonl")]
        role_nouns = frozenset(word for role in self.lexicon.roles for word in role.split()[:1])
        role_nouns |= self.cues.person_nouns | self.cues.kin_nouns
        spellings = {row["lemma"]: row["spelling"]
                     for row in read_jsonl(directory / "lexicon" / "name_spellings.jsonl")}
        self.normaliser = NameNormaliser(self.analyser, endings, role_nouns, self.cues.particles, self.cues.connectors,
                                         spellings, self.cues.foreign_first_names, self.cues.list_openers)
        self.gazetteer = Gazetteer()
        self.entries = {entry.name: entry for entry in self.lexicon.entries}
        self.forms = {form: entry.name for entry in self.lexicon.entries for form in (*entry.aliases, entry.name)}
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
            elif not _is_capitalised(token) and self._adjective_lemma(token.text):
                pattern.append(WordTest(frozenset({token.text}), by_lemma=True, lower=True))  # "katolicki"
            elif not _is_capitalised(token):
                pattern.append(WordTest(frozenset({token.lower_}), by_lemma=False))
            else:
                pattern.append(WordTest(frozenset(self._pattern_lemmas(token.text)), by_lemma=True))
        return pattern

    def _adjective_lemma(self, form: str) -> bool:
        """A lower-case word of a name that is an adjective's base form: it inflects with the name."""
        return any(a.pos_class == "adj" and a.lemma == form for a in self.analyser.analyse(form))

    def _pattern_lemmas(self, form: str) -> list[str]:
        """Lemmas of a canonical (nominative) name word; the form's own lemma when it has one."""
        lemmas = {a.lemma.lower() for a in self.analyser.analyse(form) if a.pos_class != "ign"}
        own = {lemma for lemma in lemmas if lemma == form.lower()}
        return sorted(own or lemmas or {form.lower()})

    def gazetteer_spans(self, doc: Doc) -> list[Span]:
        """Every gazetteer match (overlaps included) as a span labelled with class and name."""
        spans = []
        for name, start, end in self.gazetteer(doc):
            if end - start == 1 and _is_sentence_start(doc[start]) and self._common_noun_by_position(doc[start], name):
                continue  # "Fakt, że ..." is not the newspaper Fakt, "Gaz będzie płynął" not Gaza
            if end - start == 1 and (self._adjective_not_place(doc[start], name) or self._first_name_of(doc, start)
                                     or self.normaliser.compound_adjective_part(doc[start])
                                     or self._adjective_by_position(doc, start)
                                     or self._surname_after_first_name(doc, start, name)):
                continue
            spans.append(Span(doc, start, end, label=self._region_named_like_a_town(doc, start, name), kb_id=name))
        return spans + self._unknown_inflected_names(doc, {i for span in spans for i in range(span.start, span.end)})

    def _region_named_like_a_town(self, doc: Doc, start: int, name: str) -> str:
        """The class of a known name; a town's name right after a lower-case noun for a region
        names the region: "z prowincji Idlib", "w prowincji Latakia"."""
        cls = self.entries[name].cls
        before = doc[start - 1] if start else None
        if cls == "City" and before is not None and before.is_lower \
                and self.cues.heads.get(before.lemma_.lower()) == "Region":
            return "Region"
        return cls

    def _places_named_by_adjective(self, doc: Doc) -> list[Span]:
        """A place noun and a lower-case adjective made from a place's name agreeing with it
        ("w obwodzie moskiewskim", "przesmyku suwalskiego"): the name of a region, in the
        nominative; a nationality's adjective ("obwód rosyjski") or another ("okręg wyborczy")
        names none."""
        spans = []
        for noun, adjective in zip(doc, doc[1:]):
            if not (noun.is_lower and noun.lemma_ in self.cues.adjective_place_nouns and adjective.is_lower) \
                    or adjective._.refers_to:
                continue
            if adjective.lemma_.endswith(self.cues.place_adjective_suffixes) and self._modifies(adjective, noun):
                name = self.normaliser.phrase(doc[noun.i:adjective.i + 1])
            elif _is_unknown(adjective) and (nominative := self._unknown_place_adjective(adjective.text)):
                name = f"{noun.lemma_} {nominative}"  # "w obwodzie briańskim"
            else:
                continue
            spans.append(Span(doc, noun.i, adjective.i + 1, label=self.cues.heads[noun.lemma_], kb_id=name))
        return spans

    def _unknown_place_adjective(self, word: str) -> str | None:
        """The masculine nominative of an adjective made from a place's name that Morfeusz
        does not know ("briańskim" -> "briański"), as the nouns of `adjective_place_noun` are
        masculine; else None."""
        for ending in (*self.cues.masculine_adjective_endings, self.cues.masculine_adjective_nominative):
            nominative = word[:len(word) - len(ending)] + self.cues.masculine_adjective_nominative
            if word.endswith(ending) and nominative.endswith(self.cues.place_adjective_suffixes):
                return nominative
        return None

    def _unknown_inflected_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """A known name Morfeusz does not know, inflected ("do Beninu", "w Agadezie", "z
        Mercosurem", "w Xinjiangu" of an alias): the gazetteer matches lemmas, and such a
        word has no lemma but itself, so its case ending is cut as for a foreign name; so is
        a word inside a sentence that Morfeusz reads only as a verb ("odwiedził Buczę": no
        "buczeć" there). The words before a hyphen stay as they are ("z Al-Kaidą")."""
        spans = []
        for token in doc:
            if token.i in covered or not _is_capitalised(token) or not (
                    all(a.pos_class == "ign" for a in token._.analyses) or _capitalised_verb(token)):
                continue
            start = token.i - 2 if token.i > 1 and _before_a_hyphen(doc[token.i - 2]) else token.i
            text = doc[start:token.i + 1].text
            name = next((self.forms[c] for gender in ("m", "f") for c, _case in self.normaliser.candidates(text, gender)
                         if c in self.forms), None)  # "w Xinjiangu": Xinjiang, an alias
            if name is not None:
                spans.append(Span(doc, start, token.i + 1, label=self.entries[name].cls, kb_id=name))
        return spans

    @staticmethod
    def _common_noun_by_position(token: Token, name: str) -> bool:
        """A sentence's first word that is a common word, or one that Morfeusz reads as the
        name only as people's surname in the plural ("Gaz": gas, or the Gazas' genitive; but
        "Gaza jest zniszczona" may be the place, read as one woman named Gaza)."""
        if _is_common_word(token):
            return True
        names = [a for a in token._.analyses if a.lemma.lower() == name.lower() and not a.is_common]
        return _has_common_reading(token) and all(
            a.categories and set(a.categories) <= PERSON_CATEGORIES and "sg" not in a.features.get("number", ())
            for a in names)

    def _first_name_of(self, doc: Doc, i: int) -> bool:
        """A place's name that is also a first name, before a surname in the same case, is
        the person's first name: "studentkę Sofię Sapiegę" (Sofia, the city, is no visit)."""
        token, following = doc[i], doc[i + 1] if i + 1 < len(doc) else None
        first = [a for a in token._.analyses if "imię" in a.categories]
        if not first or following is None or not _is_capitalised(following) or _is_common_word(following) \
                or not (_is_unknown(following) or _is_surname(following)):
            return False
        gender = "f" if any(a.features.get("gender") == {"f"} for a in first) else "m"
        cases = {case for _, case in self.normaliser.candidates(following.text, gender)} or {"nom"}
        if not _is_unknown(following):
            cases = cases_of([a for a in following._.analyses if "nazwisko" in a.categories])
        return bool(cases & cases_of(first))

    def _surname_after_first_name(self, doc: Doc, i: int, name: str) -> bool:
        """A town's name right after a first name is a surname: "minister handlu Simon
        Birmingham" (not the city). Countries keep their name: "Simon, Polska ..."."""
        previous = doc[i - 1] if i else None
        return previous is not None and self.top_class.get(self.entries[name].cls) in ("City", "Location") \
            and _is_capitalised(previous) and bool(previous.whitespace_) \
            and any("imię" in a.categories and a.lemma[:1].isupper() for a in previous._.analyses) \
            and not _is_common_word(previous) and not _capital_from_position(previous)

    def _adjective_by_position(self, doc: Doc, i: int) -> bool:
        """A word that can be a nationality adjective agreeing with the noun after it is that
        adjective, capitalised by its position ("Polski minister rozmawiał") or as the first
        word of a name ("Polski Instytut Ekonomiczny"), not the genitive of Polska."""
        if i + 1 >= len(doc) or not ((_is_sentence_start(doc[i]) and doc[i + 1].is_lower) or self._is_head(doc[i + 1])):
            return False
        adjectives = [a for a in doc[i]._.analyses if a.pos_class == "adj" and a.lemma.lower() in self.lexicon.adjectives]
        nouns = [a for a in doc[i + 1]._.analyses if a.pos_class == "subst"]
        return any(agrees(a, n.features) for a in adjectives for n in nouns)

    def _adjective_not_place(self, token: Token, name: str) -> bool:
        """ "Polskiej" is the adjective ("Polskiej Akcji Humanitarnej") or a woman named
        Polska, never a form of the country: the word's only readings with the place's lemma
        are people's names, and it can be an adjective."""
        same = [a for a in token._.analyses if a.lemma.lower() == name.lower()]
        return self.top_class.get(self.entries[name].cls) in PLACE_CLASSES and bool(same) \
            and all(a.categories and set(a.categories) <= PERSON_CATEGORIES for a in same) \
            and any(a.pos_class == "adj" for a in token._.analyses)

    # ------------------------------------------------------------ chunker

    def _is_name_like(self, token: Token) -> bool:
        if token.lower_ in self.cues.name_abbreviations and 0 < token.i < len(token.doc) - 1:
            # "w kaplicy św. Jerzego", like "Świętego"; a saint alone is named without it
            return _is_capitalised(token.doc[token.i + 1]) and self._is_place_head(token.doc[token.i - 1])
        if token.is_space or token.is_punct or not _is_capitalised(token) or token.like_num:
            return False
        if _is_initial(token):
            return True
        if _is_shouted(token):
            return False
        if _before_a_hyphen(token) and _lower_name_part(token.doc[token.i + 2]):
            return True  # "Woo Won-shikiem": "won" is also an interjection
        if any(a.pos_class in CLOSED_CLASSES for a in token._.analyses) and _is_common_word(token):
            return self._function_word_opening_a_name(token) or self._syllable_opening_a_name(token)
        return not _capital_from_position(token) or self._is_head(token) or _first_name_before_surname(token) \
            or _foreign_name_start(token) or self._syllable_opening_a_name(token) \
            or self._head_kind(token.doc, token.i) is not None  # "Krajowa Rada Wyborcza"

    @staticmethod
    def _function_word_opening_a_name(token: Token) -> bool:
        """A function word capitalised inside a sentence before a name is a foreign name's
        first word: "z prezydentem To Lamem" (a pronoun there is written "to")."""
        doc = token.doc
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return not _is_sentence_start(token) and not token.is_upper and following is not None \
            and _is_capitalised(following) and not _is_common_word(following)

    def _syllable_opening_a_name(self, token: Token) -> bool:
        """A syllable of East Asian names that Polish reads as a common word ("kim", "li"),
        before a capitalised word Morfeusz does not know: "Kim Dzong Un przyjął", "Li Qiang
        przyleciał", also opening a sentence."""
        doc = token.doc
        return token.text in self.cues.name_syllables and token.i + 1 < len(doc) \
            and _is_capitalised(doc[token.i + 1]) and _is_unknown(doc[token.i + 1]) \
            and not self._goal_of_travel(token)

    def _goal_of_travel(self, token: Token) -> bool:
        """A preposition of the goal right before a verb of travel and a word after it: "Do
        Belém przyjechali" is no Vietnamese name "Do"."""
        return token.lower_ in self.cues.goal_prepositions and token.i + 2 < len(token.doc) \
            and bool(self.cues.travel_verbs & set(token.doc[token.i + 2]._.lemmas))

    def _is_demonym(self, token: Token) -> bool:
        """A people's noun, which Morfeusz may also read as a surname ("Polka")."""
        return _is_demonym(token) or any(self._demonym_reading(a) for a in token._.analyses)

    def _demonym_reading(self, analysis: Analysis) -> bool:
        return analysis.lemma in self.lexicon.demonyms and "nazwa_pospolita" in analysis.categories

    def _is_head(self, token: Token) -> bool:
        return _is_capitalised(token) and token.lemma_.lower() in self.cues.heads

    def _place_head_start(self, doc: Doc, i: int, end: int) -> int:
        """Where a lower-case place noun before the name doc[i:end] starts: "ulicy", "ul."
        (one token, or two when the full stop is split off), else i. A foreign name, with a
        word Morfeusz does not know and no Polish adjective's ending, stands alone:
        "gazociągiem Transmed", "prowincji Guangdong", "w parku Kleiner Tiergarten"; so does a
        genitive before the place's own name, its owner ("do rezydencji Trumpa Mar-a-Lago")."""
        if _is_unknown(doc[i]) \
                or any(_is_unknown(t) and not self.normaliser.adjectival_ending(t.text) for t in doc[i:end]) \
                or (end < len(doc) and _is_capitalised(doc[end])):
            return i
        if i > 0 and self._is_place_head(doc[i - 1]) and not _place_name_in_apposition(doc[i - 1], doc[i]) \
                and not self._ends_a_role(doc[i - 1]):
            return i - 1
        if i > 1 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ and self._is_place_head(doc[i - 2]):
            return i - 2
        return i

    def _is_place_head(self, token: Token) -> bool:
        """A lower-case noun naming a kind of place right before a name, which it is part of:
        "ulicy Dworcowej", "ul. Estkowskiego", "jeziora Cechyńskiego"."""
        head = self.cues.heads.get(token.lemma_)
        return token.is_lower and head is not None and self.top_class.get(head) == "Location"

    def name_chunks(self, doc: Doc, gazetteer: list[Span]) -> list[tuple[Span, list[Span]]]:
        """Maximal runs of name-like tokens, with the gazetteer spans they swallow."""
        by_start = {span.start: span for span in gazetteer}
        inside = {i for span in gazetteer for i in range(span.start, span.end)}
        chunks: list[tuple[Span, list[Span]]] = []
        i = 0
        while i < len(doc):
            if i in by_start and (longer := self._longer_known_name(doc, by_start[i], by_start, inside)):
                end, inner = longer
                chunks.append((doc[i:end], [by_start[i], *inner]))
                i = end
                continue
            if i + 1 in by_start and self._adjective_and_its_place(doc, i, by_start[i + 1], inside):
                chunks.append((doc[i:by_start[i + 1].end], [by_start[i + 1]]))  # "w Zachodniej Australii"
                i = by_start[i + 1].end
                continue
            if i in inside or not self._is_name_like(doc[i]) or is_roman_numeral(doc[i]) \
                    or (self._is_demonym(doc[i]) and not self._after_a_place_kind(doc, i)
                        and not self._name_like_a_people(doc, i)):
                i += 1
                continue
            end, inner = self._extend_chunk(doc, i, by_start, inside)
            end += _is_initial(doc[end - 1]) or self._number_of_a_kind(doc, i, end) \
                or self._institution_and_its_adjective(doc, i, end)  # "Jakub B.", "France 2", "Kościoła chaldejskiego"
            if end in by_start and doc[end - 1].text in DASHES and not doc[end - 1].whitespace_:
                inner, end = [*inner, by_start[end]], by_start[end].end  # "Rady NATO-Ukraina": no name ends in "-"
            if self._head_before_a_person(doc, i, end) or self._kind_before_a_foreign_name(doc, i, end):
                i += 1
            start = self._place_head_start(doc, i, end)
            if start > 1 and _is_capitalised(doc[start - 2]) \
                    and self.normaliser.compound_adjective_part(doc[start - 2]):
                start -= 2  # "Polsko-Litewską Radę" opening a sentence
            if not self._capitalised_only_by_position(doc, i, end, inside) \
                    and not all(_is_initial(t) for t in doc[i:end] if not t.is_punct):
                chunks.append((doc[start:end], inner))
            i = end
        return chunks

    def _longer_known_name(self, doc: Doc, known: Span, by_start: dict[int, Span],
                           inside: set[int]) -> tuple[int, list[Span]] | None:
        """A known organisation's name followed by "i" and a capitalised common noun in the
        genitive is part of a longer name: "Rady Bezpieczeństwa Narodowego i Obrony Ukrainy"
        (not "NATO i Unii Europejskiej", whose second name starts with a head noun or is known);
        so is a known company's followed by one foreign word ("Gazprom Nieft"), unless a role
        noun comes before it ("prezes Saab Johansson")."""
        if self._place_and_its_adjective(doc, known, inside):
            return known.end + 1, []  # "Mińsk Mazowiecki", "Kolumbii Brytyjskiej"
        if self._firm_named_after_a_place(doc, known):
            return self._grow_chunk(doc, known.start, by_start, inside, organisation=False, end=known.end)
        if self.top_class.get(known.label_) != "Organization" or known.end + 1 >= len(doc):
            return None
        after, token = doc[known.end], doc[known.end + 1]
        if known.label_ == "Company" and _is_unknown(after) and _is_capitalised(after) and not _is_acronym(after) \
                and not _is_capitalised(token) and self._role_before(doc, known.start) is None:
            return known.end + 1, []  # "Gazprom Nieft"
        if after.lower_ in self.cues.coordinators and known.end + 1 not in inside and _is_capitalised(token) \
                and not _is_sentence_start(token) and _has_common_reading(token) and not self._is_head(token) \
                and "gen" in cases_of(token._.analyses):
            return self._grow_chunk(doc, known.start, by_start, inside, organisation=True, end=known.end)
        return None

    def _firm_named_after_a_place(self, doc: Doc, known: Span) -> bool:
        """A known state or town followed by a foreign word (one Morfeusz does not know, or
        knows only as a vocative: "Hydro"), after the noun of a firm's kind, begins the firm's
        name: "koncernem Korea Aerospace Industries", "koncernem Korea Hydro & Nuclear Power"."""
        kind = self._kind_noun_before(doc, known.start)
        return self.top_class.get(known.label_) in {"City", "Country"} and known.end < len(doc) \
            and kind is not None and self.top_class.get(self.cues.heads[kind.lemma_.lower()]) == "Organization" \
            and _is_capitalised(doc[known.end]) and not _is_acronym(doc[known.end]) \
            and all(a.pos_class == "ign" or a.features.get("case") == {"voc"} for a in doc[known.end]._.analyses)

    def _institution_and_its_adjective(self, doc: Doc, start: int, end: int) -> bool:
        """A head noun Polish capitalises only for an institution, followed by a lower-case
        adjective agreeing with it, names the institution with the adjective: "Patriarcha
        Kościoła chaldejskiego", "Cerkiew prawosławna"."""
        head, after = doc[start], doc[end] if end < len(doc) else None
        return end == start + 1 and after is not None and after.is_lower and not _is_sentence_start(head) \
            and _is_capitalised(head) and head.lemma_.lower() in self.cues.capitalised_heads \
            and self._modifies(after, head)

    def _number_of_a_kind(self, doc: Doc, start: int, end: int) -> bool:
        """A number of one or two digits ends the name of a thing its kind noun introduces:
        "telewizji France 2", "kabla energetycznego Estlink 2"."""
        return end < len(doc) and doc[end].is_digit and len(doc[end].text) <= 2 and doc[end - 1].whitespace_ != "" \
            and self._kind_noun_before(doc, start) is not None

    def _place_and_its_adjective(self, doc: Doc, known: Span, inside: set[int]) -> bool:
        """A known town or state followed by a capitalised adjective agreeing with it names
        another place: "Mińsk Mazowiecki", "Kolumbia Brytyjska"."""
        if self.top_class.get(known.label_) not in {"City", "Country"} or known.end >= len(doc) or known.end in inside:
            return False
        return self._capitalised_adjective_of(doc[known.end], known[-1])

    def _adjective_and_its_place(self, doc: Doc, i: int, known: Span, inside: set[int]) -> bool:
        """A capitalised adjective of a side or a part ("zachodni", "górny") agreeing with the
        known state or town after it names a part of it: "Zachodnia Australia" (not the party
        "Postępowa Słowacja")."""
        return self.top_class.get(known.label_) in {"City", "Country"} and len(known) == 1 and i not in inside \
            and bool(self.cues.place_part_adjectives & set(doc[i]._.lemmas)) \
            and self._capitalised_adjective_of(doc[i], known[0])

    @staticmethod
    def _capitalised_adjective_of(word: Token, noun: Token) -> bool:
        """The word, capitalised inside a sentence, can be an adjective agreeing with the noun."""
        nouns = [a for a in noun._.analyses if a.pos_class == "subst"]
        return _is_capitalised(word) and not _is_sentence_start(word) and any(
            agrees(a, n.features) for a in word._.analyses if a.pos_class == "adj" for n in nouns)

    def _head_before_a_person(self, doc: Doc, start: int, end: int) -> bool:
        """A sentence-initial head noun before a person's full name is the common noun, not
        part of a name: "Rząd Donalda Tuska przyjął", "Partia Jarosława Kaczyńskiego"
        (inside a sentence they are "rząd Donalda Tuska"); a foreign name's words are the
        oblique forms of words the article gives ("Rząd Abiya Ahmeda" after "Abiy Ahmed")."""
        rest = [t for t in doc[start + 1:end] if not t.is_punct]
        return _capital_from_position(doc[start]) and self._is_head(doc[start]) and len(rest) >= 2 \
            and all(PERSON_CATEGORIES & {c for a in t._.analyses for c in a.categories}
                    or self._inflects_a_word_of(t, doc) for t in rest)

    def _inflects_a_word_of(self, token: Token, doc: Doc) -> bool:
        """An unknown word whose ending, cut off, gives a word of the article ("Ahmeda": Ahmed)."""
        forms = {c for c, _case in self.normaliser.candidates(token.text, "m")}
        return _is_unknown(token) and any(t.text in forms for t in doc)

    def _kind_before_a_foreign_name(self, doc: Doc, start: int, end: int) -> bool:
        """A sentence-initial noun of an organisation's kind before a foreign name with no
        Polish ending is the common noun, as "koncern Samsung Electronics" would be inside a
        sentence; "Uniwersytet Harvarda", whose name is a genitive, stays one name."""
        rest = [t for t in doc[start + 1:end] if not t.is_punct]
        kind = self.cues.heads.get(doc[start].lemma_.lower())
        return _capital_from_position(doc[start]) and kind is not None and self.top_class.get(kind) == "Organization" \
            and bool(rest) and all(_is_unknown(t) and not self.normaliser.candidates(t.text, "m") for t in rest)

    @staticmethod
    def _capitalised_only_by_position(doc: Doc, start: int, end: int, inside: set[int]) -> bool:
        """A sentence-initial common noun alone ("Rząd chce", a head noun with no name after
        it) or followed only by known names ("Wojska Rosji zaatakowały"): the capital letter
        comes from the position, so this is the noun "wojska" and the country, as "wojska
        Rosji" would be inside a sentence."""
        return _capital_from_position(doc[start]) and all(i in inside for i in range(start + 1, end))

    def _extend_chunk(self, doc: Doc, start: int, by_start: dict[int, Span],
                      inside: set[int]) -> tuple[int, list[Span]]:
        """Grow a chunk rightwards over names, joiners and (in an organisation's name) known names.

        Connectors ("i", "w") join only names of two words or more: "Organizacja
        Bezpieczeństwa i Współpracy w Europie", but not "Sojuszu w Wilnie". A name is an
        organisation's when it starts with a head noun or when, read as one, it runs up to
        an acronym in brackets: "Generalnej Służby Wywiadu i Bezpieczeństwa (AIVD)"."""
        before_acronym = self._grow_chunk(doc, start, by_start, inside, organisation=True, joined_from=1)
        if _bracketed_acronym_at(doc, before_acronym[0]) and _abbreviation_after(doc[start:before_acronym[0]]):
            return before_acronym
        head = self._head_kind(doc, start)
        return self._grow_chunk(doc, start, by_start, inside, organisation=head is not None,
                                connectors=self.top_class.get(head) != "Location",
                                firm=self._kind_noun_before(doc, start) is not None)

    def _head_kind(self, doc: Doc, start: int) -> str | None:
        """The class of the head noun a name starts with, past capitalised adjectives
        ("Krajowa Rada Wyborcza", "Centralnej Komisji Wyborczej"), if it is a head noun."""
        i = start + 2 if self.normaliser.compound_adjective_part(doc[start]) else start  # "Polsko-Litewska Rada"
        while i + 1 < len(doc) and i - start < 2 and not self._is_head(doc[i]) and not self._is_role_noun(doc[i]) \
                and any(a.pos_class == "adj" for a in doc[i]._.analyses) and _is_capitalised(doc[i + 1]):
            i += 1
        return self.cues.heads.get(doc[i].lemma_.lower()) if self._is_head(doc[i]) else None

    def _grow_chunk(self, doc: Doc, start: int, by_start: dict[int, Span], inside: set[int],
                    organisation: bool, joined_from: int = 2, end: int | None = None,
                    connectors: bool = True, firm: bool = False) -> tuple[int, list[Span]]:
        """`joined_from`: how many words a name has before a connector may join more; `end`:
        where to go on from, past a known name the chunk starts with; `connectors`: whether
        "i", "w" may join (not in a place's name: "Zamku Królewskim w Warszawie"); `firm`:
        a kind noun comes before the name, so an acronym and a word join ("koncernu GE
        Aerospace"), as they do in a name opening with its head noun."""
        end, inner = end or start + 1, []
        while end < len(doc):
            token = doc[end]
            if self._person_after_name(doc, start, end) or self._known_person_after_role(doc, start, end, by_start):
                break
            if end in by_start and organisation and (_complement_case(by_start[end]) or self._is_head(doc[end - 1])):
                inner.append(by_start[end])
                end = by_start[end].end
            elif end not in inside and self._is_name_like(token) and not _is_sentence_start(token) \
                    and (organisation or firm or _is_acronym(token) == _is_acronym(doc[end - 1])
                         or _initials_in_capitals(doc, start, end)):
                end += 1
            elif (after := self._after_joiners(doc, end, connectors and organisation and end - start >= joined_from)) > end \
                    and after < len(doc) and ((after not in inside and self._is_name_like(doc[after]))
                                              or (organisation and after in by_start)) \
                    and not (doc[end].lower_ in self.cues.coordinators and doc[after].lemma_ == doc[start].lemma_):
                end = after  # but "Banku Kanady i Banku Anglii" are two banks
            elif end + 1 < len(doc) and self._is_joiner(doc, end, False) and _lower_name_part(doc[end + 1]):
                end += 2
            else:
                break
        while end - 1 > start and doc[end - 1].lower_ in self.cues.connectors:
            end -= 1  # "Wspólnego Centrum Koordynacyjnego w Stambule": no name ends in "w"
        return end, inner

    def _person_after_name(self, doc: Doc, start: int, i: int) -> bool:
        """A person's name in the nominative right after an organisation's name (one with a
        head noun) in another case, after a role noun ("sekretarz generalny Sojuszu Mark
        Rutte", "Prezes Polskiego Instytutu Ekonomicznego Piotr Arak") or a foreign first name
        after a name of two words or more ("W Pałacu Al-Salam Joe Biden"), is not part of it,
        unlike a genitive ("Uniwersytetu Adama Mickiewicza"): a first name in no case of the
        head, or an unknown word with none of its endings."""
        if self._body_before_its_head(doc, start, i):
            return True
        if _is_acronym(doc[i]):
            return False  # "Komisji ECOWAS Omar Alieu Touray": the acronym is the body's
        head = next((j for j in range(start, i) if self._is_head(doc[j])), None)
        role = self._role_before(doc, start)
        name_goes_on = i + 1 < len(doc) and (_is_capitalised(doc[i + 1]) or doc[i + 1].lower_ in self.cues.particles)
        if role is not None and name_goes_on and self._body_so_far(doc, start, i, head):
            if is_foreign_first_name(doc[i]) \
                    or (doc[i].text in self.cues.family_names_first
                        and (_is_unknown(doc[i + 1]) or _is_surname(doc[i + 1]))):
                return True  # "Przewodniczący Izby Gmin Anthony Rota", "wiceprzewodniczący Fatahu Mahmud al-Alul",
                # "przewodniczącym Zgromadzenia Przedstawicieli Ludowych Zhao Leji", "Partii Wietnamu To Lamem"
            if _is_unknown(doc[i]) and is_foreign_first_name(doc[i + 1]):
                return False  # "przywódca Frontu Polisario Brahim Ghali": "Polisario" is the front's
        if role is None and head is not None and i - start >= 2 and name_goes_on and _is_unknown(doc[i + 1]) \
                and (is_foreign_first_name(doc[i]) or any("nom" in a.features.get("case", ())
                                                           for a in _first_name_readings(doc[i]))) \
                and "nom" not in self._head_cases(doc, head, i):
            return True  # "W Pałacu Al-Salam Joe Biden spotkał się": a subject after a place's name
        if head is None or i + 1 >= len(doc) or not _is_capitalised(doc[i + 1]) or role is None:
            return False
        head_cases = self._head_cases(doc, head, i)
        if head == start and "gen" in head_cases:
            head_cases = frozenset({"gen"})  # the role's complement: "Szef Biura ... Mieszko Pawlak"
        oblique = (cases_of(role._.analyses) & self._name_word_cases(doc[i])) - {"nom"} - head_cases
        if oblique:
            return True  # "z sekretarzem Rady ... i Obrony Ukrainy Rustemem Umierowem"
        if "nom" in head_cases:
            return False
        if first_names := _first_name_readings(doc[i]):
            return "nom" in cases_of(first_names) and not head_cases & cases_of(first_names)
        last = self._last_capitalised(doc, i)
        ending_cases = {case for _, case in self.normaliser.candidates(doc[last].text, "m")}
        if last > i and _is_unknown(doc[last]) and (_is_unknown(doc[i]) or _is_surname(doc[i])) \
                and ending_cases & cases_of(role._.analyses) - head_cases:
            return True  # a foreign name inflects at its end: "sekretarzem Partii Wietnamu Nguyen Phu Trongiem"
        if _is_unknown(doc[i]):
            return not head_cases & {case for _, case in self.normaliser.candidates(doc[i].text, "m")}
        return _is_unknown(doc[i + 1]) and not head_cases & cases_of(doc[i]._.analyses)  # "Omar" (a lobster) Alieu

    def _body_so_far(self, doc: Doc, start: int, i: int, head: int | None) -> bool:
        """The words before i name a body, not a person: a head noun ("Izby Gmin") or one
        unknown word in a genitive ending ("Fatahu"), and no first name ("Recep Tayyip")."""
        body = head is not None or (i == start + 1 and "gen" in {
            case for _, case in self.normaliser.candidates(doc[start].text, "m", inanimate=True)})
        return body and not any(is_foreign_first_name(t) or _first_name_readings(t) for t in doc[start:i])

    def _known_person_after_role(self, doc: Doc, start: int, i: int, by_start: dict[int, Span]) -> bool:
        """A person's name the gazetteers find after a role noun and its body's name is the
        holder's: "Lider Demokratycznej Partii Korei Lee Jae-myung" (but "Uniwersytet Sun
        Jat-sena" is named after him)."""
        return i in by_start and self._is_person(by_start[i]) and self._role_before(doc, start) is not None

    @staticmethod
    def _last_capitalised(doc: Doc, i: int) -> int:
        """The last of the capitalised words that run from i."""
        while i + 1 < len(doc) and _is_capitalised(doc[i + 1]):
            i += 1
        return i

    @staticmethod
    def _head_cases(doc: Doc, head: int, end: int) -> frozenset[str]:
        """The cases of a name's head noun, those its adjectives agree with if it has any
        ("Narodowej Rady Gospodarczej" is a genitive singular, not "Rady" plural)."""
        nouns = [a for a in doc[head]._.analyses if a.pos_class == "subst"]
        adjectives = [t for t in doc[max(0, head - 2):end] if t.i != head and t.pos_ == "ADJ"]
        agreeing = [n for n in nouns if all(any(agrees(a, n.features) for a in t._.analyses if a.pos_class == "adj")
                                            for t in adjectives)]
        return cases_of(agreeing if adjectives and agreeing else doc[head]._.analyses)

    def _name_word_cases(self, token: Token) -> frozenset[str]:
        """The cases a word of a person's name may be in: its first-name readings', or the
        endings of a word Morfeusz does not know."""
        if first_names := _first_name_readings(token):
            return cases_of(first_names)
        if _is_unknown(token):
            return frozenset(case for _, case in self.normaliser.candidates(token.text, "m"))
        return frozenset()

    def _body_before_its_head(self, doc: Doc, start: int, i: int) -> bool:
        """ "szef Sonatrachu Toufik Hakkar": one unknown word with a case ending after the
        noun for a body's head, then a name with none, are the body and its head."""
        before = doc[start - 1] if start else None
        return i == start + 1 and before is not None and before.is_lower \
            and bool(self.cues.organisation_roles & set(before._.lemmas)) and _is_unknown(doc[start]) \
            and bool(self.normaliser.candidates(doc[start].text, "m")) \
            and _is_capitalised(doc[i]) and not self.normaliser.candidates(doc[i].text, "m")

    def _name_like_a_people(self, doc: Doc, i: int) -> bool:
        """A capitalised people's noun inside a sentence that names no nationality of the
        gazetteers, right before a word that can be a person's name, opens that name:
        "kierował Hun Sen", "jego ojciec Hun Sen" ("Hun", a Hun; but "Polak Jan Kowalski")."""
        if i + 1 >= len(doc) or _is_sentence_start(doc[i]) or any(self._demonym_reading(a) for a in doc[i]._.analyses):
            return False
        following = doc[i + 1]
        return _is_capitalised(following) and (following.ent_type_ == "Person" or bool(_first_name_readings(following))
                                               or _is_surname(following))

    def _role_before(self, doc: Doc, start: int) -> Token | None:
        """A role noun right before the name, past adjectives ("Sekretarz generalny")."""
        for token in reversed(doc[max(0, start - 3):start]):
            if self.normaliser.role_nouns & set(token._.lemmas):
                return token
            if token.pos_ != "ADJ":
                return None
        return None

    def _after_joiners(self, doc: Doc, i: int, organisation: bool) -> int:
        """Index of the first token after a run of joiners starting at i ("von der")."""
        while i < len(doc) and self._is_joiner(doc, i, organisation):
            i += 1
        return i

    def _is_joiner(self, doc: Doc, i: int, organisation: bool) -> bool:
        """A hyphen inside a name, an ampersand, a particle (von, al) or, in organisation names, 'i', 'w'."""
        token = doc[i]
        if token.text in DASHES:
            return not doc[i - 1].whitespace_ and not token.whitespace_
        if token.text == "." and _is_initial(doc[i - 1]):
            return True
        if token.text == "&":
            return True  # only firms' names hold it: "Korea Hydro & Nuclear Power"
        if token.lower_ in self.cues.particles:
            return True
        return organisation and token.lower_ in self.cues.connectors

    def classify_chunk(self, chunk: Span, inner: list[Span]) -> str | None:
        """The ontology class the text itself gives an unknown name (a head noun, a word
        like "Times", a first name, an abbreviation after it), or None."""
        first = chunk[0]
        if self._names_a_thing(chunk):
            return None
        if first.text in self.cues.name_syllables and len(chunk) > 1:
            return "Person"  # "Kim Dzong Un", whose "Un" Morfeusz knows as the UN
        if (self._is_head(first) or self._is_place_head(first)) and (len(chunk) > 1 or inner) \
                and not self._holder_named_like_a_head(chunk):
            return self._head_class(first)
        if self._town_after_a_nationality(chunk):
            return "City"
        if inner and inner[0].start == chunk.start and self.top_class.get(inner[0].label_) == "Organization":
            return inner[0].label_  # "Gazprom Nieft": a known company's longer name
        if inner and inner[0].start in (chunk.start, chunk.start + 1) and len(inner[0]) == len(chunk) - 1 \
                and self.top_class.get(inner[0].label_) in {"City", "Country"}:
            return "City" if self.top_class.get(inner[0].label_) == "City" else "Location"  # "Kolumbia Brytyjska"
        head = self.normaliser.head_index(list(chunk))
        if head and self._is_head(chunk[head]):  # past adjectives: "Wyższej Szkoły Ekonomicznej"
            return self._head_class(chunk[head])
        if inner:  # "Forum Współpracy Gospodarczej Azji i Pacyfiku (APEC)" holds known places
            kind = self._kind_before(chunk) if self._firm_named_after_a_place(chunk.doc, inner[0]) else None
            return kind or ("Organization" if _abbreviation_after(chunk) else None)
        if (kind := self._kind_before(chunk)) is not None:
            return kind
        marked = [self.cues.words[t.text] for t in chunk if t.text in self.cues.words]
        if marked and len(chunk) > 1:
            return next((cls for cls in marked if cls != "Organization"), marked[0])
        if len(chunk) > 1 and _bracketed_acronym_at(chunk.doc, chunk.end) \
                and coref.abbreviates(chunk.doc[chunk.end + 1].text, chunk.text):
            return "Organization"  # a person has no abbreviation: "Électricité de France (EDF)"
        categories = {c for t in chunk for a in t._.analyses for c in a.categories}
        first_name = "imię" in categories and (len(chunk) > 1 or not _has_common_reading(first))
        if first_name or self._holds_a_name_particle(chunk) or self.normaliser.inflected_alike(chunk) \
                or self._foreign_persons_name(chunk):
            return "Person"
        if len(chunk) > 1 and _abbreviation_after(chunk):
            return "Organization"  # "Centrum Studiów Wschodnich (OSW)": a person has no abbreviation
        return None

    def _foreign_persons_name(self, chunk: Span) -> bool:
        """Two words, the first unknown to Morfeusz, one of them a first name in the dictionary
        of first names, and no place's preposition before them: "w tym Ilhan Omar i Rashida
        Tlaib" (Morfeusz reads "omar" as a lobster, and the NER model reads them as places)."""
        return len(chunk) == 2 and _is_unknown(chunk[0]) and all(t.text[:1].isupper() for t in chunk) \
            and any(first_name_gender(t.text) for t in chunk) and not self._after_in(chunk)

    def _holds_a_name_particle(self, chunk: Span) -> bool:
        """A particle of people's names ("von", "al", "la") in the name, but a Romance article
        opening it: "więzienia La Roca", "dziennik El Universo" name no person."""
        return any(t.lower_ in self.cues.particles for t in chunk) and chunk[0].text not in self.cues.title_articles

    def _head_class(self, head: Token) -> str:
        """The class a name's head noun gives; Polish writes some heads with a capital only
        for an institution: "Węgierski Kościół Reformowany", but "kościół Mariacki"."""
        lemma = head.lemma_.lower()
        if _is_capitalised(head) and not _is_sentence_start(head) and lemma in self.cues.capitalised_heads:
            return self.cues.capitalised_heads[lemma]
        return self.cues.heads[lemma]

    def category_class(self, chunk: Span) -> str | None:
        """A Morfeusz name category ("Goleniów" is geographic, but so is a river). In a name of
        several words, a word also read as an adjective only modifies the head: the geographic
        "Warszawskie" does not make "Układ Warszawski" a place."""
        words = [t for t in chunk if not t.is_punct]
        heads = [t for t in words if not any(a.pos_class == "adj" for a in t._.analyses)] if len(words) > 1 else words
        categories = {c for t in heads for a in t._.analyses for c in a.categories}
        return next((cls for category, cls in CATEGORY_CLASSES if category in categories), None)

    def _after_role_noun(self, chunk: Span) -> bool:
        """In apposition to one holder of a role, in its case, past genitive complements: "z
        ministrem Umerowem", "minister spraw zagranicznych Litwy Kęstutis Budrys" (not the
        genitive of "prezes Orlenu", nor "członkowie Rady"). A last word Polish knows only in
        the plural gives no case: one holder is one man ("gubernator Kalifornii Gavin Newsom")."""
        if _is_acronym(chunk[0]):
            return False
        roles = self._one_role_before(chunk)
        last = chunk[-1]
        singular = [a for a in last._.analyses if "pl" not in a.features.get("number", ())]
        cases = cases_of(singular) | {case for _, case in self.normaliser.candidates(last.text, "m")}
        return bool(cases_of(roles) & (cases or frozenset(CASES)))  # no ending: it does not inflect ("Wang Yi")

    def _holder_named_like_a_head(self, chunk: Span) -> bool:
        """A role's holder whose name starts with a word Polish uses as a head noun, in a case
        the role is not in: "z ministrem Park Jinem" (a Korean name inflects only at the end),
        unlike "z ministrem Parku Narodowego"."""
        roles = cases_of(self._one_role_before(chunk))
        endings = {case for _, case in self.normaliser.candidates(chunk[-1].text, "m")}
        return _is_unknown(chunk[-1]) and bool(roles & endings) and not roles & cases_of(chunk[0]._.analyses)

    def _one_role_before(self, chunk: Span) -> list[Analysis]:
        """Singular readings of the role noun before the name, past its complements."""
        return [a for a in self.normaliser.role_before(chunk) if "sg" in a.features.get("number", ())]

    def _led_body(self, chunk: Span) -> bool:
        """One unknown word in the genitive after the noun for a body's head, before a
        person's name: "szef Sonatrachu Toufik Hakkar", "prezes Eni Claudio Descalzi"."""
        doc = chunk.doc
        before = doc[chunk.start - 1] if chunk.start else None
        after = doc[chunk.end] if chunk.end < len(doc) else None
        return len(chunk) == 1 and before is not None and before.is_lower \
            and bool(self.cues.organisation_roles & set(before._.lemmas)) \
            and after is not None and _is_capitalised(after) and not _is_common_word(after) \
            and (_is_unknown(chunk[0]) or _is_acronym(chunk[0]))

    def _is_role_noun(self, token: Token) -> bool:
        return any(a.lemma.lower() in self.normaliser.role_nouns for a in token._.analyses)

    def _role_after_comma(self, chunk: Span) -> bool:
        """A role noun in apposition after the name: "Frans Timmermans, były wiceprzewodniczący
        Komisji Europejskiej"."""
        doc, i = chunk.doc, chunk.end
        if i >= len(doc) or doc[i].text != ",":
            return False
        for token in doc[i + 1:i + 4]:
            if self._is_role_noun(token):
                return True
            if not any(a.pos_class == "adj" for a in token._.analyses):
                return False  # "byłym szefem": "byłym" the tagger may call a noun
        return False

    def _becomes_role(self, chunk: Span) -> bool:
        """The name after a copula whose predicate is a role noun: "Szefem holenderskiej
        dyplomacji został Caspar Veldkamp", "Nowym premierem jest X"."""
        doc = chunk.doc
        if chunk.start == 0 or not self.cues.copulas & set(doc[chunk.start - 1]._.lemmas):
            return False
        return any(self._is_role_noun(t) and "inst" in cases_of(t._.analyses)
                   for t in doc[max(chunk.sent.start, chunk.start - 5):chunk.start - 1])

    def shape_class(self, chunk: Span) -> str | None:
        """A person, by the shape of the name: two or more words Morfeusz knows only as names
        or not at all ("Rustema Umerowa"), or one word with a surname ending."""
        words = [t for t in chunk if not t.is_punct]
        if len(words) >= 2 and all(not _is_common_word(t) for t in words):
            return "Person"
        if len(words) == 1 and self._looks_like_surname(chunk[0]):
            return "Person"
        return None

    def _ends_in_a_surname(self, chunk: Span) -> bool:
        """A name of several words whose last has a surname's ending ("Kasym-Żomart Tokajew",
        "Ararat Mirzojan"): a person, whatever the NER says, even if Polish knows the first
        word as a common one when it does not know the last ("Nikol Paszynian")."""
        words = [t for t in chunk if not t.is_punct]
        return len(words) > 1 and _not_a_place_name(words[-1]) and self._looks_like_surname(words[-1])

    def names_no_entity(self, span: Span) -> bool:
        """An acronym of a common noun ("LNG", "PKB"), a product's code ("AP1000", "APR1400"),
        a model's word in capitals after its number ("Boeing 737 MAX"), a feast ("w Boże
        Narodzenie") or the name of a thing after or starting with its kind ("systemy Patriot",
        "myśliwce F-35", "operacja Burza", "Order Orła Białego"), also past adjectives
        ("systemy rakietowe Iskander-M"): none of the graph's classes."""
        return all(t.text in self.cues.common_acronyms or _is_product_code(t) for t in span if not t.is_punct) \
            or self._names_a_thing(span)

    def _names_a_thing(self, span: Span) -> bool:
        """A model's word after its number, a name opening with a thing's kind noun or right
        after one, here or, for a word alone, anywhere else in the article ("Rafale i
        Borobudur" over "zakupu myśliwców Rafale" is no Rafał)."""
        doc = span.doc
        return _model_after_its_number(span) or self._thing_named(span) or self._after_thing_noun(span) \
            or (len(span) == 1 and any(t.text == span.text and t.i != span.start
                                       and self._after_thing_noun(doc[t.i:t.i + 1]) for t in doc))

    def _after_thing_noun(self, span: Span) -> bool:
        """A thing's kind noun, past adjectives, before the name: "myśliwców Rafale"."""
        doc, start = span.doc, span.start
        while start > 1 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_lower:
            start -= 1
        before = doc[start - 1] if start else None
        return before is not None and before.is_lower and bool(self.cues.things & set(before._.lemmas))

    def _with_street_noun(self, span: Span) -> Span:
        """A square's or street's name after its noun is a person's name in the genitive, and
        the noun is part of the place's name: "na placu Suchbaatara" is "plac Suchbaatara",
        "aleja Rustawelego" (an adjective agreeing with the noun names it alone: "plac Łukiski";
        so does a foreign name in apposition, with no genitive ending: "plac Registan")."""
        doc = span.doc
        noun = doc[span.start - 1] if span.start else None
        if span.kb_id_ or self.top_class.get(span.label_) != "Location" or noun is None or not noun.is_lower \
                or not self.cues.street_nouns & set(noun._.lemmas) or self._modifies(span[0], noun) \
                or not self._genitive_form(span[-1]):
            return span
        return Span(doc, noun.i, span.end, label=span.label_, kb_id=f"{noun.lemma_} {span.text}")

    def _genitive_form(self, token: Token) -> bool:
        """A genitive reading, or an unknown word's genitive ending ("Suchbaatara")."""
        return "gen" in cases_of(token._.analyses) or any(
            case == "gen" for gender in ("m", "f") for _, case in self.normaliser.candidates(token.text, gender))

    def _web_addresses(self, doc: Doc, taken: set[int]) -> list[Span]:
        """A web address after a medium's kind noun names the medium, written in lower case
        or digits as it may be: "portal 444.hu", "serwisu politico.eu"."""
        return [Span(doc, token.i, token.i + 1, label=kind, kb_id=token.text) for token in doc
                if token.i not in taken and WEB_ADDRESS.fullmatch(token.text) and (
                    kind := self._kind_before(doc[token.i:token.i + 1])) is not None
                and self.top_class.get(kind) == "Organization"]

    def _thing_named(self, span: Span) -> bool:
        """A name opening with a thing's kind noun ("Orderem Świętego Andrzeja Apostoła"), also
        past adjectives ("Pokojowej Nagrody Nobla"), or holding a feast's word ("Bożego
        Narodzenia")."""
        head = self.normaliser.head_index(list(span)) if len(span) > 1 and not _is_acronym(span[0]) else None
        return (head is not None and bool(self.cues.things & set(span[head]._.lemmas))) \
            or any(self.cues.feasts & set(t._.lemmas) for t in span)

    def _chunk_class(self, chunk: Span, label: str | None) -> str | None:
        """Class of a name the text does not class. A person's shape comes first where it is
        telling: words known only as names, a surname among them ("Denys Szmyhal"), or a
        surname's ending on a lone word or after a role noun ("z Umerowem", "z ministrem
        Umerowem"), unless a kind noun right before it names its kind ("partii Vente
        Venezuela"). Then the NER's label, else a Morfeusz category, the shape, or an acronym."""
        if self.names_no_entity(chunk):
            return None
        if (kind := self._kind_after_comma(chunk)) is not None:
            return kind
        if chunk[0].text in self.cues.title_articles:
            return self._title_class(chunk, label)
        if self._company_word(chunk):
            return "Company"
        guess = self.category_class(chunk)
        lone, several = len(chunk) == 1 and guess in (None, "Person"), len(chunk) > 1 and guess == "Person"
        if (kind := self._place_kind_before(chunk)) is not None and all(_is_unknown(t) for t in chunk if not t.is_punct):
            return kind  # "w albańskim porcie Shëngjin": a town's, though "-in" ends surnames
        if self._ends_in_a_surname(chunk) and (self.shape_class(chunk) == "Person" or (
                _is_unknown(chunk[-1]) and not chunk[-1].text.endswith(self.cues.neuter_adjective_endings))):
            return "Person"
        if self.shape_class(chunk) == "Person" and (lone or several):
            return "Person"
        if (kind := self._kind_before(chunk)) is not None:
            return kind  # "przywódczyni partii Vente Venezuela": the party's name, not the leader's
        if any(not _is_common_word(t) for t in chunk if not t.is_punct) \
                and (self._after_role_noun(chunk) or self._role_after_comma(chunk) or self._becomes_role(chunk)):
            return "Person"
        if self._led_body(chunk):
            return "Organization"
        if self._ner_accepts(chunk, label):
            return self._model_class(chunk, label)
        if guess == "Person" and len(chunk) == 1 and _has_common_reading(chunk[0]):
            return None  # "Pański", "Wieczorek": a surname Morfeusz knows is also a common word
        return guess or self.shape_class(chunk) or self._acronym_class(chunk) or self._unknown_words_class(chunk)

    def _title_class(self, chunk: Span, label: str | None) -> str | None:
        """A name opening with a Romance article ("La Roca", "El Universo") is a place's or a
        title's: the kind noun before it or the NER gives its class, a person it is not."""
        if (kind := self._kind_before(chunk)) is not None:
            return kind
        cls = self._model_class(chunk, label) if self._ner_accepts(chunk, label) else None
        return None if cls is None or self.top_class.get(cls) == "Person" else cls

    @staticmethod
    def _unknown_words_class(chunk: Span) -> str | None:
        """Capitalised words Morfeusz does not know, none of them an acronym, that neither the
        text nor the NER classes: in news most often a foreign person ("Whang Joo-ho"; "Omar
        Alieu Touray", whose first word Polish knows as a lobster)."""
        words = [t for t in chunk if not t.is_punct]
        foreign = [_lower_name_part(t) or (_is_unknown(t) and _is_capitalised(t) and not _is_acronym(t)) for t in words]
        first_known = len(words) >= 3 and not _capital_from_position(words[0]) and not _is_acronym(words[0])
        return "Person" if len(words) >= 2 and (all(foreign) or (first_known and all(foreign[1:]))) else None

    @staticmethod
    def _acronym_class(chunk: Span) -> str | None:
        """An acronym the NER does not class is an organisation ("ABW"); the NER's class comes
        first, as acronyms also name states ("NRD") and units."""
        first = chunk[0]
        return "Organization" if len(chunk) == 1 and _is_acronym(first) and not _is_common_word(first) else None

    def model_entities(self, doc: Doc, predicted: dict[tuple[int, int], str], taken: set[int]) -> list[Span]:
        """Names the NKJP NER finds where the rules found nothing, when their form makes them
        names (see `_written_as_name`), classed by `_model_class`."""
        spans = []
        for (begin, end), label in sorted(predicted.items()):
            while end - 1 > begin and doc[end - 1].lower_ in self.cues.connectors:
                end -= 1  # "Crocus City Hall w": no name ends in "w"
            start = next((i for i in range(begin, end - 1) if not _capital_from_position(doc[i])), end - 1)
            span = doc[start:end]
            if taken.isdisjoint(range(start, end)) and self._ner_accepts(span, label):
                spans.append(Span(doc, start, end, label=self._model_class(span, label)))
        return spans

    def _ner_accepts(self, span: Span, label: str | None) -> bool:
        """The NER's label is taken for a span written as a name; a person's name has a name
        or an unknown word in it ("Gen Nakatani"), not only words Polish knows as common ones
        ("Szkoły Podstawowej", which the NER may call a person)."""
        if label not in NER_CLASSES or not self._written_as_name(span) or self.names_no_entity(span):
            return False
        return label != "persName" or not all(_is_common_word(t) for t in span if _is_capitalised(t))

    def _written_as_name(self, span: Span) -> bool:
        """Only the spelling makes a name of a word Polish also uses as a common noun: an
        acronym, a capitalised word Morfeusz does not know as a common word, or capitals that
        are not owed to the start of a sentence on a name of two words or more. A lone
        capitalised common noun ("Zachodu", the West; "Sojuszu", the Alliance) is not one."""
        words = [t for t in span if not t.is_punct]
        if not words or not _is_capitalised(words[0]) or self._is_demonym(words[0]) or is_roman_numeral(words[0]):
            return False
        if any((_is_acronym(t) and not _is_common_word(t)) or (_is_capitalised(t) and not _is_common_word(t) and self._is_name_like(t))
               for t in words):
            return True
        return len(words) > 1 and any(_is_capitalised(t) and not _is_sentence_start(t) for t in words)

    def _kind_before(self, span: Span) -> str | None:
        """The class a lower-case noun of an organisation's, a town's or a place's kind right
        before a name gives it ("telewizją TRT", "koncernu Saab", "partii Razem", "portu
        Al-Hudajda", "gazociągiem Transmed", a quoted title: 'dziennika "El Pais"'), also past
        adjectives that name no country ("firmy ubezpieczeniowe Ingosstrach"); not to a
        person's name, words Morfeusz knows as first names or surnames ("rządu Tuska",
        "parlamentu Igor Grosu"), in the genitive after a kind noun in the plural ("rządy
        Tuska", "za rządów Tuska"; not "koncerny Nippon Steel" nor "koncernów Mercedes-Benz i
        Stellantis", lists of firms in the nominative), unless that is a genitive ("minister
        energii i kopalń Mohamed Arkab")."""
        doc = span.doc
        before = self._kind_noun_before(doc, span.start)
        if before is None:
            return None
        kind = self.cues.heads[before.lemma_.lower()]
        if len(span) > 1 and self._role_before_kind(doc, before.i):
            return None  # "prezes europejskiego koncernu Guillaume Faury": the head, not the firm
        quoted = span.start > 0 and doc[span.start - 1].text in QUOTES
        plural = "Plur" in before.morph.get("Number")
        several = plural and "Gen" not in before.morph.get("Case")
        listed = plural and span.end < len(doc) and doc[span.end].lower_ in self.cues.coordinators
        person = any(PERSON_CATEGORIES & set(a.categories) and (not several or "gen" in a.features.get("case", ()))
                     and not (listed and "nom" in a.features.get("case", ()))
                     for t in span for a in t._.analyses) and not span[-1].is_digit
        return None if person and not quoted and self.top_class.get(kind) == "Organization" else kind

    def _kind_after_comma(self, span: Span) -> str | None:
        """The class a town's or a place's kind noun in apposition after a comma gives a name,
        past adjectives: "do Ur, starożytnego miasta", "odwiedził Karakosz, największe
        chrześcijańskie miasto"."""
        doc, i = span.doc, span.end + 1
        if i >= len(doc) or doc[span.end].text != ",":
            return None
        while i < len(doc) - 1 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i += 1
        kind = self.cues.heads.get(doc[i].lemma_.lower()) if doc[i].is_lower and doc[i].pos_ == "NOUN" else None
        return kind if kind is not None and self.top_class.get(kind) in PLACE_CLASSES else None

    def _place_kind_before(self, chunk: Span) -> str | None:
        """The class a town's or a place's kind noun right before the name gives it, past
        lower-case adjectives, a nationality's too ("w albańskim porcie Shëngjin"), and a dash
        before an apposition in the noun's case ("w tym samym mieście – irańskim Mahabadzie")."""
        doc, start = chunk.doc, chunk.start
        while start > 1 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_lower:
            start -= 1
        if start > 1 and doc[start - 1].text in DASHES \
                and cases_of(doc[start - 2]._.analyses) & cases_of(doc[start]._.analyses):
            start -= 1
        before = doc[start - 1] if start else None
        if before is None or not before.is_lower or before.pos_ != "NOUN":
            return None
        kinds = [self.cues.heads.get(lemma.lower()) for lemma in before._.lemmas]  # "porcie": port, or porto
        return next((kind for kind in kinds if self.top_class.get(kind) in PLACE_CLASSES), None)

    def _kind_noun_before(self, doc: Doc, start: int, plural: bool = False) -> Token | None:
        """The lower-case kind noun before the name at `start`, past a quote and adjectives;
        past the names listed before it, or a colon opening the list, when it is plural
        ("koncerny naftowe Gazprom Nieft i Surgutnieftiegaz", "porty: Odessa i Czarnomorsk")."""
        start -= start > 0 and doc[start - 1].text in QUOTES
        if start > 1 and doc[start - 1].text == ":":
            return self._kind_noun_before(doc, start - 1, plural=True)  # "syryjskie miasta: Aleppo, Hamę i Hims"
        if start and doc[start - 1].lower_ in self.cues.joiners:
            previous = start - 1
            while previous > 0 and (doc[previous - 1].ent_iob_ in {"B", "I"} or _is_capitalised(doc[previous - 1])) \
                    and (not _is_sentence_start(doc[previous - 1]) or doc[previous - 2].text == ":"):
                previous -= 1
            return self._kind_noun_before(doc, previous, plural=True) if previous < start - 1 else None
        while start > 1 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_lower and not doc[start - 1]._.refers_to:
            start -= 1  # "firmy ubezpieczeniowe Ingosstrach", "koncernu energetycznego EDF"
        before = doc[start - 1] if start else None
        if before is not None and self._firms_object(before):
            before = doc[start - 2]  # "producent pamięci Micron Technology"
        if before is None or not (before.is_lower or _capital_from_position(before)) or before.pos_ != "NOUN" \
                or (plural and "Plur" not in before.morph.get("Number")):
            return None
        kind = self.cues.heads.get(before.lemma_.lower())
        return before if kind is not None and self.top_class.get(kind) in ("Organization", "City", "Location") \
            and not self._ends_a_role(before) else None

    def _firms_object(self, noun: Token) -> bool:
        """A lower-case noun in the genitive, no kind noun itself, after a firm's kind noun: what
        the firm makes or runs ("producent pamięci", "operator gazociągu"); not a thing's noun,
        which the name after it names ("producent haubic K9")."""
        doc = noun.doc
        return noun.i > 0 and noun.is_lower and noun.pos_ == "NOUN" and "Gen" in noun.morph.get("Case") \
            and noun.lemma_.lower() not in self.cues.heads and not self.cues.things & set(noun._.lemmas) \
            and doc[noun.i - 1].is_lower \
            and self.cues.heads.get(doc[noun.i - 1].lemma_.lower()) == "Company"

    def _ends_a_role(self, noun: Token) -> bool:
        """The noun is the last word of a role of several words: "sekretarza stanu James
        Steinberg", "sekretarzowi stanu Blinkenowi" name no state."""
        previous = noun.doc[noun.i - 1] if noun.i else None
        return previous is not None and any(f"{first} {second}" in self.lexicon.roles
                                             for first in previous._.lemmas for second in noun._.lemmas)

    def _after_a_place_kind(self, doc: Doc, i: int) -> bool:
        """A place's kind noun comes right before: a people's noun in the singular there is
        the place's name ("do portu Berbera", though "Berbera" is also a Berber's genitive);
        one in the plural is its people ("w mieście Polaków")."""
        kind = self._kind_noun_before(doc, i)
        return kind is not None and self.top_class.get(self.cues.heads[kind.lemma_.lower()]) in PLACE_CLASSES \
            and not any("pl" in a.features.get("number", ()) for a in doc[i]._.analyses if a.is_common)

    def _role_before_kind(self, doc: Doc, i: int) -> bool:
        """A role noun in the singular before the kind noun at i, past adjectives: "prezes
        europejskiego koncernu" (not "przedstawiciele koncernów Mercedes-Benz i Stellantis",
        no one person's role); not one in apposition after a comma, whose holder is the name
        before it ("Maríi Coriny Machado, przywódczyni partii Vente Venezuela")."""
        j = i - 1
        while j >= 0 and doc[j].pos_ == "ADJ":
            j -= 1
        return j >= 0 and self._is_role_noun(doc[j]) and "Plur" not in doc[j].morph.get("Number") \
            and not (j and doc[j - 1].text == ",")

    def _model_class(self, span: Span, label: str) -> str:
        """The NER's class, made finer by a head noun ("Bank ...": Company, "Województwo ...":
        Region), the kind noun before it ("telewizją TRT") or a Morfeusz name category
        ("nazwa_firmy": Company) the label allows."""
        cls = "City" if label in {"geogName", "orgName"} and len(span) == 1 and _is_unknown(span[0]) \
            and not _is_acronym(span[0]) and self._after_in(span) \
            else NER_CLASSES[label]  # a lone foreign word after "w" is a town: "konsulat w Meszhedzie", "w Imatrze"
        categories = {c for t in span for a in t._.analyses for c in a.categories}
        finer = [self.cues.heads.get(span[0].lemma_.lower()), self._kind_before(span)] \
            + [c for k, c in CATEGORY_CLASSES if k in categories]
        return next((f for f in finer if f and self.top_class.get(f) in NER_TOP_CLASSES[label]), cls)

    def _looks_like_surname(self, token: Token) -> bool:
        return not _is_common_word(token) and any(c.endswith(self.cues.surname_suffixes) for c in self._stems(token))

    def _town_after_a_nationality(self, chunk: Span) -> bool:
        """One word Morfeusz knows as no common noun after a preposition of place and a
        nationality adjective is a town: "w australijskiej Adelajdzie" (Adelajda is also a
        first name), "do południowoafrykańskiego Johannesburga", "w niemieckim Weimarze" (whose
        adjective the tagger may read as the language's noun)."""
        doc, start = chunk.doc, chunk.start
        return len(chunk) == 1 and not _has_common_reading(chunk[0]) and start >= 2 \
            and any(a.pos_class == "adj" for a in doc[start - 1]._.analyses) and bool(doc[start - 1]._.refers_to) \
            and doc[start - 1]._.refers_to[0] == "Country" \
            and bool(self.cues.place_prepositions & set(doc[start - 2]._.lemmas))

    @staticmethod
    def _uninflected_first_name(chunk: Span) -> bool:
        """One word read as a first name in its base form ("Nancy"; not "w Marii")."""
        return len(chunk) == 1 and any("imię" in a.categories and a.lemma == chunk.text for a in chunk[0]._.analyses)

    def _after_in(self, chunk: Span) -> bool:
        """Right after "w" in the locative, past lower-case adjectives and a name coordinated
        before it, nobody is a person, and a lone foreign word is a town: "rozmawiał w Palm
        Beach", "w bazie w Gao", "w nadmorskim Aszdodzie", "w Vaalimaa i Imatrze"; so after
        "do" beside a verb of travel ("do Adany przyleciał")."""
        doc = chunk.doc
        first = self._first_conjunct_start(chunk)
        if first >= 2 and f"{doc[first - 2].lower_} {doc[first - 1].lower_}" in self.cues.list_openers:
            return False  # "w tym Ilhan Omar i Rashida Tlaib": including, no place
        start = _past_adjectives(doc, first)
        previous = doc[start - 1] if start else None
        if previous is not None and previous.pos_ == "ADP" and previous.lower_ in self.cues.goal_prepositions:
            return self._beside_a_travel_verb(doc, previous.i, chunk.end)  # "do Adany przyleciał"
        return previous is not None and previous.pos_ == "ADP" \
            and previous.lemma_.lower() in self.cues.locative_prepositions \
            and "loc" in cases_of([a for a in previous._.analyses if a.pos_class == "prep"])

    def _beside_a_travel_verb(self, doc: Doc, preposition: int, end: int) -> bool:
        """A verb of travel right before the preposition or right after the name."""
        neighbours = [doc[i] for i in (preposition - 1, end) if 0 <= i < len(doc)]
        return any(self.cues.travel_verbs & set(t._.lemmas) for t in neighbours)

    def _first_conjunct_start(self, chunk: Span) -> int:
        """Where the first of two coordinated names starts, whose preposition governs both
        ("w Vaalimaa i Imatrze", "w Chartumie, stolicy Sudanu, i sąsiednim Omdurmanie"), else
        where the name starts."""
        doc = chunk.doc
        start = _past_adjectives(doc, chunk.start)
        if start < 3 or doc[start - 1].lower_ not in self.cues.coordinators:
            return chunk.start
        last = start - 2
        if doc[last].text == ",":  # past an apposition set off by commas
            last = next((i - 1 for i in range(last - 1, max(0, last - 6), -1) if doc[i].text == ","), last)
        if not _is_capitalised(doc[last]) or _is_sentence_start(doc[last]):
            return chunk.start
        while last > 1 and _is_capitalised(doc[last - 1]) and not _is_sentence_start(doc[last - 1]):
            last -= 1
        return last

    def _company_word(self, chunk: Span) -> bool:
        """One foreign word ending in a firm's word ("Gazprombanku", "Surgutnieftiegaz")."""
        return len(chunk) == 1 and _is_unknown(chunk[0]) and any(
            c.endswith(suffix) and len(c) > len(suffix) + 2
            for c in self._stems(chunk[0]) for suffix in self.cues.company_suffixes)

    def _stems(self, token: Token) -> list[str]:
        """The word and the nominatives its case endings allow."""
        return [token.text] + [c for c, _ in self.normaliser.candidates(token.text, "m")]

    # ------------------------------------------------------------ names

    def canonical(self, chunk: Span, cls: str, seen: set[str]) -> str:
        """The nominative name. A name after the noun of its kind keeps its form, as Polish
        does not inflect it there ("koncernu Saab", "portu Al-Hudajda"), unless it is a
        genitive complement of Polish words ("dowództwa Południowego Okręgu Wojskowego") or
        one of a list, whose names take its case ("syryjskie miasta: Aleppo, Hamę i Hims")."""
        if self.top_class.get(cls) == "Person":
            return self.normaliser.person(chunk, seen)
        listed = chunk.start > 0 and (chunk.doc[chunk.start - 1].lower_ in self.cues.joiners
                                      or chunk.doc[chunk.start - 1].text == ":")
        if (len(chunk) == 1 and chunk[0].is_upper) \
                or (self._kind_before(chunk) is not None and not self._inflected(chunk) and not listed):
            return chunk.text
        if self.top_class.get(cls) in PLACE_CLASSES and len(chunk) == 1 \
                and (_is_unknown(chunk[0]) or _known_only_as_a_persons_name(chunk[0])):
            return self.normaliser.unknown_place(chunk, self._article_forms(chunk),
                                                 chunk.doc[self._first_conjunct_start(chunk):chunk.end])
        if self.top_class.get(cls) == "Organization" and len(chunk) == 1 and _is_unknown(chunk[0]):
            return self._form_used_elsewhere(chunk)
        if any(_is_unknown(t) and not _before_a_hyphen(t) for t in chunk) and not self._is_head(chunk[0]):
            return chunk.text  # a foreign name: "w Palm Beach" is no plural of "palma"
        return self.normaliser.phrase(chunk)

    def _form_used_elsewhere(self, chunk: Span) -> str:
        """A foreign body's one-word name in a case ending ("Fatahu", "Eleringu") is the bare
        form the article also writes; without one, the form as written, as an ending alone
        does not tell ("Anadolu" is a nominative)."""
        forms = {t.text for t in chunk.doc if not chunk.start <= t.i < chunk.end}
        bare = (c for c, _case in self.normaliser.candidates(chunk.text, "m", inanimate=True) if c in forms)
        return next(bare, chunk.text)

    def _inflected(self, chunk: Span) -> bool:
        """A name of Polish words whose head, with an adjective agreeing, is in no nominative:
        a genitive complement ("dowództwa Południowego Okręgu Wojskowego"), not a name in
        apposition to its kind noun, which keeps its form ("partii Prawo i Sprawiedliwość",
        "portu Ust-Ługa")."""
        head = self.normaliser.head_index(list(chunk))
        if head is None or "nom" in cases_of(chunk[head]._.analyses):
            return False
        nouns = [a for a in chunk[head]._.analyses if a.pos_class == "subst"]
        return any(agrees(a, n.features) for t in chunk if t.i != chunk[head].i
                   for a in t._.analyses if a.pos_class == "adj" for n in nouns)

    def _article_forms(self, span: Span) -> set[str]:
        """What the rest of the article says a word's nominative may be: its forms, their
        lemmas, and the nominatives the endings of its unknown words allow."""
        others = [t for t in span.doc if not span.start <= t.i < span.end]
        endings = {c for t in others if _is_unknown(t) and _is_capitalised(t)
                   for gender in ("m", "f") for c, _case in self.normaliser.candidates(t.text, gender)}
        return {t.text for t in others} | {t.lemma_ for t in others} | endings

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
            country = self._adjective_country(doc, span.start) or self._local_country(doc, span.start, countries) \
                or self.lexicon.institutions[span.kb_id_]
            genitive = self.normaliser.genitive(country) if country else ""
        name = f"{span.kb_id_} {genitive}".strip()
        if genitive:
            doc._.entity_country[name] = following.kb_id_ if end > span.end else country
        return Span(doc, span.start, end, label=span.label_, kb_id=name)

    def _local_country(self, doc: Doc, start: int, countries: list[Span]) -> str | None:
        """ "Tamtejsze Ministerstwo Spraw Zagranicznych": the ministry of the country named last."""
        if not any(self.cues.local_adjectives & set(t._.lemmas) for t in doc[max(0, start - 2):start]):
            return None
        named = [(e.start, e.kb_id_) for e in countries if e.end <= start] \
            + [(t.i, t._.refers_to[1]) for t in doc[:start] if t._.refers_to and t._.refers_to[0] == "Country"]
        return max(named)[1] if named else None

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
        """Nominatives a surname form may have, a man's or a woman's ("Sapiegi": Sapiega)."""
        return list(dict.fromkeys(candidate for gender in ("m", "f")
                                  for candidate, _case in self.normaliser.candidates(text, gender)))

    def resolve_people(self, doc: Doc, spans: list[Span], gazetteer: list[Span], seen: set[str]) -> list[Span]:
        """Surnames and inflected surnames become the full names the article gives."""
        surnames = {**self._nicknames(doc, spans),
                    **coref.surname_index(spans, self._is_person, self._surname_candidates)}
        spans = [part for span in spans for part in self._split_surname_at_end(span, surnames, seen)]
        from_gazetteer = {(s.start, s.end) for s in gazetteer}
        spans = [self._relative(span, surnames, seen) if (span.start, span.end) not in from_gazetteer else span
                 for span in spans]
        spans = [self._without_common_head(span, surnames) for span in spans]
        resolved = [mention for span in spans for mention in coref.resolve_mention(
            span, surnames, self._surname_candidates, self._is_person, (span.start, span.end) in from_gazetteer)]
        taken = {i for s in resolved for i in range(s.start, s.end)}
        extra = coref.unresolved_surnames(
            doc, taken, surnames, self._surname_candidates,
            lambda i: _is_capitalised(doc[i]) and not is_roman_numeral(doc[i]) and (
                not _is_common_word(doc[i]) or self._family_syllable(doc[i])))
        return filter_spans(coref.resolve_first_names(resolved, self._is_person) + extra)

    def _relative(self, span: Span, surnames: dict[str, Span], seen: set[str]) -> Span:
        """Two capitalised words, no head noun first, ending in the family name of another
        person of the article, are a relative's name, whatever a kind noun before them says:
        "prezydent regionu Neczirwan Barzani i premier ... Masrur Barzani"."""
        if len(span) != 2 or self._is_person(span) or self._is_head(span[0]) or not _is_capitalised(span[0]) \
                or span[-1].text not in surnames or surnames[span[-1].text].kb_id_ == span.kb_id_:
            return span
        return Span(span.doc, span.start, span.end, label="Person", kb_id=self.canonical(span, "Person", seen))

    def _split_surname_at_end(self, span: Span, surnames: dict[str, Span], seen: set[str]) -> list[Span]:
        """A place's or a body's name, opening with its head noun, that ends in a person's
        surname as the article gives it in the nominative is two names run together: "W
        Pałacu Al-Salam Biden spotkał się" (a place named after a person has the surname in
        the genitive: "plac Piłsudskiego")."""
        doc, last = span.doc, span[-1]
        if self._is_person(span) or len(span) < 3 or last.text not in surnames or not self._is_head(span[0]) \
                or _is_common_word(last):  # "Związku Studentów": no surname, whatever the article made of it
            return [span]
        place = doc[span.start:span.end - 1]
        return [Span(doc, place.start, place.end, label=span.label_, kb_id=self.canonical(place, span.label_, seen)),
                Span(doc, last.i, last.i + 1, label="Person")]

    def _without_common_head(self, span: Span, surnames: dict[str, Span]) -> Span:
        """A sentence's first word, a head noun, before a surname the article gives is the
        common noun and a person: "Rząd Yoona ogłosił" is Yoon Suk Yeol's government."""
        if len(span) != 2 or not self._is_head(span[0]) or not _capital_from_position(span[0]) \
                or not any(form in surnames for form in [span[1].text, *self._surname_candidates(span[1].text)]):
            return span
        return Span(span.doc, span.start + 1, span.end, label="Person")

    def _family_syllable(self, token: Token) -> bool:
        """An East Asian family name Polish reads as a common word, capitalised inside a
        sentence: "Putin i Kim podpisali" (Kim Dzong Un, named before)."""
        return token.text in self.cues.name_syllables and not _is_sentence_start(token)

    def _nicknames(self, doc: Doc, spans: list[Span]) -> dict[str, Span]:
        """Nickname -> person for a capitalised word after "zwany" following a person's name:
        "Mohameda Hamdana Dagalo, zwanego Hemetti" (later "bojownicy Hemettiego" are his)."""
        found = {}
        for person in (span for span in spans if self._is_person(span) and span.end + 2 < len(doc)):
            comma, word, name = doc[person.end], doc[person.end + 1], doc[person.end + 2]
            if comma.text == "," and word.lower_ in self.cues.nicknames and _is_capitalised(name):
                found[name.text] = person
        return found

    def _photo_credits(self, doc: Doc) -> set[int]:
        """The words of photo credits ("(fot. Reuters/Piroschka van de Wouw)", "Fot. PAP/Radek
        Pietruszka"): the photographer and agency are no part of the story, up to a closing
        bracket or the end of the line."""
        credited: set[int] = set()
        for token in doc:
            if token.lower_ in self.cues.credits and token.i + 1 < len(doc) and doc[token.i + 1].text in {".", ":"}:
                for following in doc[token.i:token.i + 12]:
                    if following.text == ")" or (following.is_space and "\n" in following.text):
                        break
                    credited.add(following.i)
        return credited

    def _coordinated_people(self, doc: Doc, spans: list[Span], known: set[tuple[int, int]]) -> list[Span]:
        """A name of unknown words joined by "i", "oraz" or a comma to a person's name is a
        person too, whatever the NER says ("Radosław Sikorski i Andrij Sybiha"); one unknown
        word joined so to an organisation is one of its kind ("Eni i Sonatrach")."""
        joiners = self.cues.joiners
        by_end = {s.end: s for s in spans}
        by_start = {s.start: s for s in spans}
        result = []
        for span in spans:
            words = [t for t in span if not t.is_punct]
            partners = [p for p in (by_end.get(span.start - 1), by_start.get(span.end + 1)) if p is not None]
            partners = [p for p in partners if doc[min(p.end, span.end)].lower_ in joiners]
            unknown = all(_is_unknown(t) for t in words)
            if not unknown or (span.start, span.end) in known:
                pass
            elif len(words) > 1 and any(self._is_person(p) for p in partners) and not self._is_person(span):
                span = Span(doc, span.start, span.end, label="Person")
            elif len(words) == 1 and (company := next((p for p in partners if self._is_organisation(p)), None)) \
                    and not self._is_organisation(span):
                span = Span(doc, span.start, span.end, label=company.label_)  # "Eni i Sonatrach"
            result.append(span)
        return result

    def _alias_ending_a_name(self, match: Span) -> bool:
        """A body's one-word other name right after two capitalised words, the last unknown to
        Morfeusz, is a person's surname: "Thérèse Kayikwamba Wagner" (not Grupa Wagnera)."""
        doc = match.doc
        return len(match) == 1 and len(match.kb_id_.split()) > 1 and match.start >= 2 \
            and self.top_class.get(match.label_) == "Organization" and not _is_acronym(match[0]) \
            and _is_unknown(doc[match.start - 1]) and _is_capitalised(doc[match.start - 1]) \
            and _is_capitalised(doc[match.start - 2]) and not doc[match.start - 2].is_punct \
            and not _is_sentence_start(doc[match.start - 1])

    def _place_ending_a_name(self, match: Span) -> bool:
        """A one-word country's or town's name right after a first name in a case it shares is a
        person's surname: "kardynała Johna Tonga" (as "Jerzego Waszyngtona")."""
        doc = match.doc
        first = doc[match.start - 1] if match.start else None
        return len(match) == 1 and self.top_class.get(match.label_) in {"Country", "City"} and first is not None \
            and _is_capitalised(first) and not _is_sentence_start(first) \
            and bool(cases_of(_first_name_readings(first)) & cases_of(match[0]._.analyses))

    def link_inflected_names(self, spans: list[Span], gazetteer: list[Span], seen: set[str]) -> list[Span]:
        """Inflected mentions of a one-word name the article gives in the nominative: alone
        ("z Equinorem") or run into the name of a person after it ("szef Equinoru Anders
        Opedal", where the chunker saw one run of capitalised words)."""
        names = coref.nominative_names(spans, self._is_person)
        split = [part for span in spans for part in self._split_known_first_word(span, names, seen)]
        return coref.link_inflected_names(split, names, self._surname_candidates, {(s.start, s.end) for s in gazetteer})

    def _split_known_first_word(self, span: Span, names: dict[str, Span], seen: set[str]) -> list[Span]:
        known = coref.known_name_of(span[0].text, names, self._surname_candidates) \
            if self._is_person(span) and len(span) > 2 else None
        if known is None:
            return [span]
        doc, person = span.doc, span.doc[span.start + 1:span.end]
        return [Span(doc, span.start, span.start + 1, label=known.label_, kb_id=known.kb_id_),
                Span(doc, person.start, person.end, label=span.label_, kb_id=self.canonical(person, span.label_, seen))]

    def __call__(self, doc: Doc) -> Doc:
        self._mark_adjectives(doc)
        doc._.entity_country = {}
        matches = [m for m in self.gazetteer_spans(doc) if not self._alias_ending_a_name(m)
                   and not self._place_ending_a_name(m)]
        gazetteer = filter_spans(self._dash_compounds(doc, filter_spans(matches)) + matches + _syllable_names(doc))
        seen = {t.text for t in doc}
        spans = list(gazetteer) + self._places_named_by_adjective(doc)
        swallowed: set[int] = set()
        chunks = [(chunk, inner, self.classify_chunk(chunk, inner)) for chunk, inner in self.name_chunks(doc, gazetteer)]
        predicted = nkjp.predicted_entities(doc, [chunk for chunk, _inner, _cls in chunks]) if chunks else {}
        for chunk, inner, cls in chunks:
            if cls is None and not inner:
                cls = self._chunk_class(chunk, _chunk_label(chunk, predicted))
                cls = "City" if (cls == "Person" or (cls is None and _is_unknown(chunk[0]) and len(chunk) == 1)) \
                    and self._after_in(chunk) else cls  # "w Gao", unclassed
            elif cls == "Person" and self._uninflected_first_name(chunk) and self._after_in(chunk):
                cls = "City"  # "podpisali w Nancy": a first name that does not decline there is a foreign town
            if cls in self.top_class:
                spans.append(Span(doc, chunk.start, chunk.end, label=cls))
                swallowed.update(id(s) for s in inner)
        spans = filter_spans([s for s in spans if id(s) not in swallowed])
        taken = {i for chunk, _inner, _cls in chunks if self._thing_named(chunk) for i in range(chunk.start, chunk.end)}
        taken |= {i for s in spans for i in range(s.start, s.end)}  # and no NER name inside a thing's ("Orderem ...")
        spans = filter_spans(spans + self.model_entities(doc, predicted, taken) + self._web_addresses(doc, taken))
        spans = [self._with_street_noun(span) for span in spans]
        spans = self._coordinated_people(doc, spans, {(s.start, s.end) for s in gazetteer})
        spans = [s if s.kb_id_ else Span(doc, s.start, s.end, label=s.label_, kb_id=self.canonical(s, s.label_, seen))
                 for s in spans]
        countries = [m for m in matches if self.top_class.get(m.label_) == "Country"]
        spans = [self.scope_institution(span, countries) for span in spans]
        spans = self._with_abbreviation_spans(doc, filter_spans(spans))
        spans = coref.link_shortened_names(coref.link_abbreviations(spans, self._abbreviated), self._is_organisation,
                                           lambda span: len(span) == 1 and self._is_head(span[0]),
                                           self._bare_forms, lambda name: name in self.entries)
        spans = self._one_class_per_name(self.link_inflected_names(spans, gazetteer, seen),
                                         {(s.start, s.end) for s in gazetteer})
        spans = coref.link_towns_naming_a_region(spans, lambda span: self.top_class.get(span.label_) == "City",
                                                 lambda span: span.label_ in {"Region", "Location"})
        credits = self._photo_credits(doc)
        doc.ents = [s for s in self.resolve_people(doc, spans, gazetteer, seen)
                    if credits.isdisjoint(range(s.start, s.end))]
        doc.spans[NESTED] = self._nested(doc, matches)
        doc._.variant_of = {s.kb_id_: self.lexicon.variants[s.kb_id_] for s in doc.ents
                            if s.kb_id_ in self.lexicon.variants}
        self._mark_demonyms(doc)
        self._mark_capitals(doc)
        return doc

    def _bare_forms(self, word: str) -> list[str]:
        """Nominatives a thing's one-word name may have ("Microna": Micron)."""
        return [candidate for candidate, _case in self.normaliser.candidates(word, "m", inanimate=True)]

    def _one_class_per_name(self, spans: list[Span], from_gazetteer: set[tuple[int, int]]) -> list[Span]:
        """A one-word name the article classes as a person once ("Belavia na czarnej liście",
        by its shape) and as something else elsewhere ("linie lotnicze Belavia", by its kind
        noun) is that other thing throughout: the shape of one word is the weaker cue. So is a
        name the gazetteer does not know, classed as a town or place once ("dla Rio Tinto", by
        Morfeusz's "Rio") and as an organisation elsewhere ("koncern górniczy Rio Tinto"), or
        as a town once ("do Chequers") and as another place elsewhere ("Chequers, wiejskiej
        rezydencji")."""
        other: dict[str, str] = {}
        bodies: dict[str, str] = {}
        places: dict[str, str] = {}
        for span in spans:
            top = self.top_class.get(span.label_)
            if " " not in span.kb_id_ and top != "Person":
                other.setdefault(span.kb_id_, span.label_)
            if top == "Organization" and (span.start, span.end) not in from_gazetteer:
                bodies.setdefault(span.kb_id_, span.label_)
            if top == "Location" and (span.start, span.end) not in from_gazetteer:
                places.setdefault(span.kb_id_, span.label_)

        def label(span: Span) -> str:
            top = self.top_class.get(span.label_)
            if top == "Person" and span.kb_id_ in other:
                return other[span.kb_id_]
            if top in {"City", "Location"} and span.kb_id_ in bodies and (span.start, span.end) not in from_gazetteer:
                return bodies[span.kb_id_]
            if top == "City" and span.kb_id_ in places and (span.start, span.end) not in from_gazetteer:
                return places[span.kb_id_]
            return span.label_

        return [Span(span.doc, span.start, span.end, label=label(span), kb_id=span.kb_id_) for span in spans]

    def _with_abbreviation_spans(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """An abbreviation in brackets right after a name ("... w Europie (OBWE)") is a
        mention of that name even when the chunker skipped it."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        extra = [Span(doc, span.end + 1, span.end + 2, label=span.label_, kb_id=span.kb_id_)
                 for span in spans if span.end + 1 not in taken and self._abbreviated(span)]
        return sorted(spans + extra, key=lambda s: s.start)

    def _abbreviated(self, span: Span) -> bool:
        """Is the word in brackets after the name its abbreviation? Its initials ("OBWE"), or
        any acronym after an organisation's name of common words ("Nowa Umowa Społeczna (NSC)")."""
        doc = span.doc
        return span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")" and (
            coref.abbreviates(doc[span.end + 1].text, span.kb_id_)
            or (self._is_organisation(span) and _abbreviation_after(span)))

    def _nested(self, doc: Doc, matches: list[Span]) -> list[Span]:
        """Known names that complement a longer organisation's name ("ONZ" in "Zgromadzenie
        Ogólne ONZ", "Rosji" in "Ministerstwo Spraw Zagranicznych Rosji"): entities of their
        own, though not separate mentions in `doc.ents`. A name's own head ("Azja" in "Azja
        Środkowa"), a body in the title of the organisation's head ("Rady Ministrów" in
        "Kancelaria Prezesa Rady Ministrów"), a prepositional phrase ("w Europie"), a part of a route ("Baku–Tbilisi")
        or of a place's name ("Gazy" in "Strefa Gazy", "Afryki" in "Republika Południowej
        Afryki") is not, nor a region or sea that only describes the organisation's reach
        ("Azji" in "Forum Współpracy Gospodarczej Azji i Pacyfiku"), nor an adjective of the
        name ("Wyborczej" in "Centralnej Komisji Wyborczej")."""
        nested = []
        entities = [e for e in doc.ents if self.top_class.get(e.label_) == "Organization"]
        covering = {i: entity for entity in entities for i in range(entity.start, entity.end)}
        for match in matches:
            if self.top_class.get(match.label_) == "Location":
                continue
            previous = doc[match.start - 1] if match.start else None
            if previous is None or previous.is_punct or previous.pos_ == "ADP" or self._modifies(match[0], previous):
                continue
            if self.top_class.get(match.label_) != "Country" and self.cues.organisation_roles & set(previous._.lemmas):
                continue  # "Kancelaria Prezesa Rady Ministrów": the head's title, not the council
            entity = covering.get(match.start)
            if entity is not None and entity.start < match.start and match.end <= entity.end \
                    and not any(len(other) > len(match) and entity.start < other.start <= match.start
                                and match.end <= other.end for other in matches):
                nested.append(match)  # "Unii Afrykańskiej" in "Komisji Unii Afrykańskiej", not "Unii" alone
        return nested

    @staticmethod
    def _modifies(word: Token, noun: Token) -> bool:
        """The word can be an adjective agreeing with the noun before it: "Komisji Wyborczej"
        holds no "Wyborcza" (the newspaper)."""
        nouns = [a for a in noun._.analyses if a.pos_class == "subst"]
        return any(agrees(a, n.features) for a in word._.analyses if a.pos_class == "adj" for n in nouns)

    def _mark_adjectives(self, doc: Doc) -> None:
        """Nationality adjectives ("rosyjski") and others naming an entity ("unijny"), and the
        first part of a compound one ("polsko-" in "polsko-amerykańska": polski)."""
        for token in doc:
            analyses = self.analyser.analyse(token.text + "-") if _before_a_hyphen(token) else token._.analyses
            lemmas = [a.lemma.lower() for a in analyses if a.pos_class in {"adj", "adja"}]  # "polsko-": polski
            lemma = next((lemma for lemma in lemmas if lemma in self.lexicon.adjectives), None) \
                or next((part for lemma in lemmas if (part := self._compass_part(lemma))), None)
            if lemma is not None and not (self.lexicon.adjectives[lemma][0] == "City" and _after_its_noun(token)):
                cls, name = self.lexicon.adjectives[lemma]
                token._.refers_to = (self.top_class[cls], name)

    def _compass_part(self, lemma: str) -> str | None:
        """A country's adjective after a part of the world ("północnowietnamski": northern
        Vietnam's), unless the whole word is a country's own ("północnokoreański") or a
        continent's ("południowoamerykański")."""
        rest = without_compass_prefix(lemma, self.cues.compass_prefixes, self.cues.compass_continents)
        return rest if rest and self.lexicon.adjectives.get(rest, ("",))[0] == "Country" else None

    def _mark_capitals(self, doc: Doc) -> None:
        """ "do rosyjskiej stolicy", "w stolicy Rosji": the singular noun for a capital with its
        state's adjective or genitive name mentions the capital when the article names that
        town, unless the phrase describes a town named beside it ("Kijów, stolica Ukrainy")."""
        towns = {e.kb_id_: e.label_ for e in doc.ents if self.top_class.get(e.label_) == "City"}
        found = []
        for token in doc:
            if token.ent_iob_ != "O" or not token.is_lower or not self.cues.capital_nouns & set(token._.lemmas) \
                    or "Sing" not in token.morph.get("Number"):
                continue
            capital = self.lexicon.capitals.get(self._state_of_capital_noun(doc, token))
            if capital in towns and not self._town_beside(doc, token):
                found.append(Span(doc, token.i, token.i + 1, label=towns[capital], kb_id=capital))
        if found:
            doc.ents = filter_spans(list(doc.ents) + found)

    @staticmethod
    def _state_of_capital_noun(doc: Doc, noun: Token) -> str | None:
        """The state a nationality adjective before the noun or a name after it gives."""
        before = doc[noun.i - 1] if noun.i else None
        if before is not None and before._.refers_to and before._.refers_to[0] == "Country" \
                and any(a.pos_class == "adj" for a in before._.analyses):  # the tagger may call it a noun
            return before._.refers_to[1]
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and after.ent_iob_ == "B" and after.ent_type_ == "Country":
            return after.ent_kb_id_
        return None

    def _town_beside(self, doc: Doc, noun: Token) -> bool:
        """A town's name within a few words around the phrase, past commas and the state."""
        window = doc[max(noun.sent.start, noun.i - 3):min(noun.sent.end, noun.i + 5)]
        return any(t.ent_iob_ == "B" and self.top_class.get(t.ent_type_) == "City" for t in window)

    def _mark_demonyms(self, doc: Doc) -> None:
        """The nouns of a country's people ("Rosjanin", "Polki"), which are no entities either;
        not a country's own name that reads as one ("premier Włoch": Italy's, not an Italian)."""
        for token in doc:
            if token.ent_iob_ in ("B", "I"):
                continue
            reading = next((a for a in token._.analyses if self._demonym_reading(a)), None)
            if reading is not None:
                token._.refers_to = ("Country", self.lexicon.demonyms[reading.lemma])


@Language.factory("gb_entities", default_config={"ontology": None},
                  assigns=["doc.ents", "doc.spans", "token._.refers_to", "doc._.entity_country", "doc._.variant_of"],
                  requires=["token._.analyses"])
def make_entities(nlp: Language, name: str, ontology: str | None) -> EntityRecognizer:
    """Factory registered with spaCy (also as a `spacy_factories` entry point)."""
    return EntityRecognizer(nlp, name, ontology)

