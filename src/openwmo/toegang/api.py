"""API for meldingen, signalen and Het gesprek. Same rules as the screens: types are
checked here, everything else in the services; a role sees only its fields."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission
from openwmo.accounts.selectors import DOSSIER_ROLLEN
from openwmo.privacy.services import Kanaal

from . import selectors, services
from .models import (
    Deelnemer,
    Domein,
    Onderzoek,
    Route,
    Signaal,
    Uitkomst,
    Urgentie,
)
from .models import (
    Kanaal as MeldingKanaal,
)

API = Kanaal.API
DATUM_FOUT = {"invalid": "Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-02."}
TIJD_FOUT = {"invalid": "Vul een geldige datum en tijd in, bijvoorbeeld 2026-03-02T10:30."}
MELDING_LEZERS = services.MELDER_ROLLEN | {Rol.ZORGAANBIEDER, Rol.INWONER}

# Which output fields belong to which visible field group (selectors.VELDEN_PER_ROL).
GROEPEN = {
    "naam": ["naam"],
    "bsn": ["bsn"],
    "adres": ["adres"],
    "telefoon": ["telefoon"],
    "vraag": ["vraag"],
    "uitkomst": ["uitkomst", "uitkomst_toelichting"],
    "kanaal": ["kanaal", "ontvangen_op", "namens"],
    "urgentie": ["urgentie", "route", "hh_aanbieder"],
    "status": ["status"],
    "behandelaar": ["behandelaar"],
    "termijnen": ["termijnen"],
}


class StandSerializer(serializers.Serializer):
    start = serializers.DateField()
    einddatum = serializers.DateField()
    afgerond_op = serializers.DateField(allow_null=True)
    dagen_over = serializers.IntegerField(allow_null=True)
    oordeel = serializers.CharField(help_text="loopt, opgeschort, op tijd of te laat")


class DwangsomSerializer(serializers.Serializer):
    vanaf = serializers.DateField()
    dagen = serializers.IntegerField()
    bedrag = serializers.IntegerField(help_text="In hele euro's (Awb art. 4:17)")


class TermijnenSerializer(serializers.Serializer):
    onderzoek = StandSerializer(allow_null=True)
    besluit = StandSerializer(allow_null=True)
    dwangsom = DwangsomSerializer(allow_null=True)


class MeldingSerializer(serializers.Serializer):
    """A melding; fields the caller's role may not see are left out."""

    id = serializers.IntegerField(source="melding.id")
    naam = serializers.CharField(source="melding.persoon.volledige_naam", required=False)
    bsn = serializers.CharField(source="melding.persoon.bsn", required=False)
    adres = serializers.CharField(source="melding.huishouden.adres", required=False)
    telefoon = serializers.CharField(source="melding.persoon.telefoon", required=False)
    vraag = serializers.CharField(source="melding.vraag", required=False)
    namens = serializers.CharField(source="melding.namens", required=False)
    kanaal = serializers.CharField(source="melding.kanaal", required=False)
    ontvangen_op = serializers.DateTimeField(source="melding.ontvangen_op", required=False)
    urgentie = serializers.CharField(source="melding.urgentie", required=False)
    route = serializers.CharField(source="melding.route", required=False)
    hh_aanbieder = serializers.CharField(
        source="melding.hh_aanbieder.naam", default=None, required=False
    )
    status = serializers.CharField(source="melding.status", required=False)
    uitkomst = serializers.CharField(source="melding.uitkomst", required=False)
    uitkomst_toelichting = serializers.CharField(
        source="melding.uitkomst_toelichting", required=False
    )
    behandelaar = serializers.CharField(
        source="melding.behandelaar.get_full_name", default=None, required=False
    )
    termijnen = TermijnenSerializer(required=False)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        velden = self.context["velden"]
        zichtbaar = {"id"} | {f for g in velden for f in GROEPEN.get(g, [])}
        if self.context.get("vrijwilliger") and "naam" in zichtbaar:
            # a volunteer sees the name the visitor gave, never the register's
            data["naam"] = instance.melding.opgegeven_naam
        return {k: v for k, v in data.items() if k in zichtbaar}


