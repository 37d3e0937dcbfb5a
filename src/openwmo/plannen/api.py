"""Read API for ondersteuningsplannen: same scope and audit as the screens."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.permissions import role_permission
from openwmo.privacy.services import Kanaal

from . import selectors

API = Kanaal.API


class PlanKortSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    persoon = serializers.IntegerField(source="persoon_id")
    naam = serializers.CharField(source="persoon.volledige_naam")
    status = serializers.CharField()
    regievoerder_soort = serializers.CharField()
    regievoerder_naam = serializers.CharField()
    jeugd_procesregisseur = serializers.CharField()
    versie = serializers.IntegerField()
    geactiveerd_op = serializers.DateField(allow_null=True)


class IntensiteitSerializer(serializers.Serializer):
    van = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True)
    naar = serializers.DecimalField(max_digits=4, decimal_places=1)
    ingangsdatum = serializers.DateField()
    toelichting = serializers.CharField()


class EvaluatieSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    gepland_op = serializers.DateField()
    uitgevoerd_op = serializers.DateField(allow_null=True)
    voortgang = serializers.CharField()
    visie_inwoner = serializers.CharField()
    wat_verandert = serializers.CharField()


class RegelSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    soort = serializers.CharField()
    pijler = serializers.CharField()
    resultaat = serializers.CharField()
    uitvoerder = serializers.CharField()
    omschrijving = serializers.CharField()
    organisatie = serializers.IntegerField(source="organisatie_id", allow_null=True)
    uren_per_week = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True)
    flexibel = serializers.BooleanField()
    productcategorie = serializers.CharField()
    leveringsvorm = serializers.CharField()
    ingangsdatum = serializers.DateField(allow_null=True)
    einddatum = serializers.DateField(allow_null=True)
    volume = serializers.IntegerField(allow_null=True)
    eenheid = serializers.CharField()
    status = serializers.CharField()
    voortgang = serializers.SerializerMethodField(
        help_text="Laatste voortgang: bereikt, deels, niet of leeg (nog niet geëvalueerd)"
    )
    intensiteiten = IntensiteitSerializer(many=True, source="intensiteiten.all")
    evaluaties = EvaluatieSerializer(many=True, source="evaluaties.all")

    def get_voortgang(self, obj) -> str:
        return selectors.doelrealisatie_regel(obj)


class DoelrealisatieSerializer(serializers.Serializer):
    regels = serializers.IntegerField()
    geevalueerd = serializers.IntegerField()
    percentage = serializers.IntegerField(
        allow_null=True, help_text="Bereikt telt 1, deels ½, over de geëvalueerde regels"
    )


class PlanSerializer(PlanKortSerializer):
    regels = RegelSerializer(many=True, source="regels.all")
    doelrealisatie = serializers.SerializerMethodField()

    @extend_schema(responses=DoelrealisatieSerializer)
    def get_doelrealisatie(self, obj) -> dict:
        d = selectors.doelrealisatie(obj)
        return {k: d[k] for k in ("regels", "geevalueerd", "percentage")}


class PlanList(APIView):
    permission_classes = [role_permission(*selectors.PLAN_ROLLEN)]

    @extend_schema(
        responses=PlanKortSerializer(many=True),
        operation_id="plannen",
        summary="Lopende ondersteuningsplannen binnen uw toegang (wordt gelogd)",
    )
    def get(self, request):
        return Response(
            PlanKortSerializer(selectors.lijst(request.user, kanaal=API), many=True).data
        )


class PlanDetail(APIView):
    permission_classes = [role_permission(*selectors.PLAN_ROLLEN)]

    @extend_schema(
        responses=PlanSerializer,
        operation_id="plan",
        summary="Eén ondersteuningsplan met arrangement, evaluaties en doelrealisatie",
    )
    def get(self, request, pk: int):
        return Response(PlanSerializer(selectors.plan(request.user, pk, kanaal=API)).data)
