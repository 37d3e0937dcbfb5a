from openwmo.accounts.models import Rol

DOSSIER = {Rol.SOCIAAL_WERKER, Rol.WMO_CONSULENT}
MELDERS = DOSSIER | {Rol.VRIJWILLIGER}
PUBLIC = "public"


def objecten(users, inwoner):
    """A melding registered today at a buurtkamer in the resident's wijk, a household-help
    melding routed to the provider's organisation, a completed investigation, a signal
    and an unmatched online question."""
    import datetime

    from django.utils import timezone

    from openwmo.testing import factories as f
    from openwmo.toegang import services
    from openwmo.toegang.models import Melding, Onderzoek, OnlineMelding, Signaal, Status

    wijk = inwoner.huishouden.adres.buurt.wijk
    kamer = f.BuurtkamerFactory(wijk=wijk)
    nu = timezone.now()
    melding = services.registreer_melding(
        users[Rol.VRIJWILLIGER],
        services.NieuweMelding(
            bsn=inwoner.bsn,
            geboortedatum=inwoner.geboortedatum,
            naam=inwoner.volledige_naam,
            kanaal="buurtkamer",
            ontvangen_op=nu,
            vraag="Ik wil weer meedoen in de buurt.",
            buurtkamer_id=kamer.pk,
        ),
        kanaal="ui",
    )
    basis = {"persoon": inwoner, "huishouden": inwoner.huishouden, "ontvangen_op": nu}
    hh = Melding.objects.create(
        **basis,
        kanaal="telefoon",
        vraag="Ik kan niet meer stofzuigen.",
        route="hh",
        hh_aanbieder=users[Rol.ZORGAANBIEDER].medewerker.organisatie,
        status=Status.BIJ_AANBIEDER,
    )
    afgerond = Melding.objects.create(
        **basis,
        kanaal="telefoon",
        vraag="Hulp bij mijn administratie.",
        status=Status.ONDERZOEK_AFGEROND,
        onderzoek_afgerond_op=timezone.localdate(),
    )
    Onderzoek.objects.create(melding=afgerond, gewenst_resultaat="Grip op mijn geld.")
    signaal = Signaal.objects.create(
        persoon=inwoner,
        bron="buur",
        melder="Buurvrouw",
        zorg="Post stapelt zich op.",
        ontvangen_op=nu,
    )
    online = OnlineMelding.objects.create(
        vraag="Hulp nodig",
        naam="Onbekend",
        bsn="999999990",
        postcode="9001AB",
        geboortedatum=datetime.date(1980, 1, 1),
        ontvangen_op=nu,
        wijk=wijk,
    )
    return {
        "melding": melding.pk,
        "hh_melding": hh.pk,
        "afgerond": afgerond.pk,
        "signaal": signaal.pk,
        "online": online.pk,
    }


M = "/toegang/meldingen/{melding}"
ACCESS = {
    "toegang:werkvoorraad": ("/toegang/", MELDERS | {Rol.ZORGAANBIEDER, Rol.INWONER}, "get"),
    "toegang:online-melden": ("/toegang/melden/", PUBLIC, "get"),
    "toegang:online-ontvangen": ("/toegang/melden/ontvangen/", PUBLIC, "get"),
    "toegang:online-koppelen": ("/toegang/online/{online}/", DOSSIER, "get"),
    "toegang:melding-nieuw": ("/toegang/meldingen/nieuw/", MELDERS, "get"),
    "toegang:melding": (f"{M}/", MELDERS | {Rol.INWONER}, "get"),
    "toegang:eerste-contact": (f"{M}/eerste-contact/", MELDERS, "get"),
    "toegang:toewijzen": (f"{M}/toewijzen/", DOSSIER, "get"),
    "toegang:onderzoek": (f"{M}/onderzoek/", DOSSIER, "get"),
    "toegang:gesprek-nieuw": (f"{M}/gesprekken/nieuw/", DOSSIER, "get"),
    "toegang:behoefte-nieuw": (f"{M}/oplossingen/nieuw/", DOSSIER, "get"),
    "toegang:triage": (f"{M}/triage/", DOSSIER, "get"),
    "toegang:afronden": (f"{M}/afronden/", DOSSIER, "get"),
    "toegang:overdracht": (f"{M}/overdracht/", DOSSIER, "get"),
    "toegang:termijnen": (f"{M}/termijnen/", DOSSIER, "get"),
    "toegang:verslag": (
        "/toegang/meldingen/{afgerond}/verslag/",
        DOSSIER | {Rol.INWONER},
        "get",
    ),
    "toegang:verslag-pdf": (
        "/toegang/meldingen/{afgerond}/verslag.pdf",
        DOSSIER | {Rol.INWONER},
        "get",
    ),
    "toegang:huishoudelijke-hulp": (
        "/toegang/meldingen/{hh_melding}/huishoudelijke-hulp/",
        {Rol.ZORGAANBIEDER},
        "get",
    ),
    "toegang:signaal-nieuw": ("/toegang/signalen/nieuw/", DOSSIER, "get"),
    "toegang:signaal": ("/toegang/signalen/{signaal}/", DOSSIER, "get"),
    "api:toegang-meldingen": (
        "/api/v1/meldingen/",
        MELDERS | {Rol.ZORGAANBIEDER, Rol.INWONER},
        "get",
    ),
    "api:toegang-melding": ("/api/v1/meldingen/{melding}/", MELDERS | {Rol.INWONER}, "get"),
    "api:toegang-melding-eerste-contact": (
        "/api/v1/meldingen/{melding}/eerste-contact/",
        MELDERS,
        "post",
        {"uitkomst": "informatie", "toelichting": "Folder over de buurtkamer"},
    ),
    "api:toegang-gesprekken": ("/api/v1/meldingen/{melding}/gesprekken/", DOSSIER, "get"),
    "api:toegang-onderzoek": (
        "/api/v1/meldingen/{melding}/onderzoek/",
        DOSSIER,
        "put",
        {"gewenst_resultaat": "Weer meedoen"},
    ),
    "api:toegang-signalen": ("/api/v1/signalen/", DOSSIER, "get"),
    "api:toegang-signaal-triage": (
        "/api/v1/signalen/{signaal}/beoordeling/",
        DOSSIER,
        "post",
        {"besluit": "geen_actie", "reden": "Is al bekend bij de huisarts"},
    ),
}