def _context(user) -> dict:
    return {"velden": selectors.velden_voor(user), "vrijwilliger": user.rol == Rol.VRIJWILLIGER}


class MeldingInSerializer(serializers.Serializer):
    naam = serializers.CharField(
        max_length=160,
        required=False,
        allow_blank=True,
        default="",
        help_text="Alleen voor een vrijwilliger (verplicht): de naam zoals de bezoeker die noemt",
    )
    bsn = serializers.CharField(max_length=11)
    geboortedatum = serializers.DateField(error_messages=DATUM_FOUT)
    kanaal = serializers.ChoiceField(
        [k for k in MeldingKanaal.choices if k[0] in services.STAFF_KANALEN]
    )
    ontvangen_op = serializers.DateTimeField(error_messages=TIJD_FOUT)
    vraag = serializers.CharField(max_length=4000)
    urgentie = serializers.ChoiceField(Urgentie.choices, default=Urgentie.NORMAAL)
    namens = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    buurtkamer = serializers.IntegerField(required=False, allow_null=True, default=None)
    overdragende_organisatie = serializers.IntegerField(
        required=False, allow_null=True, default=None
    )
    route = serializers.ChoiceField(Route.choices, default=Route.BREED)
    hh_aanbieder = serializers.IntegerField(required=False, allow_null=True, default=None)
    voorlopige_voorziening = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )


VRAAG_DOORGEGEVEN = "De vraag is doorgegeven aan het sociaal team."


class VraagDoorgegevenSerializer(serializers.Serializer):
    bericht = serializers.CharField()


class UitkomstInSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(Uitkomst.choices)
    toelichting = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    hh_aanbieder = serializers.IntegerField(required=False, allow_null=True, default=None)


def _melding_response(user, melding, code=status.HTTP_200_OK):
    regel = selectors.Regel(melding, selectors.termijnen_van(melding))
    data = MeldingSerializer(regel, context=_context(user)).data
    return Response(data, status=code)


class MeldingListCreate(APIView):
    permission_classes = [role_permission(*MELDING_LEZERS)]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "lijst",
                str,
                enum=list(selectors.LIJSTEN),
                description="Werklijst: mijn, nieuw (niet toegewezen), te_laat of alle",
            )
        ],
        responses=MeldingSerializer(many=True),
        operation_id="meldingen",
        summary="Meldingen in uw werkvoorraad (binnen uw toegang; wordt gelogd)",
    )
    def get(self, request):
        lijst = request.query_params.get("lijst", "alle")
        if lijst not in selectors.LIJSTEN:
            raise serializers.ValidationError({"lijst": ["Kies mijn, nieuw, te_laat of alle."]})
        regels = selectors.werklijst(request.user, lijst, kanaal=API)
        context = _context(request.user)
        return Response(MeldingSerializer(regels, many=True, context=context).data)

    @extend_schema(
        request=MeldingInSerializer,
        responses={201: MeldingSerializer, 202: VraagDoorgegevenSerializer},
        operation_id="melding_registreren",
        summary="Een melding registreren (de snelle route HH gaat direct naar de aanbieder)",
    )
    def post(self, request):
        if request.user.rol not in services.MELDER_ROLLEN:
            self.permission_denied(request)
        s = MeldingInSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        melding = services.registreer_melding(
            request.user,
            services.NieuweMelding(
                naam=d["naam"],
                bsn=d["bsn"],
                geboortedatum=d["geboortedatum"],
                kanaal=d["kanaal"],
                ontvangen_op=d["ontvangen_op"],
                vraag=d["vraag"],
                urgentie=d["urgentie"],
                namens=d["namens"],
                buurtkamer_id=d["buurtkamer"],
                overdragende_organisatie_id=d["overdragende_organisatie"],
                route=d["route"],
                hh_aanbieder_id=d["hh_aanbieder"],
                voorlopige_voorziening=d["voorlopige_voorziening"],
            ),
            kanaal=API,
        )
        if request.user.rol == Rol.VRIJWILLIGER:
            # the same answer whether or not the BSN and birth date match a resident
            return Response({"bericht": VRAAG_DOORGEGEVEN}, status=status.HTTP_202_ACCEPTED)
        return _melding_response(request.user, melding, status.HTTP_201_CREATED)


