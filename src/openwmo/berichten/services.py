"""Use cases of the message exchange, for the gemeente and for providers.

Gemeente: toewijzingen (from an approved plan line in kind; the plan app calls
``maak_toewijzing``), changes, answers to requests, PGB registration (OP043).
Provider: start (305), stop (307), requests (315) and raw messages through the same
receiving pipeline as the HTTP endpoint. Every outgoing message is checked with our own
codec before it is stored.
"""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.organisaties.models import Organisatie
from openwmo.privacy import services as audit

from . import codelijsten, regels, schema, verwerking
from .models import (
    MET_TOEWIJZING,
    Bericht,
    Contract,
    Levering,
    PgbToekenning,
    Toewijzing,
    ToewijzingVersie,
    Uitvoeringsvariant,
    Verzoek,
)
from .verwerking import Invoer, maak_retour, nieuwe_identificatie, verwerk

GEMEENTE_ROLLEN = frozenset({Rol.WMO_CONSULENT})
AANBIEDER_ROLLEN = frozenset({Rol.ZORGAANBIEDER})
VRIJGESTELD = regels.VRIJGESTELDE_CATEGORIEEN


def leverstand_bijwerken(toewijzing_ids=None) -> int:
    """For bulk loads outside the pipeline (the city preset): set Toewijzing.gestart /
    gestopt from the stored starts and stops, as the pipeline does after every batch."""
    return verwerking.leverstand_bijwerken(toewijzing_ids)


def _eis_rol(user, rollen):
    """``None`` is the system (e.g. the plan app acting on an approved plan)."""
    if user is not None and user.rol not in rollen:
        raise PermissionDenied(_("Uw rol mag dit niet."))


def _doel(user):
    return doel_voor(user) if user is not None else "Uitvoering Wmo 2015"


def gemeente() -> Organisatie:
    org = (
        Organisatie.objects.filter(soort=Organisatie.Soort.GEMEENTE)
        .exclude(gemeentecode="")
        .order_by("pk")
        .first()
    )
    if org is None:
        raise ValidationError(
            {"niet_veldgebonden": [_("Er is geen gemeente met een CBS-gemeentecode ingericht.")]}
        )
    return org


def contract_voor(aanbieder, categorie: str, code: str, datum) -> Contract | None:
    beste = None
    for c in Contract.objects.filter(aanbieder=aanbieder, productcategorie=categorie):
        if c.geldig_op(datum):
            if c.productcode == code:
                return c
            if not c.productcode:
                beste = c
    return beste


def _overlapt(b1, e1, b2, e2) -> bool:
    return b1 <= (e2 or datetime.date.max) and b2 <= (e1 or datetime.date.max)


def _zelfde_product(cat1, code1, cat2, code2) -> bool:
    return cat1 == cat2 and (not code1 or not code2 or code1 == code2)


def pgb_overlap(persoon, categorie, code, ingangsdatum, einddatum) -> PgbToekenning | None:
    """OP043: a toewijzing ends at the latest the day before a PGB for the same product."""
    for pgb in PgbToekenning.objects.filter(persoon=persoon, productcategorie=categorie):
        if _zelfde_product(categorie, code, pgb.productcategorie, pgb.productcode) and _overlapt(
            ingangsdatum, einddatum, pgb.ingangsdatum, pgb.einddatum
        ):
            return pgb
    return None


def _controleer_toewijzing(
    persoon, aanbieder, categorie, code, ingangsdatum, einddatum, omvang, budget, zelf=None
):
    fouten: dict[str, list[str]] = {}

    def fout(veld, melding):
        fouten.setdefault(veld, []).append(melding)

    codes = codelijsten.huidige()
    if not aanbieder.agb_code:
        fout("aanbieder", _("Deze aanbieder heeft geen AGB-code en kan geen berichten ontvangen."))
    if not codes.geldig("WMO020", categorie, ingangsdatum):
        fout("product_categorie", _("Kies een geldige productcategorie."))
    if code and categorie not in codes.categorie_van(code):
        fout("product_code", _("Deze productcode hoort niet bij de gekozen categorie (TR381)."))
    if einddatum and einddatum < ingangsdatum:
        fout("einddatum", _("De einddatum ligt voor de ingangsdatum."))
    contract = contract_voor(aanbieder, categorie, code, ingangsdatum)
    if contract is None:
        fout(
            "aanbieder",
            _("Deze aanbieder heeft op de ingangsdatum geen contract voor dit product."),
        )
    elif contract.uitvoeringsvariant not in MET_TOEWIJZING:
        fout(
            "aanbieder",
            _("Onder taakgerichte financiering wordt geen toewijzing per cliënt verstuurd."),
        )
    combinatie: list[schema.Fout] = []
    product = {"Categorie": categorie, **({"Code": code} if code else {})}
    regels._combinatie("", product, omvang, budget, einddatum, combinatie)
    for f in combinatie:
        fout("volume", f.melding)
    pgb = pgb_overlap(persoon, categorie, code, ingangsdatum, einddatum)
    if pgb is not None:
        fout(
            "product_categorie",
            _(
                "Deze toewijzing overlapt met een pgb voor hetzelfde product vanaf %(datum)s. "
                "Zorg in natura moet eindigen op de dag voor het pgb (OP043)."
            )
            % {"datum": pgb.ingangsdatum.strftime("%d-%m-%Y")},
        )
    if categorie not in VRIJGESTELD:
        bestaande = Toewijzing.objects.filter(
            persoon=persoon, aanbieder=aanbieder, productcategorie=categorie
        ).exclude(reden_wijziging="13")
        if zelf is not None:
            bestaande = bestaande.exclude(pk=zelf.pk)
        for t in bestaande:
            if _zelfde_product(categorie, code, t.productcategorie, t.productcode) and _overlapt(
                ingangsdatum, einddatum, t.ingangsdatum, t.einddatum
            ):
                fout(
                    "ingangsdatum",
                    _("Toewijzing %(nr)s voor hetzelfde product overlapt in tijd (TR302).")
                    % {"nr": t.nummer},
                )
    if fouten:
        raise ValidationError(fouten)
    return contract


