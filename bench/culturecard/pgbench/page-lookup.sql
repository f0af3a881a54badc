-- The desk page's Lookup (POST /culturecard/desk?handler=Lookup with X-Desk-Fragment, as desk.js sends it), statement
-- by statement as the app sends it (captured with `run.sh desk-sql`, see bench/README.md). Variables (-D): ncodes,
-- site, venuearea, account, run; per client: seq. Today's events come from the database, the event ids of those with
-- a quota as an array (the app passes the same array as one parameter).
\set n random(1, :ncodes)
-- The session: the account's state (and its site's) and its roles, on the request's one connection
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
-- OpenDesk without the recent uses: today's events, the tickets taken of their quotas, the area's rules, the last use today
SELECT c.id, c.category, c.created_at, c.is_cancelled, c.name, c.quota, c.site_id, c.starts_at
FROM cc_event AS c
WHERE c.site_id = :site AND NOT (c.is_cancelled) AND c.starts_at >= (date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'Europe/Helsinki')
  AND c.starts_at < ((date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') + interval '1 day') AT TIME ZONE 'Europe/Helsinki')
ORDER BY c.starts_at, c.name;
SELECT c.event_id, COALESCE(sum(c.adult_tickets + c.child_tickets), 0)::int
FROM cc_use AS c
WHERE (c.event_id = ANY (:quotaevents::uuid[]) OR (c.event_id IS NULL AND array_position(:quotaevents::uuid[], NULL) IS NOT NULL)) AND c.cancelled_at IS NULL
GROUP BY c.event_id;
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :venuearea LIMIT 1;
SELECT c.category, c.event_id, c.event_name
FROM cc_use AS c
WHERE c.venue_site_id = :site AND c.recorded_at >= (date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'Europe/Helsinki') AND c.recorded_at <= now()
  AND c.cancel_reason IS NULL
ORDER BY c.recorded_at DESC LIMIT 1;
-- LookupCard: the card, its area, its area's rules (read once more only when the card is from another area), uses here today
SELECT c.id, c.area_id, c.birth_year, c.children_count, c.code, c.created_at, c.end_reason, c.ended_on, c.first_used_on, c.gender, c.group_size, c.issued_on, c.issuing_site_id, c.life_situation_id, c.postal_code, c.replaced_by_card_id, c.replaces_card_id, c.status, c.type, c.valid_until, c.version,
       (c.area_id <> :venuearea)::int AS other_area
FROM cc_card AS c WHERE c.code = (SELECT code FROM bench_code WHERE n = :n) LIMIT 1 \gset card_
SELECT d.id, d.name, d.is_active FROM dir_area AS d WHERE d.id = :card_area_id LIMIT 1;
\if :card_other_area
SELECT c.area_id, c.community_group_max, c.issue_backdate_days, c.local_only, c.pilot_ends_on, c.use_backdate_days, c.validity_months, c.version
FROM cc_area_rules AS c WHERE c.area_id = :card_area_id LIMIT 1;
\endif
SELECT count(*)::int FROM cc_use AS c
WHERE c.card_id = :card_id AND c.venue_site_id = :site AND c.use_date = (now() AT TIME ZONE 'Europe/Helsinki')::date AND c.cancelled_at IS NULL;
-- AuditLog: the request's row, one plain INSERT (no savepoint, nothing read back), commit
INSERT INTO platform_audit_event (action_code, actor_account_id, actor_api_key_id, actor_site_id, event_code, occurred_at, outcome, subject_ids, target_ids, trace_id)
VALUES ('CultureCard.LookupCard', :account, NULL, :site, 'CultureCard.CardLookup', clock_timestamp(), 'Success', :card_id, '', md5(concat(:n::text, clock_timestamp())));
COMMIT;
