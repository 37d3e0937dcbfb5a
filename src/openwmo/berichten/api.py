"""API for the message exchange. Thin: types here, rules in services and the pipeline."""

import logging

from django.conf import settings
from django.db import IntegrityError
from django.http import HttpResponse, JsonResponse
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import BaseParser, JSONParser
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission
from openwmo.inwoners.selectors import personen_in_scope
from openwmo.organisaties.models import Organisatie
from openwmo.privacy.services import Kanaal

from . import schema, selectors, services
from .models import Bericht, Levering, PgbToekenning, Toewijzing, Verzoek

logger = logging.getLogger(__name__)
DATUM_FOUT = {"invalid": "Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-05-17."}
GEMEENTE = role_permission(Rol.WMO_CONSULENT)
AANBIEDER = role_permission(Rol.ZORGAANBIEDER)
BEIDE = role_permission(Rol.WMO_CONSULENT, Rol.ZORGAANBIEDER)
STURING = role_permission(Rol.WMO_CONSULENT, Rol.BELEIDSMAKER)


class XmlParser(BaseParser):
    media_type = "application/xml"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read(schema.max_bytes() + 1) if stream is not None else b""


class TextXmlParser(XmlParser):
    media_type = "text/xml"


def _probleem(detail: str, retourcodes, fouten, status_code=400):
    return JsonResponse(
        {
            "type": "about:blank",
            "title": "Ongeldig bericht",
            "status": status_code,
            "detail": detail,
            "retourcodes": retourcodes,
            "fouten": fouten,
        },
        status=status_code,
        content_type="application/problem+json",
    )


class BerichtOntvangenThrottle(ScopedRateThrottle):
    """Per sending user: protects the exchange against floods (rate in settings, "iwmo")."""

    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get(self.scope)


class BerichtOntvangen(APIView):
    """Receive one iWmo message (305, 307, 315, 317, 323) and answer with its retour."""

    permission_classes = [AANBIEDER]
    throttle_classes = [BerichtOntvangenThrottle]
    throttle_scope = "iwmo"
    parser_classes = [XmlParser, TextXmlParser, JSONParser]

    @extend_schema(
        request={"application/xml": OpenApiTypes.STR, "application/json": OpenApiTypes.OBJECT},
        responses={(200, "application/xml"): OpenApiTypes.STR, 400: OpenApiTypes.OBJECT},
        operation_id="iwmo_bericht_ontvangen",
        summary=(
            "Een iWmo-bericht aanleveren; het antwoord is het retourbericht (of 325), of een "
            "weigering (problem+json) als het bericht niet leesbaar is of niet aan de XSD voldoet"
        ),
    )
    def post(self, request):
        data = request.data
        if isinstance(data, bytes | bytearray):
            raw = bytes(data)
        elif isinstance(data, dict) and isinstance(data.get("bericht"), str):
            raw = data["bericht"].encode("utf-8")
        else:
            return _probleem(
                "Stuur het bericht als XML (Content-Type: application/xml), of als JSON met "
                "het veld 'bericht'.",
                ["0001"],
                [],
            )
        try:
            try:
                r = services.ontvang_bericht(request.user, raw, kanaal=Kanaal.API)
            except IntegrityError:  # the same message at the same moment: idempotent retry
                r = services.ontvang_bericht(request.user, raw, kanaal=Kanaal.API)
        except Exception:  # never a 500 for a message: report and refuse
            logger.exception("iWmo-bericht kon niet worden verwerkt")
            return _probleem("Het bericht kon niet worden verwerkt.", ["0001"], [])
        fouten = [f.als_dict() for f in r.fouten]
        if r.retour is None:
            return _probleem(
                "Het bericht is geen geldig iWmo 3.2-bericht; er is geen retourbericht mogelijk.",
                r.retourcodes,
                fouten,
            )
        response = HttpResponse(r.retour, content_type="application/xml; charset=utf-8")
        response["X-Iwmo-Retourcodes"] = ",".join(r.retourcodes)
        response["X-Iwmo-Geaccepteerd"] = "ja" if r.geaccepteerd else "nee"
        return response


class BerichtSerializer(serializers.ModelSerializer):
    aanbieder = serializers.CharField(source="aanbieder.naam", default=None)
    richting = serializers.CharField()
    status = serializers.CharField()

    class Meta:
        model = Bericht
        fields = [
            "id",
            "richting",
            "berichttype",
            "afzender",
            "ontvanger",
            "aanbieder",
            "identificatie",
            "dagtekening",
            "status",
            "retourcodes",
            "ontvangen_op",
            "retour_op",
        ]


