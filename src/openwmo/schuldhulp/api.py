"""Steering API: debt-help counts per month, no personal data."""

import datetime

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission

from . import selectors


def _datum(request, naam: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.query_params.get(naam, ""))
    except ValueError:
        raise ValidationError({naam: ["Geef een datum als JJJJ-MM-DD."]}) from None


class Telling(APIView):
    permission_classes = [role_permission(Rol.BELEIDSMAKER, Rol.WMO_CONSULENT)]

    @extend_schema(
        parameters=[
            OpenApiParameter("van", OpenApiTypes.DATE, required=True),
            OpenApiParameter("tot", OpenApiTypes.DATE, required=True),
        ],
        responses={200: OpenApiTypes.OBJECT},
        operation_id="schuldhulp_telling",
        summary="Schuldhulp per maand: signalen, crises, eigen ondersteuning, verwijzingen, nazorg",
    )
    def get(self, request):
        van, tot = _datum(request, "van"), _datum(request, "tot")
        if tot < van or (tot - van).days > 366 * 3:
            raise ValidationError({"tot": ["Kies een periode van hoogstens drie jaar."]})
        return Response(selectors.telling_per_maand(van, tot))
