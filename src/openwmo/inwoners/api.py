"""API for the resident register. Thin: validation of types here, rules in services."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from openwmo.accounts.models import Rol
from openwmo.accounts.permissions import role_permission
from openwmo.accounts.selectors import DOSSIER_ROLLEN, REGISTRATIE_ROLLEN
from openwmo.privacy.services import Kanaal

from . import selectors, services
from .models import Adres, Persoon, Relatie

DATUM_FOUT = {"invalid": "Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 1990-05-17."}


class AdresSerializer(serializers.ModelSerializer):
    buurt = serializers.CharField(source="buurt.naam", default=None)
    wijk = serializers.CharField(source="buurt.wijk.naam", default=None)

    class Meta:
        model = Adres
        fields = [
            "straat",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "postcode",
            "woonplaats",
            "buurt",
            "wijk",
        ]


class PersoonKortSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="volledige_naam")
    adres = AdresSerializer(source="huishouden.adres", default=None)

    class Meta:
        model = Persoon
        fields = ["id", "bsn", "naam", "geboortedatum", "rol_in_huishouden", "adres"]


class RelatieSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="weergavenaam")

    class Meta:
        model = Relatie
        fields = [
            "id",
            "naam",
            "gerelateerde",
            "soort",
            "telefoon",
            "is_mantelzorger",
            "mantelzorg_uren_per_week",
            "vertegenwoordiging",
            "sinds",
        ]


class LidSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="volledige_naam")

    class Meta:
        model = Persoon
        fields = ["id", "naam", "geboortedatum", "rol_in_huishouden"]


class DossierSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="persoon.id")
    bsn = serializers.CharField(source="persoon.bsn")
    voornamen = serializers.CharField(source="persoon.voornamen")
    voorvoegsel = serializers.CharField(source="persoon.voorvoegsel")
    achternaam = serializers.CharField(source="persoon.achternaam")
    geboortedatum = serializers.DateField(source="persoon.geboortedatum")
    geslacht = serializers.CharField(source="persoon.geslacht")
    telefoon = serializers.CharField(source="persoon.telefoon")
    email = serializers.CharField(source="persoon.email")
    adres = AdresSerializer(source="huishouden.adres", default=None)
    huishouden_samenstelling = serializers.CharField(
        source="huishouden.samenstelling", default=None
    )
    huishouden = LidSerializer(source="leden", many=True)
    relaties = RelatieSerializer(many=True)


class RegistratieSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=9)
    voornamen = serializers.CharField(max_length=120)
    voorvoegsel = serializers.CharField(max_length=10, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=120)
    geboortedatum = serializers.DateField(error_messages=DATUM_FOUT)
    geslacht = serializers.ChoiceField(Persoon.Geslacht.choices, required=False)
    straat = serializers.CharField(max_length=80)
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    huisletter = serializers.CharField(max_length=1, required=False, allow_blank=True)
    huisnummertoevoeging = serializers.CharField(max_length=4, required=False, allow_blank=True)
    postcode = serializers.CharField(max_length=7)
    woonplaats = serializers.CharField(max_length=80)
    telefoon = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(max_length=120, required=False, allow_blank=True)


class ContactgegevensSerializer(serializers.Serializer):
    telefoon = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(max_length=120, required=False, allow_blank=True)


ZOEK_PARAMETERS = [
    OpenApiParameter("bsn", str, description="Burgerservicenummer (9 cijfers)"),
    OpenApiParameter("naam", str, description="(Deel van) voornaam of achternaam"),
    OpenApiParameter("geboortedatum", str, description="Geboortedatum (JJJJ-MM-DD)"),
    OpenApiParameter("postcode", str, description="Postcode, bijvoorbeeld 1234AB"),
]


class ZoekSerializer(serializers.Serializer):
    bsn = serializers.RegexField(
        r"^[0-9]{9}$",
        required=False,
        allow_blank=True,
        error_messages={"invalid": "Een BSN bestaat uit precies 9 cijfers."},
    )
    naam = serializers.CharField(max_length=120, required=False, allow_blank=True)
    geboortedatum = serializers.DateField(
        required=False, allow_null=True, error_messages=DATUM_FOUT
    )
    postcode = serializers.CharField(max_length=7, required=False, allow_blank=True)


class PersoonListCreate(APIView):
    permission_classes = [role_permission(*DOSSIER_ROLLEN)]

    @extend_schema(
        parameters=ZOEK_PARAMETERS,
        responses=PersoonKortSerializer(many=True),
        operation_id="personen_zoeken",
        summary="Inwoners zoeken binnen uw werkgebied",
    )
    def get(self, request):
        zoek = ZoekSerializer(data=request.query_params)
        zoek.is_valid(raise_exception=True)
        vraag = selectors.Zoekvraag(**{k: v for k, v in zoek.validated_data.items() if v})
        if vraag.leeg:
            raise ValidationError(
                {
                    "niet_veldgebonden": [
                        "Geef minstens één zoekcriterium: BSN, naam, geboortedatum of postcode."
                    ]
                }
            )
        personen = selectors.zoek_personen(request.user, vraag, kanaal=Kanaal.API)
        return Response(PersoonKortSerializer(personen, many=True).data)

    @extend_schema(
        request=RegistratieSerializer,
        responses={201: PersoonKortSerializer},
        operation_id="persoon_registreren",
        summary="Een inwoner registreren (nieuw eenpersoonshuishouden)",
    )
    def post(self, request):
        if request.user.rol not in REGISTRATIE_ROLLEN:
            self.permission_denied(request)
        serializer = RegistratieSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        persoon = services.registreer_inwoner(
            request.user, services.NieuweInwoner(**serializer.validated_data), kanaal=Kanaal.API
        )
        return Response(PersoonKortSerializer(persoon).data, status=status.HTTP_201_CREATED)


class PersoonDetail(APIView):
    permission_classes = [role_permission(*DOSSIER_ROLLEN, Rol.INWONER)]

    @extend_schema(
        responses=DossierSerializer,
        operation_id="persoon_dossier",
        summary="Het huishoudensdossier van een inwoner (wordt gelogd)",
    )
    def get(self, request, pk: int):
        dossier = selectors.dossier(request.user, pk, kanaal=Kanaal.API)
        return Response(DossierSerializer(dossier).data)


class PersoonContactgegevens(APIView):
    permission_classes = [role_permission(*REGISTRATIE_ROLLEN, Rol.INWONER)]

    @extend_schema(
        request=ContactgegevensSerializer,
        responses=PersoonKortSerializer,
        operation_id="persoon_contactgegevens_wijzigen",
        summary="Telefoon en e-mail wijzigen (oude en nieuwe waarde worden gelogd)",
    )
    def patch(self, request, pk: int):
        serializer = ContactgegevensSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        persoon = services.wijzig_contactgegevens(
            request.user, pk, kanaal=Kanaal.API, **serializer.validated_data
        )
        return Response(PersoonKortSerializer(persoon).data)