def _omvang(volume, eenheid, frequentie):
    if volume is None and not eenheid and not frequentie:
        return None
    if volume is None or not eenheid or not frequentie:
        raise ValidationError(
            {
                "volume": [
                    _("Vul volume, eenheid en frequentie samen in, of laat ze alle drie leeg.")
                ]
            }
        )
    return {"Volume": volume, "Eenheid": eenheid, "Frequentie": frequentie}


def maak_toewijzing(
    user,
    *,
    persoon,
    aanbieder,
    product_categorie: str,
    product_code: str = "",
    ingangsdatum: datetime.date,
    einddatum: datetime.date | None = None,
    volume: int | None = None,
    eenheid: str = "",
    frequentie: str = "",
    budget: int | None = None,
    referentie_aanbieder: str = "",
    verzoek: Verzoek | None = None,
    bron: str = "",
    commentaar: str = "",
    kanaal: str = audit.Kanaal.SYSTEEM,
) -> Toewijzing:
    """Assign a product in kind to a provider and send the 301 (with all current toewijzingen).

    Refused (ValidationError, nothing stored) under taakgericht funding, without contract,
    when it overlaps a PGB for the same product (OP043) or the same product (TR302). When
    it continues a running toewijzing of the same product with the same omvang, that
    toewijzing is extended instead (OP380) and returned.
    """
    _eis_rol(user, GEMEENTE_ROLLEN)
    with transaction.atomic():
        t = _toewijzen(
            user,
            persoon=persoon,
            aanbieder=aanbieder,
            product_categorie=product_categorie,
            product_code=product_code,
            ingangsdatum=ingangsdatum,
            einddatum=einddatum,
            volume=volume,
            eenheid=eenheid,
            frequentie=frequentie,
            budget=budget,
            referentie_aanbieder=referentie_aanbieder,
            verzoek=verzoek,
            bron=bron,
            commentaar=commentaar,
            kanaal=kanaal,
            nu=timezone.localtime(),
        )
        stuur_toewijzingbericht(user, persoon, aanbieder, gewijzigd=[t], kanaal=kanaal)
    return t


def _stempel(t: Toewijzing, nu, reden: str | None = None):
    """A new version: Toewijzingsdatum + Toewijzingstijd (IV013), optionally a reason."""
    t.toewijzingsdatum = nu.date()
    t.toewijzingstijd = nu.time().replace(microsecond=0)
    if reden is not None:
        t.reden_wijziging = reden


def _op380_voorganger(persoon, aanbieder, categorie, code, ingangsdatum, omvang, budget):
    """OP380: the running toewijzing this one continues (same product, same volume and
    frequency not 'totaal', no budget, ending the day before and not yet ended)."""
    if budget is not None or (omvang and omvang["Frequentie"] == "6"):
        return None
    vorige_dag = ingangsdatum - datetime.timedelta(days=1)
    if vorige_dag < timezone.localdate():
        return None
    kandidaten = (
        Toewijzing.objects.select_for_update(of=("self",))
        .filter(
            persoon=persoon,
            aanbieder=aanbieder,
            productcategorie=categorie,
            productcode=code,
            einddatum=vorige_dag,
            budget__isnull=True,
        )
        .exclude(reden_wijziging="13")
    )
    gevraagd = (
        (omvang["Volume"], omvang["Eenheid"], omvang["Frequentie"]) if omvang else (None, "", "")
    )
    for t in kandidaten:
        if (t.volume, t.eenheid, t.frequentie) == gevraagd:
            return t
    return None


def _toewijzen(
    user,
    *,
    persoon,
    aanbieder,
    product_categorie,
    product_code,
    ingangsdatum,
    einddatum,
    volume,
    eenheid,
    frequentie,
    budget,
    referentie_aanbieder,
    verzoek,
    bron,
    commentaar,
    kanaal,
    nu,
    verlengen=True,
) -> Toewijzing:
    """Store a new toewijzing, or extend the one it continues (OP380); sends nothing."""
    omvang = _omvang(volume, eenheid, frequentie)
    vorige = verlengen and _op380_voorganger(
        persoon, aanbieder, product_categorie, product_code, ingangsdatum, omvang, budget
    )
    if vorige:
        _controleer_toewijzing(
            persoon,
            aanbieder,
            product_categorie,
            product_code,
            vorige.ingangsdatum,
            einddatum,
            omvang,
            budget,
            zelf=vorige,
        )
        oud = vorige.einddatum
        vorige.einddatum = einddatum
        if referentie_aanbieder:
            vorige.referentie_aanbieder = referentie_aanbieder
        _stempel(vorige, nu, "04")
        vorige.save()
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            doel=_doel(user),
            object_type="toewijzing",
            object_id=vorige.nummer,
            persoon_id=persoon.pk,
            velden=["einddatum"],
            oude_waarden={"einddatum": str(oud or "")},
            nieuwe_waarden={"einddatum": str(einddatum or ""), "reden": vorige.reden_wijziging},
            toelichting="Verlengd in plaats van een nieuwe toewijzing (OP380)",
        )
        return vorige
    _controleer_toewijzing(
        persoon,
        aanbieder,
        product_categorie,
        product_code,
        ingangsdatum,
        einddatum,
        omvang,
        budget,
    )
    nummer = (Toewijzing.objects.select_for_update().aggregate(m=Max("nummer"))["m"] or 0) + 1
    t = Toewijzing(
        nummer=max(nummer, 1000),
        persoon=persoon,
        bsn=persoon.bsn,
        aanbieder=aanbieder,
        gemeentecode=gemeente().gemeentecode,
        productcategorie=product_categorie,
        productcode=product_code,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        volume=volume if omvang else None,
        eenheid=eenheid if omvang else "",
        frequentie=frequentie if omvang else "",
        budget=budget,
        referentie_aanbieder=referentie_aanbieder,
        commentaar=commentaar[:200],
        bron=bron[:100],
        verzoek=verzoek,
    )
    _stempel(t, nu)
    t.save()
    audit.log(
        user,
        actie=audit.Actie.AANMAKEN,
        kanaal=kanaal,
        doel=_doel(user),
        object_type="toewijzing",
        object_id=t.nummer,
        persoon_id=persoon.pk,
        velden=["product", "ingangsdatum", "einddatum", "omvang", "aanbieder"],
        nieuwe_waarden={"product": t.product, "aanbieder": aanbieder.naam},
    )
    return t


# --- the 301 -------------------------------------------------------------------------


