"""Writes of the kwaliteit app: contracts, complaints, calamities, the quality framework,
contract-management reviews and consultation. Validate first, then write in one
transaction; status changes are appended."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.accounts.models import Rol as Gebruikersrol
from openwmo.accounts.selectors import doel_voor, scope_of
from openwmo.inwoners.models import Persoon
from openwmo.kalender import termijn_einde
from openwmo.organisaties.models import Organisatie, Perceel
from openwmo.privacy import services as audit

from . import contracten
from .models import (
    Actiepunt,
    Agendapunt,
    Antwoord,
    Basisovereenkomst,
    Calamiteit,
    CalamiteitVerloop,
    Contractindicator,
    Contractpartij,
    Deelovereenkomst,
    Klacht,
    KlachtStap,
    Klachttermijn,
    Kwaliteitseis,
    Kwartaalgesprek,
    Melding,
    Overleg,
    Rol,
    Stapsoort,
    Thema,
    Verbeteractie,
    Verlenging,
    Zelfevaluatie,
)

CONTRACTBEHEER = frozenset({Gebruikersrol.BELEIDSMAKER})


def _alleen(user, rollen):
    if user is None or user.rol not in rollen:
        raise PermissionDenied


def _fout(veld: str, bericht: str):
    raise ValidationError({veld: [bericht]})


# --- contracts --------------------------------------------------------------------------


def maak_basisovereenkomst(
    user,
    *,
    naam: str,
    ingangsdatum: datetime.date,
    einddatum: datetime.date,
    max_verlengingen: int = 2,
    inactief_na_dagen: int = 180,
) -> Basisovereenkomst:
    _alleen(user, CONTRACTBEHEER)
    if einddatum <= ingangsdatum:
        _fout("einddatum", _("De einddatum moet na de ingangsdatum liggen."))
    basis = Basisovereenkomst(
        naam=naam.strip(),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        max_verlengingen=max_verlengingen,
        inactief_na_dagen=inactief_na_dagen,
    )
    basis.full_clean()
    with transaction.atomic():
        basis.save()
    return basis


def verleng(user, basis_id: int, *, tot: datetime.date, toelichting: str = "") -> Verlenging:
    _alleen(user, CONTRACTBEHEER)
    with transaction.atomic():
        basis = Basisovereenkomst.objects.select_for_update().get(pk=basis_id)
        verlengingen = list(basis.verlengingen.all())
        if len(verlengingen) >= basis.max_verlengingen:
            _fout(
                "tot",
                _("Deze overeenkomst is al %(n)d keer verlengd; meer mag niet.")
                % {"n": basis.max_verlengingen},
            )
        if tot <= basis.geldig_tot:
            _fout("tot", _("Een verlenging moet na de huidige einddatum eindigen."))
        return Verlenging.objects.create(
            basisovereenkomst=basis, tot=tot, toelichting=toelichting, door=user
        )


def maak_deelovereenkomst(
    user,
    basis_id: int,
    *,
    perceel_code: str,
    ingangsdatum: datetime.date | None = None,
    effecten: str = "",
    inzet_kleine_partijen: str = "",
) -> Deelovereenkomst:
    _alleen(user, CONTRACTBEHEER)
    with transaction.atomic():
        basis = Basisovereenkomst.objects.select_for_update().get(pk=basis_id)
        perceel = Perceel.objects.filter(code=perceel_code).first()
        if perceel is None:
            _fout("perceel", _("Onbekend perceel."))
        if basis.deelovereenkomsten.filter(perceel=perceel).exists():
            _fout("perceel", _("Voor dit perceel is al een deelovereenkomst."))
        ingang = ingangsdatum or basis.ingangsdatum
        if not basis.ingangsdatum <= ingang <= basis.geldig_tot:
            _fout("ingangsdatum", _("De ingangsdatum valt buiten de basisovereenkomst."))
        return Deelovereenkomst.objects.create(
            basisovereenkomst=basis,
            perceel=perceel,
            ingangsdatum=ingang,
            effecten=effecten,
            inzet_kleine_partijen=inzet_kleine_partijen,
        )


def voeg_partij_toe(
    user,
    deel_id: int,
    *,
    aanbieder_id: int,
    rol: str,
    ingangsdatum: datetime.date | None = None,
    einddatum: datetime.date | None = None,
    hoofdaannemer_id: int | None = None,
    kleine_partij: bool = False,
    unieke_ondersteuning: bool = False,
) -> Contractpartij:
    """Add a main or sub-contractor to a lot; refuses a party that would be main
    contractor in both basis and aanvullende ondersteuning."""
    _alleen(user, CONTRACTBEHEER)
    if rol not in Rol.values:
        _fout("rol", _("Kies hoofdaannemer of onderaannemer."))
    with transaction.atomic():
        deel = (
            Deelovereenkomst.objects.select_for_update(of=("self",))
            .select_related("perceel", "basisovereenkomst")
            .get(pk=deel_id)
        )
        aanbieder = Organisatie.objects.filter(pk=aanbieder_id).exclude(
            soort__in=[Organisatie.Soort.GEMEENTE]
        )
        aanbieder = aanbieder.first()
        if aanbieder is None:
            _fout("aanbieder", _("Kies een aanbieder."))
        # The rule spans lots: serialise all party changes of this organisation.
        Organisatie.objects.select_for_update().filter(pk=aanbieder.pk).first()
        hoofd = None
        if hoofdaannemer_id:
            hoofd = Contractpartij.objects.filter(
                pk=hoofdaannemer_id, rol=Rol.HOOFDAANNEMER
            ).first()
        ingang = ingangsdatum or deel.ingangsdatum
        fouten = contracten.controleer_partij(deel, aanbieder, rol, ingang, einddatum, hoofd)
        if fouten:
            raise ValidationError(fouten)
        return Contractpartij.objects.create(
            deelovereenkomst=deel,
            aanbieder=aanbieder,
            rol=rol,
            hoofdaannemer=hoofd if rol == Rol.ONDERAANNEMER else None,
            kleine_partij=kleine_partij,
            unieke_ondersteuning=unieke_ondersteuning,
            ingangsdatum=ingang,
            einddatum=einddatum,
        )


def voeg_indicator_toe(
    user, deel_id: int, *, effect: str, indicator_code: str, streefwaarde: int | None = None
) -> Contractindicator:
    _alleen(user, CONTRACTBEHEER)
    with transaction.atomic():
        deel = Deelovereenkomst.objects.select_for_update().get(pk=deel_id)
        indicator = Contractindicator(
            deelovereenkomst=deel,
            effect=effect,
            indicator_code=indicator_code,
            streefwaarde=streefwaarde,
        )
        indicator.full_clean()
        indicator.save()
        return indicator


def _nu():
    return timezone.now()


def _log(user, *, actie, kanaal, object_type, object_id, persoon_id, velden=(), toelichting=""):
    audit.log(
        user,
        actie=actie,
        kanaal=kanaal,
        doel=doel_voor(user) if user is not None else "Uitvoering Wmo 2015",
        object_type=object_type,
        object_id=object_id,
        persoon_id=persoon_id,
        velden=velden,
        toelichting=toelichting,
    )


# --- complaints ------------------------------------------------------------------------

# The provider's route (Wmo 2015 art. 3.3: the provider has a complaints procedure): the
# resident chooses at each step whether to go on to the next one.
ROUTE_AANBIEDER = [
    Stapsoort.MEDEWERKER,
    Stapsoort.LEIDINGGEVENDE,
    Stapsoort.KLACHTENFUNCTIONARIS,
    Stapsoort.KLACHTENCOMMISSIE,
]
# Default terms in days; a Klachttermijn row overrides them. The gemeente's own term is
# the Awb one: 6 weeks, 10 with a complaints adviser (art. 9:11 and 9:14), +4 once.
STANDAARDTERMIJN = {
    Stapsoort.MEDEWERKER: 14,
    Stapsoort.LEIDINGGEVENDE: 14,
    Stapsoort.KLACHTENFUNCTIONARIS: 42,
    Stapsoort.KLACHTENCOMMISSIE: 84,
    Stapsoort.GEMEENTE: 42,
}
AWB_MET_ADVISEUR = 70
AWB_VERDAGING = 28
INDIENERS = frozenset(
    {Gebruikersrol.INWONER, Gebruikersrol.VRIJWILLIGER, Gebruikersrol.SOCIAAL_WERKER}
)
TOEZICHT = frozenset({Gebruikersrol.TOEZICHTHOUDER})


def termijn_dagen(soort: str, klachtadviseur: bool = False) -> int:
    if soort == Stapsoort.GEMEENTE and klachtadviseur:
        return AWB_MET_ADVISEUR
    rij = Klachttermijn.objects.filter(stap=soort).first()
    return rij.dagen if rij else STANDAARDTERMIJN[soort]


def volgende_stap(klacht: Klacht, huidige: str) -> str | None:
    if klacht.aanbieder_id is None:
        return None
    i = ROUTE_AANBIEDER.index(huidige)
    return ROUTE_AANBIEDER[i + 1] if i + 1 < len(ROUTE_AANBIEDER) else None


def _eigenaar(klacht: Klacht, soort: str) -> str:
    if soort == Stapsoort.GEMEENTE:
        return _("Klachtenfunctionaris gemeente")
    if soort == Stapsoort.KLACHTENCOMMISSIE:
        return _("Onafhankelijke klachtencommissie")
    return f"{Stapsoort(soort).label} — {klacht.aanbieder.naam}"


def _meld(klacht: Klacht, tekst: str) -> Melding:
    return Melding.objects.create(
        klacht=klacht, persoon_id=klacht.persoon_id, tekst=tekst, op=_nu()
    )


def _start_stap(klacht: Klacht, soort: str, eigenaar: str = "") -> KlachtStap:
    nu = _nu()
    dagen = termijn_dagen(soort, klacht.klachtadviseur)
    if soort == Stapsoort.GEMEENTE:  # a term set by the Awb: the Atw applies
        termijn = termijn_einde(timezone.localdate(nu), dagen=dagen)
    else:
        termijn = timezone.localdate(nu) + datetime.timedelta(days=dagen)
    stap = KlachtStap.objects.create(
        klacht=klacht,
        soort=soort,
        eigenaar=eigenaar or _eigenaar(klacht, soort),
        gestart_op=nu,
        termijn=termijn,
    )
    _meld(
        klacht,
        _("Uw klacht is in behandeling: %(stap)s. U hoort uiterlijk %(datum)s de uitkomst.")
        % {"stap": stap.get_soort_display().lower(), "datum": termijn.strftime("%d-%m-%Y")},
    )
    return stap


def _klacht_persoon(user, bsn: str, geboortedatum) -> Persoon:
    """Who the complaint is for: the resident themself, or (at a buurtkamer, by a volunteer
    or social worker) the resident identified by BSN and date of birth."""
    if user.rol == Gebruikersrol.INWONER:
        if not user.persoon_id:
            raise PermissionDenied
        return Persoon.objects.get(pk=user.persoon_id)
    persoon = None
    if bsn and geboortedatum:
        persoon = Persoon.objects.filter(bsn=bsn.strip(), geboortedatum=geboortedatum).first()
    if persoon is None:
        _fout("bsn", _("Geen inwoner gevonden met dit BSN en deze geboortedatum."))
    return persoon


def dien_klacht_in(
    user,
    *,
    thema: str,
    omschrijving: str,
    aanbieder_id: int | None = None,
    namens: str = "",
    klachtadviseur: bool = False,
    bsn: str = "",
    geboortedatum: datetime.date | None = None,
    kanaal: str,
) -> Klacht:
    """File a complaint about a provider (or, without provider, about the gemeente). The
    first step starts at once and the resident gets a notice."""
    _alleen(user, INDIENERS)
    fouten = {}
    if thema not in Thema.values:
        fouten["thema"] = [_("Kies een thema.")]
    if len(omschrijving.strip()) < 10:
        fouten["omschrijving"] = [_("Beschrijf uw klacht in ten minste 10 tekens.")]
    aanbieder = None
    if aanbieder_id:
        aanbieder = (
            Organisatie.objects.filter(pk=aanbieder_id)
            .exclude(soort=Organisatie.Soort.GEMEENTE)
            .first()
        )
        if aanbieder is None:
            fouten["aanbieder"] = [_("Onbekende aanbieder.")]
    if fouten:
        raise ValidationError(fouten)
    persoon = _klacht_persoon(user, bsn, geboortedatum)
    with transaction.atomic():
        klacht = Klacht.objects.create(
            persoon=persoon,
            aanbieder=aanbieder,
            thema=thema,
            omschrijving=omschrijving.strip(),
            namens=namens.strip(),
            kanaal=Klacht.Kanaal.ONLINE
            if user.rol == Gebruikersrol.INWONER
            else Klacht.Kanaal.BUURTKAMER,
            klachtadviseur=klachtadviseur and aanbieder is None,
            ingediend_op=_nu(),
            ingediend_door=user,
        )
        _start_stap(klacht, ROUTE_AANBIEDER[0] if aanbieder else Stapsoort.GEMEENTE)
        _log(
            user,
            actie=audit.Actie.AANMAKEN,
            kanaal=kanaal,
            object_type="klacht",
            object_id=klacht.pk,
            persoon_id=persoon.pk,
            velden=["thema", "omschrijving"],
        )
    return klacht


def _mag_behandelen(user, klacht: Klacht, stap: KlachtStap) -> bool:
    if user.rol == Gebruikersrol.TOEZICHTHOUDER:
        return True
    scope = scope_of(user)
    return (
        user.rol == Gebruikersrol.ZORGAANBIEDER
        and klacht.aanbieder_id is not None
        and klacht.aanbieder_id == scope.organisatie_id
        and stap.soort != Stapsoort.KLACHTENCOMMISSIE
    )


def _open_klacht(klacht_id: int) -> tuple[Klacht, KlachtStap]:
    klacht = (
        Klacht.objects.select_for_update(of=("self",))
        .select_related("aanbieder")
        .filter(pk=klacht_id)
        .first()
    )
    if klacht is None:
        raise PermissionDenied
    stap = klacht.stappen.order_by("-gestart_op", "-pk").first()
    return klacht, stap


def leg_uitkomst_vast(user, klacht_id: int, *, uitkomst: str, kanaal: str) -> KlachtStap:
    """The owner of the current step records its outcome; the resident is told and may
    respond or go to the next step."""
    with transaction.atomic():
        klacht, stap = _open_klacht(klacht_id)
        if not _mag_behandelen(user, klacht, stap):
            raise PermissionDenied
        if klacht.afgesloten_op or stap.uitkomst_op:
            _fout("uitkomst", _("Voor deze stap is de uitkomst al vastgelegd."))
        if len(uitkomst.strip()) < 5:
            _fout("uitkomst", _("Beschrijf de uitkomst."))
        stap.uitkomst = uitkomst.strip()
        stap.uitkomst_op = _nu()
        stap.uitkomst_door = user
        stap.save(update_fields=["uitkomst", "uitkomst_op", "uitkomst_door"])
        volgende = volgende_stap(klacht, stap.soort)
        tekst = _("De uitkomst van %(stap)s staat klaar. Laat weten of u tevreden bent") % {
            "stap": stap.get_soort_display().lower()
        }
        if volgende:
            tekst += _(" of dat u verder wilt naar: %(v)s.") % {"v": Stapsoort(volgende).label}
        else:
            tekst += "."
        _meld(klacht, tekst)
        _log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            object_type="klacht",
            object_id=klacht.pk,
            persoon_id=klacht.persoon_id,
            velden=["uitkomst"],
        )
    return stap


def reageer_op_klacht(
    user, klacht_id: int, *, reactie: str, tevreden: bool, naar: str = "", kanaal: str
) -> Klacht:
    """The resident responds to the outcome. ``naar`` empty closes the complaint; else it
    must be the next step (no step can be skipped). Escalating without an outcome is
    possible once the step's term has passed."""
    _alleen(user, {Gebruikersrol.INWONER})
    with transaction.atomic():
        klacht, stap = _open_klacht(klacht_id)
        if klacht.persoon_id != user.persoon_id:
            raise PermissionDenied
        if klacht.afgesloten_op:
            _fout("naar", _("Deze klacht is afgesloten."))
        te_laat = stap.termijn < timezone.localdate()
        if stap.uitkomst_op is None and not (naar and te_laat):
            _fout(
                "naar",
                _("Wacht op de uitkomst van deze stap (uiterlijk %(d)s).")
                % {"d": stap.termijn.strftime("%d-%m-%Y")},
            )
        volgende = volgende_stap(klacht, stap.soort)
        if naar and naar != volgende:
            if volgende is None:
                _fout("naar", _("Dit was de laatste stap; verder escaleren kan hier niet."))
            _fout(
                "naar",
                _("Een stap overslaan kan niet. De volgende stap is: %(v)s.")
                % {"v": Stapsoort(volgende).label},
            )
        stap.reactie = reactie.strip()
        stap.tevreden = tevreden
        stap.reactie_op = _nu()
        stap.save(update_fields=["reactie", "tevreden", "reactie_op"])
        if naar:
            _start_stap(klacht, naar)
        else:
            klacht.afgesloten_op = _nu()
            klacht.save(update_fields=["afgesloten_op"])
            _meld(klacht, _("Uw klacht is afgesloten. Dank voor uw reactie."))
        _log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            object_type="klacht",
            object_id=klacht.pk,
            persoon_id=klacht.persoon_id,
            velden=["reactie", "tevreden"],
        )
    return klacht


