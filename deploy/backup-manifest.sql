-- What a backup must contain: row count per table, and for the audit trail the count,
-- first and last id and a checksum over every record (in id order). Used by
-- scripts/backup.sh (inside the dump's snapshot) and scripts/restore-drill.sh.
SELECT 'tabel', t.table_name,
       (xpath('/row/c/text()',
              query_to_xml(format('SELECT count(*) AS c FROM %I.%I', t.table_schema, t.table_name),
                           false, true, '')))[1]::text
FROM information_schema.tables t
WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
ORDER BY t.table_name;
SELECT 'audit', 'aantal|eerste|laatste|md5',
       count(*) || '|' || coalesce(min(id), 0) || '|' || coalesce(max(id), 0) || '|' ||
       coalesce(md5(string_agg(md5(a::text), '' ORDER BY id)), '-')
FROM privacy_auditrecord a;
