"""Entity recognition: gazetteers on lemmas, unknown names, canonical nominatives, coreference."""
from __future__ import annotations

import pytest

from graphbuilder.nkjp import predicted_entities


def entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(span.kb_id_, span.label_) for span in nlp(text).ents}


@pytest.mark.parametrize("form", ["Rosja", "Rosji", "Rosję", "Rosją", "Rosjo"])
def test_entities_find_every_case_of_a_country(nlp, form):
    assert ("Rosja", "Country") in entities(nlp, f"Mówiono dziś o tym, że {form} jest ważna.")


@pytest.mark.parametrize("text, name, cls", [
    ("Delegacja przyjechała z Unii Europejskiej.", "Unia Europejska", "InternationalOrganization"),
    ("Rozmawiano o Stanach Zjednoczonych.", "Stany Zjednoczone", "Country"),
    ("Jak podaje The Moscow Times, rozmowy trwają.", "The Moscow Times", "MediaOrganization"),
    ("Szczyt odbył się w Nowym Jorku.", "Nowy Jork", "City"),
    ("Mówiono o krajach Azji Środkowej.", "Azja Środkowa", "Region"),
    ("Delegaci ONZ przyjechali.", "Organizacja Narodów Zjednoczonych", "InternationalOrganization"),
    ("Grupy powiązane z Al-Kaidą atakują.", "Al-Kaida", "Organization"),  # Morfeusz lacks the hyphenated word
    ("Omówiono projekty Via Baltica i Rail Baltica.", "Rail Baltica", "Location"),
    ("Zełenski wystąpił na szczycie Ligi Arabskiej.", "Liga Państw Arabskich", "InternationalOrganization"),
    ("Rząd zgodził się, by chiński armator Cosco przejął udziały.", "Cosco", "Company"),
    ("Okręty będą stacjonować w Zachodniej Australii.", "Zachodnia Australia", "Region"),  # an adjective before a state
    ("W czasach Związku Radzieckiego kraj był zamknięty.", "Związek Radziecki", "Country"),  # a state gone
    ("Francja to kluczowy partner Republiki Federalnej.", "Niemcy", "Country"),
])
def test_entities_gazetteer_gives_canonical_names(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Mówiono o Władimirze Putinie.", "Władimir Putin"),
    ("Zaproszenie Władimira Putina przyjęto.", "Władimir Putin"),
    ("Rozmawiał z Emmanuelem Macronem.", "Emmanuel Macron"),
    ("Podczas wizyty Emmanuela Macrona podpisano umowy.", "Emmanuel Macron"),
    ("Spotkał się z ministrem Rustemem Umerowem.", "Rustem Umerow"),
    ("Rozmawiał z Joe Bidenem.", "Joe Biden"),
    ("Przemawiała Annalena Baerbock.", "Annalena Baerbock"),
    ("Przyjechał premier Fumio Kishida.", "Fumio Kishida"),
    ("Przemawiała Ursula von der Leyen.", "Ursula von der Leyen"),
    ("Spotkał się z premierem Japonii Fumio Kishidą.", "Fumio Kishida"),  # a man's name in -a
    ("Prezydent powitał premiera Japonii Fumio Kishidę.", "Fumio Kishida"),
    ("Rozmawiał z szefem ukraińskiej dyplomacji Andrijem Sybihą.", "Andrij Sybiha"),
    ("Zamrożono aktywa oligarchy Romana Abramowicza.", "Roman Abramowicz"),  # "Romana" is a woman's name too
    ("Prezydent przyjął premiera Indii Narendrę Modiego.", "Narendra Modi"),  # -iego: a man's ending
    ("Wizyta Narendry Modiego trwała dwa dni.", "Narendra Modi"),
    ("Władze kierowane przez generała Assimiego Goitę zerwały współpracę.", "Assimi Goita"),
    ("Przemawiała Maria Abramowicz.", "Maria Abramowicz"),
    ("Gości przywitała prezydent miasta Aleksandra Dulkiewicz.", "Aleksandra Dulkiewicz"),  # no Aleksander's case
    ("Rozmawiał z Aleksandrem Dulkiewiczem.", "Aleksander Dulkiewicz"),
    ("Zabrakło prezydenta Brazylii Luiza Inácia Luli da Silvy.", "Luiz Inácio Lula da Silva"),  # -cia after a vowel
    ("Spotkanie Aleksandra Vučicia trwało godzinę.", "Aleksander Vučić"),  # -cia after i: a Slavic -ić
    ("Spotkał się z premierem Indii Narendrą Modim.", "Narendra Modi"),  # -ą either's, -im a man's
    ("Rozmawiał z prezydentem Egiptu Abdel Fattahem as-Sisim.", "Abdel Fattah as-Sisi"),  # "as-" a particle
    ("Spotkał się z Baszarem al-Asadem.", "Baszar al-Asad"),  # "al" stays, though Morfeusz knows Al
    ("Przyjął prezydenta Brazylii Luiza Inacio Lulę da Silvę.", "Luiz Inacio Lula da Silva"),  # inflected role: a man
    ("Rozmowy odbyły się z udziałem ministra Chin Wanga Yi.", "Wang Yi"),
    ("Rozmawiała z szefową MFW Kristaliną Georgiewą.", "Kristalina Georgiewa"),
    ("Rząd prezydenta Daniela Noboi przekonuje, że azyl był bezprawny.", "Daniel Noboa"),  # -oi: a name in -oa
    ("Glas był wiceprezydentem za prezydentury Rafaela Correi.", "Rafael Correa"),
    ("Chińskiego przywódcę powitał gubernator Kalifornii Gavin Newsom.", "Gavin Newsom"),  # "Newsom": news, plural
    ("Przemówienie Annaleny Baerbock było krótkie.", "Annalena Baerbock"),  # the surname does not inflect
    ("Mówiono o Annalenie Baerbock.", "Annalena Baerbock"),
    ("Przyjęcie Giorgii Meloni trwało godzinę.", "Giorgia Meloni"),  # "Meloni" would be Melonia's, not Melona's
    ("Mówiono o przyjęciu Kamali Harris.", "Kamala Harris"),
    ("Wizyta Julii Nawalnej trwała dzień.", "Julia Nawalna"),
    ("Rozmawiał z Anną Fotygą i o wizycie Anny Fotygi.", "Anna Fotyga"),
    ("Spotkanie odbyło się z udziałem Xi Jinpinga.", "Xi Jinping"),  # a common noun's complement: genitive
    ("Wizyta Fumio Kishidy trwała dwa dni.", "Fumio Kishida"),
    ("Rozmawiał z dziennikarzem Evanem Gershkovichem.", "Evan Gershkovich"),  # a man's noun: apposition
    ("Film nakręcił reżyser Akira Kurosawa.", "Akira Kurosawa"),
    ("Spotkał się z George'em Bushem.", "George Bush"),  # an apostrophe before the ending
    ("Wizyta Steve'a Witkoffa w Moskwie trwała dzień.", "Steve Witkoff"),
    ("Przemówienie Jean-Claude'a Junckera było długie.", "Jean-Claude Juncker"),  # "Jean" does not inflect
    ("Z Jean-Noëlem Barrotem rozmawiał minister.", "Jean-Noël Barrot"),
    ("Wizyta Władysława Kosiniaka-Kamysza trwała dzień.", "Władysław Kosiniak-Kamysz"),  # both parts do
    ("Rozmawiał z prezydentem Korei Południowej Lee Jae-myungiem.", "Lee Jae-myung"),  # a lower-case part inflects
    ("Poparcie dla Hou Yu-iha spadło.", "Hou Yu-ih"),  # the ending's stem runs past the hyphen: "ih" alone is short
    ("Spotkał się z Kim Dzong Unem.", "Kim Dzong Un"),  # a stem of two letters
    ("Spotkał się z sekretarzem generalnym ONZ António Guterresem.", "António Guterres"),  # past adjectives
    ("Przywódca Iranu ajatollah Ali Chamenei skrytykował USA.", "Ali Chamenei"),  # not Ala's genitive
    ("Spotkał się z Alą Nowak.", "Ala Nowak"),
    ("Krytykował Michaiła Saakaszwilego.", "Michaił Saakaszwili"),  # -lego: a name in -li, not -le
    ("Pomógł Michaiłowi Saakaszwilemu.", "Michaił Saakaszwili"),
    ("Skrytykował Iraklego Kobachidzego.", "Irakli Kobachidze"),
    ("Rozmawiał z ministrem spraw zagranicznych Korei Południowej Park Jinem.", "Park Jin"),  # "Park" is no head here
    ("Reżim Aleksandra Łukaszenki trwa.", "Aleksander Łukaszenka"),  # news's spelling, not Morfeusz's Łukaszenko
    ("Polska przekazała Rosji Pawła Rubcowa.", "Paweł Rubcow"),  # Paweł, not the rare Pawła; Rubcowo is a village
    ("Zatrzymano Jana Rubcowa.", "Jan Rubcow"),  # "Jana" is a surname too, but a first word is a first name
    ("To sukces przywódcy Chin Xi Jinpinga.", "Xi Jinping"),  # one person's role is singular: a genitive
    ("Podpisał go sekretarz Najwyższej Rady Bezpieczeństwa Narodowego Iranu Ali Szamchani.", "Ali Szamchani"),
    ("Rozmawiał z przewodniczącym Zgromadzenia Narodowego Woo Won-shikiem.", "Woo Won-shik"),  # "won": an interjection
    ("Spotkał się z Ferdinandem Marcosem Jr. w Manili.", "Ferdinand Marcos Jr."),  # the stop is the name's
    ("Szef Biura Polityki Międzynarodowej Mieszko Pawlak mówił w Seulu.", "Mieszko Pawlak"),  # the role's genitive
    ("W Hanoi rozmawiał z prezydentem tego kraju To Lamem.", "To Lam"),  # "To" inside a sentence opens a name
    ("Rozmawiał z sekretarzem Komunistycznej Partii Wietnamu Nguyen Phu Trongiem.", "Nguyen Phu Trong"),  # the end inflects
    ("Spotkał się z Wang Yi, byłym szefem chińskiej dyplomacji.", "Wang Yi"),  # a role in apposition
    ("Schoof zastąpił Marka Ruttego.", "Mark Rutte"),  # before a foreign surname, not the Polish Marek
    ("Kim Dzong Un przyjął gościa.", "Kim Dzong Un"),  # "Kim" opening a sentence; "Un" is no UN
    ("Li Qiang przyleciał do Berlina.", "Li Qiang"),
    ("Spotkał się z Markiem Kowalskim.", "Marek Kowalski"),
    ("Rozmawiali z premier Włoch Giorgii Meloni.", "Giorgia Meloni"),  # "-ii" is no woman's nominative
    ("Według Antónia Guterresa sytuacja jest zła.", "António Guterres"),  # "-ia" after a consonant: "-io"
    ("Zdaniem Javiera Mileia reforma się udała.", "Javier Milei"),  # after a vowel: the stem's own "i"
    ("Petr Fiala i Andrej Babiš spierali się.", "Andrej Babiš"),  # a first name takes no adjective's "-ej"
    ("Prezydent Egiptu przyjął Hassana Szejka Mohamuda w Kairze.", "Hassan Szejk Mohamud"),  # not the surname Szejka
    ("W tym gronie był Władimir Kara-Murza. Uwolniono Władimira Kara-Murzę.", "Władimir Kara-Murza"),
    ("Uwolniono australijską dziennikarkę Cheng Lei.", "Cheng Lei"),  # no Lea's genitive after a foreign word
    ("Alaksandrowi Łukaszence to się nie spodobało.", "Alaksandr Łukaszenka"),  # the first word's dative agrees
    ("Modi przekazał młotek prezydentowi Brazylii Luizowi Inácio Luli da Silvie.",
     "Luiz Inácio Lula da Silva"),  # "Luizowi" is dative, so "Silvie" is Silva's dative, not Silv's locative
    ("W 1979 roku nasz kraj odwiedził Morarji Desai.", "Morarji Desai"),  # his verb: no woman's genitive
    ("Obradowali pod przewodnictwem prezydenta Nigerii Boli Tinubu.", "Bola Tinubu"),  # a man's "-a" declines as a woman's
    ("Partia kierowana przez Pettera Orpo wygrała.", "Petter Orpo"),  # after "przez", "-a" is a man's accusative
    ("Przyjechał premier Australii Anthony Albanese.", "Anthony Albanese"),
    ("W lipcu Narendra Modi gościł w Moskwie.", "Narendra Modi"),  # his verb's subject: a nominative
    ("Gdy rząd Scotta Morrisona domagał się śledztwa.", "Scott Morrison"),  # the noun's complement, not the subject
    ("Zatrzymano Noureddina Bongo Valentina, syna obalonego przywódcy.", "Noureddin Bongo Valentin"),  # kin noun
    ("Matka króla, Elżbieta II, objęła tron.", "Elżbieta II"),  # past the comma, no apposition to "króla"
    ("Premier odwiedził prezydenta Luiza Inacio Lulę.", "Luiz Inacio Lula"),  # no comma: the role decides
    ("Rota wskazał na galerii 98-letniego Jarosława Hunkę.", "Jarosław Hunka"),  # the adjective's gender
    ("Według Kamali Harris jest źle.", "Kamala Harris"),  # the first name a dictionary knows
    ("Rozmawiał z wicepremier Yolandy Díaz.", "Yolanda Díaz"),
    ("Król Niderlandów Willem-Alexander zaprzysiągł rząd.", "Willem-Alexander"),  # no instrumental of Will
])
def test_entities_put_person_names_into_the_nominative(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


@pytest.mark.parametrize("text, mention, name", [
    ("Xi Jinping przyjechał do Moskwy. W Kremlu Xi rozmawiał z prezydentem.", "Xi", "Xi Jinping"),
    ("Prezydent Luiz Inacio Lula da Silva przyjechał. Lula spotkał się z premierem.", "Lula", "Luiz Inacio Lula da Silva"),
    ("Wygrał prezydent Ali Bongo Ondimba. W nagraniu Ali Bongo apelował o pomoc.", "Ali Bongo", "Ali Bongo Ondimba"),
])
def test_entities_a_family_name_before_or_inside_the_full_name_is_that_person(nlp, text, mention, name):
    assert (mention, name) in {(e.text, e.kb_id_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, mention, name", [
    ("Prezydent Zuzana Čaputová apelowała o spokój. Telegram przesłał Čaputovej prezydent Rosji.", "Čaputovej", "Zuzana Čaputová"),
    ("Premier Robert Fico został ranny. Stan Ficy jest poważny.", "Ficy", "Robert Fico"),  # "-o" inflected as "-a"
    ("Premier Robert Fico został ranny. Lekarze operowali Ficę.", "Ficę", "Robert Fico"),
])
def test_entities_an_inflected_foreign_surname_is_the_full_name(nlp, text, mention, name):
    assert (mention, name) in {(e.text, e.kb_id_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, expected", [
    ("Premier Donald Tusk napisał: „Robercie, jestem z tobą”. Robert Fico i Robert Kaliňák milczeli.", []),
    ("Premier Robert Fico został ranny. Tusk napisał: „Robercie, jestem z tobą”.", ["Robert Fico"]),
])
def test_entities_a_first_name_alone_is_the_one_person_with_that_first_name(nlp, text, expected):
    doc = nlp(text)
    assert [e.kb_id_ for e in doc.ents if e.text == "Robercie"] == expected


def test_entities_hyphenated_unknown_names_use_forms_seen_elsewhere(nlp):
    found = entities(nlp, "Prezydent Kasym-Żomart Tokajew przemawiał. Wizyta Kasym-Żomarta Tokajewa trwała dwa dni.")
    assert found == {("Kasym-Żomart Tokajew", "Person")}


def test_entities_a_surname_with_a_particle_opening_a_sentence_is_the_full_name(nlp):
    doc = nlp("Spotkał się z Baszarem al-Asadem. Al-Asad mówił o szansie.")
    assert [span.kb_id_ for span in doc.ents] == ["Baszar al-Asad"] * 2


def test_entities_a_womans_form_of_a_mans_surname_is_another_person(nlp):
    """"Zełenski" is a man's nominative, no genitive of "Zełenska": his wife is her own person."""
    doc = nlp("Prezydent Wołodymyr Zełenski przyjechał z żoną, Ołeną Zełenską. Zełenskiego powitał Duda.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Person"][:3] == [
        ("Wołodymyr Zełenski", "Wołodymyr Zełenski"), ("Ołeną Zełenską", "Ołena Zełenska"),
        ("Zełenskiego", "Wołodymyr Zełenski")]


@pytest.mark.parametrize("text, expected", [
    ("Etiopia chce dostępu do somalilandzkiego portu Berbera.", {("Etiopia", "Country"), ("Berbera", "City")}),
    ("W mieście Polaków nie było.", set()),  # a plural people's noun is the place's people
    ("Kishida odwiedził Buczę i Irpień.", {("Kishida", "Person"), ("Bucza", "City"), ("Irpień", "City")}),  # no "buczeć"
    ("Traktat podpisano w Nancy.", {("Nancy", "City")}),  # a first name that does not decline after "w"
    ("Zakochał się w Marii.", {("Maria", "Person")}),
    ("W Boże Narodzenie uszkodzony został kabel, a po Wielkanocy rozmowy wznowiono.", set()),  # feasts
    ("Spór dotyczy budowanej na Nilu Błękitnym Wielkiej Tamy Etiopskiego Odrodzenia.",
     {("Nil Błękitny", "Location"), ("Wielka Tama Etiopskiego Odrodzenia", "Location")}),
    ("Prezydent Somalilandu Muse Bihi Abdi wrócił do Hargejsy.",
     {("Somaliland", "Country"), ("Muse Bihi Abdi", "Person"), ("Hargejsa", "City")}),
    ("Rozmowa w Gabinecie Owalnym dotyczyła zamieszek w Nowej Kaledonii.",
     {("Gabinet Owalny", "Location"), ("Nowa Kaledonia", "Region")}),
    ("Rolę odegrało połączenie LitPol Link.", {("LitPol Link", "Pipeline")}),
    ("Wizytę przygotowała Stolica Apostolska.", {("Stolica Apostolska", "Organization")}),  # the see, not the state
    ("To wizyta głowy Kościoła katolickiego.", {("Kościół katolicki", "Organization")}),  # a lower-case adjective inflects
    ("Chiny wysyłają okręty na Pacyfik.", {("Chiny", "Country"), ("Pacyfik", "Location")}),  # its own name
    ("Synodem Węgierskiego Kościoła Reformowanego kierował biskup.", {("Węgierski Kościół Reformowany", "Organization")}),
    ("Modlił się w kościele Mariackim.", {("kościół Mariacki", "Location")}),  # the building, in lower case
    ("Wizy dostaną na wyjazdy na Lesbos i Rodos.", {("Lesbos", "Location"), ("Rodos", "Location")}),  # islands
])
def test_entities_places_named_like_a_people_rivers_dams_links_territories_and_unrecognised_states(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_a_sentence_initial_head_before_a_foreign_name_the_article_gives_is_no_name(nlp):
    """"Rząd Abiya Ahmeda" opening a sentence is the government of Abiy Ahmed, named before."""
    found = entities(nlp, "Premier Abiy Ahmed podpisał memorandum. Rząd Abiya Ahmeda mówi ostrożnie o uznaniu.")
    assert found == {("Abiy Ahmed", "Person")}


def test_entities_surname_alone_is_the_full_name(nlp):
    doc = nlp("Władimir Putin przybył do Astany. Putin spotkał się z prezydentem. Wizyta Putina trwała dwa dni.")
    people = [span.kb_id_ for span in doc.ents if span.label_ == "Person"]
    assert people == ["Władimir Putin"] * 3


@pytest.mark.parametrize("text", [
    "Kazachskie media sugerują, że władze się niepokoją.",
    "Rosyjski minister przyjechał.",
    "Flagi rosyjskie i ukraińskie\nW ramach wizyty wyświetlono flagi.",
    "Jak poinformował bloger, było zimno.",
    "Fakt, że rozmowy trwają, nie dziwi.",
    "Spotkał się z rosyjskim ministrem, o czym piszą kazachskie media.",
    "Polscy i ukraińscy dyplomaci rozmawiali z niemieckim ministrem.",
    "Wielu Polaków i Niemców przyjechało na koncert.",
    "Zaapelował o dostarczenie kolejnych systemów Patriot.",
    "Rozważa się budowę nowego terminalu LNG.",
    "Zamówiono kolejne myśliwce F-35.",
    "Armia otrzymała systemy rakietowe Iskander-M.",  # past the kind noun's adjective
    "Odwiedził producenta haubic K9 i wyrzutni Chunmoo.",  # "wyrzutni" is no adjective here
    "Odznaczono go Orderem Świętego Andrzeja Apostoła.",  # a thing's name, whatever names it holds
    "Samoloty 737 MAX wróciły do eksploatacji.",  # a model's word after its number, not the name Max
    "Kupi kolejne myśliwce Rafale.",  # a thing's name after its kind noun, not the name Rafał
    "Rafale i okręty\n\nKupi kolejne myśliwce Rafale.",  # so wherever else the article gives it alone
    "Przed modlitwą Regina Caeli papież przypomniał o pokoju.",  # a prayer's name
    "Rosjanie świętowali Dzień Zwycięstwa.",  # a feast day
])
def test_entities_adjectives_demonyms_and_sentence_initial_words_are_not_entities(nlp, text):
    assert entities(nlp, text) == set()


@pytest.mark.parametrize("text, name", [
    ("Umowę podpisano z koncernem Korea Hydro & Nuclear Power.", "Korea Hydro & Nuclear Power"),
    ("Firma Procter & Gamble wycofała się z Rosji.", "Procter & Gamble"),
])
def test_entities_an_ampersand_joins_a_firms_name(nlp, text, name):
    assert name in {e.kb_id_ for e in nlp(text).ents}


def test_entities_a_firm_named_after_its_country_keeps_its_name_and_abbreviation(nlp):
    doc = nlp("Umowę podpisano z koncernem Korea Aerospace Industries (KAI). Polska kupi od KAI samoloty.")
    assert {(e.text, e.kb_id_, e.label_) for e in doc.ents} >= {
        ("Korea Aerospace Industries", "Korea Aerospace Industries", "Company"),
        ("KAI", "Korea Aerospace Industries", "Company")}  # not the first name Kaja


def test_entities_korea_alone_is_south_korea(nlp):
    assert [(e.kb_id_, e.label_) for e in nlp("Polska zamówiła w Korei czołgi.").ents] == [
        ("Polska", "Country"), ("Korea Południowa", "Country")]


def test_entities_nationality_adjectives_point_to_their_country(nlp):
    doc = nlp("Kazachski minister energetyki przemawiał.")
    assert doc[0]._.refers_to == ("Country", "Kazachstan")


def test_entities_head_noun_names_an_organisation_containing_a_place(nlp):
    assert ("Opera Astana", "Organization") in entities(nlp, "Władze Opery Astana wyświetliły flagę.")


@pytest.mark.parametrize("text, name, cls", [
    ("Zastrzelił go w berlińskim parku Kleiner Tiergarten.", "Kleiner Tiergarten", "Location"),  # a foreign name alone
    ("Mecz rozegrano na stadionie Santiago Bernabéu.", "Santiago Bernabéu", "Location"),
    ("Spacerowali w parku Łazienkowskim.", "park Łazienkowski", "Location"),  # a Polish adjective with its noun
    ("Zginęło 300 cywilów w miejscowości Moura w Mali.", "Moura", "City"),
    ("Prezydent złożył wieniec na Grobie Nieznanego Żołnierza.", "Grób Nieznanego Żołnierza", "Location"),
    ("Napastnicy otworzyli ogień w sali Crocus City Hall w Krasnogorsku.", "Crocus City Hall", "Location"),  # not "Hall w"
    ("Rozmawiali o elektrowni jądrowej Akkuyu na południu Turcji.", "Akkuyu", "Location"),  # past an adjective
    ("Przemawiał przed kościołem Frauenkirche.", "Frauenkirche", "Location"),
    ("Żołnierze stacjonują na mieliźnie Second Thomas Shoal.", "Second Thomas Shoal", "Location"),
    ("Odwiedził kibuc Nir Oz.", "Nir Oz", "City"),
    ("Stacjonowali w bazie w Gao na północy Mali.", "Gao", "City"),  # a lone foreign word after "w"
    ("Premier zaprosił gościa na kolację w tokijskiej dzielnicy Ginza.", "Ginza", "Region"),  # no "Ginz"
    ("Spotkali się w podmoskiewskiej rezydencji Nowo-Ogariowo.", "Nowo-Ogariowo", "Location"),
    ("Szlak połączy Azerbejdżan z azerską eksklawą Nachiczewan.", "Nachiczewan", "Region"),  # a name Morfeusz knows
    ("Byli w dzielnicy Mokotów i nad jeziorem Bajkał.", "Bajkał", "Location"),
    ("Patriarcha Kościoła chaldejskiego ocenił wizytę.", "Kościół chaldejski", "Organization"),  # a capital for the body
])
def test_entities_a_kind_noun_before_a_place_name_gives_its_class(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


@pytest.mark.parametrize("text", [
    "Prezydenci wzięli udział w posiedzeniu Polsko-Litewskiej Rady Prezydenckiej.",
    "Polsko-Litewską Radę Prezydencką powołano w 2020 roku.",  # opening a sentence
])
def test_entities_a_compound_adjective_opens_an_organisations_name_and_names_no_country(nlp, text):
    assert entities(nlp, text) == {("Polsko-Litewska Rada Prezydencka", "Organization")}


@pytest.mark.parametrize("text, name, cls", [
    ("Sporo uwagi poświęcono granicy z obwodem kaliningradzkim.", "obwód kaliningradzki", "Region"),
    ("Służby zatrzymały w obwodzie briańskim czterech mężczyzn.", "obwód briański", "Region"),  # unknown to Morfeusz
    ("Omówiono ochronę przesmyku suwalskiego.", "przesmyk suwalski", "Location"),
])
def test_entities_a_place_noun_and_an_adjective_of_a_place_name_a_region(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


@pytest.mark.parametrize("text", ["W okręgu wyborczym wygrał.", "Rosja zaatakowała obwód przygraniczny."])
def test_entities_a_place_noun_and_another_adjective_name_nothing(nlp, text):
    assert entities(nlp, text) - {("Rosja", "Country")} == set()


def test_entities_routes_of_places_are_one_location(nlp):
    found = entities(nlp, "Ropa płynie rurociągiem Baku–Tbilisi–Ceyhan do Turcji.")
    assert ("Baku–Tbilisi–Ceyhan", "Pipeline") in found and ("Turcja", "Country") in found
    assert ("Baku", "City") not in found


def test_entities_acronyms_are_organisations(nlp):
    assert ("BRICS", "InternationalOrganization") in entities(nlp, "Kraj odmówił przystąpienia do BRICS.")


@pytest.mark.parametrize("text, name", [
    ("Jak poinformował były wiceszef MSW Ukrainy, było zimno.", "Ministerstwo Spraw Wewnętrznych Ukrainy"),
    ("Rzecznik polskiego MSZ zabrał głos.", "Ministerstwo Spraw Zagranicznych Polski"),
    ("Według Ministerstwa Spraw Zagranicznych Rosji rozmowy trwały.", "Ministerstwo Spraw Zagranicznych Rosji"),
    ("Rosyjskie Ministerstwo Obrony podało straty.", "Ministerstwo Obrony Rosji"),
    ("Komunikat wydało MSZ.", "Ministerstwo Spraw Zagranicznych Polski"),
    ("Kanada oskarżyła Indie. Tamtejsze MSZ odrzuciło zarzuty.", "Ministerstwo Spraw Zagranicznych Indii"),
    ("Sąd Najwyższy Izraela uchylił ustawę.", "Sąd Najwyższy Izraela"),
    ("Sulyok był prezesem węgierskiego Trybunału Konstytucyjnego.", "Trybunał Konstytucyjny Węgier"),
    ("Wyrok wydał Sąd Najwyższy.", "Sąd Najwyższy"),  # no default country: Polish news names its own so
    ("Straż Graniczna Finlandii twierdzi, że to prowokacja.", "Straż Graniczna Finlandii"),
    ("Migrantów zatrzymała Straż Graniczna.", "Straż Graniczna"),
    ("Zatrzymano szefa kazachskiego Komitetu Bezpieczeństwa Narodowego (KNB).",
     "Komitet Bezpieczeństwa Narodowego Kazachstanu"),
    ("Przylecieli spadochroniarze rosyjskich Wojsk Powietrznodesantowych.", "Wojska Powietrznodesantowe Rosji"),
    ("W lipcu serbski Sąd Konstytucyjny uchylił decyzję.", "Sąd Konstytucyjny Serbii"),
    ("Centralna Komisja Wyborcza Gruzji ogłosiła wyniki.", "Centralna Komisja Wyborcza Gruzji"),
])
def test_entities_institutions_every_country_has_take_the_country_into_their_name(nlp, text, name):
    assert (name, "GovernmentOrganization") in entities(nlp, text)


def test_entities_a_country_inside_a_longer_name_is_an_entity_too(nlp):
    doc = nlp("Obrady Zgromadzenia Ogólnego ONZ trwały tydzień.")
    assert ("Zgromadzenie Ogólne ONZ", "InternationalOrganization") in {(s.kb_id_, s.label_) for s in doc.ents}
    assert "Organizacja Narodów Zjednoczonych" in {s.kb_id_ for s in doc.spans["gb_nested"]}


@pytest.mark.parametrize("text, expected", [
    ("Jak ujawnił portal 444.hu, prezydent ułaskawiła mężczyznę.", {("444.hu", "MediaOrganization")}),
    ("Informację podała strona gov.pl w piątek.", set()),  # no medium's kind noun before it
])
def test_entities_a_web_address_after_a_mediums_kind_noun_names_it(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_the_longest_known_name_inside_a_longer_name_is_the_nested_one(nlp):
    """ "Unii" alone would be the European Union; inside "Unii Afrykańskiej" it is not."""
    doc = nlp("Przewodniczący Komisji Unii Afrykańskiej wezwał strony do spokoju.")
    assert {s.kb_id_ for s in doc.spans["gb_nested"]} == {"Unia Afrykańska"}


@pytest.mark.parametrize("text", ["Orbán był w Moskwie. Potem Fico przyjechał do rosyjskiej stolicy.",
                                  "Orbán był w Moskwie. Potem Fico przyjechał do stolicy Rosji."])
def test_entities_the_capital_of_a_state_the_article_names_is_a_mention_of_that_town(nlp, text):
    doc = nlp(text)
    assert [(e.text, e.kb_id_) for e in doc.ents if e.text == "stolicy"] == [("stolicy", "Moskwa")]
    assert "Rosja" in {t._.refers_to[1] for t in doc if t._.refers_to} | {e.kb_id_ for e in doc.ents}


@pytest.mark.parametrize("text", ["Szczyt odbył się w Kijowie, stolicy Ukrainy.",  # the phrase describes the town
                                  "Potem przyjechał do stolicy Rosji."])  # the article names no Moscow
def test_entities_a_capital_phrase_beside_its_town_or_without_it_is_no_mention(nlp, text):
    assert "stolicy" not in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, name", [
    ("Forum powstało w 1991 roku w niemieckim Weimarze.", "Weimar"),  # "niemieckim" tagged as the language
    ("Demonstranci szturmowali konsulat w Meszhedzie.", "Meszhed"),
    ("Jedna z rakiet spadła w nadmorskim Aszdodzie.", "Aszdod"),
    ("Rząd zamknął przejścia w Vaalimaa i Imatrze.", "Vaalimaa"),  # no man's accusative "-a" for a town
    ("Rząd zamknął przejścia w Vaalimaa i Imatrze.", "Imatra"),  # coordinated: the locative of "w"; "-tr" no stem
    ("Walki toczą się w Chartumie, stolicy Sudanu, i sąsiednim Omdurmanie.", "Omdurman"),  # past the apposition
    ("W niedzielę do Adany przyleciał szef greckiej dyplomacji.", "Adana"),  # "do" beside a verb of travel
    ("Premier został postrzelony w Handlovej w środkowej Słowacji.", "Handlová"),  # a Slovak "-ová", no adjective
    ("Zatrzymany to mężczyzna z Levic.", "Levice"),  # a plural town's genitive
])
def test_entities_a_lone_foreign_word_after_w_past_adjectives_is_a_town(nlp, text, name):
    assert (name, "City") in entities(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Protesty wybuchły w Nur-Sułtanie.", "Nur-Sułtan"),  # the capital's name in January 2022
    ("Biden przyleciał do New Delhi.", "New Delhi"),
    ("Premier przyleciał do Nowego Delhi.", "Nowe Delhi"),
])
def test_entities_a_towns_other_name_is_kept_as_the_text_names_it(nlp, text, name):
    assert (name, "City") in entities(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Franciszek poleciał do Ur, starożytnego miasta w Iraku.", "Ur"),  # no plural of the surname Ura
    ("Później odwiedził Karakosz, największe chrześcijańskie miasto regionu.", "Karakosz"),  # no surname's "-osz"
    ("Prezydent odwiedził obóz w Bruzgach.", "Bruzgi"),  # a plural's locative
    ("Politycy pojechali do Irpienia pod Kijowem.", "Irpień"),  # a town's "-nia", no Antonio's
    ("W albańskim porcie Shëngjin ma działać punkt.", "Shëngjin"),  # a town's kind, though "-in" ends surnames
    ("Bojownicy zajęli największe syryjskie miasta: Aleppo, Hamę i Hims.", "Hama"),  # listed after "miasta:"
    ("Bojownicy zajęli największe syryjskie miasta: Aleppo, Hamę i Hims.", "Hims"),
])
def test_entities_a_town_the_text_calls_one_is_a_town_in_the_nominative(nlp, text, name):
    assert (name, "City") in entities(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Japońskie koncerny Nippon Steel i Mitsubishi Heavy Industries odmówiły.",
     {("Nippon Steel", "Company"), ("Mitsubishi Heavy Industries", "Company")}),  # "Steel" is also a surname
    ("Lider Demokratycznej Partii Korei Lee Jae-myung skrytykował rząd.",
     {("Demokratyczna Partia Korei", "PoliticalParty"), ("Lee Jae-myung", "Person")}),
    ("Przemawiał na Uniwersytecie Sun Jat-sena.", {("Uniwersytet Sun Jat-sena", "Organization")}),  # named after him
    ("Przewieziono go do więzienia La Roca, podał dziennik „El Universo”.",
     {("La Roca", "Location"), ("El Universo", "MediaOrganization")}),  # a Romance article, no particle of a name
    ("Ukraina liczy na Pokojową Nagrodę Nobla.", {("Ukraina", "Country")}),  # an award is no entity
    ("Deklarację podpisali Ilham Alijew i Nikol Paszynian.",
     {("Ilham Alijew", "Person"), ("Nikol Paszynian", "Person")}),  # "nikol" is a prism, "-ian" a surname's
    ("Podpisano Memorandum Bensberskie.", set()),  # "-skie" is an adjective's, no surname's
    ("Prezydent Korei Południowej Yoon Suk Yeol przyleciał. Rząd Yoona ogłosił plan.",
     {("Korea Południowa", "Country"), ("Yoon Suk Yeol", "Person")}),  # "Rząd" opening a sentence
])
def test_entities_names_beside_common_words_get_the_class_the_words_give(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_a_place_noun_in_a_role_is_no_part_of_the_holders_name(nlp):
    assert entities(nlp, "Był tam zastępca sekretarza stanu James Steinberg.") == {("James Steinberg", "Person")}


def test_entities_a_bodys_other_name_ending_a_foreign_persons_name_is_her_surname(nlp):
    found = entities(nlp, "Porozumienie podpisała szefowa dyplomacji DRK Thérèse Kayikwamba Wagner.")
    assert ("Thérèse Kayikwamba Wagner", "Person") in found and not [n for n, _ in found if "Wagnera" in n]
    assert ("Grupa Wagnera", "Organization") in entities(nlp, "Najemnicy Wagnera walczą w Mali.")


@pytest.mark.parametrize("text, body, person", [
    ("Przewodniczący Izby Gmin Anthony Rota wskazał gościa.", "Izba Gmin", "Anthony Rota"),
    ("Przyjechał przywódca Frontu Polisario Brahim Ghali.", "Front Polisario", "Brahim Ghali"),
    ("Fatah wydał oświadczenie. Przyjechał wiceprzewodniczący Fatahu Mahmud al-Alul.", "Fatah", "Mahmud al-Alul"),
    ("Rozmawiał z przewodniczącym Ogólnochińskiego Zgromadzenia Przedstawicieli Ludowych Zhao Leji.",
     "Ogólnochińskie Zgromadzenie Przedstawicieli Ludowych", "Zhao Leji"),  # a family name written first
    ("Rozmawiał z sekretarzem generalnym Komunistycznej Partii Wietnamu To Lamem.",
     "Komunistyczna Partia Wietnamu", "To Lam"),  # before a word Morfeusz knows as a surname
])
def test_entities_a_foreign_first_name_after_a_role_and_its_body_opens_the_holders_name(nlp, text, body, person):
    found = entities(nlp, text)
    assert (person, "Person") in found and body in {name for name, _ in found}


def test_entities_a_foreign_first_name_is_no_family_name_of_another_person(nlp):
    found = entities(nlp, "Przyjechał Mahmud al-Alul. Kac zarzucił prezydentowi Autonomii Palestyńskiej Mahmudowi Abbasowi kłamstwo.")
    assert {("Mahmud al-Alul", "Person"), ("Mahmud Abbas", "Person")} <= found


def test_entities_a_name_its_initials_abbreviate_is_an_organisations(nlp):
    doc = nlp("Francuski koncern Électricité de France (EDF) zbuduje elektrownię. EDF ma doświadczenie.")
    assert {(e.text, e.kb_id_, e.label_) for e in doc.ents} >= {
        ("Électricité de France", "Électricité de France", "Organization"), ("EDF", "Électricité de France", "Organization")}


def test_entities_do_before_a_verb_of_travel_opens_no_vietnamese_name(nlp):
    found = entities(nlp, "Do Belém przyjechali prezydent Kolumbii Gustavo Petro i prezydent Boliwii Luis Arce.")
    assert ("Belém", "City") in found and not [n for n, _ in found if n.startswith("Do ")]


def test_entities_a_persons_surname_after_a_places_name_is_no_part_of_it(nlp):
    found = entities(nlp, "Prezydent Joe Biden przyleciał do Dżuddy. W Pałacu Al-Salam Biden spotkał się z królem.")
    assert {("Pałac Al-Salam", "Location"), ("Joe Biden", "Person")} <= found


@pytest.mark.parametrize("text, name", [
    ("Papież odprawił mszę na placu Suchbaatara w Ułan Bator.", "plac Suchbaatara"),
    ("Demonstranci zebrali się na alei Rustawelego w Tbilisi.", "aleja Rustawelego"),
    ("Protest odbył się na placu Łukiskim.", "plac Łukiski"),  # an adjective agreeing with the noun
    ("Papież odprawił mszę na placu Świętego Piotra.", "plac Świętego Piotra"),  # one agreeing with a saint's name
    ("Kanclerz zwiedził słynny plac Registan w Samarkandzie.", "Registan"),  # in apposition, no genitive
])
def test_entities_a_square_or_street_named_after_a_person_keeps_its_noun(nlp, text, name):
    assert (name, "Location") in entities(nlp, text)


def test_entities_a_genitive_before_a_places_own_name_is_its_owner(nlp):
    found = entities(nlp, "Donald Trump mówił. Justin Trudeau poleciał do rezydencji Trumpa Mar-a-Lago na Florydzie.")
    assert ("Mar-a-Lago", "Location") in found and not [name for name, _ in found if "rezydencja" in name]


def test_entities_a_name_joined_by_a_hyphen_to_a_known_name_takes_it_in(nlp):
    assert ("Rada NATO-Ukraina", "Organization") in entities(nlp, "Zełenski wziął udział w posiedzeniu Rady NATO-Ukraina.")


def test_entities_a_body_in_the_title_of_an_organisations_head_is_not_nested(nlp):
    doc = nlp("Rozmowy odbyły się w Kancelarii Prezesa Rady Ministrów w Warszawie.")
    assert "Kancelaria Prezesa Rady Ministrów" in {e.kb_id_ for e in doc.ents}
    assert not doc.spans["gb_nested"]


@pytest.mark.parametrize("text", ["Chiny zbudują ropociąg do Beninu.", "W Beninie odbyły się wybory."])
def test_entities_a_known_place_morfeusz_does_not_know_is_found_inflected(nlp, text):
    assert entities(nlp, text) - {("Chiny", "Country")} == {("Benin", "Country")}


@pytest.mark.parametrize("text, place", [
    ("Izrael zaatakował Strefę Gazy.", "Strefa Gazy"),
    ("Brazylia i Republika Południowej Afryki należą do BRICS.", "Republika Południowej Afryki"),
])
def test_entities_a_place_inside_a_place_name_is_no_entity(nlp, text, place):
    doc = nlp(text)
    assert place in {s.kb_id_ for s in doc.ents}
    assert not doc.spans["gb_nested"]


@pytest.mark.parametrize("country, genitive", [("Polska", "Polski"), ("Stany Zjednoczone", "Stanów Zjednoczonych"),
                                               ("Wielka Brytania", "Wielkiej Brytanii"), ("Niemcy", "Niemiec")])
def test_names_genitive_of_country_names(nlp, country, genitive):
    assert nlp.get_pipe("gb_entities").normaliser.genitive(country) == genitive


def test_entities_abbreviation_in_brackets_names_the_same_entity(nlp):
    doc = nlp("Eksperci Instytutu Spraw Globalnych (ISG) piszą o tym. Szef ISG Jan Kowalski przemawiał.")
    found = [(span.text, span.kb_id_) for span in doc.ents]
    assert found == [("Instytutu Spraw Globalnych", "Instytut Spraw Globalnych"), ("ISG", "Instytut Spraw Globalnych"),
                     ("ISG", "Instytut Spraw Globalnych"), ("Jan Kowalski", "Jan Kowalski")]


@pytest.mark.parametrize("abbreviation, name, expected", [
    ("OBWE", "Organizacja Bezpieczeństwa i Współpracy w Europie", True),
    ("ISG", "Instytut Spraw Globalnych", True),
    ("NATO", "Instytut Spraw Globalnych", False),
    ("I", "Instytut", False),
])
def test_coref_abbreviations_are_initials_in_order(abbreviation, name, expected):
    from graphbuilder.coref import abbreviates

    assert abbreviates(abbreviation, name) is expected


@pytest.mark.parametrize("text, name", [
    ("Rozmawiał z przewodniczącym ChRL Xi Jinpingiem.", "Xi Jinping"),
    ("Minister spraw zagranicznych Niemiec Annalena Baerbock napisała list.", "Annalena Baerbock"),
])
def test_entities_case_of_a_name_comes_from_its_role_noun_past_genitives(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


@pytest.mark.parametrize("text, name, cls", [
    ("Jak podaje The Baltic Times, rozmowy trwały.", "The Baltic Times", "MediaOrganization"),
    ("Kontrakt podpisała firma Northern Gas Holdings.", "Northern Gas Holdings", "Company"),
])
def test_entities_foreign_names_are_classed_by_their_words_not_as_people(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


def test_entities_a_shortened_organisation_name_is_the_full_one_given_before(nlp):
    doc = nlp("Do spotkania doszło przy okazji obrad Zgromadzenia Ogólnego ONZ. "
              "Rozmawiano o debacie generalnej Zgromadzenia Ogólnego.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [
        ("Zgromadzenia Ogólnego ONZ", "Zgromadzenie Ogólne ONZ"),
        ("Zgromadzenia Ogólnego", "Zgromadzenie Ogólne ONZ"),
    ]


def test_entities_a_head_noun_alone_beginning_several_names_is_the_one_named_last_before_it(nlp):
    doc = nlp("Polska przejęła przewodnictwo w Radzie UE. Gościem był przewodniczący Rady Europejskiej António "
              "Costa. Polska będzie kierować pracami Rady do końca czerwca.")
    assert ("Rady", "Rada Europejska") in [(e.text, e.kb_id_) for e in doc.ents]


@pytest.mark.parametrize("text, name", [
    ("Wczoraj Erdogan dodał, że Szwecja nie spełnia warunków.", "Erdogan"),
    ("Do Kijowa przyjechał Blinken.", "Blinken"),
])
def test_entities_the_ner_names_a_person_the_rules_cannot_classify(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


def test_entities_the_ner_does_not_add_organisations_or_places(nlp):
    doc = nlp("Według Zachodu sankcje działają.")
    assert predicted_entities(doc, [doc[1:2]]) == {(1, 2): "orgName"}  # "the West" is no organisation
    assert not doc.ents


def test_nkjp_ner_runs_on_the_sentences_asked_for_and_leaves_the_documents_entities_alone(nlp):
    doc = nlp("Wczoraj Erdogan przyjechał do Ankary. Do Kijowa przyjechał Blinken.")
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    predicted = predicted_entities(doc, [doc[9:10]])
    assert predicted[(9, 10)] == "persName" and all(start > 5 for start, _ in predicted)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_sentence_initial_common_noun_before_a_country_is_not_a_name(nlp):
    doc = nlp("Wojska Rosji zaatakowały Kijów.\nRząd Ukrainy zebrał się w nocy.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Rosji", "Rosja"), ("Kijów", "Kijów"), ("Ukrainy", "Ukraina")]


SEVEN_CASES = ("mianownik", "dopełniacz", "celownik", "biernik", "narzędnik", "miejscownik", "wołacz")
CASE_FRAMES = ("{} przyjechał wczoraj.", "Nie było wczoraj {}.", "Przyglądano się {} z uwagą.",
               "Wszyscy widzieli {} na spotkaniu.", "Rozmawiano z {} długo.", "Mówiono o {} długo.", "Witaj, {}!")


@pytest.mark.parametrize("name, cls, forms", [
    ("Władimir Putin", "Person", ("Władimir Putin", "Władimira Putina", "Władimirowi Putinowi", "Władimira Putina",
                                  "Władimirem Putinem", "Władimirze Putinie", "Władimirze Putinie")),
    ("Rustem Umerow", "Person", ("Rustem Umerow", "Rustema Umerowa", "Rustemowi Umerowowi", "Rustema Umerowa",
                                 "Rustemem Umerowem", "Rustemie Umerowie", "Rustemie Umerowie")),
    ("Kasym-Żomart Tokajew", "Person", (
        "Kasym-Żomart Tokajew", "Kasym-Żomarta Tokajewa", "Kasym-Żomartowi Tokajewowi", "Kasym-Żomarta Tokajewa",
        "Kasym-Żomartem Tokajewem", "Kasym-Żomarcie Tokajewie", "Kasym-Żomarcie Tokajewie")),
    ("Kazachstan", "Country", ("Kazachstan", "Kazachstanu", "Kazachstanowi", "Kazachstan", "Kazachstanem",
                               "Kazachstanie", "Kazachstanie")),
    ("Instytut Spraw Globalnych", "Organization", (
        "Instytut Spraw Globalnych", "Instytutu Spraw Globalnych", "Instytutowi Spraw Globalnych",
        "Instytut Spraw Globalnych", "Instytutem Spraw Globalnych", "Instytucie Spraw Globalnych",
        "Instytucie Spraw Globalnych")),
    ("Unia Europejska", "InternationalOrganization", (
        "Unia Europejska", "Unii Europejskiej", "Unii Europejskiej", "Unię Europejską", "Unią Europejską",
        "Unii Europejskiej", "Unio Europejska")),
], ids=["known person", "unknown foreign person", "hyphenated unknown person", "country",
        "unknown multi-word organisation", "multi-word organisation"])
@pytest.mark.parametrize("case", range(7), ids=SEVEN_CASES)
def test_entities_every_case_of_a_name_gives_one_nominative(nlp, monkeypatch, name, cls, forms, case):
    _fake_ner(monkeypatch, {})  # the rules alone, whatever NER model is shipped
    assert entities(nlp, CASE_FRAMES[case].format(forms[case])) == {(name, cls)}


@pytest.mark.parametrize("text", [
    "Spotkanie z ministrem Umerowem trwało godzinę.", "Wizyta ministra Umerowa trwała godzinę.",
    "Podziękował ministrowi Umerowowi.", "Mówiono o ministrze Umerowie.", "Spotkał się z Umerowem.",
])
def test_entities_an_unknown_foreign_surname_after_its_ending_is_cut(nlp, text):
    assert entities(nlp, text) == {("Umerow", "Person")}


@pytest.mark.parametrize("text, name, label", [
    ("Szef chińskiej dyplomacji Wang Yi spotkał się z ministrem.", "Wang Yi", "placeName"),
    ("Poinformował ukraiński minister spraw wewnętrznych Ihor Kłymenko.", "Ihor Kłymenko", "orgName"),
])
def test_entities_a_name_that_does_not_inflect_after_a_role_noun_is_a_person(nlp, monkeypatch, text, name, label):
    """Whatever the NER says: "Yi" and "Kłymenko" have no ending, so they fit the role's case."""
    _fake_ner(monkeypatch, {tuple(name.split()): label})
    assert (name, "Person") in entities(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Minister mówił w rozmowie z telewizją TRT.", ("TRT", "MediaOrganization")),
    ("Szwedzki koncern Saab rozważa budowę zakładu.", ("Saab", "Company")),
    ("Rząd Donalda Tuska przyjął projekt.", ("Donald Tusk", "Person")),
    ("Partia Jarosława Kaczyńskiego straciła poparcie.", ("Jarosław Kaczyński", "Person")),
    ("Koncern Northvolt Ett ogłosił upadłość.", ("Northvolt Ett", "Company")),  # first in the sentence
    ("Uniwersytet Harvarda ogłosił wyniki.", ("Uniwersytet Harvarda", "Organization")),  # a genitive: one name
])
def test_entities_a_kind_noun_before_a_name_classes_it_but_is_not_part_of_it(nlp, text, expected):
    assert entities(nlp, text) == {expected}


def test_entities_the_first_part_of_an_unknown_hyphenated_name_does_not_inflect(nlp):
    assert entities(nlp, "Rozmawiano z Kasym-Żomartem Tokajewem.") == {("Kasym-Żomart Tokajew", "Person")}


@pytest.mark.parametrize("text", [
    "Rozmawiano z Kasymem-Żomartem Tokajewem.", "Wizyta Kasyma-Żomarta Tokajewa trwała dwa dni.",
    "Podziękował Kasymowi-Żomartowi Tokajewowi."])
def test_entities_both_parts_of_a_hyphenated_first_name_may_inflect_alike(nlp, text):
    assert entities(nlp, text) == {("Kasym-Żomart Tokajew", "Person")}


@pytest.mark.parametrize("text, expected", [
    ("Spotkał się z Jean-Claude'em Junckerem.", "Jean-Claude Juncker"),
    ("Sąd skazał Władimira Kara-Murzę.", "Władimir Kara-Murza"),
    ("Wizyta Hansa-Dietricha Genschera trwała dzień.", "Hans-Dietrich Genscher")])
def test_entities_a_hyphenated_names_first_part_keeps_an_ending_its_last_part_lacks(nlp, text, expected):
    assert entities(nlp, text) == {(expected, "Person")}


def test_entities_a_full_name_with_its_abbreviation_is_an_organisation_the_abbreviation_names(nlp):
    doc = nlp("Ekspert Centrum Studiów Wschodnich (CSW) ocenił sytuację. Raport CSW ukazał się wczoraj.")
    assert [(e.text, e.kb_id_, e.label_) for e in doc.ents] == [
        ("Centrum Studiów Wschodnich", "Centrum Studiów Wschodnich", "Organization"),
        ("CSW", "Centrum Studiów Wschodnich", "Organization"), ("CSW", "Centrum Studiów Wschodnich", "Organization")]


@pytest.mark.parametrize("text, expected", [
    ("W XIX wieku miasto rosło.", set()),
    ("Papież Jan Paweł II odwiedził Kraków.", {("Jan Paweł II", "Person"), ("Kraków", "City")}),
    ("JAKIM KRAJEM BĘDZIEMY ZA KILKANAŚCIE LAT?", set()),
])
def test_entities_roman_numerals_and_words_in_capitals_are_not_acronyms(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_nationality_adjectives_inside_a_sentence_point_to_their_country(nlp):
    doc = nlp("Spotkał się z rosyjskim ministrem, o czym piszą kazachskie media.")
    assert [t._.refers_to for t in doc if t._.refers_to] == [("Country", "Rosja"), ("Country", "Kazachstan")]


@pytest.mark.parametrize("text, name", [
    ("Jak powiedział nam Z. Skowroński, rozmowy trwają.", "Z. Skowroński"),
    ("Zatrzymano Jakuba B. i jego kolegę.", "Jakub B."),
])
def test_entities_initials_belong_to_the_name(nlp, text, name):
    assert entities(nlp, text) == {(name, "Person")}


def test_entities_an_initial_and_surname_is_the_full_name_of_the_article(nlp):
    doc = nlp("Władimir Putin przybył do Astany. Tam W. Putin spotkał się z prezydentem.")
    assert [e.kb_id_ for e in doc.ents if e.label_ == "Person"] == ["Władimir Putin", "Władimir Putin"]


def test_entities_a_place_noun_before_an_unknown_name_is_part_of_it(nlp):
    assert ("ulica Dworcowa", "Location") in entities(nlp, "Latarnie stoją przy ulicy Dworcowej w Goleniowie.")


@pytest.mark.parametrize("text", ["- Ale ja nie wiem - powiedział.", "2. Zgodę wydaje wojewoda.",
                                  "Powiedział: Dobre prognozy są trudne."])
def test_entities_a_capital_after_a_dialogue_dash_a_list_number_or_a_colon_is_positional(nlp, text):
    assert entities(nlp, text) == set()


def _fake_ner(monkeypatch, labels: dict[tuple[str, ...], str]) -> None:
    """The NER, replaced: it finds the given word sequences with the given labels."""
    def predicted(doc, _within):
        words = [t.text for t in doc]
        found = {}
        for phrase, label in labels.items():
            for start in range(len(words) - len(phrase) + 1):
                if tuple(words[start:start + len(phrase)]) == phrase:
                    found[(start, start + len(phrase))] = label
        return found
    monkeypatch.setattr("graphbuilder.nkjp.predicted_entities", predicted)


def test_entities_take_the_ners_places_and_organisations_where_spelling_makes_a_name(nlp, monkeypatch):
    _fake_ner(monkeypatch, {("Goleniowa",): "placeName", ("Zachodu",): "orgName", ("Sojuszu",): "orgName",
                                ("Fundacji", "Wolności"): "orgName"})
    found = entities(nlp, "Radni z Goleniowa rozmawiali z Fundacji Wolności przedstawicielami Zachodu i Sojuszu.")
    assert found == {("Goleniów", "City"), ("Fundacja Wolności", "Organization")}


def test_entities_a_ner_span_loses_a_word_capitalised_by_position(nlp, monkeypatch):
    _fake_ner(monkeypatch, {("Wizyta", "Blinkena"): "persName"})
    doc = nlp("Wizyta Blinkena trwała dwa dni.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Blinkena", "Person")]


@pytest.mark.parametrize("text, expected", [
    ("Marek Kowalski powiedział, że nie.", {("Marek Kowalski", "Person")}),
    ("Krytykowali go posłowie: Marek Jurek i Marcin Libicki.", {("Marek Jurek", "Person"), ("Marcin Libicki", "Person")}),
    ("Ale Kowalski przyszedł.", {("Kowalski", "Person")}),
])
def test_entities_a_first_name_that_is_also_a_common_word_opens_a_sentence(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, name, cls", [
    ("Dyrektor Wyższej Szkoły Ekonomicznej przemawiał.", "Wyższa Szkoła Ekonomiczna", "Organization"),
    ("Prezes Polskiego Stowarzyszenia Budowniczych Rurociągów ostrzega.",
     "Polskie Stowarzyszenie Budowniczych Rurociągów", "Organization"),
])
def test_entities_the_head_noun_after_adjectives_classes_a_name(nlp, text, name, cls):
    assert (name, cls) in entities(nlp, text)


def test_entities_the_ner_names_no_person_of_common_words(nlp, monkeypatch):
    _fake_ner(monkeypatch, {("Izby", "Handlowej"): "persName"})
    assert entities(nlp, "Spotkali się przedstawiciele Izby Handlowej.") == {("Izba Handlowa", "GovernmentOrganization")}


@pytest.mark.parametrize("text, expected", [
    ("Rząd chce zakazać sprzedaży.", set()),
    ("Mieszkańcy pamiętają, że po II wojnie Piotr II wyjechał.", {("Piotr II", "Person")}),
])
def test_entities_a_lone_head_noun_or_numeral_is_no_name(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, name", [
    ("Minister spraw zagranicznych Litwy Kęstutis Budrys zapowiedział wizytę.", "Kęstutis Budrys"),
    ("Rozmawiał z ministrem obrony Japonii Gen Nakatanim.", "Gen Nakatani"),
])
def test_entities_a_foreign_name_with_a_polish_common_word_in_it_is_a_person(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Widzieli Annalenę Baerbock.", "Annalena Baerbock"), ("Rozmawiano z Annaleną Baerbock.", "Annalena Baerbock"),
    ("Spotkał się z prezydent Mołdawii Maią Sandu.", "Maia Sandu"), ("Rozmawiał z Fumio Kishidą.", "Fumio Kishida"),
    ("Podziękował sekretarzowi stanu Blinkenowi.", "Blinken"),
])
def test_entities_an_ending_no_nominative_has_gives_the_case_of_an_unknown_name(nlp, monkeypatch, text, name):
    _fake_ner(monkeypatch, {})
    assert (name, "Person") in entities(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ('Według dziennika "El Pais" napięcie rośnie.', {("El Pais", "MediaOrganization")}),  # "El" is no particle here
    ("Do ataku doszło w pobliżu portu Al-Hudajda.", {("Al-Hudajda", "City")}),  # a port is named after its town
    ("Samolot wylądował na lotnisku Szeremietiewo.", {("Szeremietiewo", "Location")}),
    ("Gaz płynie gazociągiem Transmed do Sycylii.", {("Transmed", "Pipeline"), ("Sycylia", "Location")}),
    ("Xi pojechał do prowincji Guangdong.", {("Guangdong", "Region")}),
    ("Był w stanie Georgia.", {("Georgia", "Region")}),  # "stan" neither joins nor classes a name
    ("Uciekli na Półwysep Synaj.", {("Półwysep Synaj", "Region")}),  # the gazetteer's variant, as written
    ("Lekarze ocenili stan Donalda Tuska.", {("Donald Tusk", "Person")}),
])
def test_entities_a_kind_noun_before_a_quoted_or_unknown_name_gives_its_class(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_inflected_mentions_of_a_company_named_once_in_the_nominative_are_that_company(nlp):
    doc = nlp("Orlen podpisał umowę z Equinorem. Gaz dostarczy norweska firma Equinor. "
              "Podpisał ją szef Equinoru Anders Opedal.")
    assert [(e.text, e.kb_id_, e.label_) for e in doc.ents if e.text != "Orlen"] == [
        ("Equinorem", "Equinor", "Company"), ("Equinor", "Equinor", "Company"),
        ("Equinoru", "Equinor", "Company"), ("Anders Opedal", "Anders Opedal", "Person")]


@pytest.mark.parametrize("text, expected", [
    ("Gaz będzie płynął do Polski.", {("Polska", "Country")}),  # gas, or the Gazas' genitive
    ("Gaza jest zniszczona.", {("Gaza", "City")}),
])
def test_entities_a_sentence_initial_common_noun_is_no_place_morfeusz_knows_only_as_surnames(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Polka Iga Świątek wygrała turniej.", {("Iga Świątek", "Person")}),  # "Polka" is also a surname
    ("Nagrodę otrzymał Rosjanin Dmitrij Muratow.", {("Dmitrij Muratow", "Person")}),
])
def test_entities_a_peoples_noun_is_no_part_of_a_name_but_refers_to_its_country(nlp, text, expected):
    doc = nlp(text)
    assert {(e.kb_id_, e.label_) for e in doc.ents} == expected
    assert doc[0 if text.startswith("Polka") else 2]._.refers_to[0] == "Country"


