"""The plan and decision flows of Jelle and Frank (domain brief), in a real browser:
the ondersteuningsplan with its arrangement and evaluation, the referral letter, weighty
advice → review → beschikking and an objection with its deadline."""

import datetime

import pytest
from django.utils import timezone
from stappen import klik, verstuur

from openwmo.accounts.models import Rol
from openwmo.berichten.models import PgbToekenning
from openwmo.besluiten import termijnen
from openwmo.besluiten.models import Beschikking, Bezwaar
from openwmo.besluiten.tests.pdftekst import tekst
from openwmo.inwoners.models import Huishouden
from openwmo.plannen.models import Plan
from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december"


def lang(d: datetime.date) -> str:
    return f"{d.day} {MAANDEN.split()[d.month - 1]} {d.year}"


@pytest.fixture
def gemeente(live_server):
    wijk = f.WijkFactory(naam="Vrijheidswijk")
    postcode = f.PostcodeFactory(postcode="8921AB", buurt=f.BuurtFactory(wijk=wijk))
    jelle = f.PersoonFactory(
        voornamen="Jelle",
        achternaam="de Boer",
        geboortedatum=datetime.date(1982, 4, 1),
        huishouden=f.HuishoudenFactory(adres=f.AdresFactory(buurt_postcode=postcode)),
    )
    gezin = f.HuishoudenFactory(
        adres=f.AdresFactory(buurt_postcode=postcode),
        samenstelling=Huishouden.Samenstelling.PAAR_MET_KINDEREN,
    )
    frank = f.PersoonFactory(
        voornamen="Frank",
        achternaam="Visser",
        geboortedatum=datetime.date(1994, 2, 11),
        huishouden=gezin,
    )
    return {
        "jelle": jelle,
        "frank": frank,
        "werker": f.medewerker(
            Rol.SOCIAAL_WERKER,
            wijken=[wijk],
            username="generalist",
            first_name="Sanne",
            last_name="Dijkstra",
        ),
        "consulent": f.medewerker(Rol.WMO_CONSULENT, username="consulent"),
        "jelle_login": f.UserFactory(rol=Rol.INWONER, persoon=jelle, username="jelle"),
        "frank_login": f.UserFactory(rol=Rol.INWONER, persoon=frank, username="frank"),
    }


def login(screen, username):
    screen.page.context.clear_cookies()
    screen.goto("/inloggen/")
    screen.page.get_by_label("Gebruikersnaam").fill(username)
    screen.page.get_by_label("Wachtwoord").fill(f.PASSWORD)
    screen.page.get_by_role("button", name="Inloggen").click()
    screen.page.wait_for_load_state()


def nieuw_plan(screen, persoon, soort, naam):
    page = screen.page
    klik(page, "Ondersteuningsplannen")
    klik(page, "Nieuw ondersteuningsplan")
    page.get_by_label("BSN van de inwoner").fill(persoon.bsn)
    page.get_by_label("Wie voert de regie?").select_option(label=soort)
    page.get_by_label("Naam regievoerder").fill(naam)
    screen.check("plannen-nieuw")
    verstuur(page, "Plan aanmaken")
    assert "Het ondersteuningsplan is aangemaakt als concept" in page.content()


def regel(screen, soort, resultaat, uitvoerder, *, check=None, **velden):
    page = screen.page
    klik(page, "Regel toevoegen aan het arrangement")
    page.get_by_label("Soort ondersteuning").select_option(label=soort)
    page.get_by_label("Resultaat dat bereikt moet worden").fill(resultaat)
    page.get_by_label("Wie levert dit").fill(uitvoerder)
    for label, waarde in velden.items():
        veld = page.get_by_label(label)
        if veld.evaluate("e => e.tagName") == "SELECT":
            veld.select_option(label=waarde)
        elif waarde is True:
            veld.check()
        else:
            veld.fill(waarde)
    if check:
        screen.check(check)
    verstuur(page, "Regel toevoegen")
    assert "De regel is aan het arrangement toegevoegd" in page.content(), page.content()


def activeer(screen):
    klik(screen.page, "Plan actief maken")
    verstuur(screen.page, "Plan actief maken")
    assert "Het plan is actief" in screen.page.content()