def _voorletters(voornamen: str) -> str:
    letters = "".join(d[0] for d in voornamen.split() if d)
    return re.sub(r"[^a-zA-ZÀ-ỳ]", "", letters)[:6]


def _naam(persoon, volledig: bool) -> dict:
    naam = {"Geslachtsnaam": {"Achternaam": persoon.achternaam[:200]}}
    if persoon.voorvoegsel:
        naam["Geslachtsnaam"]["Voorvoegsel"] = persoon.voorvoegsel[:10]
    if persoon.voornamen:
        naam["Voornamen"] = persoon.voornamen[:200]
        if _voorletters(persoon.voornamen):
            naam["Voorletters"] = _voorletters(persoon.voornamen)
    if volledig:
        naam["NaamGebruik"] = "1"
    return naam


def client_kort(persoon) -> dict:
    return {
        "Bsn": persoon.bsn,
        "Geboortedatum": {"Datum": persoon.geboortedatum},
        "Geslacht": persoon.geslacht or "0",
        "Naam": _naam(persoon, volledig=False),
    }


def _contact(persoon) -> dict:
    contact: dict = {"Soort": "01"}
    adres = getattr(getattr(persoon, "huishouden", None), "adres", None)
    if adres is not None:
        huis = {"Huisnummer": adres.huisnummer}
        if adres.huisletter:
            huis["Huisletter"] = adres.huisletter
        if adres.huisnummertoevoeging:
            huis["HuisnummerToevoeging"] = adres.huisnummertoevoeging
        contact["Adres"] = {
            "Huis": huis,
            "Postcode": adres.postcode,
            "Straatnaam": adres.straat[:24],
            "Plaatsnaam": adres.woonplaats[:80],
            "LandCode": "NL",
        }
    cijfers = re.sub(r"[^0-9]", "", persoon.telefoon or "")
    if cijfers:
        contact["Telefoon"] = {"Telefoon01": {"Telefoonnummer": cijfers[:15], "Landnummer": "0031"}}
    if persoon.email:
        contact["Emailadres"] = persoon.email[:80]
    return contact


def _toegewezen_product(t: Toewijzing) -> dict:
    tp: dict = {"ToewijzingNummer": t.nummer}
    if t.referentie_aanbieder:
        tp["ReferentieAanbieder"] = t.referentie_aanbieder
    if t.productcategorie:
        tp["Product"] = {"Categorie": t.productcategorie}
        if t.productcode:
            tp["Product"]["Code"] = t.productcode
    tp["Toewijzingsdatum"] = t.toewijzingsdatum
    tp["Toewijzingstijd"] = t.toewijzingstijd
    tp["Ingangsdatum"] = t.ingangsdatum
    if t.einddatum:
        tp["Einddatum"] = t.einddatum
    if t.reden_wijziging:
        tp["RedenWijziging"] = t.reden_wijziging
    if t.volume is not None:
        tp["Omvang"] = {"Volume": t.volume, "Eenheid": t.eenheid, "Frequentie": t.frequentie}
    if t.budget is not None:
        tp["Budget"] = t.budget
    if t.commentaar.strip():
        tp["Commentaar"] = t.commentaar
    return tp


def _verstuur(user, nr: str, data: dict, *, aanbieder, persoon, kanaal) -> Bericht:
    """Write, check (levels 1–2 as the receiver would) and store an outgoing message.

    The provider portal is the receiving system, so its retour is made at once."""
    raw = schema.schrijf(nr, data)
    gelezen = schema.lees(raw)
    fouten = gelezen.fouten or regels.controleer(gelezen, codelijsten.huidige())
    if fouten:  # a programming or register error: never send an invalid message
        raise ValidationError({"niet_veldgebonden": [f"{f.pad}: {f.melding}" for f in fouten[:5]]})
    vandaag = timezone.localdate()
    retour = maak_retour(gelezen, {}, alleen_header=False, vandaag=vandaag)
    h = gelezen.header
    bericht = Bericht.objects.create(
        richting=Bericht.Richting.UIT,
        berichttype=gelezen.naam,
        afzender=h["Afzender"],
        ontvanger=h["Ontvanger"],
        aanbieder=aanbieder,
        identificatie=gelezen.identificatie,
        dagtekening=gelezen.dagtekening,
        sha256=gelezen.sha256,
        inhoud=raw,
        status=Bericht.Status.GEACCEPTEERD,
        retourcodes=["0200"],
        retour=retour,
        bsn=persoon.bsn if persoon else "",
        persoon=persoon,
        ontvangen_op=timezone.now(),
        retour_op=timezone.now(),
    )
    audit.log(
        user,
        actie=audit.Actie.AANMAKEN,
        kanaal=kanaal,
        doel=_doel(user),
        object_type="iwmo_bericht",
        object_id=bericht.pk,
        persoon_id=persoon.pk if persoon else None,
        velden=["bsn", "naam", "geboortedatum", "adres", "zorggegevens"],
        toelichting=f"{gelezen.naam} {gelezen.identificatie} verstuurd aan {aanbieder.naam}",
    )
    return bericht


def stuur_toewijzingbericht(user, persoon, aanbieder, *, gewijzigd, kanaal) -> Bericht:
    """A 301 with every toewijzing valid on or after today plus the changed ones (OP087)."""
    vandaag = timezone.localdate()
    gewijzigd_ids = {t.pk for t in gewijzigd}
    alle = Toewijzing.objects.filter(persoon=persoon, aanbieder=aanbieder).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag) | Q(pk__in=gewijzigd_ids)
    )
    alle = [t for t in alle.order_by("nummer") if not (t.verwijderd and t.pk not in gewijzigd_ids)]
    contact = _contact(persoon)
    if "Adres" not in contact:  # IV047: the 301 always carries the BRP or stay address
        raise ValidationError(
            {
                "niet_veldgebonden": [
                    _(
                        "Van de cliënt is geen adres bekend. Een toewijzing (301) bevat altijd "
                        "het woonadres met postcode (IV047, CD034). Vul dat eerst in."
                    )
                ]
            }
        )
    gem = gemeente()
    data = {
        "Header": schema.header(
            "301",
            afzender=gem.gemeentecode,
            ontvanger=aanbieder.agb_code,
            identificatie=nieuwe_identificatie(),
            dagtekening=vandaag,
        ),
        "Client": {
            **client_kort(persoon),
            "Naam": _naam(persoon, volledig=True),
            "Contactgegevens": {"Contact": [contact]},
            "ToegewezenProducten": {"ToegewezenProduct": [_toegewezen_product(t) for t in alle]},
        },
    }
    bericht = _verstuur(user, "301", data, aanbieder=aanbieder, persoon=persoon, kanaal=kanaal)
    for t in gewijzigd:
        ToewijzingVersie.objects.create(
            toewijzing=t,
            bericht=bericht,
            gegevens=_json(_toegewezen_product(t)),
            toewijzingsdatum=t.toewijzingsdatum,
            toewijzingstijd=t.toewijzingstijd,
            gebruiker=getattr(user, "username", "systeem"),
        )
    return bericht


