"""The example household-help norm framework (source named) and a year of fast-route
requests with their decisions and lead times, plus weighty advice for regional facilities.
History is bulk-written; the framework is loaded through the service."""

import datetime

from openwmo.accounts.models import Rol, User
from openwmo.demo.constants import PEILDATUM
from openwmo.inwoners.models import Persoon
from openwmo.voorzieningen import normen, services
from openwmo.voorzieningen.models import Aanvraag, RegionaalAdvies

PER_MAAND = {"hh": 10, "vervoerspas": 8, "woonaanpassing": 5}
DAGEN = {"hh": (3, 16), "vervoerspas": (0, 6), "woonaanpassing": (4, 18)}


def vul(rng) -> dict:
    v = normen.VOORBEELD
    services.laad_normenkader(
        None,
        naam=v["naam"],
        bron=v["bron"],
        ingangsdatum=datetime.date(2020, 1, 1),
        inhoud=v["inhoud"],
        kanaal="systeem",
    )
    consulent = User.objects.filter(rol=Rol.WMO_CONSULENT).order_by("pk").first()
    werker = User.objects.filter(rol=Rol.SOCIAAL_WERKER, username="sociaalwerker").first()
    ids = list(
        Persoon.objects.filter(geboortedatum__lt=datetime.date(PEILDATUM.year - 60, 1, 1))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return {"normenkader_hh": v["naam"]}
    instellingen = normen.route_instellingen()
    aanvragen = []
    eerste = PEILDATUM.replace(day=1)
    for _maand in range(12):
        eerste = (eerste - datetime.timedelta(days=1)).replace(day=1)
        for soort, aantal in PER_MAAND.items():
            for _ in range(rng.randint(aantal - 2, aantal + 2)):
                ingediend = eerste + datetime.timedelta(days=rng.randint(0, 27))
                besloten = ingediend + datetime.timedelta(days=rng.randint(*DAGEN[soort]))
                if besloten > PEILDATUM:
                    continue
                besluit = rng.choices(["toegekend", "afgewezen", "breed"], [80, 12, 8])[0]
                aanvragen.append(
                    Aanvraag(
                        persoon_id=rng.choice(ids),
                        soort=soort,
                        toelichting="Aanvraag via de snelle route",
                        ingediend_op=ingediend,
                        beslissen_uiterlijk=ingediend
                        + datetime.timedelta(days=instellingen[soort]["beslistermijn"]),
                        besluit=besluit,
                        reden="Getoetst aan de criteria",
                        besloten_op=besloten,
                        besloten_door=consulent,
                        leveren_uiterlijk=besloten
                        + datetime.timedelta(days=instellingen[soort]["levertijd"])
                        if besluit == "toegekend"
                        else None,
                    )
                )
    Aanvraag.objects.bulk_create(aanvragen)
    adviezen = [
        RegionaalAdvies(
            persoon_id=rng.choice(ids),
            voorziening=voorziening,
            advies="Zelfstandig wonen lukt ondanks basisondersteuning niet; advies onderbouwd "
            "met het gesprek en de zelfredzaamheidsscores.",
            expertteam="Expertteam GGZ Lindeveen" if voorziening == "beschermd_wonen" else "",
            regievoerder=werker,
            ingediend_op=PEILDATUM - datetime.timedelta(days=dagen),
            besluit="toegekend" if dagen > 20 else "",
            toetsing="Advies gevolgd" if dagen > 20 else "",
            besloten_op=PEILDATUM - datetime.timedelta(days=dagen - 14) if dagen > 20 else None,
            besloten_door=consulent if dagen > 20 else None,
        )
        for voorziening, dagen in [
            ("beschermd_wonen", 90),
            ("beschermd_wonen", 10),
            ("thuisplus", 45),
            ("thuisplus", 5),
            ("landelijk", 60),
        ]
    ]
    RegionaalAdvies.objects.bulk_create(adviezen)
    return {
        "normenkader_hh": v["naam"],
        "aanvragen_snelle_route": len(aanvragen),
        "regionale_adviezen": len(adviezen),
    }
