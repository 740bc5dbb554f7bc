-- Pirog: every change to the tables authorize and the client list read is announced with NOTIFY on channel
-- pirog_changes, so that each running server drops what it cached within a second, however the row was written
-- (Pirog, daloRADIUS, psql). No table or row changes; FreeRADIUS ignores the triggers.
--
-- Payload: '<schema>.<table>:<key>' where key is the row's username (radcheck, radreply, radusergroup),
-- groupname (radgroupcheck, radgroupreply) or nasname (nas); an UPDATE that changes the key announces the old and
-- the new. The schema is named so that several schemas in one database (test, staging) do not disturb each other.
-- '<schema>.<table>' alone means the whole table changed (TRUNCATE, or a key too long for a payload).
-- PostgreSQL delivers notifications at commit, and once per distinct payload per transaction.

CREATE FUNCTION pirog_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    target  text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
    old_key text;
    new_key text;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('pirog_changes', target);
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_key := to_jsonb(OLD) ->> TG_ARGV[0];
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_key := to_jsonb(NEW) ->> TG_ARGV[0];
    END IF;
    IF old_key IS NOT NULL THEN
        -- A payload must stay under 8000 bytes.
        PERFORM pg_notify('pirog_changes', CASE WHEN octet_length(old_key) > 4000 THEN target
                                               ELSE target || ':' || old_key END);
    END IF;
    IF new_key IS NOT NULL AND new_key IS DISTINCT FROM old_key THEN
        PERFORM pg_notify('pirog_changes', CASE WHEN octet_length(new_key) > 4000 THEN target
                                               ELSE target || ':' || new_key END);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER pirog_changes AFTER INSERT OR UPDATE OR DELETE ON radcheck
    FOR EACH ROW EXECUTE FUNCTION pirog_notify_change('username');
CREATE TRIGGER pirog_changes AFTER INSERT OR UPDATE OR DELETE ON radreply
    FOR EACH ROW EXECUTE FUNCTION pirog_notify_change('username');
CREATE TRIGGER pirog_changes AFTER INSERT OR UPDATE OR DELETE ON radusergroup
    FOR EACH ROW EXECUTE FUNCTION pirog_notify_change('username');
CREATE TRIGGER pirog_changes AFTER INSERT OR UPDATE OR DELETE ON radgroupcheck
    FOR EACH ROW EXECUTE FUNCTION pirog_notify_change('groupname');
CREATE TRIGGER pirog_changes AFTER INSERT OR UPDATE OR DELETE ON radgroupreply
    FOR EACH ROW EXECUTE FUNCTION pirog_notify_change('groupname');
CREATE TRIGGER pirog_changes AFTER INSERT OR UPDATE OR DELETE ON nas
    FOR EACH ROW EXECUTE FUNCTION pirog_notify_change('nasname');

CREATE TRIGGER pirog_changes_truncate AFTER TRUNCATE ON radcheck
    FOR EACH STATEMENT EXECUTE FUNCTION pirog_notify_change();
CREATE TRIGGER pirog_changes_truncate AFTER TRUNCATE ON radreply
    FOR EACH STATEMENT EXECUTE FUNCTION pirog_notify_change();
CREATE TRIGGER pirog_changes_truncate AFTER TRUNCATE ON radusergroup
    FOR EACH STATEMENT EXECUTE FUNCTION pirog_notify_change();
CREATE TRIGGER pirog_changes_truncate AFTER TRUNCATE ON radgroupcheck
    FOR EACH STATEMENT EXECUTE FUNCTION pirog_notify_change();
CREATE TRIGGER pirog_changes_truncate AFTER TRUNCATE ON radgroupreply
    FOR EACH STATEMENT EXECUTE FUNCTION pirog_notify_change();
CREATE TRIGGER pirog_changes_truncate AFTER TRUNCATE ON nas
    FOR EACH STATEMENT EXECUTE FUNCTION pirog_notify_change();
