"""A family with rent arrears (domain brief, seed §4.3/§4.4): the housing corporation
signals, the basis worker goes out, handles the threatened eviction the same day and makes
one household plan with debt and youth lines; the youth team (JET) is process coordinator
for the youth part, next to the household's regievoerder."""

import datetime

import pytest
from django.utils import timezone
from stappen import klik, verstuur

from openwmo.accounts.models import Rol
from openwmo.inwoners.models import Huishouden
from openwmo.jeugd.models import Risicotaxatie
from openwmo.plannen.models import Plan
from openwmo.privacy.models import AuditRecord
from openwmo.schuldhulp import selectors as schuldhulp
from openwmo.schuldhulp.models import Crisis, Inzet
from openwmo.testing import factories as f
from openwmo.toegang.models import Signaal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def gezin(live_server):
    wijk = f.WijkFactory(naam="Oosterpark")
    postcode = f.PostcodeFactory(postcode="8912AB", buurt=f.BuurtFactory(wijk=wijk))
    huishouden = f.HuishoudenFactory(
        adres=f.AdresFactory(buurt_postcode=postcode),
        samenstelling=Huishouden.Samenstelling.PAAR_MET_KINDEREN,
    )
    vandaag = timezone.localdate()
    erik = f.PersoonFactory(
        voornamen="Erik",
        achternaam="Bakker",
        geboortedatum=datetime.date(1986, 5, 2),
        huishouden=huishouden,
        rol_in_huishouden="hoofdbewoner",
    )
    f.PersoonFactory(
        voornamen="Lisa",
        achternaam="Bakker",
        geboortedatum=datetime.date(1988, 9, 14),
        huishouden=huishouden,
        rol_in_huishouden="partner",
    )
    f.PersoonFactory(
        voornamen="Sem",
        achternaam="Bakker",
        geboortedatum=vandaag.replace(year=vandaag.year - 9, day=1),
        huishouden=huishouden,
        rol_in_huishouden="kind",
    )
    return {
        "erik": erik,
        "werker": f.medewerker(
            Rol.SOCIAAL_WERKER,
            wijken=[wijk],
            username="generalist",
            first_name="Sanne",
            last_name="Dijkstra",
        ),
        "vrijwilliger": f.medewerker(Rol.VRIJWILLIGER, wijken=[wijk], username="vrijwilliger"),
    }


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def vul(page, velden: dict):
    for label, waarde in velden.items():
        veld = page.get_by_label(label).first
        if veld.evaluate("e => e.tagName") == "SELECT":
            veld.select_option(label=waarde)
        else:
            veld.fill(waarde)