@pytest.mark.parametrize("text, expected", [
    ("Sekretarz generalny Sojuszu Mark Rutte wezwał sojuszników.", {("Mark Rutte", "Person")}),
    ("Szef Agencji Atomowej Rafael Grossi ostrzegł.", {("Agencja Atomowa", "Organization"), ("Rafael Grossi", "Person")}),
    ("Rektor Uniwersytetu Adama Mickiewicza przemawiał.", {("Uniwersytet Adama Mickiewicza", "Organization")}),
    ("Prezes Polskiego Instytutu Ekonomicznego Piotr Arak ostrzegł.",
     {("Polski Instytut Ekonomiczny", "Organization"), ("Piotr Arak", "Person")}),  # the head past an adjective
])
def test_entities_a_role_holders_name_after_an_organisations_is_not_part_of_it(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_a_patron_after_im_belongs_to_the_organisations_name(nlp):
    assert entities(nlp, "Koncert odbył się w Filharmonii Narodowej im. Witolda Lutosławskiego.") == {
        ("Filharmonia Narodowa im. Witolda Lutosławskiego", "Organization")}


@pytest.mark.parametrize("text, name, label", [
    ("Kasym-Żomart Tokajew przyjął w poniedziałek gości.", "Kasym-Żomart Tokajew", "geogName"),  # a surname's ending
    ("Do Warszawy przyjechał Ararat Mirzojan.", "Ararat Mirzojan", "placeName"),
])
def test_entities_a_name_ending_in_a_surname_is_a_person_whatever_the_ner_says(nlp, monkeypatch, text, name, label):
    _fake_ner(monkeypatch, {tuple(t.text for t in nlp.make_doc(name)): label})
    assert (name, "Person") in entities(nlp, text)


def test_entities_an_unknown_name_coordinated_with_a_persons_is_a_person(nlp, monkeypatch):
    _fake_ner(monkeypatch, {("Andrij", "Sybiha"): "orgName"})
    found = entities(nlp, "Spotkali się Radosław Sikorski i Andrij Sybiha.")
    assert found == {("Radosław Sikorski", "Person"), ("Andrij Sybiha", "Person")}


def test_entities_names_in_a_photo_credit_are_no_entities(nlp):
    text = "Mark Rutte przemawiał w Hadze (fot. Reuters/Piroschka van de Wouw)\n\nFot. PAP/Radek Pietruszka"
    assert entities(nlp, text) == {("Mark Rutte", "Person"), ("Haga", "City")}


@pytest.mark.parametrize("text, name, abbreviation", [
    ("Wygrała Partia na rzecz Wolności (PVV). Choć wybory wygrała PVV, lider nie został premierem.",
     "Partia na rzecz Wolności", "PVV"),
    ("Był szefem Generalnej Służby Wywiadu i Bezpieczeństwa (AIVD).",
     "Generalna Służba Wywiadu i Bezpieczeństwa", "AIVD"),
    ("Xi mówił na szczycie Forum Współpracy Gospodarczej Azji i Pacyfiku (APEC).",
     "Forum Współpracy Gospodarczej Azji i Pacyfiku", "APEC"),
    ("Weszła do niej Nowa Umowa Społeczna (NSC).", "Nowa Umowa Społeczna", "NSC"),
])
def test_entities_a_name_of_common_words_before_a_foreign_acronym_is_the_organisation(nlp, text, name, abbreviation):
    doc = nlp(text)
    assert {(e.text, e.kb_id_) for e in doc.ents if e.text == abbreviation} == {(abbreviation, name)}
    assert any(e.kb_id_ == name and e.text != abbreviation for e in doc.ents)


def test_entities_a_persons_name_before_a_partys_acronym_stays_a_person(nlp):
    assert ("Jan Kowalski", "Person") in entities(nlp, "Głos zabrał poseł Jan Kowalski (PSL).")


def test_entities_organisations_known_by_an_acronym_take_their_full_polish_name(nlp):
    assert ("Stowarzyszenie Narodów Azji Południowo-Wschodniej", "InternationalOrganization") \
        in entities(nlp, "Szczyt ASEAN odbył się w Dżakarcie.")


@pytest.mark.parametrize("text, name", [
    ("Prezydent Korei Południowej Moon Jae-in ocenił umowę.", "Moon Jae-in"),
    ("Minister Lee Chang-yang i Whang Joo-ho podpisali list.", "Whang Joo-ho"),
    ("Whang Joo-ho podpisał list.", "Whang Joo-ho"),
    ("Lai wyprzedził Hou Yu-iha z Kuomintangu i Ko Wen-je z Tajwańskiej Partii Ludowej.", "Ko Wen-je"),
    ("Kandydat Kuomintangu Hou Yu-ih przegrał.", "Hou Yu-ih"),  # not run into the party's name
    ("Duda spotkał się z przewodniczącym parlamentu Woo Won-shikiem.", "Woo Won-shik"),
    ("Lai Ching-te wygrał wybory.", "Lai Ching-te"),  # "Lai", "Ko", "te", "je" Polish reads as words
    ("Swiatłana Cichanouska przyjechała do Wilna.", "Swiatłana Cichanouska"),  # not "Cichanousk"'s genitive
    ("Relacjonował wizytę opozycjonistki Swiatłany Cichanouskiej.", "Swiatłana Cichanouska"),
])
def test_entities_foreign_people_korean_given_names_and_adjectival_surnames(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


def test_entities_airlines_after_their_kind_noun_are_companies_and_model_codes_no_entities(nlp):
    found = entities(nlp, "Samolot linii Ryanair miał reaktory AP1000. Szef Ryanaira protestował.")
    assert found == {("Ryanair", "Company")}


@pytest.mark.parametrize("text, name", [
    ("Spółka Polskie Górnictwo Naftowe i Gazownictwo (PGNiG) podpisała umowę. PGNiG zyska.",
     "Polskie Górnictwo Naftowe i Gazownictwo"),  # an acronym with a lower-case "i"
    ("Rosja zażądała posiedzenia Rady Bezpieczeństwa Organizacji Narodów Zjednoczonych (ONZ).",
     "Rada Bezpieczeństwa ONZ"),
])
def test_entities_full_names_and_mixed_case_acronyms_name_one_organisation(nlp, text, name):
    doc = nlp(text)
    assert name in {e.kb_id_ for e in doc.ents}
    assert all(e.kb_id_ == name for e in doc.ents if e.text in ("PGNiG", "Rady Bezpieczeństwa"))


def test_entities_arabic_particles_inside_a_name_do_not_inflect_even_capitalised(nlp):
    assert ("Tamim ibn Hamad Al Sani", "Person") in entities(nlp, "Rozmawiał z Tamimem ibn Hamadem Al Sanim.")


def test_entities_a_town_that_is_also_a_first_name_before_a_surname_is_the_person(nlp):
    assert entities(nlp, "Zatrzymali jego partnerkę, studentkę Sofię Sapiegę.") == {("Sofia Sapiega", "Person")}
    assert ("Sofia", "City") in entities(nlp, "Samolot leciał do Sofii. W Sofii Bułgarzy protestowali.")


@pytest.mark.parametrize("text, name", [
    ("Szefem holenderskiej dyplomacji został Caspar Veldkamp.", "Caspar Veldkamp"),  # a role noun before the copula
    ("Australijski minister handlu Simon Birmingham zapowiedział obronę.", "Simon Birmingham"),  # a town as surname
    ("Rozmawiał z Simonem Birminghamem.", "Simon Birmingham"),
])
def test_entities_role_nouns_and_first_names_make_unknown_names_people(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)
    assert not any(cls == "City" for _, cls in entities(nlp, text))


@pytest.mark.parametrize("text, second, names", [
    ("Przywódca Chin Xi Jinping przyjął Emmanuela Macrona. Według Macrona Xi zadeklarował gotowość.",
     [("Macrona", "Emmanuel Macron"), ("Xi", "Xi Jinping")], {"Chiny", "Xi Jinping", "Emmanuel Macron"}),
    ("Ursula von der Leyen przyjechała z Xi Jinpingiem. Według von der Leyen Xi zadeklarował gotowość.",
     [("Leyen", "Ursula von der Leyen"), ("Xi", "Xi Jinping")], {"Ursula von der Leyen", "Xi Jinping"}),
])
def test_entities_two_known_people_side_by_side_are_two_mentions(nlp, text, second, names):
    doc = nlp(text)
    second_sentence = list(doc.sents)[1]
    assert [(e.text, e.kb_id_) for e in doc.ents if e.start >= second_sentence.start] == second
    assert {e.kb_id_ for e in doc.ents} == names


def test_entities_an_unknown_word_between_the_head_noun_of_a_body_and_a_name_is_the_body(nlp):
    found = entities(nlp, "Prezes Eni Claudio Descalzi oraz szef Sonatrachu Toufik Hakkar podpisali memoranda. "
                          "Eni i Sonatrach zarządzają gazociągiem.")
    assert found == {("Eni", "Company"), ("Claudio Descalzi", "Person"), ("Sonatrach", "Company"),
                     ("Toufik Hakkar", "Person")}


@pytest.mark.parametrize("text, name", [
    ("Przyjechał Mario Draghi.", "Mario Draghi"),  # "Mario" is no vocative of Maria in news
    ("Spotkał się z Mario Draghim.", "Mario Draghi"),
    ("Oskarżył Milana Radoičicia.", "Milan Radoičić"),  # -ić: the soft ć is "ci" before an ending
    ("Rozmawiał z Aleksandarem Vučiciem.", "Aleksandar Vučić"),
])
def test_entities_italian_first_names_and_balkan_surnames_in_the_nominative(nlp, text, name):
    assert (name, "Person") in entities(nlp, text)


def test_entities_a_kind_noun_classes_a_name_past_adjectives(nlp):
    assert ("EDF", "Company") in entities(nlp, "Towarzyszyli mu szefowie francuskiego koncernu energetycznego EDF.")
    assert ("Ingosstrach", "Company") in entities(nlp, "Sankcje objęły rosyjskie firmy ubezpieczeniowe Ingosstrach.")


@pytest.mark.parametrize("text, expected", [
    ("W Drawsku Pomorskim powstanie ośrodek.", ("Drawsko Pomorskie", "City")),  # the head's locative, not its dative
    ("Statki płyną wokół Przylądka Dobrej Nadziei.", ("Przylądek Dobrej Nadziei", "Location")),
    ("Zatrzymali studentkę Sofię Sapiegę. Zażądali uwolnienia Sapiegi.", ("Sofia Sapiega", "Person")),
])
def test_entities_place_names_agree_with_their_head_and_women_surnames_corefer(nlp, text, expected):
    assert entities(nlp, text) >= {expected} and all(cls != "Organization" for _, cls in entities(nlp, text))


def test_entities_model_codes_hyphened_to_a_number_are_no_entities(nlp):
    assert entities(nlp, "Eskadra bezzałogowców MQ-9 Reaper i systemy S-400 trafią do Polski.") == {("Polska", "Country")}


def test_entities_an_acronym_after_a_head_noun_belongs_to_the_body_and_the_name_after_is_a_person(nlp):
    assert entities(nlp, "Przewodniczący Komisji ECOWAS Omar Alieu Touray zapewnił, że organizacja liczy na rozwiązanie.") \
        == {("Komisja ECOWAS", "Organization"), ("Omar Alieu Touray", "Person")}


def test_entities_a_name_after_a_role_noun_and_a_kind_noun_is_the_head_not_the_firm(nlp):
    assert entities(nlp, "Umowę podpisał prezes europejskiego koncernu Guillaume Faury.") == {("Guillaume Faury", "Person")}
    assert entities(nlp, "Szef koncernu Saab zapowiedział inwestycje.") == {("Saab", "Company")}


def test_entities_the_first_part_of_a_compound_nationality_adjective_points_to_its_country(nlp):
    doc = nlp("Podpisali polsko-amerykańską deklarację.")
    assert [(t.text, t._.refers_to) for t in doc if t._.refers_to] == [
        ("polsko", ("Country", "Polska")), ("amerykańską", ("Country", "Stany Zjednoczone"))]
    assert not doc.ents


def test_entities_a_foreign_surname_in_e_takes_the_nominative_the_article_gives(nlp):
    found = entities(nlp, "Rutte odchodzi do NATO. Schoof zastąpił Marka Ruttego, wieloletniego lidera VVD.")
    assert {name for name, cls in found if cls == "Person"} >= {"Mark Rutte"}
    assert not any("Rutti" in name for name, _ in found)


def test_entities_the_palestinian_authority_is_a_governing_body_not_the_state(nlp):
    assert ("Autonomia Palestyńska", "GovernmentOrganization") in entities(
        nlp, "Rozmawiał z prezydentem Autonomii Palestyńskiej Mahmudem Abbasem.")


def test_entities_a_palace_names_a_place_and_dutch_ten_joins_a_name(nlp):
    assert ("Huis ten Bosch", "Location") in entities(nlp, "Król zaprzysiągł rząd w pałacu Huis ten Bosch w Hadze.")
    assert entities(nlp, "Kupił ten dom od Jana Kowalskiego.") == {("Jan Kowalski", "Person")}


@pytest.mark.parametrize("text, expected", [
    ("Do eskalacji doszło w wiosce Banjska.", {("Banjska", "City")}),
    ("Samoloty uderzyły w portowym mieście Al-Hudajda.", {("Al-Hudajda", "City")}),
    ("Myśliwce wystartowały z bazy Akrotiri na Cyprze.", {("Akrotiri", "Location"), ("Cypr", "Country")}),
    ("Umowę zawarł algierski państwowy gigant Sonatrach.", {("Sonatrach", "Company")}),
])
def test_entities_kind_nouns_of_towns_bases_and_giants(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_a_region_inside_an_organisations_name_is_no_entity_of_its_own(nlp):
    doc = nlp("Xi mówił na szczycie Forum Współpracy Gospodarczej Azji i Pacyfiku (APEC).")
    assert {e.kb_id_ for e in doc.spans["gb_nested"]} == set()


def test_entities_a_known_body_followed_by_i_and_a_capitalised_genitive_is_a_longer_name(nlp):
    """The gazetteer's "Rada Bezpieczeństwa Narodowego" is the start of Ukraine's council; the
    secretary named after it in the role's case is a person of his own."""
    found = entities(nlp, "Rozmawiał z sekretarzem Rady Bezpieczeństwa Narodowego i Obrony Ukrainy Rustemem Umierowem.")
    assert ("Rada Bezpieczeństwa Narodowego i Obrony Ukrainy", "Organization") in found
    assert ("Rustem Umierow", "Person") in found
    assert {name for name, _ in entities(nlp, "Sojusz współpracuje z NATO i Unią Europejską.")} \
        == {"NATO", "Unia Europejska"}


@pytest.mark.parametrize("text", ["Polski minister rozmawiał z nim.", "Polskie władze protestują."])
def test_entities_a_sentence_initial_nationality_adjective_before_its_noun_is_no_country(nlp, text):
    assert entities(nlp, text) == set()


def test_entities_companies_after_a_plural_kind_noun_and_foreign_words_for_firms(nlp):
    found = entities(nlp, "USA nałożyły sankcje na rosyjskie koncerny naftowe Gazprom Nieft i Surgutnieftiegaz. "
                          "Waszyngton objął restrykcjami Gazprombank.")
    assert {("Gazprom Nieft", "Company"), ("Surgutnieftiegaz", "Company"), ("Gazprombank", "Company")} <= found
    assert ("Gazprom", "Company") not in found


def test_entities_a_department_names_a_government_body_with_its_country(nlp):
    assert ("Departament Skarbu Stanów Zjednoczonych", "GovernmentOrganization") in entities(
        nlp, "Według Departamentu Skarbu Stanów Zjednoczonych sankcje są skuteczne.")


@pytest.mark.parametrize("text, name, cls", [
    ("Unia dobiła targu z Mercosurem.", "Mercosur", "InternationalOrganization"),
    ("Spotkał się z prezydentem Argentyny Javierem Mileiem.", "Javier Milei", "Person"),
    ("Oświadczyła to francuska minister ds. handlu zagranicznego Sophie Primas.", "Sophie Primas", "Person"),
])
def test_entities_inflected_unknown_names_of_blocs_and_people_after_a_vowel_or_ds(nlp, text, name, cls):
    """A known bloc Morfeusz does not know takes case endings ("Mercosurem"); "-iem" after a
    vowel is "-em" ("Mileiem"); "ds." is inside the role's complement, so "Sophie" is the
    nominative of the role noun's apposition, not a dative of "Sopha"."""
    assert (name, cls) in entities(nlp, text)


def test_entities_a_party_named_after_a_kind_noun_in_an_apposition_and_spanish_genitives(nlp):
    found = entities(nlp, "Kandydatem został w zastępstwie Maríi Coriny Machado, przywódczyni partii Vente Venezuela.")
    assert found == {("María Corina Machado", "Person"), ("Vente Venezuela", "PoliticalParty")}


def test_entities_a_person_after_a_role_with_a_long_complement(nlp):
    assert ("Samantha Power", "Person") in entities(
        nlp, "Do Erywania przyleciała szefowa amerykańskiej agencji pomocy rozwojowej USAID Samantha Power.")


@pytest.mark.parametrize("text, name, cls", [
    ("Walki toczą się w Omdurmanie.", "Omdurman", "City"),
    ("Deklarację podpisano w saudyjskiej Dżuddzie.", "Dżudda", "City"),
    ("Jednostki miały powstawać w australijskiej Adelajdzie.", "Adelajda", "City"),
    ("Łodzie wypłynęły z okolic tunezyjskiego Sfaksu.", "Sfaks", "City"),  # a thing's genitive "-u"
    ("Obaj urodzili się w tym samym mieście – irańskim Mahabadzie.", "Mahabad", "City"),  # the adjective's case
    ("Władze w Niamej zacieśniają relacje z Rosją.", "Niamej", "City"),
    ("Rubio przebywał w tureckiej Antalyi.", "Antalya", "City"),  # "-yi" of a name in "-ya"
    ("Na placu maszerowali żołnierze Armii Ludowo-Wyzwoleńczej.", "Armia Ludowo-Wyzwoleńcza", "Organization"),
    ("Przedstawiciele Sił Szybkiego Wsparcia podpisali deklarację.", "Siły Szybkiego Wsparcia", "Organization"),
    ("Le Drian mówił w telewizji France 2 o kłamstwie.", "France 2", "MediaOrganization"),
    ("Uszkodzono podmorski kabel energetyczny Estlink 2.", "Estlink 2", "Pipeline"),
])
def test_entities_foreign_towns_in_oblique_cases_plural_bodies_and_numbered_names(nlp, text, name, cls):
    """A town Morfeusz does not know takes the nominative its preposition's case allows (a
    feminine adjective picks the feminine; "-ej" is no noun's ending); a body named in the
    plural keeps it; a number after a kind noun's name is part of it."""
    assert (name, cls) in entities(nlp, text)


def test_entities_two_people_sharing_a_first_name_keep_their_own_names(nlp):
    """A first name two people of the article share names neither alone, so "Masudem
    Barzanim" is Masud Barzani, not "Masud" run into another Barzani's surname."""
    doc = nlp("Prezydent Iranu Masud Pezeszkian przyleciał do Erbilu. Powitał go prezydent regionu Neczirwan "
              "Barzani. Pezeszkian spotkał się także z Masudem Barzanim. Masud Barzani mówił o przyjaźni.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Person" and e.text[0].isupper()] == [
        ("Masud Pezeszkian", "Masud Pezeszkian"), ("Neczirwan Barzani", "Neczirwan Barzani"),
        ("Pezeszkian", "Masud Pezeszkian"), ("Masudem Barzanim", "Masud Barzani"), ("Masud Barzani", "Masud Barzani")]


@pytest.mark.parametrize("text, person", [
    ("Papież pozdrowił kardynała Johna Tonga.", "John Tong"),
    ("Pomnik Jerzego Waszyngtona stoi w parku.", "Jerzy Waszyngton"),
])
def test_entities_a_places_name_after_a_first_name_is_a_surname(nlp, text, person):
    found = entities(nlp, text)
    assert (person, "Person") in found and not [n for n, cls in found if cls in {"Country", "City"}]


def test_entities_a_headlines_tail_of_a_full_name_is_that_person(nlp):
    doc = nlp("Xi Jinping i Lula da Silva u boku Putina\n\nPrezydent Brazylii Luiz Inácio Lula da Silva przyleciał.")
    assert {e.kb_id_ for e in doc.ents if e.label_ == "Person" and "Lula" in e.text} == {"Luiz Inácio Lula da Silva"}


def test_entities_a_name_without_its_generation_suffix_is_the_fathers(nlp):
    doc = nlp("Prezydent USA Donald Trump mówił o Grenlandii. Do Nuuk przyleciał jego syn Donald Trump Jr.")
    assert [e.kb_id_ for e in doc.ents if e.label_ == "Person"] == ["Donald Trump", "Donald Trump Jr."]


@pytest.mark.parametrize("text, mention, name", [
    ("Szefem dyplomacji jest Jean-Yves Le Drian. W sobotę Le Drian mówił o kłamstwie.", "Le Drian", "Jean-Yves Le Drian"),
    ("Armią dowodzi Abdel Fattah al-Burhan. Dagalo był zastępcą Burhana.", "Burhana", "Abdel Fattah al-Burhan"),
])
def test_entities_a_surname_with_a_particle_is_the_full_name(nlp, text, mention, name):
    doc = nlp(text)
    assert [e.kb_id_ for e in doc.ents if e.text == mention] == [name]


@pytest.mark.parametrize("text, expected", [
    ("Krajowa Rada Wyborcza ogłosiła wyniki.", {("Krajowa Rada Wyborcza", "Organization")}),
    ("Według Centralnej Komisji Wyborczej Gruzińskie Marzenie wygrało wybory.",
     {("Centralna Komisja Wyborcza", "GovernmentOrganization"), ("Gruzińskie Marzenie", "PoliticalParty")}),
    ("Rozmawiał o tym Polski Instytut Ekonomiczny.", {("Polski Instytut Ekonomiczny", "Organization")}),
    ("Wygłosił przemówienie przy Zamku Królewskim w Warszawie.", {("Zamek Królewski", "Location"), ("Warszawa", "City")}),
    ("Zajęli siedzibę dowództwa Południowego Okręgu Wojskowego.", {("Południowy Okręg Wojskowy", "Region")}),
    ("Tankowiec płynął z rosyjskiego portu Ust-Ługa.", {("Ust-Ługa", "City")}),
    ("Belavia na czarnej liście. Sankcje objęły białoruskie linie lotnicze Belavia.", {("Belavia", "Company")}),
    ("Premier poleciał do Chequers. Chequers, wiejska rezydencja szefów rządu, leży w hrabstwie Buckinghamshire.",
     {("Chequers", "Location"), ("Buckinghamshire", "Region")}),
    ("Złożył wieniec w kaplicy św. Jerzego, a potem zwiedził bazylikę św. Piotra.",
     {("kaplica św. Jerzego", "Location"), ("bazylika św. Piotra", "Location")}),
])
def test_entities_names_that_start_with_adjectives_end_where_the_next_name_starts(nlp, text, expected):
    """A name's head may follow capitalised adjectives; a known name joins it only as its
    genitive complement or apposition; a place's name takes no "w X"; a genitive name of
    Polish words after a kind noun inflects, a foreign one does not; one word is one class."""
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, name", [
    ("Premier Kambodży Hun Manet przyleciał do Malezji.", "Hun Manet"),
    ("W 2011 roku kambodżańskim rządem kierował Hun Sen.", "Hun Sen"),
])
def test_entities_a_peoples_noun_of_no_known_nation_before_a_name_opens_it(nlp, text, name):
    assert {e.kb_id_ for e in nlp(text).ents if e.label_ == "Person"} == {name}


def test_entities_a_surname_in_e_takes_m_in_the_instrumental(nlp):
    doc = nlp("Premier Irakli Kobachidze ogłosił decyzję. Orbán spotkał się z Kobachidzem.")
    assert [e.kb_id_ for e in doc.ents if e.text == "Kobachidzem"] == ["Irakli Kobachidze"]


def test_entities_a_nickname_after_zwany_and_its_inflected_forms_are_the_person(nlp):
    doc = nlp("Siłami dowodzi Mohamed Hamdan Dagalo, zwany Hemetti. Bojownicy Hemettiego zajęli miasto.")
    assert {e.kb_id_ for e in doc.ents if e.label_ == "Person"} == {"Mohamed Hamdan Dagalo"}


def test_entities_coordinated_adjectives_before_a_head_and_no_newspaper_in_an_adjective(nlp):
    found = entities(nlp, "Chiny rozważą przystąpienie do Kompleksowego i Progresywnego Porozumienia na rzecz "
                          "Partnerstwa Transpacyficznego (CPTPP).")
    assert ("Kompleksowe i Progresywne Porozumienie na rzecz Partnerstwa Transpacyficznego", "Organization") in found
    doc = nlp("Według Centralnej Komisji Wyborczej partia wygrała.")
    assert not [span for span in doc.spans["gb_nested"] if span.kb_id_ == "Gazeta Wyborcza"]


@pytest.mark.parametrize("text, name, cls", [
    ("Rozmawiał z premierem Wietnamu Pham Minh Chinhem.", "Pham Minh Chinh", "Person"),
    ("Rozmawiał ze swoim wietnamskim odpowiednikiem Bui Thanh Sonem.", "Bui Thanh Son", "Person"),
    ("Rozmawiał też ze szefem Biura Bezpieczeństwa Narodowego Kim Sung-hanem.", "Kim Sung-han", "Person"),
    ("W piątek Rutte rozmawiał w Palm Beach na Florydzie.", "Palm Beach", "City"),
    ("Napisał to szef Narodowej Rady Gospodarczej Brian Deese.", "Brian Deese", "Person"),
    ("Ratownicy Zespołu Pomocy Humanitarno-Medycznej wrócili.", "Zespół Pomocy Humanitarno-Medycznej", "Organization"),
])
def test_entities_asian_names_inflect_only_at_the_end_and_foreign_places_keep_their_form(nlp, text, name, cls):
    """First parts Morfeusz knows only as nominative surnames do not decide the case ("Pham
    Minh Chinhem"); "odpowiednik" is a noun for a person; "w" + a name is no person; a
    foreign compound keeps its words ("Palm" is no plural of "palma")."""
    assert (name, cls) in entities(nlp, text)


def test_entities_no_name_ends_in_a_connector(nlp):
    assert ("Wspólne Centrum Koordynacyjne", "Organization") in entities(
        nlp, "Jednostki kontrolowali inspektorzy Wspólnego Centrum Koordynacyjnego w Stambule.")


@pytest.mark.parametrize("text, expected", [
    ("Ceremonia odbyła się w Mińsku Mazowieckim.", {("Mińsk Mazowiecki", "City")}),
    ("Zginął w Kongu Belgijskim.", {("Kongo Belgijskie", "Location")}),
    ("Polska kupiła czołgi K2 i armatohaubice K9.", {("Polska", "Country")}),
    ("Rebelianci zajęli Hamę.", {("Hama", "Location")}),
])
def test_entities_a_place_and_its_adjective_model_codes_and_decisive_endings_of_towns(nlp, text, expected):
    """A known town or state with a capitalised adjective agreeing names another place; a
    letter and a number is a model's code; "-ę" alone gives a town's accusative."""
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kilkoro członków Kongresu, w tym Ilhan Omar i Rashida Tlaib, zbojkotowało wystąpienie.",
     {("Ilhan Omar", "Person"), ("Rashida Tlaib", "Person")}),  # "w tym" includes; "omar" is also a lobster
    ("Kongresmenka Ilhan Omar zbojkotowała wystąpienie.", {("Ilhan Omar", "Person")}),
])
def test_entities_two_words_with_a_first_name_and_an_unknown_first_word_are_a_person(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Umowę podpisał amerykański koncern GE Aerospace. Silniki GE trafią do Indii.",
     [("GE Aerospace", "GE Aerospace"), ("GE", "GE Aerospace")]),  # an acronym and a word after a kind noun
    ("Amerykański producent pamięci Micron Technology zainwestuje w Indiach. Budowa fabryki Microna ruszy wkrótce.",
     [("Micron Technology", "Micron Technology"), ("Microna", "Micron Technology")]),  # past the firm's object
])
def test_entities_a_firms_name_after_its_kind_noun_and_its_first_word_alone(nlp, text, expected):
    assert [(e.text, e.kb_id_) for e in nlp(text).ents if e.label_ == "Company"] == expected