def pdf_tekst(screen, linknaam) -> str:
    href = screen.page.get_by_role("link", name=linknaam).first.get_attribute("href")
    response = screen.page.request.get(screen.base_url + href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    return " ".join(tekst(response.body()).split())


def test_jelle_plan_met_basis_vrijwilliger_jobclub_en_evaluatie(screen, gemeente):
    page = screen.page
    login(screen, "generalist")
    nieuw_plan(screen, gemeente["jelle"], "Een professional", "Sanne Dijkstra")
    regel(
        screen,
        "Basisondersteuning",
        "Jelle houdt zijn huis en valt niet terug",
        "Sanne Dijkstra",
        check="plannen-regel",
        **{"Uren per week": "3", "Flexibele inzet (basisondersteuning)": True},
    )
    regel(
        screen,
        "Sociale basis",
        "Overzicht over de financiën, schuldregeling voorbereid",
        "Vrijwilliger Henk (thuisadministratie)",
        **{"Wat wordt er gedaan": "Vrijwilliger financiën en administratie", "Uren per week": "2"},
    )
    regel(
        screen,
        "Sociale basis",
        "Weer meedoen en zicht op werk",
        "Buurtkamer De Linde",
        **{"Wat wordt er gedaan": "Jobclub op dinsdagmiddag in de buurtkamer"},
    )
    activeer(screen)
    screen.check("plannen-plan-actief")

    klik(page, "Op- of afschalen (regel 1)")
    page.get_by_label("Nieuwe inzet (uren per week)").fill("4")
    page.get_by_label("Waarom verandert de inzet?").fill("Brief van de deurwaarder, even meer")
    verstuur(page, "Inzet wijzigen")
    assert "er is geen nieuw besluit nodig" in page.content()

    morgen = timezone.localdate() + datetime.timedelta(days=1)
    klik(page, "Evaluatie plannen (regel 2)")
    page.get_by_label("Datum van de evaluatie").fill(morgen.isoformat())
    verstuur(page, "Evaluatie plannen")
    screen.goto("/")
    assert "Evaluaties binnenkort" in page.content() and "Jelle de Boer" in page.content()
    screen.check("plannen-start-werker")
    klik(page, "Jelle de Boer")
    klik(page, f"Evaluatie van {morgen.strftime('%-d-%-m-%Y')} vastleggen")
    page.get_by_label("Is het resultaat bereikt?").select_option(label="Deels bereikt")
    page.get_by_label("Hoe kijkt de inwoner er zelf tegen aan?").fill(
        "Ik open mijn post weer, maar de schulden blijven eng."
    )
    page.get_by_label("Wat verandert er?").fill("Henk komt voortaan op maandag.")
    screen.check("plannen-evaluatie")
    verstuur(page, "Evaluatie vastleggen")
    inhoud = page.content()
    assert "De evaluatie is vastgelegd" in inhoud
    assert "50% van de resultaten bereikt" in inhoud
    assert "Jobclub op dinsdagmiddag" in inhoud and "Sanne Dijkstra (Een professional)" in inhoud
    screen.check("plannen-plan-geevalueerd")
    klik(page, "Versie 1")
    assert "Nog geen regels" in page.content()
    screen.check("plannen-versie")
    klik(page, "Ondersteuningsplannen")
    screen.check("plannen-overzicht")

    plan = Plan.objects.get(persoon=gemeente["jelle"])
    assert plan.status == "actief" and plan.regievoerder_gebruiker == gemeente["werker"]
    basis, vrijwilliger, jobclub = plan.regels.order_by("pk")
    assert (basis.soort, basis.flexibel, str(basis.uren_per_week)) == ("basis", True, "4.0")
    assert [str(i.naar) for i in basis.intensiteiten.order_by("pk")] == ["3.0", "4.0"]
    assert (vrijwilliger.soort, str(vrijwilliger.uren_per_week)) == ("sociale_basis", "2.0")
    assert jobclub.omschrijving.startswith("Jobclub")
    assert vrijwilliger.evaluaties.get().voortgang == "deels"

    # Jelle reads his own plan and comments on it
    login(screen, "jelle")
    klik(page, "Mijn ondersteuningsplan bekijken")
    page.get_by_label("Uw reactie op het plan").fill("Liever op maandag dan op vrijdag.")
    verstuur(page, "Reactie versturen")
    assert "Uw reactie is bij het plan bewaard" in page.content()
    screen.check("plannen-inwoner")


def test_frank_verwijzing_pgb_dan_advies_beschikking_en_bezwaar(screen, gemeente):
    page = screen.page
    frank = gemeente["frank"]
    vandaag = timezone.localdate()
    login(screen, "generalist")
    nieuw_plan(screen, frank, "Iemand uit het netwerk", "Anneke Visser (moeder)")
    regel(
        screen,
        "Aanvullende ondersteuning",
        "Frank komt weer buiten met een begeleider die bij hem past",
        "Begeleider gekozen door de ouders",
        **{
            "Productcategorie (aanvullend)": "Thuisondersteuning",
            "Leveringsvorm (aanvullend)": "Persoonsgebonden budget (pgb)",
            "Ingangsdatum": vandaag.isoformat(),
            "Einddatum": vandaag.replace(year=vandaag.year + 1).isoformat(),
        },
    )
    activeer(screen)
    klik(page, "Pgb-vaardigheid vastleggen (regel 1)")
    page.get_by_label("Wie beheert het pgb?").select_option(label="Een vertegenwoordiger")
    page.get_by_label("Naam van de budgetbeheerder").fill("Anneke en Piet Visser (ouders)")
    page.get_by_label("Kan regie voeren over de ondersteuning").check()
    page.get_by_label("Kan de administratie van het budget bijhouden").check()
    page.get_by_label("Kan afspraken maken met en aansturen van de hulpverlener").check()
    page.get_by_label("Toelichting op de beoordeling").fill("Ouders beheren al jaren zijn zaken.")
    screen.check("besluiten-pgb-vaardigheid")
    verstuur(page, "Beoordeling vastleggen")
    klik(page, "Verwijzing maken (regel 1)")
    screen.check("besluiten-verwijzing")
    verstuur(page, "Verwijzing maken")
    assert "De verwijzing VW-" in page.content()
    brief = pdf_tekst(screen, "Verwijzing VW-")
    for verwacht in ("Frank Visser", "Thuisondersteuning", "recht op een beschikking"):
        assert verwacht in brief, verwacht
    assert PgbToekenning.objects.filter(persoon=frank).exists()

    # Frank (with his parents) asks for a formal decision instead
    login(screen, "frank")
    klik(page, "Mijn ondersteuningsplan bekijken")
    klik(page, "Een beschikking vragen (regel 1)")
    page.get_by_label("Wilt u iets toelichten?").fill("Wij willen een besluit waar bezwaar op kan.")
    screen.check("besluiten-beschikking-vragen")
    verstuur(page, "Beschikking vragen")
    assert "Uw verzoek om een beschikking is ontvangen" in page.content()

    login(screen, "generalist")
    assert "Inwoners die om een beschikking vragen" in page.content()
    klik(page, "Frank Visser")
    klik(page, "Inwoner vraagt een beschikking: zwaarwegend advies (regel 1)")
    page.get_by_label("Zwaarwegend advies").fill(
        "Frank heeft begeleiding met specifieke expertise in autisme nodig; de ouders "
        "beheren het pgb. Periode een jaar."
    )
    screen.check("besluiten-advies-nieuw")
    verstuur(page, "Advies indienen")
    assert "Het zwaarwegend advies is ingediend" in page.content()

    login(screen, "consulent")
    assert "Adviezen te beoordelen" in page.content()
    screen.check("besluiten-start-consulent")
    klik(page, "Frank Visser")
    page.get_by_label("Beoordeling").select_option(label="Accepteren")
    screen.check("besluiten-advies-beoordelen")
    verstuur(page, "Beoordeling vastleggen")
    klik(page, "Beschikking vaststellen")
    page.get_by_label("Pgb-bedrag in euro").fill("450,00")
    page.get_by_label("Het pgb-bedrag geldt per").select_option(label="maand")
    page.get_by_label("Motivering van het besluit").fill(
        "Frank heeft specialistische begeleiding nodig die de basisondersteuning niet biedt."
    )
    screen.check("besluiten-beschikking-nieuw")
    verstuur(page, "Beschikking vaststellen")
    assert "De beschikking is vastgesteld" in page.content()
    screen.check("besluiten-beschikking")
    b = Beschikking.objects.get()
    brief = pdf_tekst(screen, f"Beschikking {b.kenmerk} als PDF")
    for verwacht in (b.kenmerk, "€ 450,00 per maand", "bezwaar maken", lang(b.einddatum)):
        assert verwacht in brief, verwacht

    klik(page, "Bezwaar registreren")
    page.get_by_label("Gronden van het bezwaar").fill("Het bedrag is te laag voor goede hulp.")
    verstuur(page, "Bezwaar registreren")
    assert "Het bezwaar is geregistreerd" in page.content()
    bezwaar = Bezwaar.objects.get()
    stand = termijnen.stand(bezwaar, vandaag)
    inhoud = page.content()
    assert lang(stand.bezwaartermijn_einde) in inhoud and lang(stand.beslistermijn_einde) in inhoud
    screen.check("besluiten-bezwaar")
    screen.goto("/")
    assert "Lopende bezwaren" in page.content() and "Bezwaar" in page.content()
    klik(page, "Besluiten en bezwaar")
    assert stand.beslistermijn_einde.strftime("%-d-%-m-%Y") in page.content()
    screen.check("besluiten-overzicht")