def test_gezin_met_huurachterstand(screen, gezin):
    page = screen.page
    erik = gezin["erik"]
    vandaag = timezone.localdate()
    login(screen, "generalist")

    # 1. The housing corporation signals rent arrears: outreach visit planned
    screen.goto(f"/inwoners/{erik.pk}/")
    klik(page, "Betalingsachterstand vastleggen")
    vul(
        page,
        {
            "Soort schuldeiser": "Woningcorporatie (huur)",
            "Naam schuldeiser": "Woonstichting Lindeveen",
            "Fase": "Laatsignaal (problematische achterstand)",
            "Achterstand in euro": "abc",
            "Aantal maanden achterstand": "3",
            "Signaal ontvangen op": vandaag.isoformat(),
            "Outreachend huisbezoek gepland op": (vandaag + datetime.timedelta(days=1)).isoformat(),
        },
    )
    verstuur(page, "Signaal vastleggen")
    assert "Vul een bedrag in euro in" in page.content()
    page.get_by_label("Achterstand in euro").fill("2.150,00")
    screen.check("schuldhulp-signaal")
    verstuur(page, "Signaal vastleggen")
    inhoud = page.content()
    assert "Het betalingssignaal is vastgelegd" in inhoud
    assert "Woonstichting Lindeveen, € 2150,00 (3 maanden)" in inhoud
    signaal = Signaal.objects.get(persoon=erik)
    assert (signaal.bron, signaal.besluit) == ("woningcorporatie", "outreach")

    # 2. At the visit: eviction announced → crisis, to be handled today
    klik(page, "Crisis melden (uithuiszetting of afsluiting)")
    vul(
        page,
        {
            "Soort crisis": "Dreigende uithuiszetting",
            "Datum ontruiming of afsluiting": (vandaag + datetime.timedelta(days=10)).isoformat(),
            "Situatie": "Vonnis ontvangen, ontruiming aangezegd door de deurwaarder",
        },
    )
    verstuur(page, "Crisis vastleggen")
    assert "pak hem vandaag op" in page.content()
    screen.goto("/")
    assert "Open schuldencrises" in page.content()
    klik(page, "Erik Bakker")
    vul(
        page,
        {
            "Uitkomst": "Afgewend: betalingsregeling of uitstel afgesproken",
            "Afspraken": "Corporatie schort ontruiming op bij betalingsregeling van 12 maanden",
        },
    )
    screen.check("schuldhulp-crisis")
    verstuur(page, "Uitkomst vastleggen")
    assert "op tijd" in page.content()
    assert Crisis.objects.get().op_tijd is True

    # 3. One household plan with debt and youth lines
    klik(page, "Ondersteuningsplannen")
    klik(page, "Nieuw ondersteuningsplan")
    page.get_by_label("BSN van de inwoner").fill(erik.bsn)
    page.get_by_label("Wie voert de regie?").select_option(label="Een professional")
    page.get_by_label("Naam regievoerder").fill("Sanne Dijkstra")
    verstuur(page, "Plan aanmaken")
    klik(page, "Schuldhulp toevoegen (eigen ondersteuning, verwijzing of nazorg)")
    vul(
        page,
        {
            "Soort inzet": "Eigen ondersteuning bij eenvoudige schulden",
            "Doel voor financiële stabiliteit": "Huur elke maand op tijd betaald",
            "Wie voert het uit": "Sanne Dijkstra",
            "Uren per week": "2",
        },
    )
    screen.check("schuldhulp-inzet")
    verstuur(page, "Toevoegen aan het plan")
    klik(page, "Schuldhulp toevoegen (eigen ondersteuning, verwijzing of nazorg)")
    vul(
        page,
        {
            "Soort inzet": "Verwijzing naar aanvullende ondersteuning",
            "Doel voor financiële stabiliteit": "Vaste lasten via budgetbeheer betaald",
            "Wie voert het uit": "Kredietbank Lindeveen",
        },
    )
    verstuur(page, "Toevoegen aan het plan")
    assert "Kies waarnaar u verwijst" in page.content()
    page.get_by_label("Verwezen naar").select_option(label="Budgetbeheer / inkomensbeheer")
    verstuur(page, "Toevoegen aan het plan")
    assert "De schuldhulp is aan het plan toegevoegd" in page.content()

    klik(page, "Lichte opvoedondersteuning toevoegen")
    vul(
        page,
        {
            "Soort ondersteuning": "Herstel balans draagkracht en draaglast",
            "Resultaat voor het gezin": "Ouders houden rust en overzicht voor Sem",
            "Uren per week": "1",
        },
    )
    verstuur(page, "Toevoegen aan het plan")
    klik(page, "JET als procesregisseur jeugddeel")
    page.get_by_label("Medewerker van het JET").fill("Anouk Terpstra")
    screen.check("jeugd-procesregie")
    verstuur(page, "Vastleggen")
    klik(page, "Overleg met het JET vastleggen")
    vul(
        page,
        {
            "Medewerker van het JET": "Anouk Terpstra",
            "Advies en afspraken": "Sem krijgt ambulante jeugdhulp; JET besluit",
        },
    )
    verstuur(page, "Overleg vastleggen")
    inhoud = page.content()
    assert (
        "Regievoerder huishouden: Sanne Dijkstra. Procesregie jeugddeel: JET: Anouk Terpstra."
        in inhoud
    )
    assert (
        "Budgetbeheer / inkomensbeheer (aanvullend, externe partij): Kredietbank Lindeveen"
        in inhoud
    )
    assert "Sem krijgt ambulante jeugdhulp" in inhoud

    # 4. Zicht op veiligheid: also when the adults are the clients
    klik(page, "Zicht op veiligheid")
    klik(page, "Risicotaxatie vastleggen")
    vul(
        page,
        {
            "Uitkomst": "Lichte zorgen: volgen",
            "Risico's uit problemen van de volwassenen": "Stress door dreigende ontruiming",
            "Onderbouwing": "Sem gaat goed naar school; ouders zoeken zelf hulp",
        },
    )
    verstuur(page, "Taxatie vastleggen")
    assert "Lichte zorgen: volgen" in page.content()
    screen.check("jeugd-veiligheid")
    screen.goto(f"/plannen/{Plan.objects.get(persoon=erik).pk}/")
    klik(page, "Plan actief maken")
    verstuur(page, "Plan actief maken")
    screen.check("schuldhulp-plan")

    plan = Plan.objects.get(persoon=erik)
    assert plan.status == "actief" and plan.jeugd_procesregisseur == "JET: Anouk Terpstra"
    assert plan.regievoerder_naam == "Sanne Dijkstra"
    assert sorted(r.omschrijving[:20] for r in plan.regels.all()) == [
        "Eigen ondersteuning ",
        "Lichte opvoedonderst",
    ]
    assert Inzet.objects.filter(plan=plan).count() == 2
    assert Risicotaxatie.objects.get().risico == "licht"
    maand = schuldhulp.telling_per_maand(vandaag, vandaag)[vandaag.strftime("%Y-%m")]
    assert maand == {
        "signalen": 1,
        "crisis": 1,
        "eigen_ondersteuning": 1,
        "verwijzingen": 1,
        "nazorg": 0,
    }
    assert AuditRecord.objects.filter(object_type="zicht_op_veiligheid", actie="lezen").exists()

    # A volunteer of the same wijk never sees the safety file
    login(screen, "vrijwilliger")
    response = page.goto(screen.base_url + f"/jeugd/veiligheid/{erik.huishouden_id}/")
    assert response.status in (403, 404)