class MeldingDetail(APIView):
    permission_classes = [role_permission(*MELDING_LEZERS)]

    @extend_schema(
        responses=MeldingSerializer,
        operation_id="melding",
        summary="Eén melding met de termijnen (wordt gelogd)",
    )
    def get(self, request, pk: int):
        zaak = selectors.zaak(request.user, pk, kanaal=API)
        return _melding_response(request.user, zaak.melding)


class MeldingUitkomst(APIView):
    permission_classes = [role_permission(*services.MELDER_ROLLEN)]

    @extend_schema(
        request=UitkomstInSerializer,
        responses=MeldingSerializer,
        operation_id="melding_eerste_contact",
        summary="De uitkomst van het eerste contact vastleggen",
    )
    def post(self, request, pk: int):
        s = UitkomstInSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        melding = services.leg_uitkomst_vast(
            request.user,
            pk,
            uitkomst=d["uitkomst"],
            toelichting=d["toelichting"],
            hh_aanbieder_id=d["hh_aanbieder"],
            kanaal=API,
        )
        return _melding_response(request.user, melding)


# --- Het gesprek ------------------------------------------------------------------


class DeelnemerSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(Deelnemer.Soort.choices)
    naam = serializers.CharField(max_length=160)


class GesprekSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    gepland_op = serializers.DateTimeField(error_messages=TIJD_FOUT)
    locatie = serializers.CharField(max_length=120)
    gevoerd = serializers.BooleanField(default=False)
    notitie = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    gespreksvoerder = serializers.CharField(
        source="gespreksvoerder.get_full_name", read_only=True, default=None
    )
    deelnemers = DeelnemerSerializer(many=True, required=False, default=list)


class GesprekListCreate(APIView):
    permission_classes = [role_permission(*DOSSIER_ROLLEN)]

    @extend_schema(
        responses=GesprekSerializer(many=True),
        operation_id="gesprekken",
        summary="De gesprekken van een melding",
    )
    def get(self, request, pk: int):
        gesprekken = selectors.gesprekken_van(request.user, pk, kanaal=API)
        return Response(GesprekSerializer(gesprekken, many=True).data)

    @extend_schema(
        request=GesprekSerializer,
        responses={201: GesprekSerializer},
        operation_id="gesprek_plannen",
        summary="Een gesprek plannen of vastleggen",
    )
    def post(self, request, pk: int):
        s = GesprekSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        gesprek = services.plan_gesprek(
            request.user,
            pk,
            gepland_op=d["gepland_op"],
            locatie=d["locatie"],
            gevoerd=d["gevoerd"],
            notitie=d["notitie"],
            deelnemers=[(x["soort"], x["naam"]) for x in d["deelnemers"]],
            kanaal=API,
        )
        return Response(GesprekSerializer(gesprek).data, status=status.HTTP_201_CREATED)


class ScoreSerializer(serializers.Serializer):
    domein = serializers.ChoiceField(Domein.choices)
    score = serializers.IntegerField(
        help_text="1 (acute problematiek) tot 5 (volledig zelfredzaam)"
    )
    reden = serializers.CharField(max_length=1000, allow_blank=True)


class OnderzoekSerializer(serializers.Serializer):
    clientondersteuning_gemeld_op = serializers.DateField(
        required=False, allow_null=True, default=None, error_messages=DATUM_FOUT
    )
    persoonlijk_plan_op = serializers.DateField(
        required=False, allow_null=True, default=None, error_messages=DATUM_FOUT
    )
    eigen_mogelijkheden = serializers.CharField(required=False, allow_blank=True, default="")
    netwerk = serializers.CharField(required=False, allow_blank=True, default="")
    mantelzorgbelasting = serializers.ChoiceField(
        Onderzoek.Mantelzorgbelasting.choices, required=False, allow_blank=True, default=""
    )
    algemene_voorzieningen = serializers.CharField(required=False, allow_blank=True, default="")
    wederkerigheid = serializers.CharField(required=False, allow_blank=True, default="")
    gewenst_resultaat = serializers.CharField(required=False, allow_blank=True, default="")
    conclusie = serializers.CharField(required=False, allow_blank=True, default="")
    scores = ScoreSerializer(
        many=True,
        required=False,
        default=list,
        help_text="Alleen leefgebieden die de vraag raken, elk met de reden.",
    )


