import pytest
from django.db import DatabaseError, connection, transaction

from openwmo.privacy import services
from openwmo.privacy.models import AppendOnlyError, AuditRecord

pytestmark = pytest.mark.django_db


def record(user=None):
    return services.log(
        user,
        actie="lezen",
        kanaal="ui",
        doel="test",
        object_type="persoon",
        object_id=1,
        persoon_id=1,
        velden=["bsn"],
    )


def test_auditregel_kan_niet_worden_gewijzigd_of_verwijderd(users):
    r = record(users["sociaal_werker"])
    assert r.organisatie == users["sociaal_werker"].medewerker.organisatie.naam
    r.doel = "anders"
    with pytest.raises(AppendOnlyError):
        r.save()
    with pytest.raises(AppendOnlyError):
        r.delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.filter(pk=r.pk).update(doel="anders")
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.all().delete()
    assert AuditRecord.objects.get(pk=r.pk).doel == "test"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database guard is PostgreSQL-only")
def test_database_weigert_update_en_delete_op_postgresql():
    r = record()
    for sql in (
        "UPDATE privacy_auditrecord SET doel = 'x' WHERE id = %s",
        "DELETE FROM privacy_auditrecord WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(sql, [r.pk])
    assert AuditRecord.objects.get(pk=r.pk).doel == "test"
