"""On PostgreSQL the audit trail is append-only at database level too:
a trigger refuses every UPDATE and DELETE on privacy_auditrecord."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION openwmo_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Auditregels zijn alleen toe te voegen (% geweigerd)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER privacy_auditrecord_append_only
    BEFORE UPDATE OR DELETE ON privacy_auditrecord
    FOR EACH ROW EXECUTE FUNCTION openwmo_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS privacy_auditrecord_append_only ON privacy_auditrecord;
DROP FUNCTION IF EXISTS openwmo_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
