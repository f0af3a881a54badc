using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Vakka.Archive.Domain;
using Vakka.Archive.Domain.Retention;
using Vakka.Archive.Features.Retention;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Migration;

/// <summary>One batch of a run, built and ready to store: its documents, failures, skips and report counts.</summary>
internal sealed class MigrationBatch
{
    public long LastRecord { get; set; }
    public List<BuiltDocument> Documents { get; } = [];
    public List<BuildFailure> Failures { get; } = [];
    public long Skipped { get; set; }
    public Dictionary<(string Type, string Service), MigrationGroup> Groups { get; } = [];

    public MigrationGroup Group(MigrationRunId run, LegacyRecord record, MappingTarget? target)
    {
        var key = (Clip(record.OldDocumentType), Clip(record.OldService));
        if (!Groups.TryGetValue(key, out var group))
            Groups[key] = group = new MigrationGroup
            {
                RunId = run, OldDocumentType = key.Item1, OldService = key.Item2,
                DocumentTypeCode = target?.DocumentTypeCode, ServiceTaskCode = target?.ServiceTaskCode,
            };
        return group;
    }

    public static string Clip(string value) => value.Length <= MappingRow.MaxOldLength ? value : value[..MappingRow.MaxOldLength];
}

/// <summary>
/// Stores a batch in one transaction (design §g.5): the persons met for the first time, the old cases, the documents
/// with their bytes, retention and ledger rows, the failures, the report and the run's cursor and counters. On
/// PostgreSQL the rows go in with binary COPY and the report with one upsert; elsewhere through EF Core. A unique
/// index that loses a race (a concurrent API call added the same person, a duplicate old id in flight) makes the
/// whole batch roll back and returns false; the runner then prepares it again.
/// </summary>
/// <remarks><b>Probing each key:</b> the look-ups by a batch's keys (ledger, persons, cases) send the keys as one array
/// and let each key probe the table's unique index through a <c>LATERAL … LIMIT 1</c> subquery. A plain join with
/// <c>unnest</c> is planned as a hash join over a sequential scan once the planner knows the array's 2,000 values,
/// and that grows with the table: 134 ms for the ledger after 200,000 documents (and about ten times that at the end
/// of a 2 M run) against 10 ms for 2,000 probes, whatever the size.</remarks>
internal sealed class MigrationStore(VakkaDb db, RetentionRules rules, TimeProvider clock)
{
    private readonly bool copy = db.Provider == DatabaseProvider.Postgres;
    private readonly Dictionary<Type, object> copiers = [];

    public VakkaDb Db => db;

