using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vakka.Platform.Data;

namespace Vakka.Platform.Audit;

public sealed record AuditVerification(bool Intact, long RowsChecked, long? FirstBrokenSeq, string? Problem, long Unsealed = 0);

public sealed class AuditOptions
{
    /// <summary>How often the sealer chains new rows.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The audit log. A request writes its row in its own transaction, with the change it describes, and takes no lock:
/// many requests commit side by side. The sealer then chains the committed rows one after another (a PostgreSQL
/// transaction-scoped advisory lock, or a process-wide gate on SQLite, keeps it to one sealer at a time): each row gets
/// the next place in the chain, the previous row's hash and its own SHA-256 over all its fields. Verification walks
/// the chain and reports the first row that was changed, removed or moved.
/// </summary>
public sealed class AuditLog(VakkaDb db, TimeProvider clock)
{
    private const long AdvisoryLockKey = 0x7661_6B6B_6141_7564; // "vakkaAud"
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);
    private const int SealBatch = 5000;

    /// <summary>
    /// Adds the row to the open transaction and commits it. The row is one INSERT of its own, sent as a plain command with
    /// the model's column mappings (no change tracking, no EF Core save pipeline, nothing read back: every audited request
    /// writes one, and saving it through the change tracker cost the app about as much as a query did). If the request
    /// left changes unsaved, they are saved together with the row as before.
    /// </summary>
    public async Task AppendAndCommitAsync(AuditRecord record, IDbContextTransaction transaction, CancellationToken ct)
    {
        record.OccurredAt = AuditRecord.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
        if (db.ChangeTracker.HasChanges())
        {
            db.AuditRecords.Add(record);
            await db.SaveWithoutSavepointAsync(ct); // the last save of the transaction: if it fails, everything is rolled back
        }
        else
        {
            var insert = AuditInsert.Of(db.Model);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = insert.Sql;
            insert.Bind(command, record);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Writes one row in a transaction of its own (denials, failures, operator commands).</summary>
    public async Task AppendAsync(AuditRecord record, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AppendAndCommitAsync(record, transaction, ct);
    }

    /// <summary>Chains every committed row that is not chained yet. Returns how many were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        var sealedRows = 0;
        var gated = db.Provider == DatabaseProvider.Sqlite;
        if (gated) await SqliteGate.WaitAsync(ct);
        try
        {
            while (true)
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (db.Provider == DatabaseProvider.Postgres)
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
                var last = await db.AuditRecords.AsNoTracking().Where(r => r.ChainIndex != null)
                    .OrderByDescending(r => r.ChainIndex).Select(r => new { r.ChainIndex, r.Hash }).FirstOrDefaultAsync(ct);
                var postgres = db.Provider == DatabaseProvider.Postgres;
                var unsealed = db.AuditRecords.Where(r => r.ChainIndex == null).OrderBy(r => r.Seq).Take(SealBatch);
                var pending = await (postgres ? unsealed.AsNoTracking() : unsealed).ToListAsync(ct);
                if (pending.Count == 0) return sealedRows;
                var index = last?.ChainIndex ?? 0;
                var previous = last?.Hash ?? AuditRecord.GenesisHash;
                foreach (var row in pending)
                {
                    row.ChainIndex = ++index;
                    row.PreviousHash = previous;
                    row.Hash = previous = row.ComputeHash();
                }
                if (postgres) await ChainAllAsync(pending, ct);
                else await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                sealedRows += pending.Count;
                if (pending.Count < SealBatch) return sealedRows;
            }
        }
        finally
        {
            if (gated) SqliteGate.Release();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// PostgreSQL: the batch's chain links in one UPDATE from arrays (one statement per batch instead of one per row;
    /// under the desk's full load the per-row UPDATEs were a tenth of the database's statement time).
    /// </summary>
    private async Task ChainAllAsync(IReadOnlyList<AuditRecord> rows, CancellationToken ct)
    {
        var seqs = rows.Select(r => r.Seq).ToArray();
        var indexes = rows.Select(r => r.ChainIndex!.Value).ToArray();
        var previous = rows.Select(r => r.PreviousHash!).ToArray();
        var hashes = rows.Select(r => r.Hash!).ToArray();
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE platform_audit_event AS p SET chain_index = v.chain_index, previous_hash = v.previous_hash, hash = v.hash
            FROM unnest({seqs}, {indexes}, {previous}, {hashes}) AS v(seq, chain_index, previous_hash, hash)
            WHERE p.seq = v.seq AND p.chain_index IS NULL
            """, ct);
        if (updated != rows.Count)
            throw new InvalidOperationException($"Sealing expected to chain {rows.Count} audit rows and chained {updated}.");
    }

    /// <summary>Walks the chain in order and reports the first broken place; counts rows not sealed yet.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var previousHash = AuditRecord.GenesisHash;
        var expected = 1L;
        var checkedRows = 0L;
        while (true)
        {
            var from = expected;
            var batch = await db.AuditRecords.AsNoTracking().Where(r => r.ChainIndex >= from)
                .OrderBy(r => r.ChainIndex).Take(SealBatch).ToListAsync(ct);
            foreach (var row in batch)
            {
                if (row.ChainIndex != expected)
                    return new(false, checkedRows, row.Seq, $"the row in place {expected} of the chain is missing");
                if (row.PreviousHash != previousHash)
                    return new(false, checkedRows, row.Seq, $"row {row.Seq} does not link to the row before it");
                if (row.ComputeHash() != row.Hash)
                    return new(false, checkedRows, row.Seq, $"row {row.Seq} was changed after it was written");
                previousHash = row.Hash!;
                expected++;
                checkedRows++;
            }
            if (batch.Count < SealBatch) break;
        }
        // A sealed-looking row outside the chain (its place or hash wiped) is tampering too.
        var unsealed = await db.AuditRecords.CountAsync(r => r.ChainIndex == null, ct);
        var wiped = await db.AuditRecords.AsNoTracking().Where(r => r.ChainIndex == null && (r.Hash != null || r.PreviousHash != null))
            .Select(r => (long?)r.Seq).FirstOrDefaultAsync(ct);
        if (wiped is { } seq) return new(false, checkedRows, seq, $"row {seq} was taken out of the chain", unsealed);
        return new(true, checkedRows, null, null, unsealed);
    }
}

/// <summary>
/// The INSERT of one audit row with the model's table, column names and type mappings (value converters included, so the
/// row is stored exactly as a save through EF Core stores it), made once per model. The chain columns stay NULL.
/// </summary>
internal sealed class AuditInsert
{
    private static AuditInsert? last;

    private readonly IModel model;
    private readonly RelationalTypeMapping[] mappings;
    private readonly bool[] nullable;
    private static readonly string[] Properties =
    [
        nameof(AuditRecord.ActionCode), nameof(AuditRecord.ActorAccountId), nameof(AuditRecord.ActorApiKeyId), nameof(AuditRecord.ActorSiteId),
        nameof(AuditRecord.EventCode), nameof(AuditRecord.OccurredAt), nameof(AuditRecord.Outcome), nameof(AuditRecord.SubjectIds),
        nameof(AuditRecord.TargetIds), nameof(AuditRecord.TraceId),
    ];

    public string Sql { get; }

    private AuditInsert(IModel model)
    {
        this.model = model;
        var entity = model.FindEntityType(typeof(AuditRecord))!;
        var properties = Properties.Select(p => entity.FindProperty(p)!).ToArray();
        mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        nullable = properties.Select(p => p.IsNullable).ToArray();
        Sql = $"INSERT INTO {entity.GetTableName()} ({string.Join(", ", properties.Select(p => p.GetColumnName()))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
    }

    public static AuditInsert Of(IModel model) => last is { } known && ReferenceEquals(known.model, model) ? known : last = new AuditInsert(model);

    public void Bind(DbCommand command, AuditRecord r)
    {
        object?[] values = [r.ActionCode, r.ActorAccountId, r.ActorApiKeyId, r.ActorSiteId, r.EventCode, r.OccurredAt, r.Outcome, r.SubjectIds,
            r.TargetIds, r.TraceId];
        for (var i = 0; i < values.Length; i++)
            command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{i}", values[i], nullable[i]));
    }
}

/// <summary>Seals new audit rows every second or so, on every node (sealing is serialised in the database).</summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditSealer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditLog>().SealAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Sealing the audit log failed; trying again");
            }
            try { await Task.Delay(options.Value.SealInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
