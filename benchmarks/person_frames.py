"""How often a person's name is recognised as a person where nothing but the name says so.

Every name is put into four sentences with no role noun, first name cue or context
("Decyzję skrytykował {name}.") and the script counts the sentences in which the whole name
comes out as a Person. The names are those of the people in news articles hand-written
while developing the rules (2026-12-03); many are foreign names Morfeusz does not know, so
the result leans on the NKJP NER and the shape rules. Run from the repository root::

    .venv/bin/python benchmarks/person_frames.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphbuilder.nlp import build_nlp  # noqa: E402

NAMES = (
    'Abbas Arakczi', 'Abdel Fattah as-Sisi', 'Abdourahamane Tiani', 'Abdul Malik al-Husi', 'Adam Glapiński',
    'Adam Szłapka', 'Alar Karis', 'Aleksandar Vučić', 'Aleksandra Dulkiewicz', 'Aleksiej Owerczuk',
    'Ali Lamine Zein', 'Anders Opedal', 'Andriej Biełousow', 'Andrij Sybiha', 'Andris Sprūds',
    'Andrzej Domański', 'Andrzej Duda', 'Anna Maria Żukowska', 'Anna-Kaisa Itkonen', 'Annalena Baerbock',
    'Antonio Costa', 'António Guterres', 'Ararat Mirzojan', 'Assimi Goita', 'Binjamin Netanjahu',
    'Bola Tinubu', 'Boris Pistorius', 'Claudia Sheinbaum', 'Dmitrij Czernyszenko', 'Dmitrij Pieskow',
    'Donald Trump', 'Donald Tusk', 'Dżeenbek Kulubajew', 'Edgars Rinkēvičs', 'Emmanuel Macron',
    'Esmaeil Baghaei', 'Fernando Haddad', 'Friedrich Merz', 'Giorgia Meloni', 'Gitanas Nausėda',
    'Hakan Fidan', 'Ihor Kłymenko', 'Ilham Alijew', 'Ilja Jaszyn', 'Ireneusz Fąfara',
    'Israel Kac', 'Jan Nowak', 'Jarosław Kaczyński', 'Javier Milei', 'Jonas Gahr Støre',
    'Julia Swyrydenko', 'Kaja Kallas', 'Karol Nawrocki', 'Katherina Reiche', 'Kathleen FitzGibbon',
    'Keir Starmer', 'Kiriakos Micotakis', 'Kristalina Georgiewa', 'Lin Jian', 'Luiz Inácio Lula da Silva',
    'Magdalena Biejat', 'Maia Sandu', 'Marcel Ciolacu', 'Marcin Kierwiński', 'Marco Rubio',
    'Maria Zacharowa', 'Mark Carney', 'Mark Rutte', 'Marta Kos', 'Masud Pezeszkian',
    'Mateusz Morawiecki', 'Mieczysław Struk', 'Muhammad ibn Salman', 'Narendra Modi', 'Nikol Paszynian',
    'Oliver Blume', 'Ołżas Bektenow', 'Paulina Hennig-Kloska', 'Pedro Sánchez', 'Pete Hegseth',
    'Piroschka van de Wouw', 'Przemysław Czarnek', 'Péter Szijjártó', 'Radosław Sikorski', 'Rafał Bochenek',
    'Recep Tayyip Erdogan', 'Roman Abramowicz', 'Roman Giertych', 'Sauli Niinistö', 'Serdar Berdimuhamedow',
    'Shigeru Ishiba', 'Subrahmanyam Jaishankar', 'Szawkat Mirzijojew', 'Szymon Hołownia', 'Sławomir Mentzen',
    'Tamim ibn Hamad Al Sani', 'Ursula von der Leyen', 'Viktor Orban', 'Wang Yi', 'Wilhelm-Aleksander',
    'Wołodymyr Zełenski', 'Władimir Putin', 'Władysław Kosiniak-Kamysz', 'Włodzimierz Czarzasty', 'Xi Jinping',
    'Yvan Gil', 'Đuro Macut',
)
FRAMES = ("W piątek rozmawiał z nim {}.", "Wczoraj do Warszawy przyjechał {}.", "Decyzję skrytykował {}.",
          "Jak powiedział {}, rozmowy trwają.")


def main() -> None:
    """Print how many of the sentences give the name as a Person, and the misses."""
    nlp = build_nlp()
    misses = []
    for name in NAMES:
        for frame in FRAMES:
            doc = nlp(frame.format(name))
            if not any(e.text == name and e.label_ == "Person" for e in doc.ents):
                misses.append((doc.text, [(e.text, e.label_) for e in doc.ents]))
    total = len(NAMES) * len(FRAMES)
    print(f"{total - len(misses)} of {total} sentences give the name as a Person")
    for text, found in misses:
        print(f"  {text}  ->  {found}")


if __name__ == "__main__":
    main()
