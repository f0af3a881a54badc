-- POST /api/v1/culturecard/uses with an API key and an Idempotency-Key, one adult, no children, a new event name,
-- statement by statement as the app sends it (captured with `run.sh desk-sql`, see bench/README.md). Npgsql sends
-- DISCARD ALL (once: an API call keeps one connection) and BEGIN in the same round trip as the next statement, and EF sends the two INSERTs in one batch;
-- the pipelines below do the same. Ids are made from per-client counters, in time order like the app's UUIDv7.
-- Variables (-D): ncodes, site, venuearea, keyhash, keyid, run; per client: seq (starts at 0).
\set n random(1, :ncodes)
\set seq :seq + 1
\set k (:run % 100000) * 1000000000 + :seq * 100 + :client_id
-- ApiKeyHandler: the key and its site
\startpipeline
DISCARD ALL;
SELECT c.id, c.created_at, c.created_by, c.hash, c.last_used_at, c.name, c.prefix, c.revoked_at, c.site_id
FROM cc_api_key AS c WHERE c.hash = :keyhash AND c.revoked_at IS NULL LIMIT 1;
\endpipeline
SELECT d.id, d.organisation_id, d.area_id, d.name, d.type, d.municipality, d.postal_code, d.is_active, d.contact_name, d.contact_email, d.contact_phone
FROM dir_site AS d WHERE d.id = :site LIMIT 1;
-- RequestGate's transaction; DeskTargets: the intermediaries serving the venue
\startpipeline
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT c.intermediary_site_id FROM cc_served_venue AS c WHERE c.venue_site_id = :site;
\endpipeline
-- RecordUse: no earlier use under this Idempotency-Key at this desk; the venue area's rules
SELECT c.id, c.adult_tickets, c.assistant_tickets, c.birth_year, c.cancel_reason, c.cancelled_at, c.cancelled_by, c.card_area_id, c.card_id, c.card_type, c.category, c.child_tickets, c.desk_site_id, c.event_id, c.event_name, c.gender, c.idempotency_key, c.input_method, c.issuing_site_id, c.life_situation_id, c.postal_area, c.recorded_at, c.recorded_by, c.use_date, c.venue_area_id, c.venue_site_id
FROM cc_use AS c WHERE c.desk_site_id = :site AND c.idempotency_key = concat('pgbench-', :k::text) LIMIT 1;
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :venuearea LIMIT 1;
-- LookupCard: the card, its area, the area's rules (the recorder counts today's uses itself below) (needs_first: whether the app will set the card's
-- first use, which it decides from first_used_on in .NET)
SELECT c.id, c.area_id, c.birth_year, c.children_count, c.code, c.created_at, c.end_reason, c.ended_on, c.first_used_on, c.gender, c.group_size, c.issued_on, c.issuing_site_id, c.life_situation_id, c.postal_code, c.replaced_by_card_id, c.replaces_card_id, c.status, c.type, c.valid_until, c.version,
       (c.first_used_on IS NULL OR c.first_used_on > (now() AT TIME ZONE 'Europe/Helsinki')::date)::int AS needs_first
FROM cc_card AS c WHERE c.code = (SELECT code FROM bench_code WHERE n = :n) LIMIT 1 \gset card_
SELECT d.id, d.name, d.is_active FROM dir_area AS d WHERE d.id = :card_area_id LIMIT 1;
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :card_area_id LIMIT 1;
-- RecordUse: the card's uses here on the use's day and today (second-use check and today's count)
SELECT c.id, c.adult_tickets, c.assistant_tickets, c.birth_year, c.cancel_reason, c.cancelled_at, c.cancelled_by, c.card_area_id, c.card_id, c.card_type, c.category, c.child_tickets, c.desk_site_id, c.event_id, c.event_name, c.gender, c.idempotency_key, c.input_method, c.issuing_site_id, c.life_situation_id, c.postal_area, c.recorded_at, c.recorded_by, c.use_date, c.venue_area_id, c.venue_site_id
FROM cc_use AS c WHERE c.card_id = :card_id AND c.venue_site_id = :site AND c.cancelled_at IS NULL
  AND (c.use_date = (now() AT TIME ZONE 'Europe/Helsinki')::date OR c.use_date = (now() AT TIME ZONE 'Europe/Helsinki')::date);
-- SaveChanges: savepoint (the request has an Idempotency-Key: a lost race answers with the first use), the card's
-- history line and the use in one batch, release
SAVEPOINT "__EFSavePoint";
\startpipeline
INSERT INTO cc_card_event (id, at, by_account, by_site, card_id, end_reason, kind, other_card_id, use_id, valid_until)
VALUES (('00000000-0000-7001-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid, now(), NULL, :site, :card_id, NULL, 'Used', NULL,
        ('00000000-0000-7000-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid, NULL);
INSERT INTO cc_use (id, adult_tickets, assistant_tickets, birth_year, cancel_reason, cancelled_at, cancelled_by, card_area_id, card_id, card_type, category, child_tickets, desk_site_id, event_id, event_name, gender, idempotency_key, input_method, issuing_site_id, life_situation_id, postal_area, recorded_at, recorded_by, use_date, venue_area_id, venue_site_id)
VALUES (('00000000-0000-7000-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid, 1, 0, NULLIF(:card_birth_year, '')::int, NULL, NULL, NULL, :card_area_id, :card_id, :card_type, 'Culture', 0, :site, NULL,
        concat('pgbench ', :k::text), NULLIF(:card_gender, ''), concat('pgbench-', :k::text), 'Api', :card_issuing_site_id, NULLIF(:card_life_situation_id, '')::int,
        left(NULLIF(:card_postal_code, ''), 2), now(), NULL, (now() AT TIME ZONE 'Europe/Helsinki')::date, :venuearea, :site);
\endpipeline
RELEASE SAVEPOINT "__EFSavePoint";
-- CardFirstUse: the card's first use, when the card had none before this day
\if :card_needs_first
UPDATE cc_card AS c SET first_used_on = (now() AT TIME ZONE 'Europe/Helsinki')::date
WHERE c.id = :card_id AND (c.first_used_on IS NULL OR c.first_used_on > (now() AT TIME ZONE 'Europe/Helsinki')::date);
\endif
-- AuditLog: the request's row, one plain INSERT (no savepoint, nothing read back), unchained (the sealer chains committed rows afterwards), commit
INSERT INTO platform_audit_event (action_code, actor_account_id, actor_api_key_id, actor_site_id, event_code, occurred_at, outcome, subject_ids, target_ids, trace_id)
VALUES ('CultureCard.RecordUse', NULL, :keyid, :site, 'CultureCard.UseRecord', clock_timestamp(), 'Success', :card_id,
        ('00000000-0000-7000-8000-' || lpad(to_hex(:k::bigint), 12, '0')), md5(concat(:k::text, clock_timestamp())));
COMMIT;
