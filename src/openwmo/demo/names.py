"""Name material for fictitious residents and staff, written for this generator.

First names follow Dutch naming fashion per birth period. Dutch surnames are composed
from parts (stems, endings, prefixes), so the town gets hundreds of plausible names
without copying a register. All lists are ordered: iteration order is part of the output.
"""

import unicodedata
from itertools import accumulate


def words(text: str) -> list[str]:
    """A comma-separated list of names as a list, in written order."""
    return [word.strip() for word in text.split(",") if word.strip()]


# Birth periods for first-name fashion: (last birth year of the period, key).
GENERATIONS = [(1954, "oud"), (1979, "midden"), (1999, "jong"), (9999, "kind")]

DUTCH_FIRST_NAMES = {
    ("1", "oud"): words(
        "Johannes, Cornelis, Hendrik, Jan, Gerrit, Willem, Pieter, Jacobus, Adrianus,"
        "Hendrikus, Theodorus, Gerardus, Antonius, Albert, Klaas, Dirk, Bernardus,"
        "Wilhelmus, Petrus, Jacob, Harm, Roelof, Evert, Lambertus, Arie, Hermanus,"
        "Frederik, Marinus, Teunis, Berend"
    ),
    ("2", "oud"): words(
        "Maria, Johanna, Cornelia, Anna, Hendrika, Elisabeth, Wilhelmina, Geertruida,"
        "Adriana, Catharina, Margaretha, Jacoba, Aaltje, Grietje, Trijntje, Gerdina,"
        "Hillegonda, Jannetje, Dirkje, Antje, Klaasje, Petronella, Everdina, Bertha,"
        "Gerda, Riek, Annie, Truus, Tonnie, Lies"
    ),
    ("1", "midden"): words(
        "Peter, Marcel, Erik, Mark, Rob, Frank, Paul, Richard, Patrick, Martin, Hans,"
        "René, Ronald, Edwin, Jeroen, Arjan, Michel, Dennis, Marco, Remco, Sander,"
        "Wim, Bert, Gert, Henk, Kees, Johan, Harry, Jos, Ton"
    ),
    ("2", "midden"): words(
        "Monique, Sandra, Linda, Anja, Marian, Ingrid, Petra, Marjolein, Esther,"
        "Mirjam, Karin, Wendy, Yvonne, Miranda, Saskia, Ellen, Carla, Annemieke,"
        "Jolanda, Ria, Hanneke, Ilse, Marloes, Astrid, Bianca, Angelique, Patricia,"
        "Simone, Diana, Nicole"
    ),
    ("1", "jong"): words(
        "Tim, Kevin, Bas, Thomas, Niels, Stefan, Ruben, Joost, Rick, Mike, Jesse,"
        "Daan, Tom, Wouter, Jelle, Bart, Jasper, Sjoerd, Maarten, Nick, Koen, Roel,"
        "Pim, Rutger, Gijs, Stijn, Thijs, Dirk, Lars, Sven"
    ),
    ("2", "jong"): words(
        "Anouk, Lisa, Sanne, Laura, Kim, Femke, Iris, Lotte, Marieke, Eva, Maaike,"
        "Renske, Esmee, Inge, Nienke, Fleur, Romy, Charlotte, Mariska, Kelly, Sharon,"
        "Demi, Manon, Judith, Joyce, Chantal, Roos, Hester, Merel, Floor"
    ),
    ("1", "kind"): words(
        "Daan, Sem, Lucas, Levi, Finn, Noah, Milan, Jesse, Luuk, Bram, Thijs, Mees,"
        "Sam, Liam, Noud, Siem, Jens, Ruben, Teun, Gijs, Max, Olivier, Stijn, Jayden,"
        "Julian, Hidde, Ties, Boaz, Morris, Floris"
    ),
    ("2", "kind"): words(
        "Emma, Julia, Sophie, Tess, Zoë, Mila, Sara, Lotte, Evi, Anna, Nora, Saar,"
        "Fenna, Lieke, Noor, Isa, Yara, Liv, Roos, Fleur, Jasmijn, Lynn, Femke, Sanne,"
        "Esmée, Nina, Elin, Maud, Puck, Ilse"
    ),
}

# Middle names given to older generations ("Johannes Cornelis").
DUTCH_MIDDLE_NAMES = {
    "1": words("Johannes, Cornelis, Hendrik, Maria, Jacobus, Willem, Gerardus, Jan"),
    "2": words("Maria, Johanna, Elisabeth, Cornelia, Anna, Wilhelmina, Hendrika"),
}