def _json(d):
    from .keten import json_veilig

    return json_veilig(d)


def _vergrendel(user, toewijzing_id) -> Toewijzing:
    _eis_rol(user, GEMEENTE_ROLLEN)
    t = (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("persoon__huishouden__adres", "aanbieder")
        .filter(pk=toewijzing_id)
        .first()
    )
    if t is None:
        raise ValidationError({"niet_veldgebonden": [_("Deze toewijzing bestaat niet.")]})
    if t.verwijderd:
        raise ValidationError({"niet_veldgebonden": [_("Deze toewijzing is verwijderd.")]})
    return t


def _versie(t: Toewijzing, reden: str):
    nu = timezone.localtime()
    t.toewijzingsdatum = nu.date()
    t.toewijzingstijd = nu.time().replace(microsecond=0)
    t.reden_wijziging = reden


def wijzig_einddatum(
    user, toewijzing_id, *, einddatum, reden_wijziging="", kanaal=audit.Kanaal.SYSTEEM
) -> Toewijzing:
    """Shorten (intrekken) or extend (oprekken) with the same ToewijzingNummer."""
    with transaction.atomic():
        t = _vergrendel(user, toewijzing_id)
        if einddatum < t.ingangsdatum:
            raise ValidationError({"einddatum": [_("De einddatum ligt voor de ingangsdatum.")]})
        if einddatum == t.einddatum:
            raise ValidationError({"einddatum": [_("Dit is al de einddatum.")]})
        verlengd = t.einddatum is None or einddatum > t.einddatum
        reden = reden_wijziging or ("04" if verlengd else "05")
        if reden == "13":
            raise ValidationError(
                {"reden_wijziging": [_("Gebruik 'verwijderen' om te verwijderen.")]}
            )
        if not codelijsten.huidige().geldig("WMO002", reden, timezone.localdate()):
            raise ValidationError({"reden_wijziging": [_("Kies een geldige reden van wijziging.")]})
        if verlengd:
            _controleer_toewijzing(
                t.persoon,
                t.aanbieder,
                t.productcategorie,
                t.productcode,
                t.ingangsdatum,
                einddatum,
                None,
                None,
                zelf=t,
            )
        oud = t.einddatum
        t.einddatum = einddatum
        _versie(t, reden)
        t.save()
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            doel=_doel(user),
            object_type="toewijzing",
            object_id=t.nummer,
            persoon_id=t.persoon_id,
            velden=["einddatum"],
            oude_waarden={"einddatum": str(oud or "")},
            nieuwe_waarden={"einddatum": str(einddatum), "reden": reden},
        )
        stuur_toewijzingbericht(user, t.persoon, t.aanbieder, gewijzigd=[t], kanaal=kanaal)
    return t


def verwijder_toewijzing(user, toewijzing_id, *, kanaal=audit.Kanaal.SYSTEEM) -> Toewijzing:
    """Einddatum = Ingangsdatum with RedenWijziging 13: counts as never sent (OP033x1)."""
    with transaction.atomic():
        t = _vergrendel(user, toewijzing_id)
        if t.prestaties.filter(toegekend=True).exists():
            raise ValidationError(
                {"niet_veldgebonden": [_("Er zijn al toegekende declaraties (TR385).")]}
            )
        t.einddatum = t.ingangsdatum
        _versie(t, "13")
        t.save()
        audit.log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            doel=_doel(user),
            object_type="toewijzing",
            object_id=t.nummer,
            persoon_id=t.persoon_id,
            velden=["einddatum", "reden_wijziging"],
            nieuwe_waarden={"reden": "13"},
        )
        stuur_toewijzingbericht(user, t.persoon, t.aanbieder, gewijzigd=[t], kanaal=kanaal)
    return t


def wijzig_omvang(
    user,
    toewijzing_id,
    *,
    volume: int,
    ingangsdatum,
    reden_wijziging="03",
    kanaal=audit.Kanaal.SYSTEEM,
) -> Toewijzing:
    """Volume changes in place only with Frequentie 6; otherwise the old toewijzing ends the
    day before and a new one with a new number starts (IV093). Returns the current one."""
    with transaction.atomic():
        t = _vergrendel(user, toewijzing_id)
        if t.volume is None:
            raise ValidationError({"volume": [_("Deze toewijzing heeft geen omvang.")]})
        if t.frequentie == "6":
            oud = t.volume
            t.volume = volume
            _versie(t, reden_wijziging)
            t.save()
            audit.log(
                user,
                actie=audit.Actie.WIJZIGEN,
                kanaal=kanaal,
                doel=_doel(user),
                object_type="toewijzing",
                object_id=t.nummer,
                persoon_id=t.persoon_id,
                velden=["volume"],
                oude_waarden={"volume": oud},
                nieuwe_waarden={"volume": volume},
            )
            stuur_toewijzingbericht(user, t.persoon, t.aanbieder, gewijzigd=[t], kanaal=kanaal)
            return t
        if ingangsdatum <= t.ingangsdatum or (t.einddatum and ingangsdatum > t.einddatum):
            raise ValidationError(
                {"ingangsdatum": [_("De nieuwe omvang moet binnen de looptijd ingaan.")]}
            )
        eind = t.einddatum
        t.einddatum = ingangsdatum - datetime.timedelta(days=1)
        _versie(t, reden_wijziging)
        t.save()
        nieuw = _toewijzen(
            user,
            persoon=t.persoon,
            aanbieder=t.aanbieder,
            product_categorie=t.productcategorie,
            product_code=t.productcode,
            ingangsdatum=ingangsdatum,
            einddatum=eind,
            volume=volume,
            eenheid=t.eenheid,
            frequentie=t.frequentie,
            budget=t.budget,
            referentie_aanbieder=t.referentie_aanbieder,
            verzoek=None,
            bron=t.bron,
            commentaar="",
            kanaal=kanaal,
            nu=timezone.localtime(),
        )
        # one 301 with the ended and the new toewijzing (IV093)
        stuur_toewijzingbericht(user, t.persoon, t.aanbieder, gewijzigd=[t, nieuw], kanaal=kanaal)
        return nieuw


