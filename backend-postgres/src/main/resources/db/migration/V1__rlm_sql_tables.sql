-- Pirog: the rlm_sql tables of FreeRADIUS 3.2 for PostgreSQL, with the same table, column and index names and
-- the same types, so that FreeRADIUS, daloRADIUS and other tools keep working on a database Pirog created.
-- A database already made from FreeRADIUS's own schema.sql is not migrated with this file: Pirog baselines it at
-- version 1 (see SchemaMigration), so keep this file equal to that schema.

-- Per-user check items (attribute, operator, value as text).
CREATE TABLE radcheck (
    id        serial PRIMARY KEY,
    username  text NOT NULL DEFAULT '',
    attribute text NOT NULL DEFAULT '',
    op        varchar(2) NOT NULL DEFAULT '==',
    value     text NOT NULL DEFAULT ''
);
CREATE INDEX radcheck_username ON radcheck (username, attribute);

-- Per-user reply items.
CREATE TABLE radreply (
    id        serial PRIMARY KEY,
    username  text NOT NULL DEFAULT '',
    attribute text NOT NULL DEFAULT '',
    op        varchar(2) NOT NULL DEFAULT '=',
    value     text NOT NULL DEFAULT ''
);
CREATE INDEX radreply_username ON radreply (username, attribute);

-- Per-group check items.
CREATE TABLE radgroupcheck (
    id        serial PRIMARY KEY,
    groupname text NOT NULL DEFAULT '',
    attribute text NOT NULL DEFAULT '',
    op        varchar(2) NOT NULL DEFAULT '==',
    value     text NOT NULL DEFAULT ''
);
CREATE INDEX radgroupcheck_groupname ON radgroupcheck (groupname, attribute);

-- Per-group reply items.
CREATE TABLE radgroupreply (
    id        serial PRIMARY KEY,
    groupname text NOT NULL DEFAULT '',
    attribute text NOT NULL DEFAULT '',
    op        varchar(2) NOT NULL DEFAULT '=',
    value     text NOT NULL DEFAULT ''
);
CREATE INDEX radgroupreply_groupname ON radgroupreply (groupname, attribute);

-- Group membership; groups are tried by ascending priority.
CREATE TABLE radusergroup (
    id        serial PRIMARY KEY,
    username  text NOT NULL DEFAULT '',
    groupname text NOT NULL DEFAULT '',
    priority  integer NOT NULL DEFAULT 0
);
CREATE INDEX radusergroup_username ON radusergroup (username);

-- One row per session; acctstoptime IS NULL while it is open.
CREATE TABLE radacct (
    radacctid           bigserial PRIMARY KEY,
    acctsessionid       text NOT NULL,
    acctuniqueid        text NOT NULL UNIQUE,
    username            text,
    realm               text,
    nasipaddress        inet NOT NULL,
    nasportid           text,
    nasporttype         text,
    acctstarttime       timestamp with time zone,
    acctupdatetime      timestamp with time zone,
    acctstoptime        timestamp with time zone,
    acctinterval        bigint,
    acctsessiontime     bigint,
    acctauthentic       text,
    connectinfo_start   text,
    connectinfo_stop    text,
    acctinputoctets     bigint,
    acctoutputoctets    bigint,
    calledstationid     text,
    callingstationid    text,
    acctterminatecause  text,
    servicetype         text,
    framedprotocol      text,
    framedipaddress     inet,
    framedipv6address   inet,
    framedipv6prefix    inet,
    framedinterfaceid   text,
    delegatedipv6prefix inet,
    class               text
);
-- Open sessions: Interim-Update and Stop find their row, Simultaneous-Use counts them.
CREATE INDEX radacct_active_session_idx ON radacct (acctuniqueid) WHERE acctstoptime IS NULL;
-- Open sessions of one NAS: Accounting-On/Off closes them.
CREATE INDEX radacct_bulk_close ON radacct (nasipaddress, acctstarttime) WHERE acctstoptime IS NULL;
CREATE INDEX radacct_start_user_idx ON radacct (acctstarttime, username);
-- The name is FreeRADIUS's, spelling included.
CREATE INDEX radacct_calss_idx ON radacct (class);

-- The outcome of each Access-Request.
CREATE TABLE radpostauth (
    id               bigserial PRIMARY KEY,
    username         text NOT NULL,
    pass             text,
    reply            text,
    calledstationid  text,
    callingstationid text,
    authdate         timestamp with time zone NOT NULL DEFAULT now(),
    class            text
);
CREATE INDEX radpostauth_username_idx ON radpostauth (username);
CREATE INDEX radpostauth_class_idx ON radpostauth (class);

-- RADIUS clients.
CREATE TABLE nas (
    id          serial PRIMARY KEY,
    nasname     text NOT NULL,
    shortname   text NOT NULL,
    type        text NOT NULL DEFAULT 'other',
    ports       integer,
    secret      text NOT NULL,
    server      text,
    community   text,
    description text
);
CREATE INDEX nas_nasname ON nas (nasname);

-- When each NAS last rebooted: sessions older than that are not counted as open.
CREATE TABLE nasreload (
    nasipaddress inet PRIMARY KEY,
    reloadtime   timestamp with time zone NOT NULL
);
