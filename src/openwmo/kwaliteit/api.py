"""API for complaints (read and file) and contract parties; same rules as the screens."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError as DrfValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission
from openwmo.privacy.services import Kanaal

from . import selectors, services
from .models import Thema

API = Kanaal.API
KLACHT_ROLLEN = (
    Rol.INWONER,
    Rol.VRIJWILLIGER,
    Rol.SOCIAAL_WERKER,
    Rol.ZORGAANBIEDER,
    Rol.TOEZICHTHOUDER,
)


class KlachtStapSerializer(serializers.Serializer):
    soort = serializers.CharField()
    eigenaar = serializers.CharField()
    gestart_op = serializers.DateTimeField()
    termijn = serializers.DateField()
    verdaagd = serializers.BooleanField()
    uitkomst = serializers.CharField()
    uitkomst_op = serializers.DateTimeField(allow_null=True)
    reactie = serializers.CharField()
    tevreden = serializers.BooleanField(allow_null=True)


class KlachtSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    persoon = serializers.IntegerField(source="persoon_id")
    aanbieder = serializers.IntegerField(source="aanbieder_id", allow_null=True)
    thema = serializers.CharField()
    kanaal = serializers.CharField()
    ingediend_op = serializers.DateTimeField()
    afgesloten_op = serializers.DateTimeField(allow_null=True)
    stappen = KlachtStapSerializer(many=True, source="stappen.all")


class KlachtIndienenSerializer(serializers.Serializer):
    aanbieder = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**31 - 1,
        help_text="Leeg: de klacht gaat over de gemeente",
    )
    thema = serializers.ChoiceField(choices=Thema.choices)
    omschrijving = serializers.CharField(max_length=4000)
    namens = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    klachtadviseur = serializers.BooleanField(required=False, default=False)
    bsn = serializers.CharField(max_length=9, required=False, allow_blank=True, default="")
    geboortedatum = serializers.DateField(required=False, allow_null=True, default=None)


class KlachtList(APIView):
    permission_classes = [role_permission(*KLACHT_ROLLEN)]

    @extend_schema(
        responses=KlachtSerializer(many=True),
        operation_id="kwaliteit_klachten",
        summary="Klachten binnen uw toegang met hun stappen (wordt gelogd)",
    )
    def get(self, request):
        klachten = selectors.klachten(request.user, kanaal=API)
        return Response(KlachtSerializer(klachten, many=True).data)

    @extend_schema(
        request=KlachtIndienenSerializer,
        responses={201: KlachtSerializer},
        operation_id="kwaliteit_klacht_indienen",
        summary="Klacht indienen (inwoner, of namens een inwoner in de buurtkamer)",
    )
    def post(self, request):
        invoer = KlachtIndienenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        klacht = services.dien_klacht_in(
            request.user,
            thema=d["thema"],
            omschrijving=d["omschrijving"],
            aanbieder_id=d.get("aanbieder"),
            namens=d["namens"],
            klachtadviseur=d["klachtadviseur"],
            bsn=d["bsn"],
            geboortedatum=d["geboortedatum"],
            kanaal=API,
        )
        klacht = selectors.klacht(request.user, klacht.pk, kanaal=API)
        return Response(KlachtSerializer(klacht).data, status=status.HTTP_201_CREATED)


class ContractpartijSerializer(serializers.Serializer):
    aanbieder_id = serializers.IntegerField()
    naam = serializers.CharField()
    rol = serializers.ChoiceField(choices=["hoofdaannemer", "onderaannemer"])


class ContractpartijList(APIView):
    permission_classes = [role_permission(Rol.BELEIDSMAKER, Rol.TOEZICHTHOUDER)]

    @extend_schema(
        parameters=[
            OpenApiParameter("perceel", str, required=True, description="Code van het perceel"),
            OpenApiParameter("jaar", int, description="Jaar (standaard dit jaar)"),
        ],
        responses=ContractpartijSerializer(many=True),
        operation_id="kwaliteit_contractpartijen",
        summary="Hoofd- en onderaannemers van een perceel in een jaar",
    )
    def get(self, request):
        perceel = request.query_params.get("perceel", "")
        jaar = request.query_params.get("jaar", str(timezone.localdate().year))
        if not perceel:
            raise DrfValidationError({"perceel": ["Geef de code van het perceel."]})
        if not jaar.isdigit() or not 2015 <= int(jaar) <= 2100:
            raise DrfValidationError({"jaar": ["Geef een jaar tussen 2015 en 2100."]})
        rijen = selectors.contractpartijen(perceel, int(jaar))
        return Response(ContractpartijSerializer(rijen, many=True).data)