def registreer_pgb(
    user,
    *,
    persoon,
    product_categorie,
    product_code="",
    ingangsdatum,
    einddatum=None,
    bron="",
    kanaal=audit.Kanaal.SYSTEEM,
) -> PgbToekenning:
    """A PGB is paid outside iWmo: no message, but no toewijzing may overlap it (OP043)."""
    _eis_rol(user, GEMEENTE_ROLLEN)
    if einddatum and einddatum < ingangsdatum:
        raise ValidationError({"einddatum": [_("De einddatum ligt voor de ingangsdatum.")]})
    if not codelijsten.huidige().geldig("WMO020", product_categorie, ingangsdatum):
        raise ValidationError({"product_categorie": [_("Kies een geldige productcategorie.")]})
    with transaction.atomic():
        for t in Toewijzing.objects.filter(persoon=persoon, productcategorie=product_categorie):
            if (
                not t.verwijderd
                and _zelfde_product(
                    product_categorie, product_code, t.productcategorie, t.productcode
                )
                and _overlapt(ingangsdatum, einddatum, t.ingangsdatum, t.einddatum)
            ):
                raise ValidationError(
                    {
                        "ingangsdatum": [
                            _(
                                "Toewijzing %(nr)s in natura loopt in deze periode. Beëindig die "
                                "eerst op de dag voor het pgb, met reden 08 (OP043)."
                            )
                            % {"nr": t.nummer}
                        ]
                    }
                )
        pgb = PgbToekenning.objects.create(
            persoon=persoon,
            productcategorie=product_categorie,
            productcode=product_code,
            ingangsdatum=ingangsdatum,
            einddatum=einddatum,
            bron=bron[:100],
        )
        audit.log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            doel=_doel(user),
            object_type="pgb_toekenning",
            object_id=pgb.pk,
            persoon_id=persoon.pk,
            velden=["product", "ingangsdatum", "einddatum"],
        )
    return pgb


# --- answering requests ---------------------------------------------------------------


def beantwoord_verzoek(
    user, verzoek_id, *, besluit: str, reden_afwijzing: str = "", kanaal=audit.Kanaal.SYSTEEM
):
    """Grant (301), reject (319 with reason) or put in onderzoek (319 "2", once)."""
    _eis_rol(user, GEMEENTE_ROLLEN)
    with transaction.atomic():
        v = (
            Verzoek.objects.select_for_update(of=("self",))
            .select_related("aanbieder", "persoon__huishouden__adres")
            .filter(pk=verzoek_id)
            .first()
        )
        if v is None:
            raise ValidationError({"niet_veldgebonden": [_("Dit verzoek bestaat niet.")]})
        if not v.is_lopend:
            raise ValidationError({"niet_veldgebonden": [_("Dit verzoek is al beantwoord.")]})
        if besluit == "toewijzen":
            _ken_toe(user, v, kanaal)
            v.status = Verzoek.Status.TOEGEWEZEN
        elif besluit in ("afwijzen", "onderzoek"):
            if besluit == "afwijzen" and not codelijsten.huidige().geldig(
                "WJ759", reden_afwijzing, timezone.localdate()
            ):
                raise ValidationError({"reden_afwijzing": [_("Kies een reden van afwijzing.")]})
            if besluit == "onderzoek" and v.status == Verzoek.Status.IN_ONDERZOEK:
                raise ValidationError(
                    {"niet_veldgebonden": [_("Een verzoek gaat maar één keer in onderzoek.")]}
                )
            _stuur_319(user, v, besluit, reden_afwijzing, kanaal)
            v.status = (
                Verzoek.Status.AFGEWEZEN if besluit == "afwijzen" else Verzoek.Status.IN_ONDERZOEK
            )
            v.reden_afwijzing = reden_afwijzing if besluit == "afwijzen" else ""
        else:
            raise ValidationError({"besluit": [_("Kies toewijzen, afwijzen of in onderzoek.")]})
        v.beantwoord_op = timezone.now()
        v.save(update_fields=["status", "reden_afwijzing", "beantwoord_op"])
    return v


def _datum(s):
    return datetime.date.fromisoformat(s) if s else None


def _ken_toe(user, v: Verzoek, kanaal):
    if v.persoon is None:
        raise ValidationError(
            {
                "niet_veldgebonden": [
                    _("De cliënt staat niet in het register; registreer hem eerst.")
                ]
            }
        )
    inhoud = v.inhoud
    if v.soort == Verzoek.Soort.VOT:
        _toewijzing_uit_verzoek(
            user,
            v,
            inhoud,
            inhoud["ToewijzingIngangsdatum"],
            inhoud.get("ToewijzingEinddatum"),
            kanaal,
        )
        return
    _ken_wijziging_toe(user, v, inhoud, kanaal)


def _producten(inhoud, groep, naam) -> list[dict]:
    return (inhoud.get(groep) or {}).get(naam, [])


def _vow_toewijzing(v: Verzoek, nummer) -> Toewijzing:
    t = (
        Toewijzing.objects.select_for_update(of=("self",))
        .filter(nummer=nummer, persoon=v.persoon, aanbieder=v.aanbieder)
        .exclude(reden_wijziging="13")
        .first()
    )
    if t is None:
        raise ValidationError(
            {
                "niet_veldgebonden": [
                    _("Toewijzing %(nr)s uit het verzoek bestaat niet (meer).") % {"nr": nummer}
                ]
            }
        )
    return t


