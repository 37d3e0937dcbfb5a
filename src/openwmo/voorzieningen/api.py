"""API for fast-route requests: a resident requests for himself, staff see their scope."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.permissions import role_permission
from openwmo.privacy import services as audit
from openwmo.privacy.services import Kanaal

from . import selectors, services
from .models import Aanvraag

API = Kanaal.API


SOORT_HULP = "hh (hulp bij het huishouden), vervoerspas of woonaanpassing"


class AanvraagSerializer(serializers.ModelSerializer):
    soort = serializers.CharField(read_only=True, help_text=SOORT_HULP)
    besluit = serializers.CharField(
        read_only=True, help_text="toegekend, afgewezen, breed of leeg (nog niet besloten)"
    )

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "persoon",
            "soort",
            "toelichting",
            "chronisch",
            "ingediend_op",
            "beslissen_uiterlijk",
            "besluit",
            "reden",
            "besloten_op",
            "leveren_uiterlijk",
            "geldig_tot",
        ]
        read_only_fields = fields


class NieuweAanvraagSerializer(serializers.Serializer):
    soort = serializers.CharField(max_length=14, help_text=SOORT_HULP)
    toelichting = serializers.CharField(max_length=1000)
    chronisch = serializers.BooleanField(default=False)


class AanvraagList(APIView):
    permission_classes = [role_permission(*selectors.ZIEN)]

    @extend_schema(
        responses=AanvraagSerializer(many=True),
        operation_id="snelle_aanvragen",
        summary="Aanvragen op de snelle route binnen uw toegang (wordt gelogd)",
    )
    def get(self, request):
        aanvragen = list(selectors.aanvragen_in_scope(request.user)[:200])
        audit.log_lijst(
            request.user,
            [a.persoon_id for a in aanvragen],
            kanaal=API,
            doel=audit_doel(request.user),
            object_type="snelle_aanvraag",
            toelichting=f"{len(aanvragen)} aanvragen",
        )
        return Response(AanvraagSerializer(aanvragen, many=True).data)

    @extend_schema(
        request=NieuweAanvraagSerializer,
        responses={201: AanvraagSerializer},
        operation_id="snelle_aanvraag_indienen",
        summary="Als inwoner een vervoerspas, huishoudelijke hulp of woonaanpassing aanvragen",
    )
    def post(self, request):
        if request.user.rol != "inwoner":  # a refusal is problem+json like any other
            raise PermissionDenied("Alleen een inwoner vraagt hier voor zichzelf aan.")
        invoer = NieuweAanvraagSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        aanvraag = services.dien_aanvraag_in(request.user, **invoer.validated_data, kanaal=API)
        return Response(AanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED)


def audit_doel(user) -> str:
    from openwmo.accounts.selectors import doel_voor

    return doel_voor(user)
