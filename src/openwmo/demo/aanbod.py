"""The sociale kaart, volunteer profiles and buurtkamer rosters of the demo municipality.

Runs after the register and staff are seeded and reads them back in primary-key order;
with one ``random.Random`` stream and explicit primary keys the same seed gives the
same rows. Jelle's two demo stories are guaranteed: a job club ("Banenclub") in the
buurtkamer of Centrum and volunteers for finances near his home.
"""

import datetime
import random
from decimal import Decimal

from django.core.management.color import no_style
from django.db import connection

from openwmo.aanbod.models import (
    Activiteit,
    ActiviteitBeoordeling,
    ActiviteitDomein,
    Beschikbaarheid,
    Bezetting,
    Dienst,
    Tijdslot,
    VrijwilligerDomein,
    Vrijwilligersprofiel,
)
from openwmo.accounts.models import Rol, User
from openwmo.gebieden.models import Buurtkamer, Postcode, Wijk
from openwmo.organisaties.models import Organisatie

from .constants import PEILDATUM

Soort = Organisatie.Soort

# (titel, soort, omschrijving, doelgroep, domeinen, aanbieder-soort, aanmelding, kosten,
#  in de buurtkamer)
CATALOGUS = [
    (
        "Koffie-inloop",
        "activiteit",
        "Elke week koffie en een praatje.",
        "Alle inwoners",
        ["netwerk"],
        "vrijwilligers",
        "inloop",
        "0",
        True,
    ),
    (
        "Spreekuur sociaal werk",
        "dienst",
        "Vragen over geld, wonen, zorg of werk.",
        "Alle inwoners",
        ["financien", "huisvesting", "participatie"],
        "basis",
        "inloop",
        "0",
        True,
    ),
    (
        "Formulierenhulp",
        "dienst",
        "Vrijwilligers helpen met brieven en formulieren.",
        "Inwoners die moeite hebben met post en formulieren",
        ["financien"],
        "vrijwilligers",
        "inloop",
        "0",
        True,
    ),
    (
        "Thuisadministratie",
        "dienst",
        "Een getrainde vrijwilliger helpt thuis de administratie op orde te krijgen.",
        "Inwoners met (dreigende) geldzorgen",
        ["financien"],
        "vrijwilligers",
        "verwijzing",
        "0",
        False,
    ),
    (
        "Budgetcursus Grip op geld",
        "activiteit",
        "Vier bijeenkomsten over rondkomen.",
        "Volwassenen",
        ["financien"],
        "partner",
        "aanmelden",
        "0",
        True,
    ),
    (
        "Samen eten",
        "activiteit",
        "Samen koken en eten voor een klein bedrag.",
        "Alleenstaanden en ouderen",
        ["netwerk", "lichamelijk"],
        "vrijwilligers",
        "aanmelden",
        "4.50",
        True,
    ),
    (
        "Wandelgroep",
        "activiteit",
        "Een uur wandelen in de buurt.",
        "Alle inwoners",
        ["lichamelijk", "netwerk"],
        "vrijwilligers",
        "inloop",
        "0",
        False,
    ),
    (
        "Beweegles 65+",
        "activiteit",
        "Bewegen op muziek, rustig tempo.",
        "Inwoners vanaf 65",
        ["lichamelijk"],
        "partner",
        "aanmelden",
        "2.50",
        False,
    ),
    (
        "Taalcafé",
        "activiteit",
        "Nederlands oefenen in kleine groepjes.",
        "Anderstaligen",
        ["participatie", "netwerk"],
        "vrijwilligers",
        "inloop",
        "0",
        True,
    ),
    (
        "Digitaal spreekuur",
        "dienst",
        "Hulp bij DigiD, telefoon en computer.",
        "Alle inwoners",
        ["participatie", "financien"],
        "vrijwilligers",
        "inloop",
        "0",
        True,
    ),
    (
        "Repaircafé",
        "activiteit",
        "Samen spullen repareren.",
        "Alle inwoners",
        ["netwerk", "dagbesteding"],
        "vrijwilligers",
        "inloop",
        "0",
        False,
    ),
    (
        "Ontmoetingsgroep mantelzorgers",
        "activiteit",
        "Lotgenoten ontmoeten en even op adem komen.",
        "Mantelzorgers",
        ["relaties", "geestelijk"],
        "basis",
        "aanmelden",
        "0",
        True,
    ),
    (
        "Respijt: logeeropvang",
        "voorziening",
        "Tijdelijke opvang zodat de mantelzorger kan bijkomen.",
        "Mantelzorgers van ouderen en mensen met een beperking",
        ["relaties", "adl"],
        "aanvullend",
        "verwijzing",
        "0",
        False,
    ),
    (
        "Dagbesteding De Werkplaats (algemeen)",
        "voorziening",
        "Zinvolle dagbesteding zonder indicatie.",
        "Volwassenen zonder werk",
        ["dagbesteding", "participatie"],
        "aanvullend",
        "aanmelden",
        "0",
        False,
    ),
    (
        "Jongerenwerk inloop",
        "activiteit",
        "Plek voor jongeren van 12 tot 23.",
        "Jongeren",
        ["netwerk", "participatie"],
        "basis",
        "inloop",
        "0",
        True,
    ),
    (
        "Opvoedspreekuur",
        "dienst",
        "Vragen over opvoeden en opgroeien.",
        "Ouders",
        ["relaties"],
        "partner",
        "inloop",
        "0",
        True,
    ),
    (
        "Maatjesproject",
        "dienst",
        "Een vaste vrijwilliger om samen dingen te doen.",
        "Eenzame inwoners",
        ["netwerk"],
        "vrijwilligers",
        "verwijzing",
        "0",
        False,
    ),
    (
        "Voedselbank uitgiftepunt",
        "voorziening",
        "Wekelijks een voedselpakket.",
        "Huishoudens met een laag inkomen",
        ["financien"],
        "partner",
        "verwijzing",
        "0",
        False,
    ),
    (
        "Klussendienst",
        "dienst",
        "Kleine klussen in huis door vrijwilligers.",
        "Ouderen en mensen met een beperking",
        ["huisvesting", "adl"],
        "vrijwilligers",
        "aanmelden",
        "5.00",
        False,
    ),
    (
        "Vervoer Bij Bosse (vrijwillige chauffeurs)",
        "dienst",
        "Vervoer naar ziekenhuis of familie.",
        "Inwoners zonder eigen vervoer",
        ["participatie", "lichamelijk"],
        "vrijwilligers",
        "aanmelden",
        "0.30",
        False,
    ),
    (
        "Huiskamer GGZ",
        "activiteit",
        "Laagdrempelige inloop met ervaringsdeskundigen.",
        "Inwoners met psychische kwetsbaarheid",
        ["geestelijk", "netwerk"],
        "aanvullend",
        "inloop",
        "0",
        True,
    ),
    (
        "Schuldhulp-inloop",
        "dienst",
        "Eerste hulp bij schulden.",
        "Alle inwoners",
        ["financien"],
        "partner",
        "inloop",
        "0",
        True,
    ),
    (
        "Woonspreekuur",
        "dienst",
        "Vragen over huur, verhuizen en aanpassingen.",
        "Huurders",
        ["huisvesting"],
        "partner",
        "inloop",
        "0",
        True,
    ),
    (
        "Creatief atelier",
        "activiteit",
        "Schilderen, tekenen en handwerken.",
        "Alle inwoners",
        ["dagbesteding", "netwerk"],
        "vrijwilligers",
        "inloop",
        "1.00",
        True,
    ),
]
BANENCLUB = (
    "Werkplaats/Banenclub",
    "activiteit",
    "Samen zoeken naar (vrijwilligers)werk: cv, sollicitaties en oefengesprekken.",
    "Werkzoekenden en mensen die weer willen meedoen",
    ["participatie", "dagbesteding"],
    "basis",
    "inloop",
    "0",
    True,
)
TIJDEN = [("09:30", "11:30"), ("10:00", "12:00"), ("13:30", "15:30"), ("19:00", "21:00")]
VAARDIGHEDEN = {
    "financien": "Oud-boekhouder, ervaring met administratie, budgetteren en formulieren",
    "netwerk": "Gezellig, luisterend oor, samen wandelen of koffie drinken",
    "participatie": "Helpt bij solliciteren, cv schrijven en vrijwilligerswerk zoeken",
    "huisvesting": "Handig in huis, klussen en verhuizen",
    "lichamelijk": "Rijdt mee naar afspraken, wandelen en bewegen",
    "dagbesteding": "Creatief, repareren en samen iets ondernemen",
}
BASIS_ROOSTER = ["Sociaal werker", "Jongerenwerker", "Consulent sociale zaken"]


