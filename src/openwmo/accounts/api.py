from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .selectors import scope_of


class MijSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField()
    naam = serializers.CharField()
    rol = serializers.CharField()
    rol_omschrijving = serializers.CharField()
    organisatie = serializers.CharField(allow_null=True)
    wijken = serializers.ListField(child=serializers.CharField())


class MijView(APIView):
    """The logged-in user, their role and scope."""

    @extend_schema(responses=MijSerializer, operation_id="mij")
    def get(self, request):
        user = request.user
        scope_of(user)
        medewerker = getattr(user, "medewerker", None)
        return Response(
            MijSerializer(
                {
                    "gebruikersnaam": user.username,
                    "naam": user.get_full_name(),
                    "rol": user.rol,
                    "rol_omschrijving": user.get_rol_display(),
                    "organisatie": medewerker.organisatie.naam if medewerker else None,
                    "wijken": [w.naam for w in user.wijken.order_by("naam")],
                }
            ).data
        )