def _ken_wijziging_toe(user, v: Verzoek, inhoud: dict, kanaal):
    """Grant a 317 as a whole: one 301 with every product of the request carrying the VOW
    reference; RedenWijziging 12 on the changed ones; new products (or OP380 extensions)."""
    nu = timezone.localtime()
    gewijzigd: list[Toewijzing] = []
    for p in _producten(inhoud, "OngewijzigdeProducten", "OngewijzigdProduct"):
        # IV093: sent with unchanged data, the request's reference, no RedenWijziging
        t = _vow_toewijzing(v, p["ToewijzingNummer"])
        t.referentie_aanbieder = v.referentie
        t.reden_wijziging = ""
        t.save(update_fields=["referentie_aanbieder", "reden_wijziging"])
        gewijzigd.append(t)
    for p in _producten(inhoud, "TeWijzigenProducten", "TeWijzigenProduct"):
        t = _vow_toewijzing(v, p["ToewijzingNummer"])
        gewijzigd.extend(_wijzig_volgens_verzoek(user, v, t, p, nu, kanaal))
    for p in _producten(inhoud, "NieuweProducten", "NieuwProduct"):
        product = p.get("Product") or {}
        omvang = p.get("Omvang") or {}
        gewijzigd.append(
            _toewijzen(
                user,
                persoon=v.persoon,
                aanbieder=v.aanbieder,
                product_categorie=product.get("Categorie", ""),
                product_code=product.get("Code", ""),
                ingangsdatum=_datum(p["GewensteIngangsdatum"]),
                einddatum=_datum(p.get("Einddatum")),
                volume=omvang.get("Volume"),
                eenheid=omvang.get("Eenheid", ""),
                frequentie=omvang.get("Frequentie", ""),
                budget=p.get("Budget"),
                referentie_aanbieder=v.referentie,
                verzoek=v,
                bron=f"verzoek {v.referentie}",
                commentaar="",
                kanaal=kanaal,
                nu=nu,
                verlengen=False,  # IV093: a NieuwProduct is always a new toewijzing
            )
        )
    uniek = list({t.pk: t for t in gewijzigd}.values())
    stuur_toewijzingbericht(user, v.persoon, v.aanbieder, gewijzigd=uniek, kanaal=kanaal)


def _wijzig_volgens_verzoek(user, v, t: Toewijzing, p: dict, nu, kanaal) -> list[Toewijzing]:
    """One TeWijzigenProduct. Budget, a 'totaal' volume and the end date change in place;
    any other omvang change ends this toewijzing the day before GewensteIngangsdatum and
    starts a new one with a new number (IV093)."""
    gewenst = _datum(p["GewensteIngangsdatum"])
    eind = _datum(p["Einddatum"]) if p.get("Einddatum") else t.einddatum
    gevraagd = p.get("Omvang")
    omvang = (
        (gevraagd["Volume"], gevraagd["Eenheid"], gevraagd["Frequentie"])
        if gevraagd
        else (t.volume, t.eenheid, t.frequentie)
    )
    budget = p["Budget"] if p.get("Budget") is not None else t.budget
    nieuwe_omvang = omvang != (t.volume, t.eenheid, t.frequentie)
    in_plaats = not nieuwe_omvang or (t.frequentie == "6" and omvang[2] == "6")
    if (budget != t.budget or (nieuwe_omvang and in_plaats)) and gewenst != t.ingangsdatum:
        raise ValidationError(
            {
                "niet_veldgebonden": [
                    _(
                        "Een budget of totaalvolume wijzigt vanaf de ingangsdatum van "
                        "toewijzing %(nr)s (TR373)."
                    )
                    % {"nr": t.nummer}
                ]
            }
        )
    oud = {"einddatum": str(t.einddatum or ""), "volume": t.volume, "budget": t.budget}
    t.referentie_aanbieder = v.referentie
    resultaat = [t]
    if in_plaats:
        _controleer_toewijzing(
            t.persoon,
            t.aanbieder,
            t.productcategorie,
            t.productcode,
            t.ingangsdatum,
            eind,
            {"Volume": omvang[0], "Eenheid": omvang[1], "Frequentie": omvang[2]}
            if omvang[0] is not None
            else None,
            budget,
            zelf=t,
        )
        t.einddatum, t.volume, t.budget = eind, omvang[0], budget
        _stempel(t, nu, "12")
        t.save()
    else:
        if t.einddatum and gewenst > t.einddatum:
            raise ValidationError(
                {
                    "niet_veldgebonden": [
                        _("De gewenste ingangsdatum ligt na het einde van toewijzing %(nr)s.")
                        % {"nr": t.nummer}
                    ]
                }
            )
        if gewenst <= t.ingangsdatum:  # nothing left of the old one: remove it (OP033x1)
            if t.prestaties.filter(toegekend=True).exists():
                raise ValidationError(
                    {"niet_veldgebonden": [_("Er zijn al toegekende declaraties (TR385).")]}
                )
            t.einddatum = t.ingangsdatum
            _stempel(t, nu, "13")
        else:
            t.einddatum = gewenst - datetime.timedelta(days=1)
            _stempel(t, nu, "12")
        t.save()
        resultaat.append(
            _toewijzen(
                user,
                persoon=t.persoon,
                aanbieder=t.aanbieder,
                product_categorie=t.productcategorie,
                product_code=t.productcode,
                ingangsdatum=gewenst,
                einddatum=eind,
                volume=omvang[0],
                eenheid=omvang[1],
                frequentie=omvang[2],
                budget=budget,
                referentie_aanbieder=v.referentie,
                verzoek=v,
                bron=f"verzoek {v.referentie}",
                commentaar="",
                kanaal=kanaal,
                nu=nu,
            )
        )
    audit.log(
        user,
        actie=audit.Actie.WIJZIGEN,
        kanaal=kanaal,
        doel=_doel(user),
        object_type="toewijzing",
        object_id=t.nummer,
        persoon_id=t.persoon_id,
        velden=["einddatum", "omvang", "budget", "reden_wijziging"],
        oude_waarden=oud,
        nieuwe_waarden={
            "einddatum": str(t.einddatum or ""),
            "volume": t.volume,
            "budget": t.budget,
            "reden": t.reden_wijziging,
        },
        toelichting=f"Verzoek om wijziging {v.referentie} toegekend",
    )
    return resultaat