class BerichtDetailSerializer(BerichtSerializer):
    bericht = serializers.CharField(source="inhoud_tekst")
    retour = serializers.CharField(source="retour_tekst")

    class Meta(BerichtSerializer.Meta):
        fields = [*BerichtSerializer.Meta.fields, "fouten", "bericht", "retour"]


class BerichtenLijst(ListAPIView):
    """The inbox/outbox of your organisation (gemeente: all)."""

    permission_classes = [BEIDE]
    serializer_class = BerichtSerializer

    def get_queryset(self):
        return selectors.berichten_in_scope(self.request.user)

    @extend_schema(operation_id="iwmo_berichten", summary="Berichten (in- en uitbak)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class BerichtDetail(APIView):
    permission_classes = [BEIDE]

    @extend_schema(responses=BerichtDetailSerializer, operation_id="iwmo_bericht")
    def get(self, request, pk: int):
        b = selectors.bericht(request.user, pk, kanaal=Kanaal.API)
        return Response(BerichtDetailSerializer(b).data)


class LeveringSerializer(serializers.ModelSerializer):
    soort = serializers.CharField()

    class Meta:
        model = Levering
        fields = [
            "id",
            "soort",
            "toewijzingnummer",
            "productcategorie",
            "productcode",
            "begindatum",
            "einddatum",
            "reden_beeindiging",
            "status_aanlevering",
            "actief",
            "ontvangen_op",
        ]


class ToewijzingSerializer(serializers.ModelSerializer):
    aanbieder = serializers.CharField(source="aanbieder.naam")
    client = serializers.CharField(source="persoon.volledige_naam")

    class Meta:
        model = Toewijzing
        fields = [
            "id",
            "nummer",
            "bsn",
            "client",
            "aanbieder",
            "productcategorie",
            "productcode",
            "ingangsdatum",
            "einddatum",
            "volume",
            "eenheid",
            "frequentie",
            "budget",
            "reden_wijziging",
            "toewijzingsdatum",
            "toewijzingstijd",
        ]


class ToewijzingDetailSerializer(ToewijzingSerializer):
    leveringen = LeveringSerializer(many=True)

    class Meta(ToewijzingSerializer.Meta):
        fields = [*ToewijzingSerializer.Meta.fields, "leveringen"]


class NieuweToewijzingSerializer(serializers.Serializer):
    persoon = serializers.IntegerField()
    aanbieder = serializers.IntegerField()
    product_categorie = serializers.CharField(max_length=2)
    product_code = serializers.CharField(max_length=5, required=False, allow_blank=True)
    ingangsdatum = serializers.DateField(error_messages=DATUM_FOUT)
    einddatum = serializers.DateField(required=False, allow_null=True, error_messages=DATUM_FOUT)
    volume = serializers.IntegerField(min_value=0, max_value=99_999_999, required=False)
    eenheid = serializers.CharField(max_length=2, required=False, allow_blank=True)
    frequentie = serializers.CharField(max_length=1, required=False, allow_blank=True)
    budget = serializers.IntegerField(min_value=0, max_value=99_999_999, required=False)


class Toewijzingen(ListAPIView):
    """Toewijzingen: a provider sees its own, the gemeente all; the gemeente can create."""

    permission_classes = [BEIDE]
    serializer_class = ToewijzingSerializer

    def get_queryset(self):
        return selectors.toewijzingen_in_scope(self.request.user)

    @extend_schema(operation_id="iwmo_toewijzingen")
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        selectors.log_overzicht(
            request.user, self.getoond, kanaal=Kanaal.API, object_type="toewijzing"
        )
        return response

    def paginate_queryset(self, queryset):
        self.getoond = super().paginate_queryset(queryset) or []
        return self.getoond

    @extend_schema(
        request=NieuweToewijzingSerializer,
        responses={201: ToewijzingSerializer},
        operation_id="iwmo_toewijzing_maken",
        summary="Zorg in natura toewijzen (verstuurt een WMO301)",
    )
    def post(self, request):
        if request.user.rol != Rol.WMO_CONSULENT:
            self.permission_denied(request)
        s = NieuweToewijzingSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        persoon = personen_in_scope(request.user).filter(pk=d.pop("persoon")).first()
        aanbieder = Organisatie.objects.filter(pk=d.pop("aanbieder")).first()
        if persoon is None or aanbieder is None:
            raise serializers.ValidationError(
                {"niet_veldgebonden": ["Onbekende persoon of aanbieder."]}
            )
        t = services.maak_toewijzing(
            request.user, persoon=persoon, aanbieder=aanbieder, kanaal=Kanaal.API, **d
        )
        return Response(ToewijzingSerializer(t).data, status=status.HTTP_201_CREATED)


class ToewijzingDetail(APIView):
    permission_classes = [BEIDE]

    @extend_schema(responses=ToewijzingDetailSerializer, operation_id="iwmo_toewijzing")
    def get(self, request, pk: int):
        t = selectors.toewijzing(request.user, pk, kanaal=Kanaal.API)
        return Response(ToewijzingDetailSerializer(t).data)


class RetourSerializer(serializers.Serializer):
    bericht = serializers.IntegerField(source="bericht.pk", allow_null=True)
    geaccepteerd = serializers.BooleanField()
    retourcodes = serializers.ListField(child=serializers.CharField())


class StartSerializer(serializers.Serializer):
    begindatum = serializers.DateField(error_messages=DATUM_FOUT)


class StartMelden(APIView):
    permission_classes = [AANBIEDER]

    @extend_schema(
        request=StartSerializer,
        responses=RetourSerializer,
        operation_id="iwmo_start_melden",
        summary="Start van de levering melden (verstuurt een WMO305)",
    )
    def post(self, request, pk: int):
        s = StartSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        r = services.meld_start(request.user, pk, kanaal=Kanaal.API, **s.validated_data)
        return Response(RetourSerializer(r).data)


class StopSerializer(serializers.Serializer):
    einddatum = serializers.DateField(error_messages=DATUM_FOUT)
    reden = serializers.CharField(max_length=2)


class StopMelden(APIView):
    permission_classes = [AANBIEDER]

    @extend_schema(
        request=StopSerializer,
        responses=RetourSerializer,
        operation_id="iwmo_stop_melden",
        summary="Stop van de levering melden bij een startmelding (verstuurt een WMO307)",
    )
    def post(self, request, pk: int):
        s = StopSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        r = services.meld_stop(request.user, pk, kanaal=Kanaal.API, **s.validated_data)
        return Response(RetourSerializer(r).data)


class TaakgerichtStartSerializer(serializers.Serializer):
    """The provider states the client's data itself (no look-up by BSN); the gemeente
    checks them against the register."""

    bsn = serializers.RegexField(
        r"^[0-9]{9}$", error_messages={"invalid": "Een BSN bestaat uit 9 cijfers."}
    )
    achternaam = serializers.CharField(max_length=200)
    voorvoegsel = serializers.CharField(max_length=10, required=False, allow_blank=True)
    voorletters = serializers.CharField(max_length=12, required=False, allow_blank=True)
    geboortedatum = serializers.DateField(error_messages=DATUM_FOUT)
    geslacht = serializers.ChoiceField(["0", "1", "2"], required=False, default="0")
    product_categorie = serializers.CharField(max_length=2, required=False, allow_blank=True)
    begindatum = serializers.DateField(error_messages=DATUM_FOUT)


class StartZonderToewijzing(APIView):
    permission_classes = [AANBIEDER]

    @extend_schema(
        request=TaakgerichtStartSerializer,
        responses=RetourSerializer,
        operation_id="iwmo_start_taakgericht",
        summary="Start melden zonder toewijzing (taakgericht; WMO305 zonder ToewijzingNummer)",
    )
    def post(self, request):
        s = TaakgerichtStartSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        r = services.meld_start_taakgericht(request.user, kanaal=Kanaal.API, **s.validated_data)
        return Response(RetourSerializer(r).data)


class VerzoekSerializer(serializers.ModelSerializer):
    aanbieder = serializers.CharField(source="aanbieder.naam")
    soort = serializers.CharField()
    status = serializers.CharField()

    class Meta:
        model = Verzoek
        fields = [
            "id",
            "soort",
            "referentie",
            "bsn",
            "aanbieder",
            "status",
            "reden_afwijzing",
            "inhoud",
            "ontvangen_op",
            "beantwoord_op",
        ]


class Verzoeken(ListAPIView):
    permission_classes = [BEIDE]
    serializer_class = VerzoekSerializer

    def get_queryset(self):
        return selectors.verzoeken_in_scope(self.request.user)

    @extend_schema(operation_id="iwmo_verzoeken")
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        selectors.log_overzicht(
            request.user, self.getoond, kanaal=Kanaal.API, object_type="verzoek"
        )
        return response

    def paginate_queryset(self, queryset):
        self.getoond = super().paginate_queryset(queryset) or []
        return self.getoond


class AntwoordSerializer(serializers.Serializer):
    besluit = serializers.ChoiceField(["toewijzen", "afwijzen", "onderzoek"])
    reden_afwijzing = serializers.CharField(max_length=1, required=False, allow_blank=True)


class VerzoekAntwoord(APIView):
    permission_classes = [GEMEENTE]

    @extend_schema(
        request=AntwoordSerializer,
        responses=VerzoekSerializer,
        operation_id="iwmo_verzoek_beantwoorden",
        summary="Een verzoek toewijzen (301), afwijzen of in onderzoek nemen (319)",
    )
    def post(self, request, pk: int):
        s = AntwoordSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = services.beantwoord_verzoek(request.user, pk, kanaal=Kanaal.API, **s.validated_data)
        return Response(VerzoekSerializer(v).data)


class PgbSerializer(serializers.ModelSerializer):
    class Meta:
        model = PgbToekenning
        fields = ["id", "persoon", "productcategorie", "productcode", "ingangsdatum", "einddatum"]
        extra_kwargs = {"persoon": {"read_only": True}}


class NieuwPgbSerializer(serializers.Serializer):
    persoon = serializers.IntegerField()
    product_categorie = serializers.CharField(max_length=2)
    product_code = serializers.CharField(max_length=5, required=False, allow_blank=True)
    ingangsdatum = serializers.DateField(error_messages=DATUM_FOUT)
    einddatum = serializers.DateField(required=False, allow_null=True, error_messages=DATUM_FOUT)


class Pgb(ListAPIView):
    """PGB grants: paid outside iWmo; a toewijzing may not overlap them (OP043)."""

    permission_classes = [GEMEENTE]
    serializer_class = PgbSerializer

    def get_queryset(self):
        return PgbToekenning.objects.filter(persoon__in=personen_in_scope(self.request.user))

    @extend_schema(operation_id="iwmo_pgb_lijst")
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        selectors.log_overzicht(request.user, self.getoond, kanaal=Kanaal.API, object_type="pgb")
        return response

    def paginate_queryset(self, queryset):
        self.getoond = super().paginate_queryset(queryset) or []
        return self.getoond

    @extend_schema(
        request=NieuwPgbSerializer,
        responses={201: PgbSerializer},
        operation_id="iwmo_pgb",
        summary="Een pgb vastleggen",
    )
    def post(self, request):
        s = NieuwPgbSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        persoon = personen_in_scope(request.user).filter(pk=d.pop("persoon")).first()
        if persoon is None:
            raise serializers.ValidationError({"persoon": ["Onbekende persoon."]})
        pgb = services.registreer_pgb(request.user, persoon=persoon, kanaal=Kanaal.API, **d)
        return Response(PgbSerializer(pgb).data, status=status.HTTP_201_CREATED)


class TeLaatSerializer(serializers.Serializer):
    soort = serializers.CharField()
    termijn = serializers.DateField()
    omschrijving = serializers.CharField()


class TeLaat(APIView):
    permission_classes = [BEIDE]

    @extend_schema(responses=TeLaatSerializer(many=True), operation_id="iwmo_te_laat")
    def get(self, request):
        return Response(TeLaatSerializer(selectors.te_laat(request.user), many=True).data)


class SturingVraag(serializers.Serializer):
    pagina = serializers.IntegerField(
        min_value=1, default=1, help_text="Pagina van de rijen per toewijzing (gemeente)."
    )
    per_pagina = serializers.IntegerField(
        min_value=1, max_value=1000, default=selectors.STURING_PER_PAGINA
    )


class Sturing(APIView):
    """Steering figures: waiting time, duration, reasons for ending, late share per provider.

    The figures per provider and the reasons cover all toewijzingen; the rows per
    toewijzing (gemeente only) come one page at a time, with their total."""

    permission_classes = [STURING]

    @extend_schema(
        parameters=[SturingVraag], responses=OpenApiTypes.OBJECT, operation_id="iwmo_sturing"
    )
    def get(self, request):
        vraag = SturingVraag(data=request.query_params)
        vraag.is_valid(raise_exception=True)
        return Response(selectors.sturingsinformatie(request.user, **vraag.validated_data))
