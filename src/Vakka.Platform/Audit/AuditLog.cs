using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Vakka.Platform.Data;

namespace Vakka.Platform.Audit;

public sealed record AuditVerification(bool Intact, long RowsChecked, long? FirstBrokenSeq, string? Problem);

/// <summary>
/// Appends hash-chained audit rows inside the caller's transaction and verifies the chain. Appending takes a
/// lock (a PostgreSQL transaction-scoped advisory lock, or a process-wide gate on SQLite, which runs on one node)
/// so that two requests never chain onto the same row; the lock is held only for the append and the commit.
/// </summary>
public sealed class AuditLog(VakkaDb db, TimeProvider clock)
{
    private const long AdvisoryLockKey = 0x7661_6B6B_6141_7564; // "vakkaAud"
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    /// <summary>Adds the row to the open transaction, saves and commits it.</summary>
    public async Task AppendAndCommitAsync(AuditRecord record, IDbContextTransaction transaction, CancellationToken ct)
    {
        var gated = db.Provider == DatabaseProvider.Sqlite;
        if (gated) await SqliteGate.WaitAsync(ct);
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);

            var last = await db.AuditRecords.AsNoTracking()
                .OrderByDescending(r => r.Seq)
                .Select(r => new { r.Seq, r.Hash })
                .FirstOrDefaultAsync(ct);

            record.Seq = (last?.Seq ?? 0) + 1;
            record.PreviousHash = last?.Hash ?? AuditRecord.GenesisHash;
            record.OccurredAt = AuditRecord.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
            record.Hash = record.ComputeHash();
            db.AuditRecords.Add(record);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            if (gated) SqliteGate.Release();
        }
    }

    /// <summary>Writes one row in a transaction of its own (denials, failures, sign-in events).</summary>
    public async Task AppendAsync(AuditRecord record, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AppendAndCommitAsync(record, transaction, ct);
    }

    /// <summary>Re-computes every row's hash and link in order and reports the first broken one.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var previousHash = AuditRecord.GenesisHash;
        var expectedSeq = 1L;
        var checkedRows = 0L;
        const int batchSize = 5000;
        while (true)
        {
            var from = expectedSeq;
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Seq >= from)
                .OrderBy(r => r.Seq)
                .Take(batchSize)
                .ToListAsync(ct);
            foreach (var row in batch)
            {
                if (row.Seq != expectedSeq)
                    return new(false, checkedRows, expectedSeq, $"row {expectedSeq} is missing");
                if (row.PreviousHash != previousHash)
                    return new(false, checkedRows, row.Seq, $"row {row.Seq} does not link to row {row.Seq - 1}");
                if (row.ComputeHash() != row.Hash)
                    return new(false, checkedRows, row.Seq, $"row {row.Seq} was changed after it was written");
                previousHash = row.Hash;
                expectedSeq++;
                checkedRows++;
            }
            if (batch.Count < batchSize) return new(true, checkedRows, null, null);
        }
    }
}
