"""A message history for the demo municipality, written through the real services.

Providers ask for toewijzingen (315) that the gemeente grants (301) or rejects (319), the
gemeente assigns directly from a plan decision (301), providers report starts (305) and
stops with a reason (307), and the basisondersteuning registers starts without a
toewijzing (taakgericht). Every message and every retour is the product's own output, so
the demo shows a real inbox and outbox and a test can check all of it against the XSDs.
"""

import datetime
import random

from django.utils import timezone

from openwmo.accounts.models import Rol, User
from openwmo.berichten import services
from openwmo.berichten.models import Levering, Verzoek
from openwmo.inwoners.models import Persoon
from openwmo.organisaties.models import Organisatie

CLIENTEN_PER_AANBIEDER = 12
TAAKGERICHT_STARTS = 15
# WMO588 reasons for ending that a provider uses in practice
REDENEN_STOP = ["19", "19", "19", "20", "21", "23", "38", "02"]
# the municipality's product codes (within WMO020 categories 02 and 07)
PRODUCTCODES = {"02": "02TO2", "07": "07DB2"}


def _medewerker(org) -> User | None:
    return (
        User.objects.filter(medewerker__organisatie=org, rol=Rol.ZORGAANBIEDER, is_active=True)
        .order_by("pk")
        .first()
    )


def _berichtenbeheerder(org) -> User:
    """The provider's back-office account that sends its iWmo messages (no log-in)."""
    from openwmo.organisaties.models import Medewerker

    user = User(
        username=f"iwmo-{org.agb_code}", first_name="Berichtenverkeer", last_name=org.naam[:100]
    )
    user.rol = Rol.ZORGAANBIEDER
    user.set_unusable_password()
    user.save()
    Medewerker.objects.create(user=user, organisatie=org, functie="Administratie iWmo")
    return user


def _clienten(rng: random.Random, vandaag, aantal: int) -> list[Persoon]:
    grens = vandaag.replace(year=vandaag.year - 18)
    ids = list(
        Persoon.objects.filter(geboortedatum__lte=grens, toewijzingen__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    gekozen = rng.sample(ids, min(aantal, len(ids)))
    return list(Persoon.objects.filter(pk__in=gekozen).order_by("pk"))


def vul(rng: random.Random) -> dict:
    vandaag = timezone.localdate()
    consulent = User.objects.filter(rol=Rol.WMO_CONSULENT).order_by("pk").first()
    aanbieders = [
        (org, _medewerker(org))
        for org in Organisatie.objects.filter(soort=Organisatie.Soort.AANVULLEND).order_by("pk")
    ]
    aanbieders = [(org, user) for org, user in aanbieders if user is not None]
    basis = Organisatie.objects.filter(soort=Organisatie.Soort.BASISONDERSTEUNING).first()
    basis_user = (_medewerker(basis) or _berichtenbeheerder(basis)) if basis else None
    if consulent is None or not aanbieders:
        return {}
    clienten = _clienten(rng, vandaag, CLIENTEN_PER_AANBIEDER * len(aanbieders) + 20)
    for i, (org, user) in enumerate(aanbieders):
        for persoon in clienten[i * CLIENTEN_PER_AANBIEDER : (i + 1) * CLIENTEN_PER_AANBIEDER]:
            _traject(rng, vandaag, consulent, org, user, persoon)
    if basis_user is not None:
        for persoon in clienten[-TAAKGERICHT_STARTS:]:
            services.meld_start_taakgericht(
                basis_user,
                bsn=persoon.bsn,
                achternaam=persoon.achternaam,
                voorvoegsel=persoon.voorvoegsel,
                geboortedatum=persoon.geboortedatum,
                geslacht=persoon.geslacht,
                product_categorie="02",
                begindatum=vandaag - datetime.timedelta(days=rng.randint(1, 60)),
                kanaal="systeem",
            )
    from openwmo.berichten.models import Bericht

    return {"iwmo_berichten": Bericht.objects.count()}


def _traject(rng, vandaag, consulent, org, user, persoon) -> None:
    """One client's chain: request or direct assignment, then start and maybe a stop."""
    categorie = rng.choice(["02", "02", "07"])
    ingang = vandaag - datetime.timedelta(days=rng.randint(30, 150))
    if rng.random() < 0.5:
        services.vraag_toewijzing_aan(
            user,
            bsn=persoon.bsn,
            achternaam=persoon.achternaam,
            voorvoegsel=persoon.voorvoegsel,
            geboortedatum=persoon.geboortedatum,
            geslacht=persoon.geslacht,
            product_categorie=categorie,
            product_code=PRODUCTCODES[categorie],
            ingangsdatum=vandaag + datetime.timedelta(days=rng.randint(3, 20)),
            einddatum=vandaag + datetime.timedelta(days=rng.randint(180, 365)),
            volume=rng.randint(2, 6),
            eenheid="04",
            frequentie="2",
            kanaal="systeem",
        )
        verzoek = Verzoek.objects.filter(persoon=persoon, aanbieder=org).latest("pk")
        if rng.random() < 0.15:
            services.beantwoord_verzoek(
                consulent, verzoek.pk, besluit="afwijzen", reden_afwijzing="7"
            )
            return
        services.beantwoord_verzoek(consulent, verzoek.pk, besluit="toewijzen")
        return  # the start follows after the demo's reference date
    toewijzing = services.maak_toewijzing(
        consulent,
        persoon=persoon,
        aanbieder=org,
        product_categorie=categorie,
        product_code=PRODUCTCODES[categorie],
        ingangsdatum=ingang,
        einddatum=ingang + datetime.timedelta(days=365),
        volume=rng.randint(2, 6),
        eenheid="04",
        frequentie="2",
        bron="demo",
    )
    begin = ingang + datetime.timedelta(days=rng.randint(3, 25))
    services.meld_start(user, toewijzing.pk, begindatum=begin, kanaal="systeem")
    if rng.random() < 0.35:
        levering = Levering.objects.filter(toewijzing=toewijzing).latest("pk")
        services.meld_stop(
            user,
            levering.pk,
            einddatum=min(vandaag, begin + datetime.timedelta(days=rng.randint(14, 90))),
            reden=rng.choice(REDENEN_STOP),
            kanaal="systeem",
        )
