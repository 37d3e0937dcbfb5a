"""Read API for objections with their Awb terms (the consultant's queue)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission
from openwmo.privacy import services as audit

from . import selectors


class BezwaarSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="bezwaar.pk")
    beschikking = serializers.CharField(source="bezwaar.beschikking.kenmerk")
    persoon = serializers.IntegerField(source="bezwaar.beschikking.regel.plan.persoon_id")
    ontvangen_op = serializers.DateField(source="bezwaar.ontvangen_op")
    adviescommissie = serializers.BooleanField(source="bezwaar.adviescommissie")
    verdaging_weken = serializers.IntegerField(source="bezwaar.verdaging_weken")
    hoorzitting_op = serializers.DateField(source="bezwaar.hoorzitting_op", allow_null=True)
    bezwaartermijn_einde = serializers.DateField(source="stand.bezwaartermijn_einde")
    tijdig = serializers.BooleanField(source="stand.tijdig")
    beslistermijn_einde = serializers.DateField(source="stand.beslistermijn_einde")
    dagen_over = serializers.IntegerField(source="stand.dagen_over")
    verlopen = serializers.BooleanField(source="stand.verlopen")


class BezwaarList(APIView):
    permission_classes = [role_permission(Rol.WMO_CONSULENT)]

    @extend_schema(
        responses=BezwaarSerializer(many=True),
        operation_id="bezwaren",
        summary="Lopende bezwaren met bezwaar- en beslistermijn (Awb 6:7, 7:10; wordt gelogd)",
    )
    def get(self, request):
        rijen = selectors.open_bezwaren(request.user)
        selectors.log_overzicht(request.user, rijen, kanaal=audit.Kanaal.API, object_type="bezwaar")
        data = [{"bezwaar": bz, "stand": stand} for bz, stand in rijen]
        return Response(BezwaarSerializer(data, many=True).data)