def _toewijzing_uit_verzoek(user, v: Verzoek, blok: dict, ingang, eind, kanaal):
    """A toewijzing for one requested product (a 315 product or a 317 new product)."""
    product = blok.get("Product") or {}
    omvang = blok.get("Omvang") or {}
    maak_toewijzing(
        user,
        persoon=v.persoon,
        aanbieder=v.aanbieder,
        product_categorie=product.get("Categorie", ""),
        product_code=product.get("Code", ""),
        ingangsdatum=_datum(ingang),
        einddatum=_datum(eind),
        volume=omvang.get("Volume"),
        eenheid=omvang.get("Eenheid", ""),
        frequentie=omvang.get("Frequentie", ""),
        budget=blok.get("Budget"),
        referentie_aanbieder=v.referentie,
        verzoek=v,
        bron=f"verzoek {v.referentie}",
        kanaal=kanaal,
    )


def _stuur_319(user, v: Verzoek, besluit, reden, kanaal):
    gem = gemeente()
    antwoord = {
        "ReferentieAanbieder": v.referentie,
        "VerzoekAntwoord": "1" if besluit == "afwijzen" else "2",
    }
    if besluit == "afwijzen":
        antwoord["RedenAfwijzingVerzoek"] = reden
    data = {
        "Header": schema.header(
            "319",
            afzender=gem.gemeentecode,
            ontvanger=v.aanbieder.agb_code,
            identificatie=nieuwe_identificatie(),
            dagtekening=timezone.localdate(),
        ),
        "Antwoord": antwoord,
    }
    return _verstuur(user, "319", data, aanbieder=v.aanbieder, persoon=v.persoon, kanaal=kanaal)


# --- provider side ---------------------------------------------------------------------


def _eigen_organisatie(user) -> Organisatie:
    _eis_rol(user, AANBIEDER_ROLLEN)
    org_id = scope_of(user).organisatie_id
    org = Organisatie.objects.filter(pk=org_id).first() if org_id else None
    if org is None or not org.agb_code:
        raise ValidationError(
            {"niet_veldgebonden": [_("Uw organisatie heeft geen AGB-code; berichten kunnen niet.")]}
        )
    return org


def ontvang_bericht(user, raw: bytes, *, kanaal=audit.Kanaal.API):
    """The HTTP endpoint: one message from the caller's organisation → its retour."""
    _eis_rol(user, AANBIEDER_ROLLEN)
    org = Organisatie.objects.filter(pk=scope_of(user).organisatie_id).first()
    return verwerk([Invoer(raw, organisatie=org)], gebruiker=user, kanaal=kanaal)[0]


def _stuur_als_aanbieder(user, org, nr, client, kanaal):
    data = {
        "Header": schema.header(
            nr,
            afzender=org.agb_code,
            ontvanger=gemeente().gemeentecode,
            identificatie=nieuwe_identificatie(),
            dagtekening=timezone.localdate(),
        ),
        "Client": client,
    }
    raw = schema.schrijf(nr, data)
    proef = verwerk([Invoer(raw, organisatie=org)], opslaan=False)[0]
    if not proef.geaccepteerd:
        raise ValidationError(
            {"niet_veldgebonden": [f"{f.melding} (retourcode {f.code})" for f in proef.fouten[:5]]}
        )
    return verwerk([Invoer(raw, organisatie=org)], gebruiker=user, kanaal=kanaal)[0]


def _eigen_toewijzing(org, toewijzing_id) -> Toewijzing:
    t = Toewijzing.objects.select_related("persoon").filter(pk=toewijzing_id, aanbieder=org).first()
    if t is None:
        raise ValidationError({"niet_veldgebonden": [_("Deze toewijzing bestaat niet.")]})
    return t


def _product(categorie, code) -> dict:
    if not categorie:
        return {}
    return {"Product": {"Categorie": categorie, **({"Code": code} if code else {})}}


def meld_start(user, toewijzing_id, *, begindatum, kanaal=audit.Kanaal.UI):
    """305 for a toewijzing (inspannings-, outputgericht or lumpsum met toewijzing)."""
    org = _eigen_organisatie(user)
    t = _eigen_toewijzing(org, toewijzing_id)
    sp = {
        "ToewijzingNummer": t.nummer,
        **_product(t.productcategorie, t.productcode),
        "ToewijzingIngangsdatum": t.ingangsdatum,
        "Begindatum": begindatum,
        "StatusAanlevering": "1",
    }
    client = {**client_kort(t.persoon), "StartProducten": {"StartProduct": [sp]}}
    return _stuur_als_aanbieder(user, org, "305", client, kanaal)


def meld_start_taakgericht(
    user,
    *,
    bsn,
    achternaam,
    geboortedatum,
    geslacht="0",
    voorvoegsel="",
    voorletters="",
    product_categorie="",
    begindatum,
    kanaal=audit.Kanaal.UI,
):
    """305 without ToewijzingNummer under taakgericht funding (registration only).

    There is no toewijzing, so the provider states the client's name, birth date and
    gender itself: it may not look up a resident in the register by BSN (the gemeente
    checks the data against the register)."""
    org = _eigen_organisatie(user)
    if not regels.bsn_geldig(bsn or ""):
        raise ValidationError({"bsn": [_("Dit BSN voldoet niet aan de elfproef.")]})
    client = client_opgegeven(
        bsn,
        achternaam=achternaam,
        geboortedatum=geboortedatum,
        geslacht=geslacht,
        voorvoegsel=voorvoegsel,
        voorletters=voorletters,
    )
    sp = {**_product(product_categorie, ""), "Begindatum": begindatum, "StatusAanlevering": "1"}
    client["StartProducten"] = {"StartProduct": [sp]}
    return _stuur_als_aanbieder(user, org, "305", client, kanaal)


def _client_van_melding(lev) -> dict | None:
    """The client block for a follow-up of a start or stop. With a toewijzing the provider
    knows the client from the gemeente's 301; without one it repeats what it stated in its
    own 305 (it reads nothing from the register)."""
    if lev.toewijzing_id:
        return client_kort(lev.persoon) if lev.persoon is not None else None
    c = (schema.lees(bytes(lev.bericht.inhoud)).data or {}).get("Client") or {}
    client = {k: c[k] for k in ("Bsn", "Geboortedatum", "Geslacht", "Naam") if k in c}
    return client if client.get("Bsn") == lev.bsn else None


