"""Place material for the fictitious municipality Lindeveen, written for this generator.

Wijken, dorpen, buurt themes with their street-name stems, buurtkamers and the
organisations that work in the town. All lists are ordered.
"""

from .names import words

# The town's own wijken (woonplaats Lindeveen). The first four make the default town.
CITY_WIJKEN = words(
    "Centrum, Veenhoven, Lindepark, Molenkamp, Oude Haven, De Akkers, Noorderhof,"
    "Zuiderpark, Weidebroek, Kerkebuurt, Spoorzicht, De Meenten, Hoge Es, Waterrijk,"
    "Veldzicht, Beekdal, Nieuwe Linde, De Brink, Kanaalzijde, Ruwaard, Sterrenveld,"
    "Parkzoom, De Kolk, Heidehof, Stadsweide"
)
WIJK_QUARTERS = ["Noord", "Oost", "Zuid", "West"]

# Villages (each its own woonplaats) of the municipality. The first two make the default town.
DORPEN = words(
    "Ekelenveen, Harderloo, Wolderbroek, Oosterlinde, Hesselveld, Brammelo, Dalvoorde,"
    "Rietwolde, Eesterzand, Loenerveen, Holterbeek, Marsloo, Geeserhof, Wijnjeveld,"
    "Boekelo-Oost, Zandhuizen, Ruinerveld, Tiendeveen, Aldebroek, Vledderloo"
)

# Wijk profiles shift the household mix: (single, couple, couple with children, one parent)
# weights and multipliers for young (18-34) and old (65+) single/couple ages.
WIJK_PROFILES = {
    "centrum": {"households": (0.50, 0.27, 0.16, 0.07), "young": 1.6, "old": 0.9},
    "gezinnen": {"households": (0.28, 0.27, 0.37, 0.08), "young": 0.8, "old": 0.8},
    "vergrijsd": {"households": (0.42, 0.36, 0.16, 0.06), "young": 0.7, "old": 1.5},
    "gemengd": {"households": (0.38, 0.30, 0.25, 0.07), "young": 1.0, "old": 1.0},
    "dorp": {"households": (0.30, 0.36, 0.28, 0.06), "young": 0.7, "old": 1.2},
}
CITY_PROFILE_CYCLE = ["centrum", "gezinnen", "vergrijsd", "gemengd"]

