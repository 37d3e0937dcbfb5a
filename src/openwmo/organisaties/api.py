from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from openwmo.accounts.permissions import MEDEWERKER_ROLLEN, role_permission

from . import selectors
from .models import Organisatie


class OrganisatieSerializer(serializers.ModelSerializer):
    aantal_teams = serializers.IntegerField(read_only=True)

    class Meta:
        model = Organisatie
        fields = [
            "id",
            "naam",
            "soort",
            "agb_code",
            "kvk_nummer",
            "gemeentecode",
            "email",
            "telefoon",
            "actief",
            "aantal_teams",
        ]


@extend_schema(
    parameters=[OpenApiParameter("soort", str, enum=Organisatie.Soort.values, required=False)]
)
class OrganisatieList(generics.ListAPIView):
    """De gemeente, aanbieders, vrijwilligersorganisaties en ketenpartners."""

    serializer_class = OrganisatieSerializer
    permission_classes = [role_permission(*MEDEWERKER_ROLLEN)]

    def get_queryset(self):
        return selectors.organisaties(self.request.query_params.get("soort") or None)