def meld_stop(user, levering_id, *, einddatum, reden, kanaal=audit.Kanaal.UI):
    """307 repeating the keys of the current start (TR382), with a reason (20 = tijdelijk)."""
    org = _eigen_organisatie(user)
    start = (
        Levering.objects.select_related("persoon")
        .filter(pk=levering_id, aanbieder=org, soort=Levering.Soort.START, actief=True)
        .first()
    )
    client = _client_van_melding(start) if start is not None else None
    if client is None:
        raise ValidationError({"niet_veldgebonden": [_("Deze startmelding bestaat niet.")]})
    sp = {}
    if start.toewijzingnummer is not None:
        sp["ToewijzingNummer"] = start.toewijzingnummer
    sp.update(_product(start.productcategorie, start.productcode))
    if start.toewijzing_id:
        sp["ToewijzingIngangsdatum"] = start.toewijzing.ingangsdatum
    sp.update(
        {
            "Begindatum": start.begindatum,
            "RedenBeeindiging": reden,
            "Einddatum": einddatum,
            "StatusAanlevering": "1",
        }
    )
    client["StopProducten"] = {"StopProduct": [sp]}
    return _stuur_als_aanbieder(user, org, "307", client, kanaal)


def verwijder_melding(user, levering_id, *, kanaal=audit.Kanaal.UI):
    """Withdraw a start or stop with StatusAanlevering 3 (same key)."""
    org = _eigen_organisatie(user)
    lev = (
        Levering.objects.select_related("persoon", "toewijzing")
        .filter(pk=levering_id, aanbieder=org, actief=True)
        .first()
    )
    client = _client_van_melding(lev) if lev is not None else None
    if client is None:
        raise ValidationError({"niet_veldgebonden": [_("Deze melding bestaat niet.")]})
    sp = {}
    if lev.toewijzingnummer is not None:
        sp["ToewijzingNummer"] = lev.toewijzingnummer
    sp.update(_product(lev.productcategorie, lev.productcode))
    sp["Begindatum"] = lev.begindatum
    if lev.soort == Levering.Soort.STOP:
        sp["RedenBeeindiging"] = lev.reden_beeindiging
        sp["Einddatum"] = lev.einddatum
    sp["StatusAanlevering"] = "3"
    naam, nr = (
        ("StopProduct", "307") if lev.soort == Levering.Soort.STOP else ("StartProduct", "305")
    )
    client[f"{naam}en"] = {naam: [sp]}
    return _stuur_als_aanbieder(user, org, nr, client, kanaal)


def client_opgegeven(
    bsn, *, achternaam, geboortedatum, geslacht="0", voorvoegsel="", voorletters=""
) -> dict:
    """The client as the provider states it (a new client is not its client yet, so it
    reads nothing from the register); the gemeente checks it against the register."""
    fouten = {}
    achternaam = (achternaam or "").strip()
    voorletters = re.sub(r"[^A-Za-zÀ-ỳ]", "", voorletters or "")
    if not achternaam:
        fouten["achternaam"] = [_("Vul de achternaam van de cliënt in.")]
    elif len(achternaam) > 200:
        fouten["achternaam"] = [_("De achternaam mag niet langer zijn dan 200 tekens.")]
    if len(voorletters) > 6:
        fouten["voorletters"] = [_("Vul hoogstens 6 voorletters in.")]
    if len((voorvoegsel or "").strip()) > 10:
        fouten["voorvoegsel"] = [_("Het voorvoegsel mag niet langer zijn dan 10 tekens.")]
    if not geboortedatum:
        fouten["geboortedatum"] = [_("Vul de geboortedatum van de cliënt in.")]
    elif geboortedatum > timezone.localdate():
        fouten["geboortedatum"] = [_("De geboortedatum ligt in de toekomst.")]
    if geslacht not in ("0", "1", "2"):
        fouten["geslacht"] = [_("Kies het geslacht (of onbekend).")]
    if fouten:
        raise ValidationError(fouten)
    naam = {"Geslachtsnaam": {"Achternaam": achternaam}}
    if (voorvoegsel or "").strip():
        naam["Geslachtsnaam"]["Voorvoegsel"] = voorvoegsel.strip()
    if voorletters:
        naam["Voorletters"] = voorletters.upper()
    return {
        "Bsn": bsn,
        "Geboortedatum": {"Datum": geboortedatum},
        "Geslacht": geslacht,
        "Naam": naam,
    }


def vraag_toewijzing_aan(
    user,
    *,
    bsn,
    achternaam,
    geboortedatum,
    geslacht="0",
    voorvoegsel="",
    voorletters="",
    product_categorie,
    product_code="",
    ingangsdatum,
    einddatum=None,
    volume=None,
    eenheid="",
    frequentie="",
    referentie="",
    kanaal=audit.Kanaal.UI,
):
    """315 for one product; the gemeente answers with a 301 or 319 within 5 working days.

    The provider states the client's name, birth date and gender itself: it may not look
    up a resident in the register by BSN (the gemeente checks the data on receipt)."""
    org = _eigen_organisatie(user)
    if not regels.bsn_geldig(bsn or ""):
        raise ValidationError({"bsn": [_("Dit BSN voldoet niet aan de elfproef.")]})
    client = client_opgegeven(
        bsn,
        achternaam=achternaam,
        geboortedatum=geboortedatum,
        geslacht=geslacht,
        voorvoegsel=voorvoegsel,
        voorletters=voorletters,
    )
    ap = {
        "ReferentieAanbieder": referentie or nieuwe_identificatie(),
        **_product(product_categorie, product_code),
        "ToewijzingIngangsdatum": ingangsdatum,
    }
    if einddatum:
        ap["ToewijzingEinddatum"] = einddatum
    omvang = _omvang(volume, eenheid, frequentie)
    if omvang:
        ap["Omvang"] = omvang
    ap["Verwijzer"] = {"Type": "01", "Naam": gemeente().naam[:64]}
    client["AangevraagdeProducten"] = {"AangevraagdProduct": [ap]}
    return _stuur_als_aanbieder(user, org, "315", client, kanaal)


def variant_van(aanbieder, categorie, datum) -> str | None:
    c = contract_voor(aanbieder, categorie, "", datum)
    return c.uitvoeringsvariant if c else None


__all__ = [
    "Uitvoeringsvariant",
    "beantwoord_verzoek",
    "maak_toewijzing",
    "meld_start",
    "meld_start_taakgericht",
    "meld_stop",
    "ontvang_bericht",
    "registreer_pgb",
    "verwijder_melding",
    "verwijder_toewijzing",
    "vraag_toewijzing_aan",
    "wijzig_einddatum",
    "wijzig_omvang",
]