def verdaag_klacht(user, klacht_id: int, *, reden: str, kanaal: str) -> KlachtStap:
    """Extend the gemeente's own term once by 4 weeks (Awb art. 9:11 lid 2), with notice."""
    _alleen(user, TOEZICHT)
    with transaction.atomic():
        klacht, stap = _open_klacht(klacht_id)
        if stap.soort != Stapsoort.GEMEENTE or stap.uitkomst_op or klacht.afgesloten_op:
            _fout("reden", _("Alleen een lopende klacht over de gemeente kan worden verdaagd."))
        if stap.verdaagd:
            _fout("reden", _("De termijn is al eens verdaagd; dat kan maar één keer."))
        if len(reden.strip()) < 5:
            _fout("reden", _("Geef de reden van de verdaging."))
        stap.termijn = termijn_einde(stap.termijn, dagen=AWB_VERDAGING)
        stap.verdaagd = True
        stap.save(update_fields=["termijn", "verdaagd"])
        _meld(
            klacht,
            _("De behandeling van uw klacht duurt langer: %(r)s. Nieuwe termijn: %(d)s.")
            % {"r": reden.strip(), "d": stap.termijn.strftime("%d-%m-%Y")},
        )
        _log(
            user,
            actie=audit.Actie.WIJZIGEN,
            kanaal=kanaal,
            object_type="klacht",
            object_id=klacht.pk,
            persoon_id=klacht.persoon_id,
            velden=["termijn"],
        )
    return stap


