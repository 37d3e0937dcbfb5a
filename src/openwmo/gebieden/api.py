from rest_framework import generics, serializers

from openwmo.accounts.permissions import MEDEWERKER_ROLLEN, role_permission

from . import selectors
from .models import Buurt, Buurtkamer, Openingstijd, Wijk


class BuurtSerializer(serializers.ModelSerializer):
    class Meta:
        model = Buurt
        fields = ["id", "code", "naam"]


class WijkSerializer(serializers.ModelSerializer):
    buurten = BuurtSerializer(many=True, read_only=True)

    class Meta:
        model = Wijk
        fields = ["id", "code", "naam", "soort", "buurten"]


class OpeningstijdSerializer(serializers.ModelSerializer):
    class Meta:
        model = Openingstijd
        fields = ["weekdag", "van", "tot"]


class BuurtkamerSerializer(serializers.ModelSerializer):
    wijk = serializers.CharField(source="wijk.naam")
    openingstijden = OpeningstijdSerializer(many=True, read_only=True)

    class Meta:
        model = Buurtkamer
        fields = [
            "id",
            "naam",
            "soort",
            "wijk",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
            "openingstijden",
        ]


class WijkList(generics.ListAPIView):
    """Wijken en dorpen van de gemeente met hun buurten."""

    serializer_class = WijkSerializer
    permission_classes = [role_permission(*MEDEWERKER_ROLLEN)]
    queryset = selectors.wijken().prefetch_related("buurten").order_by("code")


class BuurtkamerList(generics.ListAPIView):
    """Buurt- en dorpskamers met openingstijden."""

    serializer_class = BuurtkamerSerializer
    permission_classes = [role_permission(*MEDEWERKER_ROLLEN)]

    def get_queryset(self):
        return selectors.buurtkamers().order_by("naam", "pk")
