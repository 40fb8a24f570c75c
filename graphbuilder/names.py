"""Canonical names: an inflected name put into the nominative a headline would use.

"Władimira Putina" -> "Władimir Putin" (every word of a person's name inflects),
"Azji Środkowej" -> "Azja Środkowa" (the head noun and the adjectives agreeing with it
inflect, genitive complements do not: "Organizacji Narodów Zjednoczonych" ->
"Organizacja Narodów Zjednoczonych"). Names Morfeusz does not know are put into the
nominative with the case endings in `ontology/lexicon/name_endings.jsonl`, preferring a
form the same article also uses.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from gender_guesser.detector import Detector
from spacy.tokens import Span, Token

from .morph import CASES, Analyser, Analysis, tag_features

PERSON_CATEGORIES = frozenset({"imię", "nazwisko"})
HYPHENS = frozenset("-–")
DASHES = frozenset("-–—")
APOSTROPHES = frozenset("'’")
INFLECTING = frozenset({"subst", "adj", "ppas", "pact"})
NOMINATIVE = frozenset({"nom"})  # the case of a verb's subject


@dataclass(frozen=True)
class Ending:
    """A case ending of an unknown name and its nominative replacement."""

    case: str
    gender: str  # "m" or "f"
    suffix: str
    nominative: str
    decisive: bool = False  # no nominative ends so ("-owi", "-ą"): the ending alone tells the case
    not_after: tuple[str, ...] = ()  # stems no name of this gender ends in: "Cichanouska" is no "Cichanousk"'s
    adjectival: bool = False  # an adjective's ending ("-ej", "-ego"): a surname's ("Kowalskiej"), no town's
    inanimate: bool = False  # a thing's ending, no person's: the genitive "-u" of "z Sfaksu"
    animate: bool = False  # a person's ending, no thing's: a man's accusative "-a" ("Putina"; "w Vaalimaa" stays)


def match_case(template: str, word: str) -> str:
    """Give `word` the capitalisation of `template` (ALL CAPS, Title or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def join_tokens(tokens: Sequence[Token], words: Sequence[str]) -> str:
    """Join words with the whitespace the original tokens had between them."""
    parts = []
    for index, (token, word) in enumerate(zip(tokens, words)):
        parts.append(word)
        if index < len(tokens) - 1 and token.whitespace_:
            parts.append(" ")
    return "".join(parts)


def cases_of(analyses: Iterable[Analysis]) -> frozenset[str]:
    """Union of the cases the analyses allow."""
    result: set[str] = set()
    for analysis in analyses:
        result |= tag_features(analysis.tag).get("case", frozenset())
    return frozenset(result)


class NameNormaliser:
    """Puts person names and multi-word proper names into the nominative."""

    def __init__(self, analyser: Analyser, endings: list[Ending], role_nouns: frozenset[str] = frozenset(),
                 particles: frozenset[str] = frozenset(), connectors: frozenset[str] = frozenset(),
                 spellings: dict[str, str] | None = None, foreign_first_names: frozenset[str] = frozenset(),
                 list_openers: frozenset[str] = frozenset()) -> None:
        self.analyser = analyser
        self.endings = sorted(endings, key=lambda e: -len(e.suffix))
        self.role_nouns = role_nouns  # "minister", "prezydent": nouns in apposition to a name
        self.particles = particles  # "al", "ibn", "von": do not inflect, even capitalised inside a name
        self.connectors = connectors  # "ds.", "spraw": inside a role's complement ("minister ds. handlu")
        self.spellings = spellings or {}  # "Łukaszenko" -> "Łukaszenka": the spelling news uses for a lemma
        self.foreign_first_names = foreign_first_names  # "Mark": its oblique forms are the Polish Marek's
        self.list_openers = list_openers  # "w tym": the names after it are in the case of what they list

    # ------------------------------------------------------------ people

    def person(self, span: Span, seen_forms: set[str]) -> str:
        """Nominative of a person's name; `seen_forms` are the article's word forms.

        The case of the name comes from the words Morfeusz knows ("Władimira" is
        genitive), else from the word before it (a preposition, or a role noun in
        apposition: "ministrem ... Umerowem"), else from endings all its unknown words share,
        else from a common noun before it ("wizyta Fumio Kishidy").
        """
        tokens = list(span)
        inflected = [t for t in tokens if is_name_part(t) and not _before_hyphen(t, span)  # not "al", "von"
                     and not (t.i > span.start and t.lower_ in self.particles)]  # nor "Al" in "Tamimem ibn Hamadem Al Sanim"
        gender = self._role_gender(self.role_before(span), span) or _adjective_gender(span) \
            or self._person_gender(tokens)
        readings = [[a for a in known if _has_gender(a, gender)] for known in self._name_readings(inflected)]
        unknown = _unknown_words(inflected, readings)
        decisive = self._decisive_case(unknown, gender)
        case = self._known_case_unless_endings_agree(inflected, readings, unknown, gender) \
            or decisive or self._context_case(span) \
            or (NOMINATIVE if self._subject_before_verb(span) else frozenset()) \
            or self._ending_case(unknown, gender) or self._adnominal_case(span) \
            or (self._first_name_case(tokens) if gender == "f" else frozenset())
        case = case & decisive or case  # "Luizowi Inácio Luli da Silvie": "Luli" may be genitive, "Luizowi" is dative
        if case == {"nom"} and unknown and unknown[-1] is inflected[-1] \
                and not any("imię" in a.categories for known in readings for a in known):
            case = self._oblique_last_word(span, unknown[-1], gender) or case
        nominative = {t.i: self._person_word(t, known, case, gender, seen_forms) for t, known in zip(inflected, readings)}
        for token in tokens:
            if is_name_part(token) and _before_hyphen(token, span) and token.i + 2 in nominative:
                nominative[token.i] = _inflected_alike(token.text, span.doc[token.i + 2].text, nominative[token.i + 2])
        if len(inflected) > 1 and unknown and unknown[-1] is inflected[-1]:
            first = inflected[0]
            nominative[first.i] = self._foreign_first_name(first.text, nominative[first.i])
            if nominative[first.i] == first.text and first in unknown:
                nominative[first.i] = self._first_name_in_dictionary(first)
        return join_tokens(tokens, [nominative.get(t.i, t.text) for t in tokens])

    def _first_name_in_dictionary(self, token: Token) -> str:
        """An unknown first name left as written that the dictionary of first names does not
        know, but knows one of its nominatives of the same gender: "Yolandy Díaz" is Yolanda,
        "Kamali Harris" Kamala (the surname does not inflect, so gives no case)."""
        if _first_names().get_gender(token.text) != "unknown" or not token.text[:1].isupper():
            return token.text  # "Willem" (Morfeusz: the surname Will's instrumental) is Willem
        known = [c for gender, sex in (("f", "female"), ("m", "male"))
                 for c, _case in self.candidates(token.text, gender, first_name=True)
                 if _first_names().get_gender(c) == sex]
        return known[0] if len(set(known)) == 1 else token.text

    def _foreign_first_name(self, form: str, lemma: str) -> str:
        """Before a foreign surname Morfeusz does not know, "Marka" is Mark, not the Polish
        Marek, whose "e" drops out in the other cases ("Marka Ruttego"): the foreign first
        names whose oblique forms are a Polish one's (`foreign_first_name` in person_cues)."""
        if form == lemma:
            return lemma
        foreign = (name for name in sorted(self.foreign_first_names) if form.startswith(name) and name != lemma)
        return next(foreign, lemma)

    def _oblique_last_word(self, span: Span, last: Token, gender: str) -> frozenset[str]:
        """The case of the word before the name when the name's last word, unknown, has an
        ending of that case and the words before it Morfeusz knows only in the nominative and
        as no first name, as a foreign name's first parts do not inflect: "z premierem Pham
        Minh Chinhem"."""
        context = self._context_case(span) - {"nom"}
        return context & frozenset(case for _, case in self.candidates(last.text, gender))

    @staticmethod
    def _singular_names(token: Token) -> list[Analysis]:
        """Readings of the word as a (singular) first name or surname."""
        return [a for a in token._.analyses if PERSON_CATEGORIES & set(a.categories)
                and a.lemma[:1].isupper() and "sg" in a.features.get("number", {"sg"})]

    def _name_readings(self, tokens: Sequence[Token]) -> list[list[Analysis]]:
        """Each word's readings as a name; the first word's only as a first name. A first
        name Morfeusz knows only as a surname form is a foreign first name it does not know:
        "Rustem" (Umerow) is no instrumental of the surname Rust. News does not address
        people: a vocative reading is none ("Mario Draghi" is no Maria). After a first word
        Morfeusz does not know, a last word it knows as a name only in the oblique cases is
        a foreign surname: "Cheng Lei" is no genitive of Lea or Leja ("Akira Kurosawa"
        is a nominative), unless the first word's ending is of that case too ("Alaksandrowi
        Łukaszence")."""
        readings = [[a for a in self._singular_names(t) if a.features.get("case") != {"voc"}] for t in tokens]
        if len(tokens) > 1:  # the first word of several is a first name: "Jana Rubcowa" is Jan's, not Mr Jana's
            readings[0] = [a for a in readings[0] if "imię" in a.categories]
            if all(a.pos_class == "ign" for a in tokens[0]._.analyses) \
                    and not any("nom" in a.features.get("case", ()) for a in readings[-1]) \
                    and not self._decisive_cases(tokens[0].text, "m", first_name=True) & cases_of(readings[-1]):
                readings[-1] = []  # "Cheng Lei" is no Lea's nor Mrs Leja's
        return readings

    @staticmethod
    def _known_case(readings: Sequence[list[Analysis]]) -> frozenset[str]:
        """Cases shared by the words of the name Morfeusz knows as names."""
        shared: frozenset[str] | None = None
        for known in readings:
            cases = cases_of(known)
            if known and len(cases) < len(CASES):  # an indeclinable name ("Joe") tells nothing
                shared = cases if shared is None else shared & cases
        return shared or frozenset()

    def _known_case_unless_endings_agree(self, tokens: Sequence[Token], readings: Sequence[list[Analysis]],
                                         unknown: Sequence[Token], gender: str) -> frozenset[str]:
        """The case of the words Morfeusz knows as names, unless two unknown words agree on
        another case that each known word also has as a common noun: "Hassana Szejka
        Mohamuda" is a genitive, though Morfeusz knows "Szejka" as a surname's nominative."""
        known = self._known_case(readings)
        endings = self._ending_case(unknown, gender)
        if not known or not endings or known & endings:
            return known
        common = [t for t, names in zip(tokens, readings) if names]
        in_case = all(endings & cases_of([a for a in t._.analyses if a.is_common]) for t in common)
        return endings if in_case else known

    def _context_case(self, span: Span) -> frozenset[str]:
        """The case a preceding preposition governs, or that of a role noun in apposition."""
        return cases_of(self._governor(span))

    @staticmethod
    def _adnominal_case(span: Span) -> frozenset[str]:
        """After a noun naming a man, that noun's case in apposition ("z dziennikarzem
        Evanem", "reżyser Akira Kurosawa"); after another common noun, the genitive of its
        complement ("z udziałem Xi Jinpinga", "wizyta Fumio Kishidy")."""
        previous = span.doc[span.start - 1] if span.start else None
        if previous is None or previous.pos_ != "NOUN" or not (previous.is_lower or previous.is_sent_start) \
                or not previous.tag_.startswith("subst"):
            return frozenset()
        features = tag_features(previous.tag_)
        own = features.get("case", frozenset())
        if features.get("gender") == {"m1"}:
            return own if len(own) < len(CASES) else frozenset()
        return frozenset({"gen"})

    def role_before(self, span: Span) -> list[Analysis]:
        """The readings of a role noun the name is in apposition to ("minister spraw
        zagranicznych Litwy Kęstutis Budrys"), if any."""
        return [a for a in self._governor(span) if a.pos_class != "prep"]

    def _governor(self, span: Span) -> list[Analysis]:
        """The preposition or role noun before a name, past genitive complements between them
        ("przewodniczącym ChRL Xi Jinpingiem", "ministrem obrony Ukrainy Rustemem Umerowem")
        and a remark in brackets or dashes ("Premier Japonii (od października) Sanae Takaichi",
        "Prezydent Finlandii – Alexander Stubb –"), and past a role word capitalised inside a
        body's name ("Kancelarii Prezydenta Ukrainy"); past a comma, only a role noun."""
        doc = span.doc
        start = _before_aside(doc, span.start)
        after_comma = start > 0 and doc[start - 1].text == ","  # "Prezydent Kazachstanu, Kasym-Żomart Tokajew,"
        start -= after_comma
        for previous in reversed(doc[max(0, start - 6):start]):
            if previous.i and f"{doc[previous.i - 1].lower_} {previous.lower_}" in self.list_openers:
                return []  # "w tym Rashida Tlaib": "w" governs no name of the list
            preps = [a for a in previous._.analyses if a.pos_class == "prep"]
            if preps and previous.pos_ == "ADP":
                return [] if after_comma else preps
            roles = [a for a in previous._.analyses
                     if a.lemma.lower() in self.role_nouns and a.pos_class in {"subst", "depr"}]
            if roles and previous.text[:1].isupper() and not previous.is_sent_start:
                continue  # "szefem Kancelarii Prezydenta Ukrainy Andrijem Jermakiem": a body's name
            if roles:  # one person's role is singular: "przywódcy Chin Xi Jinpinga" is a genitive;
                # a role's adjective is none ("Najwyższej Rady", though "wysoki przedstawiciel" is a role)
                return [a for a in roles if "sg" in a.features.get("number", ())] or roles
            adjective = previous.pos_ == "ADJ" or any(a.pos_class == "adj" for a in previous._.analyses)
            if previous.is_punct or not (previous.text[:1].isupper() or adjective
                                         or "gen" in cases_of(previous._.analyses) or previous.lower_ in self.connectors):
                return []  # past genitives, adjectives (the tagger may read "niemieckim" as the
                # language's noun) and "ds.": "sekretarzem generalnym ONZ"
        return []

    def unknown_place(self, span: Span, article_forms: set[str], coordinated: Span | None = None) -> str:
        """Nominative of a one-word place name Morfeusz does not know, in the case its
        preposition governs (the first conjunct's, in `coordinated`: "w Vaalimaa i Imatrze"),
        else the one its ending alone shows ("zajęli Hamę"): "w Omdurmanie" -> Omdurman; "w
        Dżuddzie" -> Dżudda when the article also has "z Dżuddy" (a form elsewhere in the
        article decides between a man's and a woman's ending; else the masculine, as most
        foreign towns end in a consonant; `name_endings.jsonl` keeps endings no town takes
        from being tried: "w Imatrze" -> Imatra, "w Vaalimaa" -> Vaalimaa). Without a
        preposition, an adjective right before it gives its cases ("– irańskim Mahabadzie")."""
        word = span.text
        cases = (self._context_case(coordinated or span) - {"nom"}) \
            or (cases_of(self._adjective_before(span)) - {"nom"}) \
            or self._decisive_cases(word, "f") | self._decisive_cases(word, "m")
        if self.adjectival_ending(word):
            return word  # "w Niamej": "-ej" is an adjective's ending, which a noun's name does not take
        found = [c for gender in self._place_genders(span, cases)
                 for c, case in self.candidates(word, gender, inanimate=True) if case in cases]
        return next((c for c in found if c in article_forms), found[0] if found else word)

    def adjectival_ending(self, word: str) -> bool:
        """The word ends as an inflected Polish adjective does ("-ej", "-ego", "-ym"), its
        longest matching ending an adjective's: a Slovak or Czech "-ová" ("w Handlovej") is a
        town's too."""
        matching = [e for e in self.endings if word.endswith(e.suffix)]
        return bool(matching) and max(matching, key=lambda e: len(e.suffix)).adjectival

    @staticmethod
    def _adjective_before(span: Span) -> list[Analysis]:
        """The adjective readings of the word right before the name, if the tagger read it so."""
        previous = span.doc[span.start - 1] if span.start else None
        return [a for a in previous._.analyses if a.pos_class == "adj"] \
            if previous is not None and previous.pos_ == "ADJ" else []

    def _place_genders(self, span: Span, cases: frozenset[str]) -> tuple[str, str]:
        """Genders to try, the one an adjective before the name agrees in first ("w
        australijskiej Adelajdzie" is a woman's noun)."""
        readings = [a for a in self._adjective_before(span) if cases_of([a]) & cases]
        feminine = bool(readings) and all(a.features.get("gender") == {"f"} for a in readings)
        return ("f", "m") if feminine else ("m", "f")

    def inflected_alike(self, span: Span) -> bool:
        """Two or more words Morfeusz knows neither as common words nor as a name of one
        person (at most a plural surname, "Umerowie"), with endings of one case, as a
        first name and surname inflect together ("o Rustemie Umerowie", "z Kasym-Żomartem
        Tokajewem", whose first part does not inflect); or a woman's first name inflected
        before a surname that does not inflect ("Kamali Harris")."""
        tokens = [t for t in span if not t.is_punct and not _before_hyphen(t, span)]
        unknown = not any(a.is_common for t in tokens for a in t._.analyses)
        words = _unknown_words(tokens, self._name_readings(tokens))
        return len(tokens) > 1 and unknown and (bool(self._ending_case(words, self._person_gender(tokens)))
                                                or (len(tokens) == 2 and bool(self._first_name_case(tokens))))

    def _ending_case(self, unknown: Sequence[Token], gender: str) -> frozenset[str]:
        """Cases on which the endings of at least two unknown words agree ("Emmanuela
        Macrona"); one word alone ("Fumio Kishida") is too weak a cue."""
        endings = [frozenset(case for _, case in self.candidates(t.text, gender)) for t in unknown]
        endings = [cases for cases in endings if cases]
        return frozenset.intersection(*endings) if len(endings) >= 2 else frozenset()

    def _decisive_case(self, unknown: Sequence[Token], gender: str) -> frozenset[str]:
        """The case of an ending no nominative has, on any unknown word: it outweighs the word
        before the name ("z prezydent Maią Sandu": "prezydent" does not inflect for a woman)."""
        return frozenset(case for t in unknown for case in self._decisive_cases(t.text, gender))

    def _decisive_cases(self, word: str, gender: str, first_name: bool = False) -> frozenset[str]:
        """Cases of the endings no nominative has; a first name takes no adjective's ending."""
        return frozenset(e.case for e in self.endings if e.decisive and e.gender == gender
                         and word.endswith(e.suffix) and len(word) - len(e.suffix) >= 3
                         and not (first_name and e.adjectival))

    @staticmethod
    def _role_gender(role: Sequence[Analysis], span: Span) -> str | None:
        """The gender a role noun before the name gives: a woman's role noun ("szefowa") makes
        her a woman; an inflected man's role noun ("prezydenta", "ministrem") a man, as a
        woman's "prezydent" does not inflect. "Prezydenta Luiza Inacio Lulę" is Luiz. Past a
        comma, a first name Morfeusz knows in the other gender alone is not in apposition to
        the noun: "matka króla, Elżbieta II" is the mother's name."""
        if not role:
            return None
        genders = [a.features.get("gender", frozenset()) for a in role]
        nominative = any("nom" in a.features.get("case", ()) for a in role)
        gender = "f" if all(g == {"f"} for g in genders) else \
            "m" if not nominative and all(g and "f" not in g for g in genders) else None
        comma = span.doc[_before_aside(span.doc, span.start) - 1].text == "," if span.start else False
        first_names = [a.features.get("gender", frozenset()) for a in span[0]._.analyses if "imię" in a.categories]
        if gender and comma and first_names \
                and not any(gender in g or (gender == "m" and g - {"f", "n"}) for g in first_names):
            return None
        return gender

    def _person_gender(self, tokens: Sequence[Token]) -> str:
        """Feminine when the first name has a feminine reading ("Maria", "Annalena" ends in -a
        like Polish women's names, "Maią" has a feminine ending no nominative has), else
        masculine."""
        first = tokens[0]
        readings = [a for a in first._.analyses if "imię" in a.categories and a.features.get("case") != {"voc"}]
        if not readings and len(tokens) > 1 and self._mans_surname_ending(first.text, tokens[1:]):
            return "m"  # "Narendrę Modiego", "Narendrą Modim": a man's ending on the surname
        masculine_too = any("f" not in a.features.get("gender", ()) for a in readings)
        if _base_form_only_of_a_man(first, readings):
            return "m"  # "Ali" is Ali, not the oblique case of Ala
        if masculine_too and len(tokens) > 1 and _only_a_womans_name_agrees(readings, tokens[-1]):
            return "f"  # "Aleksandra Dulkiewicz": Aleksander's genitive before a man's nominative surname
        if masculine_too and any(a.lemma == first.lemma_ and "f" not in a.features.get("gender", ()) for a in readings):
            return "m"  # "Pawła Rubcowa": the tagger reads Paweł, not the rare woman's name Pawła
        if any("f" in a.features.get("gender", ()) for a in readings) and not (masculine_too and _masculine_surname(tokens[1:])):
            return "f"
        if not readings and _mans_verb_beside(tokens):
            return "m"  # "odwiedził Morarji Desai": no genitive of a woman's Morarja
        if not readings and self._first_name_case(tokens):
            return "f"  # "Annaleny Baerbock"
        if not readings and len(tokens) > 1 and (self._decisive_cases(first.text, "f", first_name=True) or (
                first.text.endswith("a") and not tokens[-1].text.endswith("a") and not self._mans_a_case(tokens))):
            return "f"
        return "m"

    @staticmethod
    def _subject_before_verb(span: Span) -> bool:
        """A man's verb right after the name has it for its subject, unless a nominative noun
        before it may be that subject, the name its complement: "W lipcu Narendra Modi
        gościł", but "rząd Scotta Morrisona domagał się"."""
        previous = span.doc[span.start - 1] if span.start else None
        head = previous is not None and previous.pos_ == "NOUN" and "nom" in cases_of(previous._.analyses)
        return _mans_verb_beside(list(span), after_only=True) and not head

    def _mans_a_case(self, tokens: Sequence[Token]) -> bool:
        """The word before the name governs the genitive or accusative, not the nominative, so
        a first name's "-a" is a man's ending there: "przez Pettera Orpo" (a woman's accusative
        ends in "-ę")."""
        context = self._context_case(tokens[0].doc[tokens[0].i:tokens[-1].i + 1])
        return bool(context & {"gen", "acc"}) and "nom" not in context

    def _first_name_case(self, tokens: Sequence[Token]) -> frozenset[str]:
        """The oblique case of an unknown woman's first name before a surname that does not
        inflect ("Annaleny Baerbock", "Annalenie Baerbock"): a man's surname would take the
        first name's case too ("Kishidy", "Baerbocka")."""
        first, last = tokens[0], tokens[-1]
        if len(tokens) < 2 or first.is_punct or any(a.pos_class != "ign" for t in (first, last) for a in t._.analyses):
            return frozenset()
        cases = frozenset(case for _, case in self.candidates(first.text, "f", first_name=True)) - {"nom"}
        mans = {case for _, case in self.candidates(last.text, "m")}
        return cases if cases and not cases & mans and last.text[:1].isupper() else frozenset()

    def _mans_surname_ending(self, first: str, rest: Sequence[Token]) -> bool:
        """A later word ends as only a man's name does ("Modiego"), or in the case of the first
        name's ending as a man's surname does ("Narendrą Modim": -ą is a woman's or a man's
        instrumental, -im only a man's)."""
        if any(self._decisive_cases(t.text, "m") and not self._decisive_cases(t.text, "f") for t in rest):
            return True
        first_cases = self._decisive_cases(first, "m") & self._decisive_cases(first, "f")
        return any(first_cases & {case for _, case in self.candidates(t.text, "m")}
                   and not any(a.is_name or a.is_common for a in t._.analyses) for t in rest)

    def _person_word(self, token: Token, readings: list[Analysis], case: frozenset[str], gender: str,
                     seen: set[str]) -> str:
        known = [a for a in readings if _has_gender(a, gender)]
        common = [a for a in token._.analyses if a.is_common and case & cases_of([a])]
        hyphenated = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in HYPHENS  # "Kara-Murzę"
        if known and common and not hyphenated and not any(case & cases_of([a]) for a in known):
            return match_case(token.text, common[0].lemma)  # "Szejka" (genitive) is Szejk, not the surname Szejka
        if known:
            preferred = [a for a in known if not case or case & cases_of([a])] or known
            return self.spellings.get(preferred[0].lemma, preferred[0].lemma)
        if not is_name_part(token) or token.is_punct:
            return token.text
        if gender == "m" and (a_stem := self._womans_name_form(token, case)):
            return a_stem
        prefix = _hyphened_prefix(token)  # "Yu-" of "Yu-iha": the ending's stem runs past the hyphen
        nominative = self.unknown_nominative(prefix + token.text, case, gender, seen)
        return nominative[len(prefix):] if nominative.startswith(prefix) else token.text

    def _womans_name_form(self, token: Token, case: frozenset[str]) -> str | None:
        """A man's name in "-a" declines like a woman's, so Morfeusz's woman's name in the
        case wanted is his: "prezydenta Nigerii Boli Tinubu" is Bola Tinubu."""
        forms = [a.lemma for a in self._singular_names(token) if a.lemma.endswith("a") and case & cases_of([a])]
        return forms[0] if forms and "nom" not in case else None

    def unknown_nominative(self, word: str, case: frozenset[str], gender: str, seen: set[str]) -> str:
        """Strip a case ending from an unknown name, trusting forms the article uses."""
        candidates = self.candidates(word, gender)
        for candidate, _case in candidates:
            if candidate in seen and candidate != word:
                return candidate
        if not case or "nom" in case:
            return word
        for candidate, ending_case in candidates:
            if ending_case in case:
                return candidate
        return word

    def candidates(self, word: str, gender: str, inanimate: bool = False,
                   first_name: bool = False) -> list[tuple[str, str]]:
        """Possible nominatives of an unknown name with the case each ending implies; a
        thing's endings too when the name is a thing's (a place's); no adjective's ending
        for a first name ("Andrej" is no genitive of a woman's "Andra")."""
        result = []
        for ending in self.endings:
            stem_length = len(word) - len(ending.suffix)
            if ending.gender == gender and word.endswith(ending.suffix) and not (inanimate and ending.animate) \
                    and (inanimate or not ending.inanimate) \
                    and not (first_name and ending.adjectival) and stem_length >= 3 - (len(ending.suffix) > 1) \
                    and not word[:stem_length].endswith(ending.not_after):
                stem = word[:stem_length]  # a stem of two letters only before a longer ending: "Unem" is Un's
                if stem[-1] in APOSTROPHES:  # "Steve'em": the ending after a silent letter
                    result.append((stem[:-1], ending.case))
                else:
                    result.append((stem + ending.nominative, ending.case))
        return result

    # ------------------------------------------------------------ genitive

    def genitive(self, name: str) -> str:
        """A nominative name in the genitive, word by word ("Polska" -> "Polski",
        "Stany Zjednoczone" -> "Stanów Zjednoczonych"), for names like "MSZ Polski"."""
        return " ".join(self._genitive_word(word) for word in name.split())

    def _genitive_word(self, word: str) -> str:
        readings = [a for a in self.analyser.analyse(word)
                    if a.pos_class in INFLECTING and "nom" in a.features.get("case", ())]
        readings.sort(key=lambda a: (a.pos_class != "subst", not a.lemma[:1].isupper()))
        readings.sort(key=lambda a: "nazwa_geograficzna" not in a.categories)
        for analysis in readings:
            for form, tag, categories in self.analyser.generate(analysis.lemma):
                if self._same_but_genitive(analysis, tag) and set(categories) == set(analysis.categories):
                    return match_case(word, form)
        return word

    @staticmethod
    def _same_but_genitive(analysis: Analysis, tag: str) -> bool:
        """Is `tag` the genitive of the analysis's form (same class, number, gender, degree)?"""
        features, generated = analysis.features, tag_features(tag)
        return (tag.split(":", 1)[0] == analysis.pos_class and "gen" in generated.get("case", ())
                and bool(generated.get("number", frozenset()) & features.get("number", frozenset()))
                and bool(generated.get("gender", frozenset()) & features.get("gender", frozenset()))
                and (analysis.pos_class == "subst" or tag.split(":")[-1] == analysis.tag.split(":")[-1]))

    # ------------------------------------------------------------ other names

    def phrase(self, span: Span) -> str:
        """Nominative of a multi-word name: inflect the head noun and its agreeing adjectives."""
        tokens = list(span)
        head = self.head_index(tokens)
        if head is None:
            return span.text
        chosen = self._noun_analysis(tokens[head])
        readings = [a for a in tokens[head]._.analyses if a.pos_class in {"subst", "depr"} and a.lemma == chosen.lemma]
        # the reading its adjectives agree with: "w Drawsku Pomorskim" is a locative, not a dative
        head_analysis = max(readings, key=lambda a: len(self._agreeing_adjectives(tokens, head, a)), default=chosen)
        words = [t.text for t in tokens]
        words[head] = match_case(tokens[head].text, self._noun_nominative(head_analysis))
        for index in self._agreeing_adjectives(tokens, head, head_analysis):
            words[index] = self._adjective_nominative(tokens[index], head_analysis)
        return join_tokens(tokens, words)

    def _noun_nominative(self, noun: Analysis) -> str:
        """The lemma, or the nominative plural of a noun read only in the plural ("Sił
        Szybkiego Wsparcia" -> "Siły")."""
        if noun.features.get("number") != {"pl"}:
            return noun.lemma
        gender = noun.features.get("gender", frozenset())
        return next((form for form, tag, _categories in self.analyser.generate(noun.lemma)
                     if tag.startswith("subst:pl:") and "nom" in tag_features(tag).get("case", ())
                     and gender & tag_features(tag).get("gender", frozenset())), noun.lemma)

    def compound_adjective_part(self, token: Token) -> bool:
        """The first part of a compound adjective, whatever its capital: "Polsko-Litewskiej
        Rady" holds no Poland ("Polsko" is also Polska's vocative)."""
        doc = token.doc
        return token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text in HYPHENS \
            and not doc[token.i + 1].whitespace_ \
            and any(a.pos_class == "adja" for a in self.analyser.analyse(token.text + "-"))

    def head_index(self, tokens: Sequence[Token]) -> int | None:
        """The first noun, past adjectives. A word that can be an adjective agreeing with the
        noun after it ("Polskiego Stowarzyszenia", "Polskiej Akcji") is that adjective, whatever
        else it can be (the language polski, Mrs Polska), and so is a compound's first part."""
        compound = {i + step for i, t in enumerate(tokens[:-2]) if self.compound_adjective_part(t) for step in (0, 1)}
        for index, token in enumerate(tokens):
            if (index and token.pos_ == "CCONJ") or index in compound:
                continue  # "Kompleksowego i Progresywnego Porozumienia": coordinated adjectives
            adjectives = [a for a in token._.analyses if a.pos_class == "adj"]
            nouns = [a for a in token._.analyses if a.pos_class in {"subst", "depr"}]
            following = tokens[index + 1]._.analyses if index + 1 < len(tokens) else ()
            if index + 2 < len(tokens) and tokens[index + 1].pos_ == "CCONJ":
                following = tokens[index + 2]._.analyses
            modifies = any(agrees(a, n.features) for a in adjectives for n in following if n.pos_class == "subst")
            if nouns and not modifies:
                return index
            if not adjectives:
                return None
        return None

    @staticmethod
    def _noun_analysis(token: Token) -> Analysis | None:
        nouns = [a for a in token._.analyses if a.pos_class in {"subst", "depr"}]
        chosen = [a for a in nouns if a.lemma.lower() == token.lemma_.lower()]
        return (chosen or nouns or [None])[0]

    @staticmethod
    def _agreeing_adjectives(tokens: Sequence[Token], head: int, noun: Analysis) -> list[int]:
        """Adjectives right before the head, and right after it, that agree with it; not one
        after it that agrees with a first name after it, a saint's ("placu Świętego Piotra")."""
        wanted = noun.features
        result = []
        neighbours = list(range(head - 1, -1, -1)), list(range(head + 1, len(tokens)))
        for side in neighbours:
            for index in side:
                if tokens[index].pos_ == "CCONJ" and side[0] < head and index > 0:
                    continue  # "Kompleksowego i Progresywnego"
                if _compound_prefix(tokens, index):
                    continue  # "Ludowo-" of "Armii Ludowo-Wyzwoleńczej"
                adjectives = [a for a in tokens[index]._.analyses if a.pos_class == "adj"]
                following = [n for n in tokens[index + 1]._.analyses if "imię" in n.categories] \
                    if head < index < len(tokens) - 1 else []
                if not any(agrees(a, wanted) for a in adjectives) \
                        or any(agrees(a, n.features) for a in adjectives for n in following):
                    break
                result.append(index)
        return result

    def _adjective_nominative(self, token: Token, noun: Analysis) -> str:
        features = noun.features
        number = next(iter(features.get("number", {"sg"})))
        gender = features.get("gender", frozenset({"m3"}))
        readings = {(a.lemma, a.tag.rsplit(":", 1)[-1]) for a in token._.analyses if a.pos_class == "adj"}
        for lemma, degree in sorted(readings):  # the degree stays: "Wyższej" -> "Wyższa", not "Wysoka"
            for form, tag, _categories in self.analyser.generate(lemma):
                tf = tag_features(tag)
                if tag.startswith("adj:") and "nom" in tf.get("case", ()) and number in tf.get("number", ()) \
                        and gender & tf.get("gender", frozenset()) and tag.endswith(":" + degree):
                    return match_case(token.text, form)
        return token.text


def _unknown_words(tokens: Sequence[Token], readings: Sequence[list[Analysis]]) -> list[Token]:
    """The capitalised words of a name Morfeusz does not know as a name of one person."""
    return [t for t, known in zip(tokens, readings) if is_name_part(t) and not known]


def _before_aside(doc, start: int) -> int:
    """Where a bracketed remark or an opening dash right before `start` begins, else start."""
    if start and doc[start - 1].text in DASHES and doc[start - 1].whitespace_:
        return start - 1
    if start and doc[start - 1].text == ")":
        opening = next((i for i in range(start - 2, max(-1, start - 8), -1) if doc[i].text == "("), None)
        return opening if opening is not None else start
    return start


@cache
def _first_names() -> Detector:
    """The first names of many countries, about 45,000 (Jörg Michael's dictionary, as
    gender-guesser ships it): loaded once, on first use."""
    return Detector()


def first_name_gender(word: str) -> str | None:
    """"male" or "female" when the dictionary of first names gives the word as one sex's only."""
    gender = _first_names().get_gender(word)
    return gender if gender in {"male", "female"} else None


def is_foreign_first_name(token: Token) -> bool:
    """A capitalised word Morfeusz does not know that the dictionary of first names gives as a
    man's or a woman's only ("Anthony", "Brahim", "Mahmud"; not "Wang" or "Kim", family names
    too)."""
    return token.text[:1].isupper() and all(a.pos_class == "ign" for a in token._.analyses) \
        and first_name_gender(token.text) is not None


def is_name_part(token: Token) -> bool:
    """A word of a name that inflects: capitalised, or the lower-case part after a hyphen of
    a Korean given name ("Jae-myungiem")."""
    if token.text[:1].isupper():
        return True
    doc = token.doc
    return token.i > 1 and token.is_alpha and doc[token.i - 1].text in HYPHENS \
        and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_


def _before_hyphen(token: Token, span: Span) -> bool:
    """The first part of a hyphenated name keeps its form when Morfeusz does not know it or
    knows it only in the nominative; only the last part inflects ("Kasym-Żomarta" is the
    genitive of "Kasym-Żomart", "Jean-Claude'a" of "Jean-Claude"), unlike the parts of a
    Polish double surname ("Kosiniaka-Kamysza")."""
    if not (token.i + 1 < span.end and not token.whitespace_ and token.doc[token.i + 1].text in HYPHENS):
        return False
    known = [a for a in token._.analyses if a.is_name or a.is_common]
    return all(tag_features(a.tag).get("case") == {"nom"} for a in known)


def _hyphened_prefix(token: Token) -> str:
    """The part of a name and the hyphen right before the token, with no space ("Yu-" before
    "iha" in "Hou Yu-iha"), else ""."""
    doc = token.doc
    hyphen = doc[token.i - 1] if token.i >= 2 else None
    if hyphen is None or hyphen.text not in HYPHENS or hyphen.whitespace_ or doc[token.i - 2].whitespace_:
        return ""
    return doc[token.i - 2].text + doc[token.i - 1].text


def _inflected_alike(first: str, last: str, last_nominative: str) -> str:
    """The first part of a hyphenated name with the ending its last part lost: "Kasyma-Żomarta"
    is Kasym-Żomart, as "Kasym-Żomarta" is; "Jean-Claude'a" keeps "Jean"."""
    shared = 0
    while shared < min(len(last), len(last_nominative)) and last[shared] == last_nominative[shared]:
        shared += 1
    ending, nominative_ending = last[shared:], last_nominative[shared:]
    if ending and first.endswith(ending) and len(first) - len(ending) >= 3:
        return first[:-len(ending)] + nominative_ending
    return first


def _compound_prefix(tokens: Sequence[Token], index: int) -> bool:
    """A hyphen written tight inside a compound, or the part right before it, which does not
    inflect ("Ludowo-Wyzwoleńczej", "Chrześcijańsko-Demokratycznej"): the agreement goes on
    to the part after it."""
    token = tokens[index]
    if token.text == "-" and 0 < index < len(tokens) - 1:
        return not tokens[index - 1].whitespace_ and not token.whitespace_
    return index + 2 < len(tokens) and tokens[index + 1].text == "-" and not token.whitespace_


def agrees(adjective: Analysis, noun_features: dict[str, frozenset[str]]) -> bool:
    features = adjective.features
    return all(features.get(name, frozenset()) & noun_features.get(name, frozenset())
               for name in ("case", "number", "gender") if name in noun_features)


def _mans_verb_beside(tokens: Sequence[Token], after_only: bool = False) -> bool:
    """A man's singular past-tense verb right after the name, whose subject it is then, or
    right before it, whose subject or object it is: "Narendra Modi gościł", "odwiedził
    Morarji Desai" (no woman's genitive)."""
    doc = tokens[0].doc
    positions = (tokens[-1].i + 1,) if after_only else (tokens[0].i - 1, tokens[-1].i + 1)
    return any(doc[i].tag_.startswith("praet:sg:m1") for i in positions if 0 <= i < len(doc))


def _base_form_only_of_a_man(token: Token, readings: Sequence[Analysis]) -> bool:
    """The word is a man's first name as written and a woman's only inflected ("Ali": Ali,
    or Ala's genitive)."""
    base = [a for a in readings if a.lemma == token.text]
    return bool(base) and all("f" not in a.features.get("gender", ()) for a in base)


def _only_a_womans_name_agrees(first_names: Sequence[Analysis], surname: Token) -> bool:
    """The first name and the surname Morfeusz knows share a case only read as a woman's:
    "Aleksandra Dulkiewicz" (Aleksander's genitive, but Dulkiewicz a man's nominative)."""
    surnames = [a for a in surname._.analyses if PERSON_CATEGORIES & set(a.categories)]

    def agree(woman: bool) -> bool:
        return bool(cases_of([a for a in first_names if ("f" in a.features.get("gender", ())) == woman])
                    & cases_of([a for a in surnames if ("f" in a.features.get("gender", ())) == woman]))
    return bool(surnames) and agree(True) and not agree(False)


def _adjective_gender(span: Span) -> str | None:
    """The gender an adjective right before the name agrees in, when all its singular
    readings have one: "98-letniego Jarosława Hunkę" is a man (not the woman's name
    Jarosława), "zmarłej Elżbiety" a woman."""
    previous = span.doc[span.start - 1] if span.start else None
    if previous is None or previous.pos_ != "ADJ" or not previous.is_lower:
        return None
    genders = [a.features.get("gender", frozenset()) for a in previous._.analyses
               if a.pos_class == "adj" and "sg" in a.features.get("number", ())]
    if not genders:
        return None
    if all(g == {"f"} for g in genders):
        return "f"
    return "m" if all(g and "f" not in g for g in genders) else None


def _masculine_surname(tokens: Sequence[Token]) -> bool:
    """A later word Morfeusz knows only as a man's name: "Romana Abramowicza" is Roman
    Abramowicz, though "Romana" is also a woman's first name (but "Maria Zacharowa" stays a
    woman: "Maria" is no man's name)."""
    names = [a for t in tokens for a in t._.analyses if PERSON_CATEGORIES & set(a.categories)]
    return bool(names) and not any("f" in a.features.get("gender", ()) for a in names)


def _has_gender(analysis: Analysis, gender: str) -> bool:
    """Does a name reading fit the person's gender ("Zacharowa" is not the man Zacharow's genitive
    when the first name is Maria)?"""
    genders = analysis.features.get("gender", frozenset())
    return not genders or (("f" in genders) if gender == "f" else bool(genders - {"f", "n"}))
