"""Read API for the transition: same scope and audit as the screens."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.permissions import role_permission
from openwmo.privacy.services import Kanaal

from . import selectors

API = Kanaal.API


class MaatwerkgesprekSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    persoon = serializers.IntegerField(source="persoon_id")
    naam = serializers.CharField(source="persoon.volledige_naam")
    gepland_op = serializers.DateField()
    uiterlijk_op = serializers.DateField()
    kwetsbaar = serializers.BooleanField()
    medewerker = serializers.IntegerField(source="medewerker_id")
    aanbieder_aanwezig = serializers.IntegerField(source="aanbieder_id", allow_null=True)
    uitkomst = serializers.SerializerMethodField(
        help_text="Laatste uitkomst: aanvullend, basis, mix of leeg (nog niet gehouden)"
    )
    wijzigingsdatum = serializers.SerializerMethodField()

    def get_uitkomst(self, obj) -> str:
        u = selectors.laatste_uitkomst(obj)
        return u.route if u else ""

    def get_wijzigingsdatum(self, obj) -> str | None:
        u = selectors.laatste_uitkomst(obj)
        return u.wijzigingsdatum.isoformat() if u else None


class OvergangProductSerializer(serializers.Serializer):
    product = serializers.CharField()
    aanvullend = serializers.IntegerField()
    basis = serializers.IntegerField()
    mix = serializers.IntegerField()
    open = serializers.IntegerField()


class OvergangVoortgangSerializer(serializers.Serializer):
    clienten = serializers.IntegerField()
    gepland = serializers.IntegerField()
    gehouden = serializers.IntegerField()
    te_laat = serializers.IntegerField()
    niet_gepland = serializers.IntegerField()
    risico = serializers.IntegerField(
        source="risico_aantal",
        help_text="Cliënten zonder gehouden gesprek van wie de beschikking binnen 8 weken eindigt",
    )
    per_product = serializers.SerializerMethodField()

    @extend_schema_field(OvergangProductSerializer(many=True))
    def get_per_product(self, obj) -> list:
        return [
            {"product": p, **{k: telling.get(k, 0) for k in ("aanvullend", "basis", "mix", "open")}}
            for p, _label, telling in obj.per_product
        ]


class GesprekList(APIView):
    permission_classes = [role_permission(*selectors.WERK_ROLLEN)]

    @extend_schema(
        responses=MaatwerkgesprekSerializer(many=True),
        operation_id="overgang_gesprekken",
        summary="Maatwerkgesprekken van de overgang binnen uw toegang (wordt gelogd)",
    )
    def get(self, request):
        rijen = selectors.gesprekken(request.user, kanaal=API)
        return Response(MaatwerkgesprekSerializer(rijen, many=True).data)


class VoortgangView(APIView):
    permission_classes = [role_permission(*selectors.OVERZICHT_ROLLEN)]

    @extend_schema(
        responses=OvergangVoortgangSerializer,
        operation_id="overgang_voortgang",
        summary="Voortgang van de overgang: gesprekken, uitkomsten per product, risico's",
    )
    def get(self, request):
        return Response(
            OvergangVoortgangSerializer(
                selectors.voortgang(request.user, kanaal=API, namen=False)
            ).data
        )
