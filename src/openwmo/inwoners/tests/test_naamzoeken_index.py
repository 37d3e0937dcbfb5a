"""On PostgreSQL the name search is backed by trigram indexes (city scale)."""

from importlib import import_module

import pytest
from django.db import connection

INDEXES = import_module("openwmo.inwoners.migrations.0002_naamzoeken_trigram").INDEXES

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram-index alleen op PostgreSQL")
def test_trigram_indexen_bestaan_en_worden_gebruikt():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'inwoners_persoon' "
            "AND indexname LIKE %s",
            ["%_trgm"],
        )
        assert {r[0] for r in cursor.fetchall()} == set(INDEXES)
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM inwoners_persoon WHERE UPPER(achternaam::text) LIKE %s",
            ["%JANSEN%"],
        )
        plan = " ".join(r[0] for r in cursor.fetchall())
    assert "inwoners_persoon_achternaam_trgm" in plan