def _t(waarde: str) -> datetime.time:
    return datetime.time.fromisoformat(waarde)


def build_aanbod(rng: random.Random) -> dict[str, int]:
    """Create the catalogue, the volunteer profiles and the buurtkamer rosters."""
    wijken = list(Wijk.objects.order_by("pk"))
    kamers = {k.wijk_id: k for k in Buurtkamer.objects.order_by("pk")}
    punten = {p.postcode: p for p in Postcode.objects.select_related("buurt").order_by("pk")}
    per_wijk: dict[int, list[Postcode]] = {}
    for p in punten.values():
        per_wijk.setdefault(p.buurt.wijk_id, []).append(p)
    orgs: dict[str, list[Organisatie]] = {}
    for org in Organisatie.objects.order_by("pk"):
        orgs.setdefault(org.soort, []).append(org)
    gemeente = orgs[Soort.GEMEENTE][0]

    activiteiten, domeinen, tijden, beoordelingen = [], [], [], []
    for wijk in wijken:
        kamer = kamers.get(wijk.pk)
        keuze = rng.sample(CATALOGUS, k=min(len(CATALOGUS), rng.randint(18, 22)))
        if wijk == wijken[0]:
            keuze = [BANENCLUB, *keuze]
        for spec in keuze:
            titel, soort, oms, doelgroep, doms, org_soort, aanmelding, kosten, binnen = spec
            org = rng.choice(orgs.get(org_soort) or [gemeente])
            if binnen and kamer is not None:
                punt = punten[kamer.postcode]
                locatie = kamer.naam
            else:
                punt = rng.choice(per_wijk[wijk.pk])
                locatie = f"{rng.choice(['Wijkcentrum', 'Buurthuis', 'Kerkzaal'])}, {punt.straat}"
            a = Activiteit(
                pk=len(activiteiten) + 1,
                organisatie_id=org.pk,
                titel=titel if spec is BANENCLUB else f"{titel} {wijk.naam}",
                soort=soort,
                omschrijving=oms,
                doelgroep=doelgroep,
                wijk_id=wijk.pk,
                buurtkamer_id=kamer.pk if binnen and kamer is not None else None,
                locatie=locatie,
                postcode=punt.postcode,
                latitude=punt.latitude,
                longitude=punt.longitude,
                kosten=Decimal(kosten),
                aanmelding=aanmelding,
                contact=f"{org.naam}, {org.telefoon or '14 0570'}"
                if aanmelding != "inloop"
                else "",
                status="goedgekeurd",
                respijt="mantelzorg" in doelgroep.lower(),
            )
            activiteiten.append(a)
            domeinen += [
                ActiviteitDomein(pk=len(domeinen) + i + 1, activiteit_id=a.pk, domein=d)
                for i, d in enumerate(doms)
            ]
            van, tot = rng.choice(TIJDEN)
            for dag in sorted(rng.sample(range(1, 6), k=1 if spec is not BANENCLUB else 2)):
                tijden.append(
                    Tijdslot(
                        pk=len(tijden) + 1,
                        activiteit_id=a.pk,
                        weekdag=dag,
                        van=_t(van),
                        tot=_t(tot),
                    )
                )
            beoordelingen.append(
                ActiviteitBeoordeling(
                    pk=len(beoordelingen) + 1, activiteit_id=a.pk, status="goedgekeurd"
                )
            )
    Activiteit.objects.bulk_create(activiteiten, batch_size=500)
    ActiviteitDomein.objects.bulk_create(domeinen, batch_size=500)
    Tijdslot.objects.bulk_create(tijden, batch_size=500)
    ActiviteitBeoordeling.objects.bulk_create(beoordelingen, batch_size=500)

    profielen, vaardigheden, beschikbaar = [], [], []
    vrijwilligers = (
        User.objects.filter(rol=Rol.VRIJWILLIGER, medewerker__isnull=False)
        .select_related("medewerker")
        .prefetch_related("wijken")
        .order_by("pk")
    )
    namen_per_wijk: dict[int, list[str]] = {}
    financien_per_wijk: dict[int, int] = {}
    for user in vrijwilligers:
        wijk_ids = sorted(w.pk for w in user.wijken.all())
        if not wijk_ids:
            continue
        wijk_id = wijk_ids[0]
        namen_per_wijk.setdefault(wijk_id, []).append(user.get_full_name() or user.username)
        doms = rng.sample(sorted(VAARDIGHEDEN), k=rng.randint(1, 2))
        if financien_per_wijk.get(wijk_id, 0) < 2 and "financien" not in doms:
            doms.append("financien")
        if "financien" in doms:
            financien_per_wijk[wijk_id] = financien_per_wijk.get(wijk_id, 0) + 1
        punt = rng.choice(per_wijk[wijk_id])
        p = Vrijwilligersprofiel(
            pk=len(profielen) + 1,
            user_id=user.pk,
            organisatie_id=user.medewerker.organisatie_id,
            wijk_id=wijk_id,
            postcode=punt.postcode,
            latitude=punt.latitude,
            longitude=punt.longitude,
            vaardigheden="; ".join(VAARDIGHEDEN[d] for d in sorted(doms)),
            vog_datum=PEILDATUM - datetime.timedelta(days=rng.randint(20, 700)),
            max_matches=rng.choice([1, 2, 2, 3]),
        )
        profielen.append(p)
        vaardigheden += [
            VrijwilligerDomein(pk=len(vaardigheden) + i + 1, profiel_id=p.pk, domein=d)
            for i, d in enumerate(sorted(set(doms)))
        ]
        for dag in sorted(rng.sample(range(1, 8), k=rng.randint(1, 3))):
            beschikbaar.append(
                Beschikbaarheid(
                    pk=len(beschikbaar) + 1,
                    profiel_id=p.pk,
                    weekdag=dag,
                    dagdeel=rng.choice(["ochtend", "middag", "avond"]),
                )
            )
    Vrijwilligersprofiel.objects.bulk_create(profielen, batch_size=500)
    VrijwilligerDomein.objects.bulk_create(vaardigheden, batch_size=500)
    Beschikbaarheid.objects.bulk_create(beschikbaar, batch_size=500)

    bezettingen, diensten = [], []
    for kamer in Buurtkamer.objects.prefetch_related("openingstijden").order_by("pk"):
        bezettingen.append(Bezetting(pk=len(bezettingen) + 1, buurtkamer_id=kamer.pk, minimum=2))
        namen = namen_per_wijk.get(kamer.wijk_id, [])
        for tijd in kamer.openingstijden.all():
            aantal = rng.choice([1, 2, 2, 3])  # sometimes below the minimum of 2
            wie = rng.sample(namen, k=min(len(namen), aantal - 1)) if aantal > 1 else []
            rooster = [(n, Dienst.Soort.VRIJWILLIGER) for n in wie]
            rooster.append((rng.choice(BASIS_ROOSTER), Dienst.Soort.BASIS))
            for naam, soort in rooster:
                diensten.append(
                    Dienst(
                        pk=len(diensten) + 1,
                        buurtkamer_id=kamer.pk,
                        weekdag=tijd.weekdag,
                        van=tijd.van,
                        tot=tijd.tot,
                        soort=soort,
                        naam=naam,
                    )
                )
    Bezetting.objects.bulk_create(bezettingen)
    Dienst.objects.bulk_create(diensten, batch_size=500)
    _reset_sequences()
    return {
        "activiteiten": len(activiteiten),
        "vrijwilligersprofielen": len(profielen),
        "diensten": len(diensten),
    }


MODELLEN = [
    Activiteit,
    ActiviteitDomein,
    Tijdslot,
    ActiviteitBeoordeling,
    Vrijwilligersprofiel,
    VrijwilligerDomein,
    Beschikbaarheid,
    Bezetting,
    Dienst,
]


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), MODELLEN)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
