-- Fingerprints of the memory keys this store was written under, never the keys themselves: an
-- HMAC of a fixed text under the key. Start-up refuses a key that matches none of them (a lost or
-- changed key would silently forget every caller, case and block), unless an older key given in
-- guard.memory.previous-hmac-keys matches: then the new key's fingerprint is added (a rotation).
create table memory_key_fingerprint (
    fingerprint varchar(64) primary key,
    first_used  timestamptz not null,
    last_used   timestamptz not null
);
