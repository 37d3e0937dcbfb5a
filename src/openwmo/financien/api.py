"""Read API for finance: lumpsums with spending and forecast, and savings scenarios."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission
from openwmo.accounts.selectors import scope_of

from . import selectors
from .models import Scenario

JAAR = OpenApiParameter(
    "jaar", OpenApiTypes.INT, description="Begrotingsjaar (standaard het lopende jaar)"
)


class LumpsumSerializer(serializers.Serializer):
    aanbieder_id = serializers.IntegerField()
    aanbieder = serializers.CharField()
    pijler = serializers.CharField()
    perceel = serializers.CharField()
    lumpsum_cents = serializers.IntegerField()
    besteed_cents = serializers.IntegerField(help_text="Besteed tot vandaag (eurocent)")
    prognose_cents = serializers.IntegerField(help_text="Prognose tot jaareinde (eurocent)")
    uitputting_pct = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True)


class LumpsumList(APIView):
    permission_classes = [role_permission(*selectors.HERVERDELING_ROLLEN)]

    @extend_schema(
        parameters=[JAAR],
        responses=LumpsumSerializer(many=True),
        operation_id="financien_lumpsums",
        summary="Lumpsum, besteding en prognose per aanbieder en perceel (aanbieders: eigen)",
    )
    def get(self, request):
        jaar = request.query_params.get("jaar", "")
        jaar = int(jaar) if jaar.isdigit() and 2000 <= int(jaar) <= 2100 else None
        jaar = jaar or timezone.localdate().year
        aanbieder = None
        if request.user.rol == Rol.ZORGAANBIEDER:
            aanbieder = scope_of(request.user).organisatie_id or 0
        rijen = selectors.lumpsum_overzicht(jaar, aanbieder_id=aanbieder)
        return Response(LumpsumSerializer(rijen, many=True).data)


class ScenarioSerializer(serializers.Serializer):
    naam = serializers.CharField()
    target = serializers.IntegerField(help_text="Taakstelling per jaar (eurocent)")
    measures_total = serializers.IntegerField(help_text="Totaal maatregelen (eurocent)")
    reserve = serializers.IntegerField(help_text="Maatregelen min taakstelling (eurocent)")


class ScenarioDetail(APIView):
    permission_classes = [role_permission(*selectors.CONTROLLER)]

    @extend_schema(
        responses=ScenarioSerializer,
        operation_id="financien_scenario",
        summary="Uitkomst van een bezuinigingsscenario",
    )
    def get(self, request, pk: int):
        try:
            s = Scenario.objects.get(pk=pk)
        except ObjectDoesNotExist:
            raise Http404 from None
        u = selectors.scenario_uitkomst(s)
        return Response(
            ScenarioSerializer(
                {"naam": s.naam, **{k: u[k] for k in ("target", "measures_total", "reserve")}}
            ).data
        )