def test_entities_a_known_bodys_name_is_no_short_form_of_a_longer_one(nlp):
    doc = nlp("Gazprom kupił udziały. Spółka Gazprom Nieft sprzedaje ropę.")
    assert {e.kb_id_ for e in doc.ents} == {"Gazprom", "Gazprom Nieft"}


@pytest.mark.parametrize("text, expected", [
    ("Listy podpisali przedstawiciele koncernów motoryzacyjnych Mercedes-Benz i Stellantis.",
     {("Mercedes-Benz", "Company"), ("Stellantis", "Organization")}),  # a list of firms, no woman's name
    ("Projekt prowadzi koncern górniczy Rio Tinto. Rząd cofnął zezwolenia dla Rio Tinto.",
     {("Rio Tinto", "Company")}),  # a town by Morfeusz's "Rio" once, a firm by its kind noun elsewhere
])
def test_entities_a_firm_named_once_by_its_kind_noun_is_a_firm_throughout(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_a_name_ending_in_another_persons_family_name_is_a_relatives(nlp):
    found = entities(nlp, "Przyjęli go prezydent regionu Neczirwan Barzani i premier rządu Masrur Barzani.")
    assert {("Neczirwan Barzani", "Person"), ("Masrur Barzani", "Person")} <= found


def test_entities_great_rivers_are_places(nlp):
    assert entities(nlp, "Kraj ma prawo do udziału w wodach Tygrysu i Eufratu.") == {
        ("Tygrys", "Location"), ("Eufrat", "Location")}


def test_entities_a_family_name_with_its_particle_is_the_full_name(nlp):
    doc = nlp("Premier Iraku Mohammed Szia al-Sudani przywitał gościa. Erdogan i al-Sudani podpisali umowę.")
    assert ("al-Sudani", "Mohammed Szia al-Sudani") in {(e.text, e.kb_id_) for e in doc.ents}


@pytest.mark.parametrize("text, expected", [
    ("Izrael prowadzi ofensywę w Strefie Gazy. Mahmud Abbas będzie oglądał Gazę z daleka.",
     {("Izrael", "Country"), ("Strefa Gazy", "Region"), ("Mahmud Abbas", "Person")}),
    ("Mahmud Abbas będzie oglądał Gazę z daleka.", {("Gaza", "City"), ("Mahmud Abbas", "Person")}),
])
def test_entities_a_town_named_in_a_regions_name_of_the_article_stands_for_the_region(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("W Pałacu Al-Salam Joe Biden spotkał się z królem.",
     {("Pałac Al-Salam", "Location"), ("Joe Biden", "Person")}),
    ("Studiował na Uniwersytecie Jana Kochanowskiego.", {("Uniwersytet Jana Kochanowskiego", "Organization")}),
])
def test_entities_a_subjects_foreign_name_after_a_place_is_no_part_of_its_name(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize("text, country", [
    ("Zakład powstanie w północnowietnamskiej prowincji.", "Wietnam"),
    ("Przywódca północnokoreański przyjechał.", "Korea Północna"),  # the lexicon's own adjective
    ("Obradował szczyt południowoamerykańskiego bloku.", None),  # a continent's
])
def test_entities_a_countrys_adjective_after_a_part_of_the_world_refers_to_the_country(nlp, text, country):
    found = [t._.refers_to for t in nlp(text) if t._.refers_to]
    assert found == ([("Country", country)] if country else [])


@pytest.mark.parametrize("text, expected", [
    ("Był prezesem Banku Kanady i Banku Anglii.",
     {("Bank Kanady", "Company"), ("Bank Anglii", "Company")}),  # the head noun repeated: two names
    ("Wiceprezydent JD Vance przyleciał.", {("JD Vance", "Person")}),  # initials in capitals
    ("Modlił się w Nadżafie i Karbali.", {("Nadżaf", "City"), ("Karbala", "City")}),
])
def test_entities_names_joined_split_and_initials(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_entities_a_role_word_inside_a_bodys_name_gives_no_case_to_the_name_after_it(nlp):
    doc = nlp("Rubio spotkał się z szefem Kancelarii Prezydenta Ukrainy Andrijem Jermakiem.")
    assert ("Andrij Jermak", "Person") in {(e.kb_id_, e.label_) for e in doc.ents}
