-- Pirog: sqlippool's table as FreeRADIUS 3.2 creates it for PostgreSQL. FreeRADIUS ships it in a schema of its
-- own, so an adopted database may or may not have it already: IF NOT EXISTS keeps an existing one as it is.
CREATE TABLE IF NOT EXISTS radippool (
    id               bigserial PRIMARY KEY,
    pool_name        text NOT NULL,
    framedipaddress  inet NOT NULL,
    nasipaddress     text NOT NULL DEFAULT '',
    pool_key         text NOT NULL DEFAULT '',
    calledstationid  text NOT NULL DEFAULT '',
    callingstationid text NOT NULL DEFAULT ''::text,
    expiry_time      timestamp(0) without time zone NOT NULL DEFAULT now(),
    username         text DEFAULT ''::text
);
CREATE INDEX IF NOT EXISTS radippool_poolname_expire ON radippool USING btree (pool_name, expiry_time);
CREATE INDEX IF NOT EXISTS radippool_framedipaddress ON radippool USING btree (framedipaddress);
CREATE INDEX IF NOT EXISTS radippool_nasip_poolkey_ipaddress
    ON radippool USING btree (nasipaddress, pool_key, framedipaddress);
