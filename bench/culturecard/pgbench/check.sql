-- GET /api/v1/culturecard/cards/{code} with an API key, statement by statement as the app sends it
-- (captured with `run.sh desk-sql`, see bench/README.md). Npgsql sends DISCARD ALL (the pool's reset, once: an API call
-- keeps one connection) and BEGIN in the same round trip as the next statement; the pipelines below do the same.
-- Variables (-D): ncodes, site, venuearea, keyhash, keyid, run; per client: seq (starts at 0).
\set n random(1, :ncodes)
-- ApiKeyHandler: the key (the once-a-minute UPDATE of last_used_at is left out)
\startpipeline
DISCARD ALL;
SELECT c.id, c.created_at, c.created_by, c.hash, c.last_used_at, c.name, c.prefix, c.revoked_at, c.site_id
FROM cc_api_key AS c WHERE c.hash = :keyhash AND c.revoked_at IS NULL LIMIT 1;
\endpipeline
-- ApiKeyHandler: the key's site
SELECT d.id, d.organisation_id, d.area_id, d.name, d.type, d.municipality, d.postal_code, d.is_active, d.contact_name, d.contact_email, d.contact_phone
FROM dir_site AS d WHERE d.id = :site LIMIT 1;
-- RequestGate: the audited request's transaction; DeskTargets: the intermediaries serving the venue (the site itself
-- is remembered from the key's lookup for the rest of the request)
\startpipeline
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT c.intermediary_site_id FROM cc_served_venue AS c WHERE c.venue_site_id = :site;
\endpipeline
-- LookupCard: the card (the code is picked from bench_code in the same statement), its area, the area's rules, uses here today
SELECT c.id, c.area_id, c.birth_year, c.children_count, c.code, c.created_at, c.end_reason, c.ended_on, c.first_used_on, c.gender, c.group_size, c.issued_on, c.issuing_site_id, c.life_situation_id, c.postal_code, c.replaced_by_card_id, c.replaces_card_id, c.status, c.type, c.valid_until, c.version
FROM cc_card AS c WHERE c.code = (SELECT code FROM bench_code WHERE n = :n) LIMIT 1 \gset card_
SELECT d.id, d.name, d.is_active FROM dir_area AS d WHERE d.id = :card_area_id LIMIT 1;
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :card_area_id LIMIT 1;
SELECT count(*)::int FROM cc_use AS c
WHERE c.card_id = :card_id AND c.venue_site_id = :site AND c.use_date = (now() AT TIME ZONE 'Europe/Helsinki')::date AND c.cancelled_at IS NULL;
-- AuditLog: the request's row, one plain INSERT (no savepoint, nothing read back), unchained (the sealer chains committed rows afterwards, outside the request), commit
INSERT INTO platform_audit_event (action_code, actor_account_id, actor_api_key_id, actor_site_id, event_code, occurred_at, outcome, subject_ids, target_ids, trace_id)
VALUES ('CultureCard.LookupCard', NULL, :keyid, :site, 'CultureCard.CardLookup', clock_timestamp(), 'Success', :card_id, '', md5(concat(:n::text, clock_timestamp())));
COMMIT;
