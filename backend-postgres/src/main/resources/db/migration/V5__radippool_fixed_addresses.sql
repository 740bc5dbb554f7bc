-- Pirog: IP pools never hand out an address some user has as a fixed Framed-IP-Address in radreply. The pool's
-- allocation asks "is this address anyone's Framed-IP-Address?" for each candidate row; without this index that is
-- a scan of all of radreply per allocation (tens of milliseconds at half a million rows), with it an index probe.
-- Only the Framed-IP-Address rows are indexed, so it stays small. FreeRADIUS ignores it.
CREATE INDEX IF NOT EXISTS radreply_framedipaddress ON radreply (value) WHERE attribute = 'Framed-IP-Address';