class OnderzoekView(APIView):
    permission_classes = [role_permission(*DOSSIER_ROLLEN)]

    @extend_schema(
        request=OnderzoekSerializer,
        responses=OnderzoekSerializer,
        operation_id="onderzoek_vastleggen",
        summary="Het gesprek vastleggen (de scores vervangen de opgeslagen scores)",
    )
    def put(self, request, pk: int):
        s = OnderzoekSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        scores = {x["domein"]: (x["score"], x["reden"]) for x in d.pop("scores")}
        if len(scores) != len(s.validated_data["scores"]):
            raise serializers.ValidationError({"scores": ["Geef elk leefgebied maar één keer."]})
        onderzoek = services.leg_onderzoek_vast(request.user, pk, kanaal=API, scores=scores, **d)
        data = OnderzoekSerializer(onderzoek).data
        data["scores"] = ScoreSerializer(onderzoek.scores.all(), many=True).data
        return Response(data)


# --- signalen ---------------------------------------------------------------------


class SignaalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField(source="persoon.volledige_naam")
    bron = serializers.CharField()
    melder = serializers.CharField()
    zorg = serializers.CharField()
    ontvangen_op = serializers.DateTimeField()
    besluit = serializers.CharField()
    besluit_reden = serializers.CharField()
    gepland_op = serializers.DateField(allow_null=True)


class SignaalInSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=11)
    geboortedatum = serializers.DateField(error_messages=DATUM_FOUT)
    bron = serializers.ChoiceField(Signaal.Bron.choices)
    melder = serializers.CharField(max_length=160)
    zorg = serializers.CharField(max_length=4000)
    ontvangen_op = serializers.DateTimeField(error_messages=TIJD_FOUT)


class SignaalTriageSerializer(serializers.Serializer):
    besluit = serializers.ChoiceField(Signaal.Besluit.choices)
    reden = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    gepland_op = serializers.DateField(
        required=False, allow_null=True, default=None, error_messages=DATUM_FOUT
    )


class SignaalListCreate(APIView):
    permission_classes = [role_permission(*DOSSIER_ROLLEN)]

    @extend_schema(
        responses=SignaalSerializer(many=True),
        operation_id="signalen",
        summary="Signalen die nog beoordeeld moeten worden",
    )
    def get(self, request):
        signalen = selectors.open_signalen(request.user, limit=100, kanaal=API)
        return Response(SignaalSerializer(signalen, many=True).data)

    @extend_schema(
        request=SignaalInSerializer,
        responses={201: SignaalSerializer},
        operation_id="signaal_registreren",
        summary="Een signaal over een inwoner die zelf geen hulp vraagt registreren",
    )
    def post(self, request):
        s = SignaalInSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        signaal = services.registreer_signaal(request.user, kanaal=API, **s.validated_data)
        return Response(SignaalSerializer(signaal).data, status=status.HTTP_201_CREATED)


class SignaalTriage(APIView):
    permission_classes = [role_permission(*DOSSIER_ROLLEN)]

    @extend_schema(
        request=SignaalTriageSerializer,
        responses=SignaalSerializer,
        operation_id="signaal_beoordelen",
        summary="Een signaal beoordelen: huisbezoek, casuïstiekoverleg of geen actie",
    )
    def post(self, request, pk: int):
        s = SignaalTriageSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        signaal = services.trieer_signaal(request.user, pk, kanaal=API, **s.validated_data)
        return Response(SignaalSerializer(signaal).data)