# Buurt themes: (buurt name, street stems). Streets are stem + suffix ("Merellaan").
BUURT_THEMES = [
    (
        "Vogelbuurt",
        words(
            "Merel, Lijster, Spreeuw, Mees, Vink, Specht, Reiger, Zwaluw, Kievit, Grutto,"
            "Wielewaal, Roodborst, Koekoek, Uilen, Havik, Buizerd, Ekster, Kwartel,"
            "Leeuwerik, Tureluur, Winterkoning, IJsvogel, Patrijs, Fazant, Boomklever,"
            "Sijs, Kneu, Gors, Pimpelmees, Zanglijster"
        ),
    ),
    (
        "Bomenbuurt",
        words(
            "Linden, Eiken, Beuken, Berken, Essen, Iepen, Populieren, Wilgen, Elzen,"
            "Kastanje, Platanen, Acacia, Esdoorn, Hazelaar, Lariks, Sparren, Dennen,"
            "Taxus, Meidoorn, Lijsterbes, Notenboom, Vlier, Haagbeuk, Ceder, Cypres"
        ),
    ),
    (
        "Bloemenbuurt",
        words(
            "Rozen, Tulpen, Narcissen, Krokus, Hyacinten, Lelie, Iris, Violieren, Anjer,"
            "Dahlia, Aster, Goudsbloem, Zonnebloem, Klaproos, Korenbloem, Sleutelbloem,"
            "Madelief, Boterbloem, Lavendel, Jasmijn, Seringen, Hortensia, Primula,"
            "Akelei, Margriet"
        ),
    ),
    (
        "Schildersbuurt",
        words(
            "Rembrandt, Vermeer, Frans Hals, Jan Steen, Van Gogh, Mondriaan, Breitner,"
            "Jongkind, Mesdag, Israëls, Maris, Toorop, Ruisdael, Hobbema, Van Goyen,"
            "Avercamp, Paulus Potter, Cuyp, Ter Borch, Van Ostade"
        ),
    ),
    (
        "Componistenbuurt",
        words(
            "Sweelinck, Diepenbrock, Röntgen, Andriessen, Pijper, Badings, Zweers,"
            "Wagenaar, Verhulst, Bach, Mozart, Beethoven, Haydn, Schubert, Brahms, Chopin,"
            "Vivaldi, Händel, Grieg, Ravel"
        ),
    ),
    (
        "Schrijversbuurt",
        words(
            "Vondel, Bredero, Hooft, Cats, Multatuli, Potgieter, Bilderdijk, Tollens,"
            "Staring, Beets, Couperus, Gezelle, Van Eeden, Gorter, Heijermans, Nescio,"
            "Vestdijk, Slauerhoff, Marsman, Bordewijk"
        ),
    ),
    (
        "Ambachtsbuurt",
        words(
            "Smids, Bakkers, Kuipers, Wevers, Molenaars, Timmermans, Schilders,"
            "Klompenmakers, Touwslagers, Zadelmakers, Pottenbakkers, Mandenmakers,"
            "Koperslagers, Ververs, Leerlooiers, Brouwers, Metselaars, Rietdekkers,"
            "Hoefsmeden, Zilversmeden"
        ),
    ),
    (
        "Sterrenbuurt",
        words(
            "Orion, Pegasus, Andromeda, Cassiopeia, Pollux, Castor, Sirius, Vega, Altair,"
            "Lyra, Draco, Polaris, Mercurius, Venus, Mars, Jupiter, Saturnus, Neptunus,"
            "Uranus, Pluto"
        ),
    ),
    (
        "Eilandenbuurt",
        words(
            "Texel, Vlieland, Terschelling, Ameland, Schiermonnikoog, Rottum, Griend, Urk,"
            "Marken, Schokland, Pampus, Tiengemeten, Goeree, Walcheren, Tholen, Schouwen,"
            "Voorne, Wieringen, Neeltje Jans, Noorderhaaks"
        ),
    ),
    (
        "Rivierenbuurt",
        words(
            "Rijn, Maas, Waal, IJssel, Vecht, Lek, Dinkel, Regge, Berkel, Eem, Amstel,"
            "Linge, Dommel, Roer, Schelde, Hunze, Mark, Reest, Zaan, Gouwe"
        ),
    ),
    (
        "Fruithof",
        words(
            "Appel, Peren, Kersen, Pruimen, Bramen, Bessen, Druiven, Aalbessen,"
            "Kruisbessen, Frambozen, Mispel, Kweepeer, Walnoot, Hazelnoot, Moerbei,"
            "Vijgen, Abrikozen, Perziken, Aardbeien, Vlierbessen"
        ),
    ),
    (
        "De Marken",
        words(
            "Es, Marke, Kamp, Heide, Veen, Akker, Weide, Hooiland, Made, Broek, Vonder,"
            "Wetering, Tiend, Hoeve, Schans, Kolk, Wende, Horst, Laar, Eng"
        ),
    ),
    (
        "Havenkwartier",
        words(
            "Haven, Kade, Loods, Pakhuis, Schipper, Zeil, Anker, Roer, Mast, Kompas,"
            "Boei, Sloep, Praam, Tjalk, Botter, Aak, Schouw, Steiger, Sluis, Baken"
        ),
    ),
    (
        "Landgoedbuurt",
        words(
            "Kasteel, Havezate, Slot, Borg, Tuinmans, Koetshuis, Oranjerie, Poort, Gracht,"
            "Lanen, Jachthuis, Hertenkamp, Vijver, Boomgaard, Rentmeester, Pachters,"
            "Stalmeester, Hovenier, Jagers, Parkwachter"
        ),
    ),
]