# --- contract management ----------------------------------------------------------------


def genereer_kwartaalgesprek(
    user, *, aanbieder_id: int, jaar: int, kwartaal: int, notities: str = ""
) -> Kwartaalgesprek:
    """Assemble a provider's quarterly review from the steering indicators."""
    from . import selectors

    _alleen(user, CONTRACTBEHEER)
    if kwartaal not in (1, 2, 3, 4):
        _fout("kwartaal", _("Kies kwartaal 1 tot en met 4."))
    if not 2015 <= jaar <= 2100:
        _fout("jaar", _("Kies een geldig jaar."))
    if not Contractpartij.objects.filter(aanbieder_id=aanbieder_id).exists():
        _fout("aanbieder", _("Deze aanbieder heeft geen contract."))
    if Kwartaalgesprek.objects.filter(
        aanbieder_id=aanbieder_id, jaar=jaar, kwartaal=kwartaal
    ).exists():
        _fout("kwartaal", _("Voor dit kwartaal is al een gesprek voorbereid."))
    cijfers = selectors.kwartaalcijfers(aanbieder_id, jaar, kwartaal)
    with transaction.atomic():
        return Kwartaalgesprek.objects.create(
            aanbieder_id=aanbieder_id,
            jaar=jaar,
            kwartaal=kwartaal,
            cijfers=cijfers,
            notities=notities.strip(),
            aangemaakt_op=_nu(),
            aangemaakt_door=user,
        )


