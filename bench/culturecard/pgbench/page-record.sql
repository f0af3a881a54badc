-- The desk page's Record (POST /culturecard/desk?handler=Record with X-Desk-Fragment, as desk.js sends it): one adult,
-- no children, a new event name, no idempotency key; statement by statement as the app sends it (captured with
-- `run.sh desk-sql`, see bench/README.md). Variables (-D): ncodes, site, venuearea, account, quotaevents, run; per
-- client: seq.
\set n random(1, :ncodes)
\set seq :seq + 1
\set k (:run % 100000) * 1000000000 + :seq * 100 + :client_id + 50
-- The session: the account's state (and its site's) and its roles
\startpipeline
DISCARD ALL;
SELECT d.is_active, d.site_id, d.site_id IS NULL OR EXISTS (SELECT 1 FROM dir_site AS d0 WHERE d0.id = d.site_id AND d0.is_active)
FROM dir_account AS d WHERE d.id = :account LIMIT 1;
\endpipeline
SELECT d.role, d.scope_kind, d.scope_id FROM dir_role_assignment AS d WHERE d.account_id = :account AND d.revoked_at IS NULL;
-- RequestGate's transaction; DeskSites: the venue; DeskTargets: the intermediaries serving it
\startpipeline
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT d.id, d.organisation_id, d.area_id, d.name, d.type, d.municipality, d.postal_code, d.is_active, d.contact_name, d.contact_email, d.contact_phone
FROM dir_site AS d WHERE d.id = :site LIMIT 1;
\endpipeline
SELECT c.intermediary_site_id FROM cc_served_venue AS c WHERE c.venue_site_id = :site;
-- RecordUse: the venue area's rules; LookupCard: the card, its area, its area's rules when another area
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :venuearea LIMIT 1;
SELECT c.id, c.area_id, c.birth_year, c.children_count, c.code, c.created_at, c.end_reason, c.ended_on, c.first_used_on, c.gender, c.group_size, c.issued_on, c.issuing_site_id, c.life_situation_id, c.postal_code, c.replaced_by_card_id, c.replaces_card_id, c.status, c.type, c.valid_until, c.version,
       (c.area_id <> :venuearea)::int AS other_area,
       (c.first_used_on IS NULL OR c.first_used_on > (now() AT TIME ZONE 'Europe/Helsinki')::date)::int AS needs_first
FROM cc_card AS c WHERE c.code = (SELECT code FROM bench_code WHERE n = :n) LIMIT 1 \gset card_
SELECT d.id, d.name, d.is_active FROM dir_area AS d WHERE d.id = :card_area_id LIMIT 1;
\if :card_other_area
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :card_area_id LIMIT 1;
\endif
-- RecordUse: the card's uses here on the use's day and today (second-use check and today's count)
SELECT c.id, c.adult_tickets, c.assistant_tickets, c.birth_year, c.cancel_reason, c.cancelled_at, c.cancelled_by, c.card_area_id, c.card_id, c.card_type, c.category, c.child_tickets, c.desk_site_id, c.event_id, c.event_name, c.gender, c.idempotency_key, c.input_method, c.issuing_site_id, c.life_situation_id, c.postal_area, c.recorded_at, c.recorded_by, c.use_date, c.venue_area_id, c.venue_site_id
FROM cc_use AS c WHERE c.card_id = :card_id AND c.venue_site_id = :site AND c.cancelled_at IS NULL
  AND (c.use_date = (now() AT TIME ZONE 'Europe/Helsinki')::date OR c.use_date = (now() AT TIME ZONE 'Europe/Helsinki')::date);
-- SaveChanges without a savepoint (no idempotency key): the card's history line and the use in one batch
\startpipeline
INSERT INTO cc_card_event (id, at, by_account, by_site, card_id, end_reason, kind, other_card_id, use_id, valid_until)
VALUES (('00000000-0000-7001-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid, now(), :account, :site, :card_id, NULL, 'Used', NULL,
        ('00000000-0000-7000-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid, NULL);
INSERT INTO cc_use (id, adult_tickets, assistant_tickets, birth_year, cancel_reason, cancelled_at, cancelled_by, card_area_id, card_id, card_type, category, child_tickets, desk_site_id, event_id, event_name, gender, idempotency_key, input_method, issuing_site_id, life_situation_id, postal_area, recorded_at, recorded_by, use_date, venue_area_id, venue_site_id)
VALUES (('00000000-0000-7000-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid, 1, 0, NULLIF(:card_birth_year, '')::int, NULL, NULL, NULL, :card_area_id, :card_id, :card_type, 'Culture', 0, :site, NULL,
        concat('pgbench page ', :k::text), NULLIF(:card_gender, ''), NULL, 'Scanner', :card_issuing_site_id, NULLIF(:card_life_situation_id, '')::int,
        left(NULLIF(:card_postal_code, ''), 2), now(), :account, (now() AT TIME ZONE 'Europe/Helsinki')::date, :venuearea, :site);
\endpipeline
-- CardFirstUse: the card's first use, when the card had none before this day
\if :card_needs_first
UPDATE cc_card AS c SET first_used_on = (now() AT TIME ZONE 'Europe/Helsinki')::date
WHERE c.id = :card_id AND (c.first_used_on IS NULL OR c.first_used_on > (now() AT TIME ZONE 'Europe/Helsinki')::date);
\endif
-- OpenDesk after the change: today's events, the tickets taken of their quotas, the latest uses with their cards
SELECT c.id, c.category, c.created_at, c.is_cancelled, c.name, c.quota, c.site_id, c.starts_at
FROM cc_event AS c
WHERE c.site_id = :site AND NOT (c.is_cancelled) AND c.starts_at >= (date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'Europe/Helsinki')
  AND c.starts_at < ((date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') + interval '1 day') AT TIME ZONE 'Europe/Helsinki')
ORDER BY c.starts_at, c.name;
SELECT c.event_id, COALESCE(sum(c.adult_tickets + c.child_tickets), 0)::int
FROM cc_use AS c
WHERE (c.event_id = ANY (:quotaevents::uuid[]) OR (c.event_id IS NULL AND array_position(:quotaevents::uuid[], NULL) IS NOT NULL)) AND c.cancelled_at IS NULL
GROUP BY c.event_id;
SELECT c1.id, c1.card_id, c0.code, c1.event_name, c1.event_id, c1.category, c1.adult_tickets, c1.child_tickets, c1.assistant_tickets, c1.recorded_at, c1.cancel_reason
FROM (SELECT c.id, c.adult_tickets, c.assistant_tickets, c.cancel_reason, c.card_id, c.category, c.child_tickets, c.event_id, c.event_name, c.recorded_at
      FROM cc_use AS c
      WHERE c.venue_site_id = :site AND c.recorded_at >= (date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'Europe/Helsinki') AND c.recorded_at <= now()
      ORDER BY c.recorded_at DESC LIMIT 8) AS c1
INNER JOIN cc_card AS c0 ON c1.card_id = c0.id
ORDER BY c1.recorded_at DESC;
-- AuditLog: the request's row, one plain INSERT (no savepoint, nothing read back), commit
INSERT INTO platform_audit_event (action_code, actor_account_id, actor_api_key_id, actor_site_id, event_code, occurred_at, outcome, subject_ids, target_ids, trace_id)
VALUES ('CultureCard.RecordUse', :account, NULL, :site, 'CultureCard.UseRecord', clock_timestamp(), 'Success', :card_id,
        ('00000000-0000-7000-8000-' || lpad(to_hex(:k::bigint), 12, '0')), md5(concat(:k::text, clock_timestamp())));
COMMIT;