# Dutch surnames from parts. Stems combine with endings ("Berg" + "sma" = "Bergsma").
SURNAME_STEMS = words(
    "Berg, Bos, Brink, Dijk, Hoek, Hol, Kamp, Lind, Meer, Mol, Veen, Wester,"
    "Ooster, Zuider, Noorder, Zand, Hout, Broek, Hage, Wiers, Kuip, Roos, Geer,"
    "Bakel, Wol, Stap, Rade, Esch, Blom, Haver"
)
SURNAME_ENDINGS = words(
    "man, sma, stra, ma, inga, huis, kamp, veld, hout, ink, erink, hof, beek,"
    "werf, horst, boer, mans, bergen, stede, schot"
)
# Place words used after "van", "van de(r/n)", "ter", "ten" ("van der Veen").
PLACE_WORDS = words(
    "Berg, Dijk, Veen, Broek, Beek, Brink, Hoek, Heuvel, Wal, Velde, Meer, Linde,"
    "Poel, Akker, Horst, Laar, Heide, Bosch, Kamp, Wetering, Molen, Weide, Vliet,"
    "Sluis, Dam, Kolk, Wiel, Zande, Hulst, Esch"
)
PLACE_PREFIXES = words("van den, van de, van der, ter, ten, te, van 't, van der")
# Surnames that are a single word, with or without "de" ("de Jong", "Bakker").
DE_WORDS = words(
    "Jong, Vries, Wit, Graaf, Haan, Vos, Groot, Bruin, Boer, Lange, Leeuw, Ruiter,"
    "Koning, Klerk, Wolf, Zwart, Rooij, Kruijf, Waal, Beer"
)
TRADE_WORDS = words(
    "Bakker, Smit, Visser, Mulder, Kuiper, Schipper, Molenaar, Timmer, Koster,"
    "Brouwer, Dekker, Kramer, Verver, Wever, Slager, Snijder, Jager, Schaap,"
    "Boogaard, Hoveling"
)
# Patronymics: a first-name stem plus "s", "sen" or "se" ("Gerritsen").
PATRONYM_STEMS = words(
    "Jan, Hendrik, Pieter, Willem, Gerrit, Dirk, Klaas, Jacob, Albert, Evert,"
    "Harm, Roelof, Berend, Arend, Lambert, Maarten, Thijs, Wouter"
)
PATRONYM_ENDINGS = ["s", "sen", "se"]

# Residents with a migration background: (culture, share of households, first names
# by sex, surnames). Surinamese-Dutch residents mostly carry Dutch-style first names.
OTHER_CULTURES = [
    (
        "tr",
        0.040,
        {
            "1": words(
                "Mehmet, Ahmet, Mustafa, Hasan, Hüseyin, Emre, Murat, Burak, Yusuf, Kerem,"
                "Deniz, Emir"
            ),
            "2": words(
                "Ayşe, Fatma, Emine, Hatice, Elif, Zeynep, Merve, Büşra, Esra, Selin, Ecrin, Defne"
            ),
        },
        words("Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın, Öztürk, Arslan, Doğan, Koç, Kurt"),
    ),
    (
        "ma",
        0.045,
        {
            "1": words(
                "Mohamed, Ahmed, Youssef, Mustafa, Abdelkader, Hamid, Rachid, Karim, Bilal,"
                "Ayoub, Anas, Adam"
            ),
            "2": words(
                "Fatima, Khadija, Malika, Naima, Samira, Nadia, Yasmina, Imane, Salma, Hiba,"
                "Noor, Aya"
            ),
        },
        words(
            "El Amrani, Bakkali, Bouzid, El Idrissi, Benali, Aziz, Ouali, El Haddouchi,"
            "Tahiri, Boukhari, Ziani, Amezian"
        ),
    ),
    (
        "sr",
        0.035,
        {
            "1": words(
                "Romano, Ricardo, Glenn, Dwayne, Errol, Stanley, Jerrel, Sergio, Ravi, Anand,"
                "Marvin, Virgil"
            ),
            "2": words(
                "Sharmila, Priya, Jennifer, Shanice, Rachelle, Sunita, Romana, Kavita,"
                "Melissa, Gracia, Denise, Xiomara"
            ),
        },
        words(
            "Pinas, Sital, Ramdin, Kartodikromo, Martina, Doelwijt, Baldew, Ramsaran,"
            "Misiekaba, Linger, Sno, Autar"
        ),
    ),
    (
        "pl",
        0.030,
        {
            "1": words(
                "Piotr, Tomasz, Krzysztof, Paweł, Michał, Marcin, Jakub, Kacper, Łukasz, Adam,"
                "Bartosz, Wojciech"
            ),
            "2": words(
                "Anna, Katarzyna, Agnieszka, Magdalena, Joanna, Monika, Zuzanna, Natalia, Ewa,"
                "Marta, Julia, Aleksandra"
            ),
        },
        words(
            "Nowak, Mazur, Krawczyk, Kaczmarek, Zając, Król, Wieczorek, Pawlak, Walczak,"
            "Sikora, Baran, Duda"
        ),
    ),
    (
        "ov",
        0.030,
        {
            "1": words(
                "Ahmad, Omar, Khaled, Samir, Tesfay, Yonas, Dawit, Amanuel, Feras, Rami,"
                "Habtom, Jamal"
            ),
            "2": words(
                "Rania, Lina, Huda, Amal, Selam, Helen, Ruth, Saba, Dima, Nour, Merhawit, Ghada"
            ),
        },
        words(
            "Al-Hassan, Haddad, Khalil, Alhamoud, Tesfamariam, Ghebre, Haile, Abraha,"
            "Mansour, Darwish, Kidane, Nasser"
        ),
    ),
]