def bewaar_gespreksverslag(
    user, gesprek_id: int, *, notities: str, actie: str = "", eigenaar: str = "", uiterlijk=None
) -> Kwartaalgesprek:
    """Notes of the review and, optionally, one more agreed action."""
    _alleen(user, CONTRACTBEHEER)
    if actie and not uiterlijk:
        _fout("uiterlijk", _("Geef aan wanneer de actie klaar moet zijn."))
    with transaction.atomic():
        gesprek = Kwartaalgesprek.objects.select_for_update().get(pk=gesprek_id)
        gesprek.notities = notities.strip()
        gesprek.save(update_fields=["notities"])
        if actie:
            Actiepunt.objects.create(
                kwartaalgesprek=gesprek, tekst=actie.strip(), eigenaar=eigenaar, uiterlijk=uiterlijk
            )
    return gesprek


# --- calamities ---------------------------------------------------------------------------

ONDERZOEKSTERMIJN = datetime.timedelta(weeks=6)


def meld_calamiteit(
    user, *, soort: str, omschrijving: str, plaatsgevonden_op: datetime.date
) -> Calamiteit:
    """A provider reports a calamity or violence to the gemeente's supervisor."""
    _alleen(user, {Gebruikersrol.ZORGAANBIEDER})
    scope = scope_of(user)
    if not scope.organisatie_id:
        raise PermissionDenied
    fouten = {}
    if soort not in Calamiteit.Soort.values:
        fouten["soort"] = [_("Kies calamiteit of geweld.")]
    if len(omschrijving.strip()) < 10:
        fouten["omschrijving"] = [_("Beschrijf wat er is gebeurd.")]
    nu = _nu()
    if plaatsgevonden_op > timezone.localdate(nu):
        fouten["plaatsgevonden_op"] = [_("De datum van het voorval ligt in de toekomst.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        return Calamiteit.objects.create(
            aanbieder_id=scope.organisatie_id,
            soort=soort,
            omschrijving=omschrijving.strip(),
            plaatsgevonden_op=plaatsgevonden_op,
            gemeld_op=nu,
            gemeld_door=user,
            onderzoek_termijn=timezone.localdate(nu) + ONDERZOEKSTERMIJN,
        )


def registreer_calamiteitverloop(user, calamiteit_id: int, *, soort: str, tekst: str):
    """The supervisor records the provider's investigation, findings and measures, and
    closes the report once findings and measures are known."""
    _alleen(user, TOEZICHT)
    Soort = CalamiteitVerloop.Soort
    if soort not in Soort.values:
        _fout("soort", _("Kies wat u vastlegt."))
    if len(tekst.strip()) < 5:
        _fout("tekst", _("Vul een toelichting in."))
    with transaction.atomic():
        calamiteit = Calamiteit.objects.select_for_update().get(pk=calamiteit_id)
        gedaan = set(calamiteit.verloop.values_list("soort", flat=True))
        if Soort.AFGESLOTEN in gedaan:
            _fout("soort", _("Deze melding is afgesloten."))
        if soort == Soort.AFGESLOTEN and not {Soort.BEVINDINGEN, Soort.MAATREGELEN} <= gedaan:
            _fout("soort", _("Afsluiten kan pas als bevindingen en maatregelen bekend zijn."))
        return CalamiteitVerloop.objects.create(
            calamiteit=calamiteit, soort=soort, tekst=tekst.strip(), door=user, op=_nu()
        )


# --- quality framework ------------------------------------------------------------------


def dien_zelfevaluatie_in(user, *, jaar: int, antwoorden: dict[str, tuple[str, str]]):
    """A provider's self-assessment: a score and evidence for every requirement."""
    _alleen(user, {Gebruikersrol.ZORGAANBIEDER})
    scope = scope_of(user)
    if not scope.organisatie_id:
        raise PermissionDenied
    eisen = list(Kwaliteitseis.objects.all())
    fouten = {}
    for eis in eisen:
        score, bewijs = antwoorden.get(eis.code, ("", ""))
        if score not in Antwoord.Score.values or len((bewijs or "").strip()) < 5:
            fouten[f"eis_{eis.code}"] = [_("Geef een score en onderbouw die met bewijs.")]
    if Zelfevaluatie.objects.filter(aanbieder_id=scope.organisatie_id, jaar=jaar).exists():
        fouten["jaar"] = [_("Voor dit jaar is al een zelfevaluatie ingediend.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        z = Zelfevaluatie.objects.create(
            aanbieder_id=scope.organisatie_id, jaar=jaar, ingediend_op=_nu(), ingediend_door=user
        )
        Antwoord.objects.bulk_create(
            Antwoord(
                zelfevaluatie=z,
                eis=eis,
                score=antwoorden[eis.code][0],
                bewijs=antwoorden[eis.code][1].strip(),
            )
            for eis in eisen
        )
    return z


def beoordeel_zelfevaluatie(
    user, zelfevaluatie_id: int, *, oordeel: str, toelichting: str, bevindingen=()
):
    """The gemeente's review; ``bevindingen`` = [(eis_code, bevinding, actie, uiterlijk)].
    An outcome other than 'voldoet' needs at least one improvement action."""
    _alleen(user, TOEZICHT)
    if oordeel not in Zelfevaluatie.Oordeel.values:
        _fout("oordeel", _("Kies een oordeel."))
    if oordeel != Zelfevaluatie.Oordeel.VOLDOET and not bevindingen:
        _fout("bevinding", _("Leg ten minste één bevinding met verbeteractie vast."))
    eisen = {e.code: e for e in Kwaliteitseis.objects.all()}
    for code, bevinding, actie, uiterlijk in bevindingen:
        if code not in eisen or not bevinding.strip() or not actie.strip() or not uiterlijk:
            _fout("bevinding", _("Vul eis, bevinding, verbeteractie en termijn in."))
    with transaction.atomic():
        z = Zelfevaluatie.objects.select_for_update().get(pk=zelfevaluatie_id)
        if z.beoordeeld_op:
            _fout("oordeel", _("Deze zelfevaluatie is al beoordeeld."))
        z.oordeel = oordeel
        z.oordeel_toelichting = toelichting.strip()
        z.beoordeeld_op = _nu()
        z.beoordeeld_door = user
        z.save(update_fields=["oordeel", "oordeel_toelichting", "beoordeeld_op", "beoordeeld_door"])
        for code, bevinding, actie, uiterlijk in bevindingen:
            Verbeteractie.objects.create(
                zelfevaluatie=z,
                eis=eisen[code],
                bevinding=bevinding.strip(),
                actie=actie.strip(),
                uiterlijk=uiterlijk,
            )
    return z


def meld_verbeteractie_gereed(user, actie_id: int) -> Verbeteractie:
    _alleen(user, {Gebruikersrol.ZORGAANBIEDER})
    with transaction.atomic():
        actie = (
            Verbeteractie.objects.select_for_update()
            .filter(pk=actie_id, zelfevaluatie__aanbieder_id=scope_of(user).organisatie_id)
            .first()
        )
        if actie is None:
            raise PermissionDenied
        if actie.gereed_op:
            _fout("actie", _("Deze actie is al gereed gemeld."))
        actie.gereed_op = _nu()
        actie.save(update_fields=["gereed_op"])
    return actie


# --- consultation ------------------------------------------------------------------------


def plan_overleg(
    user,
    *,
    titel: str,
    niveau: str,
    datum: datetime.date,
    deelnemer_ids,
    agenda: list[tuple[str, str]],
    perceel_code: str = "",
    wijk_id: int | None = None,
) -> Overleg:
    """A consultation meeting with participants and agenda items (subject, indicator)."""
    _alleen(user, CONTRACTBEHEER)
    fouten = {}
    if niveau not in Overleg.Niveau.values:
        fouten["niveau"] = [_("Kies strategisch, tactisch of operationeel.")]
    if len(titel.strip()) < 3:
        fouten["titel"] = [_("Geef het overleg een titel.")]
    deelnemers = list(Organisatie.objects.filter(pk__in=list(deelnemer_ids)))
    if not deelnemers:
        fouten["deelnemers"] = [_("Kies ten minste één deelnemer.")]
    if not [o for o, _i in agenda if o.strip()]:
        fouten["agenda"] = [_("Zet ten minste één punt op de agenda.")]
    perceel = Perceel.objects.filter(code=perceel_code).first() if perceel_code else None
    if perceel_code and perceel is None:
        fouten["perceel"] = [_("Onbekend perceel.")]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        overleg = Overleg.objects.create(
            titel=titel.strip(), niveau=niveau, datum=datum, perceel=perceel, wijk_id=wijk_id
        )
        overleg.deelnemers.set(deelnemers)
        Agendapunt.objects.bulk_create(
            Agendapunt(overleg=overleg, onderwerp=o.strip(), indicator_code=i.strip())
            for o, i in agenda
            if o.strip()
        )
    return overleg


def leg_overleguitkomst_vast(
    user, agendapunt_id: int, *, soort: str, tekst: str, eigenaar: str = "", uiterlijk=None
) -> Actiepunt:
    _alleen(user, CONTRACTBEHEER)
    if soort not in ("besluit", "actie"):
        _fout("soort", _("Kies besluit of actie."))
    if len(tekst.strip()) < 3:
        _fout("tekst", _("Vul het besluit of de actie in."))
    if soort == "actie" and not (eigenaar.strip() and uiterlijk):
        _fout("eigenaar", _("Een actie heeft een eigenaar en een datum."))
    with transaction.atomic():
        punt = Agendapunt.objects.select_for_update().get(pk=agendapunt_id)
        return Actiepunt.objects.create(
            agendapunt=punt,
            soort=soort,
            tekst=tekst.strip(),
            eigenaar=eigenaar,
            uiterlijk=uiterlijk,
        )