# A village's core keeps classic Dutch street names; its outskirts have field names.
DORPSKERN_STEMS = words(
    "Dorps, Kerk, Molen, School, Brink, Markt, Smeden, Pastorie, Koster, Meester, Veld,"
    "Es, Hoeve, Kapel, Tol, Post, Bleek, Bakkers, Weverij, Notaris"
)
BUITENGEBIED_STEMS = words(
    "Veen, Heide, Broek, Zand, Esch, Kampen, Hoogveld, Laagveld, Dijk, Vaart, Wijk,"
    "Meden, Marke, Holt, Horst, Beek, Bosch, Linde, Eiken, Wolde"
)

# (suffix, weight). A street name is stem + suffix ("Merel" + "straat").
STREET_SUFFIXES = [
    ("straat", 35),
    ("laan", 20),
    ("weg", 10),
    ("hof", 10),
    ("pad", 7),
    ("plein", 4),
    ("singel", 4),
    ("dreef", 4),
    ("erf", 3),
    ("kade", 3),
]

BUURTKAMER_NAMES = words(
    "De Linde, Het Trefpunt, De Ontmoeting, 't Anker, De Schakel, Het Kruispunt, De Brug,"
    "De Huiskamer, De Kern, Het Buurtpunt, De Kapstok, 't Hoekje, De Wissel, Het Baken,"
    "De Bron, De Verbinding"
)

# Organisations. Providers get AGB codes; the first aanvullend provider is the demo's.
GEMEENTE_NAAM = "Gemeente Lindeveen"
BASIS_PROVIDER = "Stichting Samen Lindeveen"
AANVULLEND_PROVIDERS = words(
    "Perspectief Begeleiding Lindeveen, Zorggroep De Veenhorst, Dagwerk De Wissel,"
    "Stichting Anker GGZ Ambulant, Begeleidingsdienst Veenland"
)
HH_PROVIDERS = words("Thuishulp Lindeveen, Schoon & Zo Thuisdiensten")
VOLUNTEER_ORGANISATIONS = words(
    "Vrijwilligerscentrum Lindeveen, Stichting Naoberhulp, Maatjesproject Samen Sterk"
)
PARTNER_ORGANISATIONS = words(
    "GGD Regio Lindeveen, Woonstichting Lindeveen, Stichting Geldzorg Lindeveen"
)

# Opening-hour patterns: (weekday, start, end) with times as "HH:MM".
BUURTKAMER_HOURS = [
    [
        (1, "09:00", "12:30"),
        (1, "13:30", "16:30"),
        (2, "09:00", "12:30"),
        (3, "09:00", "12:30"),
        (3, "13:30", "16:30"),
        (4, "09:00", "12:30"),
        (4, "19:00", "21:00"),
        (5, "09:00", "12:30"),
    ],
    [
        (1, "09:30", "12:00"),
        (2, "09:30", "12:00"),
        (2, "13:00", "16:00"),
        (3, "09:30", "12:00"),
        (4, "09:30", "12:00"),
        (4, "13:00", "16:00"),
        (5, "09:30", "12:00"),
    ],
    [
        (1, "08:30", "12:30"),
        (2, "08:30", "12:30"),
        (2, "13:30", "17:00"),
        (3, "08:30", "12:30"),
        (4, "08:30", "12:30"),
        (4, "13:30", "17:00"),
        (5, "08:30", "12:00"),
        (2, "19:00", "21:00"),
    ],
]
DORPSKAMER_HOURS = [
    [(2, "09:30", "12:00"), (4, "09:30", "12:00"), (4, "13:30", "16:00")],
    [(1, "09:30", "12:00"), (3, "09:30", "12:00"), (3, "13:30", "16:00"), (5, "09:30", "12:00")],
]
