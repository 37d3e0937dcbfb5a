import datetime

import factory

from openwmo.overgang.models import BestaandeBeschikking, Gesprek, Importbestand
from openwmo.testing import factories as f


class ImportbestandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Importbestand

    bestandsnaam = "export.csv"
    sha256 = factory.Sequence(lambda n: f"{n:064d}")
    aantal_regels = 1
    nieuwe_regels = 1


class BestaandeBeschikkingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BestaandeBeschikking

    importbestand = factory.SubFactory(ImportbestandFactory)
    persoon = factory.SubFactory(f.PersoonFactory)
    product = "TO3"
    ingangsdatum = datetime.date(2026, 1, 1)
    einddatum = datetime.date(2026, 12, 31)
    volume = 4
    eenheid = "uur_per_week"
    leveringsvorm = "ZIN"
    voorlopige_pijler = "te_beoordelen"


class GesprekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gesprek

    persoon = factory.SubFactory(f.PersoonFactory)
    gepland_op = datetime.date(2026, 6, 1)
    uiterlijk_op = datetime.date(2026, 12, 31)