# Names of professional representatives (bewindvoerders, mentoren) in the region.
BEWIND_OFFICES = [
    "Bewindvoering De Vaste Grond",
    "Mentorschap Lindeveen e.o.",
    "Budgetbeheer Het Kompas",
    "Bewind & Budget Veenland",
    "Stichting Curatele en Mentorschap Oost",
]


def dutch_surnames() -> list[tuple[str, str]]:
    """All composed Dutch surnames as (voorvoegsel, achternaam), in a fixed order."""
    names: list[tuple[str, str]] = []
    names += [("", word) for word in TRADE_WORDS]
    names += [("de", word) for word in DE_WORDS]
    for index, word in enumerate(PLACE_WORDS):
        names.append((PLACE_PREFIXES[index % len(PLACE_PREFIXES)], word))
        names.append(("van", word))
    for stem in PATRONYM_STEMS:
        names += [("", stem + ending) for ending in PATRONYM_ENDINGS]
    for stem in SURNAME_STEMS:
        for ending in SURNAME_ENDINGS:
            if not ending.startswith(stem.lower()[:3]):
                names.append(("", stem + ending))
    unique: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for name in names:
        if name not in seen:
            seen.add(name)
            unique.append(name)
    return unique


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only, for usernames and e-mail addresses."""
    decomposed = unicodedata.normalize(
        "NFKD", text.replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    )
    return "".join(c for c in decomposed.lower() if c.isascii() and c.isalnum())


class NamePicker:
    """Draws cultures, surnames and first names with one random stream.

    Surnames are numbered (``surname_id``) so relatives can share one. Which Dutch
    surnames are common differs per seed: the list is shuffled and weighted by rank.
    """

    def __init__(self, rng):
        self.rng = rng
        dutch = dutch_surnames()
        rng.shuffle(dutch)
        self.surnames: list[tuple[str, str]] = list(dutch)
        self.ranges = {"nl": (0, len(dutch))}
        self.cum_weights = {"nl": list(accumulate(1 / (rank + 8) for rank in range(len(dutch))))}
        self.first_names = {}
        for culture, _, first_names, surnames in OTHER_CULTURES:
            start = len(self.surnames)
            self.surnames += [("", name) for name in surnames]
            self.ranges[culture] = (start, len(self.surnames))
            self.cum_weights[culture] = list(accumulate(1.0 for _ in surnames))
            self.first_names[culture] = first_names
        self.cultures = ["nl"] + [c for c, _, _, _ in OTHER_CULTURES]
        other_share = sum(share for _, share, _, _ in OTHER_CULTURES)
        shares = [1 - other_share] + [share for _, share, _, _ in OTHER_CULTURES]
        self.culture_cum = list(accumulate(shares))

    def culture(self) -> str:
        return self.rng.choices(self.cultures, cum_weights=self.culture_cum)[0]

    def surname_id(self, culture: str) -> int:
        start, end = self.ranges[culture]
        return self.rng.choices(range(start, end), cum_weights=self.cum_weights[culture])[0]

    def surname(self, surname_id: int) -> tuple[str, str]:
        """(voorvoegsel, achternaam)."""
        return self.surnames[surname_id]

    def first_name(self, culture: str, geslacht: str, birth_year: int) -> str:
        rng = self.rng
        dutch_share = {"nl": 1.0, "sr": 0.5}.get(culture, 0.15 if birth_year >= 2000 else 0.0)
        if culture == "nl" or rng.random() < dutch_share:
            generation = next(key for last_year, key in GENERATIONS if birth_year <= last_year)
            names = DUTCH_FIRST_NAMES[(geslacht, generation)]
        else:
            names = self.first_names[culture][geslacht]
        return names[rng.randrange(len(names))]

    def voornamen(self, culture: str, geslacht: str, birth_year: int) -> str:
        """The given names; older Dutch residents often have a second one."""
        first = self.first_name(culture, geslacht, birth_year)
        middle_chance = 0.6 if birth_year < 1970 else 0.25
        if culture == "nl" and self.rng.random() < middle_chance:
            middle = DUTCH_MIDDLE_NAMES[geslacht][
                self.rng.randrange(len(DUTCH_MIDDLE_NAMES[geslacht]))
            ]
            if middle != first:
                return f"{first} {middle}"
        return first

    def full_name(self, age: int = 50) -> str:
        """A name for someone outside the register (a neighbour, a relative far away)."""
        culture = self.culture()
        geslacht = "1" if self.rng.random() < 0.5 else "2"
        first = self.first_name(culture, geslacht, 2026 - age)
        voorvoegsel, achternaam = self.surname(self.surname_id(culture))
        return " ".join(part for part in (first, voorvoegsel, achternaam) if part)