    /// <summary>
    /// The ledger's entries for these old ids of one source: the run that archived each. On PostgreSQL each id probes
    /// the primary key (see the class remarks).
    /// </summary>
    public static async Task<Dictionary<string, MigrationRunId>> LedgerAsync(VakkaDb database, Platform.Ids.OrganisationId registrar, string source,
        List<string> oldIds, CancellationToken ct)
    {
        if (oldIds.Count == 0) return [];
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var rows = await database.Database.SqlQuery<LedgerHit>($"""
                SELECT k.old_id AS "OldDocumentId", i.run_id AS "RunId"
                FROM unnest({oldIds.ToArray()}) AS k(old_id)
                CROSS JOIN LATERAL (SELECT i.run_id FROM ar_migration_item i
                  WHERE i.registrar_org_id = {registrar.Value} AND i.source_system = {source} AND i.old_document_id = k.old_id LIMIT 1) AS i
                """).ToListAsync(ct);
            return rows.ToDictionary(r => r.OldDocumentId, r => new MigrationRunId(r.RunId), StringComparer.Ordinal);
        }
        return await database.Set<MigrationItem>().AsNoTracking()
            .Where(i => i.RegistrarOrgId == registrar && i.SourceSystem == source && oldIds.Contains(i.OldDocumentId))
            .ToDictionaryAsync(i => i.OldDocumentId, i => i.RunId, StringComparer.Ordinal, ct);
    }

    public async Task<bool> WriteAsync(MigrationRun run, MigrationBatch batch, Func<CancellationToken, Task> renewLock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // A batch's commit does not wait for its WAL to reach the disk: if the server crashes in that moment, the batch
            // is lost together with the cursor that names it, and the run does it again on resume (the ledger keeps it
            // idempotent). Only this transaction is affected.
            if (copy) await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            await renewLock(ct);
            if (run.Kind == MigrationKind.Run && batch.Documents.Count > 0) await ArchiveAsync(run, batch.Documents, now, ct);
            var failures = batch.Failures.Select(f => new MigrationFailure
            {
                Id = Guid.CreateVersion7(), RunId = run.Id, Record = f.Record.Index, OldDocumentId = Clip(f.Record.OldDocumentId, MigrationItem.MaxOldIdLength),
                OldDocumentType = MigrationBatch.Clip(f.Record.OldDocumentType), OldService = MigrationBatch.Clip(f.Record.OldService),
                Codes = Clip(string.Join(',', f.Codes), MigrationFailure.MaxCodesLength), Detail = f.Detail is null ? null : Clip(f.Detail, MigrationFailure.MaxDetailLength),
            }).ToList();
            await InsertAsync(failures, ct);
            await ReportAsync(run, batch, ct);
            run.Cursor = batch.LastRecord;
            run.Archived += batch.Documents.Count;
            run.Skipped += batch.Skipped;
            run.Failed += batch.Failures.Count;
            run.HeartbeatAt = now;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            Forget(run);
            return true;
        }
        catch (Exception ex) when (IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await ReloadAsync(run, ct);
            return false;
        }
    }

    /// <summary>Persons, cases, documents, contents and ledger rows of a batch; each document's retention from its facts.</summary>
    private async Task ArchiveAsync(MigrationRun run, List<BuiltDocument> documents, DateTime now, CancellationToken ct)
    {
        var persons = await PersonsAsync(documents.Select(d => d.Header.Client!.Value).DistinctBy(h => h.Value).ToList(), ct);
        var cases = await CasesAsync(run, documents, now, ct);
        var rows = new List<ArchivedDocument>(documents.Count);
        var contents = new List<DocumentContent>(documents.Count);
        var ledger = new List<MigrationItem>(documents.Count);
        foreach (var built in documents)
        {
            var (personId, death) = persons[built.Header.Client!.Value.Value];
            var row = ArchivedDocument.Of(built.Header, built.BodyKind, built.Bytes.Length, built.Sha256, run.RegistrarOrgId, personId, now, DocumentSource.Migration);
            row.ArchivedBy = run.StartedBy;
            CaseFacts? documentCase = built.Header.CaseId is { Extension: { } ext } ? cases.GetValueOrDefault(ext) : null;
            var decision = rules.Decide(new DocumentFacts(DocumentTypeSystem.Type1506, row.DocTypeCode, row.ServiceTaskCode,
                DateOnly.FromDateTime(HelsinkiTime.ToLocal(row.EffectiveTime))), new ClientFacts(built.Header.Client!.Value.BirthDate, death), documentCase, []);
            DocumentRetention.Apply(row, decision);
            if (decision.Rule == RetentionRuleCatalog.Vammaispalvelut)
            {
                // The rule weighs the client's other Vammaispalvelut cases, which only the whole archive knows: no end
                // until the recompute job (planned when the run completes) has looked. No end means never destroyed.
                row.RetentionTrigger = null;
                row.RetentionEnd = null;
            }
            rows.Add(row);
            contents.Add(new DocumentContent { DocumentId = row.Id, Bytes = built.Bytes });
            ledger.Add(new MigrationItem { RegistrarOrgId = run.RegistrarOrgId, SourceSystem = built.SourceSystem, OldDocumentId = built.Record.OldDocumentId, DocumentId = row.Id, RunId = run.Id });
        }
        await InsertAsync(rows, ct);
        await InsertAsync(contents, ct);
        await InsertAsync(ledger, ct);
    }

    /// <summary>The archive's person for each henkilötunnus (added on first sight) with the date of death it knows.</summary>
    private async Task<Dictionary<string, (PersonId Id, DateOnly? Death)>> PersonsAsync(List<PersonalIdentityCode> hetus, CancellationToken ct)
    {
        var values = hetus.Select(h => h.Value).ToList();
        // On PostgreSQL the list goes as char(11)[] (EF Core would send text[], and char = text is not indexable) and each
        // value probes the unique index (see the class remarks).
        var known = copy
            ? await db.Database.SqlQuery<KnownPerson>(
                $"SELECT p.hetu AS \"Hetu\", p.id AS \"Id\", p.death_date AS \"DeathDate\" FROM unnest(CAST({values.ToArray()} AS bpchar[])) AS k(hetu) CROSS JOIN LATERAL (SELECT p.hetu, p.id, p.death_date FROM ar_person p WHERE p.hetu = k.hetu LIMIT 1) AS p").ToListAsync(ct)
            : await db.Set<ArchivePerson>().AsNoTracking().Where(p => values.Contains(p.Hetu))
                .Select(p => new KnownPerson { Hetu = p.Hetu, Id = p.Id.Value, DeathDate = p.DeathDate }).ToListAsync(ct);
        var result = known.ToDictionary(p => p.Hetu.Trim(), p => (new PersonId(p.Id), p.DeathDate), StringComparer.Ordinal);
        var added = hetus.Where(h => !result.ContainsKey(h.Value))
            .Select(h => new ArchivePerson { Id = PersonId.New(), Hetu = h.Value, BirthDate = h.BirthDate }).ToList();
        await InsertAsync(added, ct);
        foreach (var person in added) result[person.Hetu] = (person.Id, null);
        return result;
    }

    /// <summary>The batch's old cases (under the registrar's legacy case arc): added when new, closed when the metadata says so.</summary>
    private async Task<Dictionary<string, CaseFacts>> CasesAsync(MigrationRun run, List<BuiltDocument> documents, DateTime now, CancellationToken ct)
    {
        var named = documents.Where(d => d.Header.CaseId is { Extension: not null }).GroupBy(d => d.Header.CaseId!.Extension!, StringComparer.Ordinal)
            .Select(g => (Ext: g.Key, Root: g.First().Header.CaseId!.Root.Value, Task: g.First().Target.ServiceTaskCode, Closed: g.Max(d => d.CaseClosedOn)))
            .ToList();
        if (named.Count == 0) return [];
        var root = named[0].Root;
        var exts = named.Select(n => n.Ext).ToList();
        var registrar = run.RegistrarOrgId;
        var known = copy
            ? await db.Set<ArchiveCase>().FromSql($"""
                SELECT c.* FROM unnest({exts.ToArray()}) AS k(ext)
                CROSS JOIN LATERAL (SELECT * FROM ar_case c WHERE c.registrar_org_id = {registrar.Value} AND c.case_root = {root} AND c.case_ext = k.ext LIMIT 1) AS c
                """).ToListAsync(ct)
            : await db.Set<ArchiveCase>().Where(c => c.RegistrarOrgId == registrar && c.CaseRoot == root && exts.Contains(c.CaseExt)).ToListAsync(ct);
        var byExt = known.ToDictionary(c => c.CaseExt, StringComparer.Ordinal);
        var added = new List<ArchiveCase>();
        foreach (var (ext, caseRoot, task, closed) in named)
        {
            if (byExt.TryGetValue(ext, out var existing))
            {
                if (existing is { Source: CaseSource.Migration, ClosedOn: null } && closed is not null)
                {
                    existing.ClosedOn = closed;
                    existing.UpdatedAt = now;
                }
                continue;
            }
            var row = new ArchiveCase { RegistrarOrgId = run.RegistrarOrgId, CaseRoot = caseRoot, CaseExt = ext, ServiceTaskCode = task, ClosedOn = closed, Source = CaseSource.Migration, UpdatedAt = now };
            added.Add(row);
            byExt[ext] = row;
        }
        await InsertAsync(added, ct);
        return byExt.ToDictionary(p => p.Key, p => new CaseFacts(p.Value.ServiceTaskCode, p.Value.ClosedOn), StringComparer.Ordinal);
    }

    /// <summary>Adds the batch's counts to the run's report per old type and service.</summary>
    private async Task ReportAsync(MigrationRun run, MigrationBatch batch, CancellationToken ct)
    {
        if (batch.Groups.Count == 0) return;
        var groups = batch.Groups.Values.ToList();
        if (copy)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var command = new NpgsqlCommand("""
                INSERT INTO ar_migration_group (run_id, old_document_type, old_service, document_type_code, service_task_code, archived, skipped, failed)
                SELECT @run, t.type, t.service, t.doc, t.task, t.archived, t.skipped, t.failed
                FROM unnest(@types, @services, @docs, @tasks, @archived, @skipped, @failed) AS t(type, service, doc, task, archived, skipped, failed)
                ON CONFLICT (run_id, old_document_type, old_service) DO UPDATE SET archived = ar_migration_group.archived + EXCLUDED.archived,
                  skipped = ar_migration_group.skipped + EXCLUDED.skipped, failed = ar_migration_group.failed + EXCLUDED.failed
                """, connection);
            command.Parameters.Add(new NpgsqlParameter("run", NpgsqlDbType.Uuid) { Value = run.Id.Value });
            command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = groups.Select(g => g.OldDocumentType).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("services", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = groups.Select(g => g.OldService).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("docs", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = groups.Select(g => (object?)g.DocumentTypeCode ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("tasks", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = groups.Select(g => (object?)g.ServiceTaskCode ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("archived", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = groups.Select(g => g.Archived).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("skipped", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = groups.Select(g => g.Skipped).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("failed", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = groups.Select(g => g.Failed).ToArray() });
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        var stored = await db.Set<MigrationGroup>().Where(g => g.RunId == run.Id).ToListAsync(ct);
        foreach (var group in groups)
        {
            if (stored.FirstOrDefault(g => g.OldDocumentType == group.OldDocumentType && g.OldService == group.OldService) is { } row)
            {
                row.Archived += group.Archived;
                row.Skipped += group.Skipped;
                row.Failed += group.Failed;
            }
            else
            {
                db.Add(group);
            }
        }
    }

    private async Task InsertAsync<T>(List<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        if (!copy)
        {
            db.AddRange(rows);
            return;
        }
        if (!copiers.TryGetValue(typeof(T), out var copier)) copiers[typeof(T)] = copier = new PostgresCopy<T>(db);
        await ((PostgresCopy<T>)copier).WriteAsync(db, rows, ct);
    }

    /// <summary>After a commit: nothing but the run stays tracked, so memory stays flat batch after batch.</summary>
    private void Forget(MigrationRun run)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
            if (!ReferenceEquals(entry.Entity, run)) entry.State = EntityState.Detached;
    }

    private async Task ReloadAsync(MigrationRun run, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Attach(run);
        await db.Entry(run).ReloadAsync(ct);
    }

    private static bool IsUniqueViolation(Exception ex) => ex switch
    {
        DbUpdateException update => DbExtensions.IsUniqueViolation(update),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private sealed class LedgerHit
    {
        public string OldDocumentId { get; set; } = "";
        public Guid RunId { get; set; }
    }

    private sealed class KnownPerson
    {
        public string Hetu { get; set; } = "";
        public Guid Id { get; set; }
        public DateOnly? DeathDate { get; set; }
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
