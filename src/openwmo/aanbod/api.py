"""Read API of the sociale kaart (thin: the selector decides)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.permissions import MEDEWERKER_ROLLEN, role_permission
from openwmo.toegang.models import Domein

from . import selectors
from .models import Activiteit, Tijdslot


class TijdslotSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tijdslot
        fields = ["weekdag", "van", "tot"]


class ActiviteitSerializer(serializers.ModelSerializer):
    organisatie = serializers.CharField(source="organisatie.naam")
    wijk = serializers.CharField(source="wijk.naam")
    domeinen = serializers.SerializerMethodField()
    tijden = TijdslotSerializer(many=True, read_only=True)

    class Meta:
        model = Activiteit
        fields = [
            "id",
            "titel",
            "soort",
            "omschrijving",
            "doelgroep",
            "organisatie",
            "wijk",
            "buurtkamer_id",
            "locatie",
            "postcode",
            "domeinen",
            "tijden",
            "kosten",
            "kosten_toelichting",
            "aanmelding",
            "contact",
            "respijt",
        ]

    def get_domeinen(self, obj) -> list[str]:
        return [d.domein for d in obj.domeinen.all()]


class ResultaatSerializer(serializers.Serializer):
    afstand_km = serializers.FloatField(allow_null=True)
    activiteit = ActiviteitSerializer()


class ZoekSerializer(serializers.Serializer):
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=7)
    domein = serializers.ChoiceField(choices=Domein.choices, required=False)
    wijk = serializers.IntegerField(required=False, min_value=1)
    weekdag = serializers.IntegerField(required=False, min_value=1, max_value=7)
    max_km = serializers.FloatField(required=False, min_value=0.1)
    q = serializers.CharField(required=False, allow_blank=True, max_length=80)


class ActiviteitZoeken(APIView):
    permission_classes = [role_permission(*MEDEWERKER_ROLLEN)]

    @extend_schema(
        parameters=[
            OpenApiParameter("postcode", str, description="Postcode van de inwoner"),
            OpenApiParameter("domein", str, enum=list(Domein.values)),
            OpenApiParameter("wijk", int, description="Id van de wijk"),
            OpenApiParameter("weekdag", int, description="1 = maandag … 7 = zondag"),
            OpenApiParameter("max_km", float, description="Ten hoogste de afstandsgrens"),
            OpenApiParameter("q", str, description="Zoekwoorden"),
        ],
        responses=ResultaatSerializer(many=True),
        operation_id="aanbod_activiteiten",
        summary="Sociale kaart doorzoeken; met een postcode binnen de afstandsgrens, "
        "dichtstbijzijnde eerst",
    )
    def get(self, request):
        vraag = ZoekSerializer(data=request.query_params)
        vraag.is_valid(raise_exception=True)
        d = vraag.validated_data
        uitkomst = selectors.zoek_activiteiten(
            request.user,
            domein=d.get("domein", ""),
            wijk_id=d.get("wijk"),
            weekdag=d.get("weekdag"),
            postcode=d.get("postcode", ""),
            max_km=d.get("max_km"),
            tekst=d.get("q", ""),
        )
        return Response(ResultaatSerializer(uitkomst.resultaten, many=True).data)
