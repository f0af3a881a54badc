using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vakka.Archive.Domain;
using Vakka.Archive.Domain.Retention;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Retention;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Jobs;

namespace Vakka.Archive.Features.Migration;

/// <summary>How far one call of the runner got.</summary>
public enum MigrationSlice
{
    /// <summary>The run is completed or failed: nothing more to do.</summary>
    Finished,

    /// <summary>The time budget ran out at a batch boundary: call again to go on.</summary>
    Paused,

    /// <summary>Another migration of the same registrar holds the lock: try later.</summary>
    Busy,
}

/// <summary>
/// The migration engine (design §g.4–g.5), shared by the background job and the <c>archive migrate</c> command. It
/// streams the metadata after the run's cursor in batches: for each, the ledger says which old ids are archived
/// already (skipped; by this same run: a duplicate in the file), both cores build and validate the documents, and
/// <see cref="MigrationStore"/> commits the batch with the cursor. On PostgreSQL the next batch is built while the
/// previous one is being written. A dry run goes through the same steps and stores only its report and failures.
/// Killed at any moment, a run resumes after its last committed batch; run again, it archives nothing twice.
/// </summary>
public sealed class MigrationRunner(IServiceScopeFactory scopes, IOptions<MigrationOptions> options, IOptions<ArchiveOptions> archiveOptions,
    IOptions<JobOptions> jobOptions, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, ILogger<MigrationRunner> log)
{
    private static readonly TimeSpan LockLease = TimeSpan.FromMinutes(2);

    /// <summary>The folder a run reads: its name under <see cref="MigrationOptions.ImportRoot"/>, or an operator's absolute path.</summary>
    public string FolderPath(string folder) => Path.IsPathRooted(folder) ? folder : Path.Combine(ImportRoot, folder);

    public string ImportRoot => Path.GetFullPath(Path.Combine(environment.ContentRootPath,
        options.Value.ImportRoot ?? Path.Combine(configuration["DataFolder"] ?? "data", "migration")));

    public static string LockName(Platform.Ids.OrganisationId registrar) => $"archive-migration:{registrar.Value}";

    /// <summary>Works on the run until it is finished or <paramref name="budget"/> has passed; <paramref name="progress"/> hears of every committed batch.</summary>
    public async Task<MigrationSlice> RunAsync(MigrationRunId id, TimeSpan? budget, Action<MigrationProgress>? progress, CancellationToken ct)
    {
        await using var writeScope = scopes.CreateAsyncScope();
        await using var lookupScope = scopes.CreateAsyncScope();
        var db = writeScope.ServiceProvider.GetRequiredService<VakkaDb>();
        var lookup = lookupScope.ServiceProvider.GetRequiredService<VakkaDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var run = await db.Set<MigrationRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.IsFinished) return MigrationSlice.Finished;

        var locks = writeScope.ServiceProvider.GetRequiredService<DatabaseLock>();
        var holder = $"{jobOptions.Value.NodeName}:{Guid.CreateVersion7()}";
        var lockName = LockName(run.RegistrarOrgId);
        if (!await locks.TryAcquireAsync(lockName, holder, LockLease, ct)) return MigrationSlice.Busy;
        try
        {
            return await WorkAsync(db, lookup, writeScope.ServiceProvider, run, budget, progress,
                c => locks.TryAcquireAsync(lockName, holder, LockLease, c), ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await locks.ReleaseAsync(lockName, holder, CancellationToken.None);
        }
    }

    private async Task<MigrationSlice> WorkAsync(VakkaDb db, VakkaDb lookup, IServiceProvider services, MigrationRun run, TimeSpan? budget,
        Action<MigrationProgress>? progress, Func<CancellationToken, Task<bool>> renew, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        LegacyMetadata metadata;
        MappingTable mapping;
        try
        {
            metadata = LegacyMetadata.Open(FolderPath(run.Folder));
            var (sha, total) = metadata.Survey(ct);
            if (run.MetadataSha256 is null)
            {
                run.MetadataSha256 = sha;
                run.Total = total;
            }
            else if (run.MetadataSha256 != sha)
            {
                throw new MigrationFileException("METADATA_CHANGED");
            }
            var stored = await db.Set<MappingRow>().AsNoTracking().Where(r => r.RegistrarOrgId == run.RegistrarOrgId).ToListAsync(ct);
            mapping = MappingTable.FromStored(stored);
            if (mapping.Sha256 != run.MappingSha256) throw new MigrationFileException("MAPPING_CHANGED");
        }
        catch (MigrationFileException problem)
        {
            return await FailAsync(db, run, problem.Code, ct);
        }
        catch (IOException)
        {
            return await FailAsync(db, run, "METADATA_UNREADABLE", ct);
        }
        catch (UnauthorizedAccessException)
        {
            return await FailAsync(db, run, "METADATA_UNREADABLE", ct);
        }

        var registrar = await services.GetRequiredService<IOrganisationDirectory>().GetAsync(run.RegistrarOrgId, ct);
        if (registrar is null) return await FailAsync(db, run, "REGISTRAR_UNKNOWN", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        run.Status = MigrationStatus.Running;
        run.StartedAt ??= now;
        run.HeartbeatAt = now;
        await db.SaveChangesAsync(ct);

        var settings = new BuildSettings(registrar.Oid, run.Number, run.SourceSystem, metadata.ContentRoot, options.Value,
            archiveOptions.Value.TestPersonsOnly, archiveOptions.Value.MaxDocumentBytes, clock);
        var store = new MigrationStore(db, services.GetRequiredService<RetentionRules>(), clock);
        var pipelined = db.Provider == DatabaseProvider.Postgres;
        var renewLock = async (CancellationToken c) =>
        {
            if (!await renew(c)) throw new InvalidOperationException("The migration lock was lost to another node.");
        };
        bool finished;
        try
        {
            finished = pipelined
                ? await PipelinedAsync(lookup, store, run, metadata, mapping, settings, budget, started, renewLock, progress, ct)
                : await SequentialAsync(lookup, store, run, metadata, mapping, settings, budget, started, renewLock, progress, ct);
        }
        catch (MigrationFileException problem)
        {
            return await FailAsync(db, run, problem.Code, ct);
        }
        if (!finished)
        {
            // A batch boundary that happens to be the file's end is found on the next call.
            return MigrationSlice.Paused;
        }

        run.Status = MigrationStatus.Completed;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.Total = Math.Max(run.Total, run.Cursor);
        if (run.Kind == MigrationKind.Run)
            await services.GetRequiredService<DocumentRetention>().PlanMigrationAsync(run.Id, ct);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Migration run {RunId} ({Kind}) completed: {Archived} archived, {Skipped} skipped, {Failed} failed",
            run.Id, run.Kind, run.Archived, run.Skipped, run.Failed);
        progress?.Invoke(MigrationProgress.Of(run));
        return MigrationSlice.Finished;
    }

    /// <summary>One batch after the other (SQLite: one writer at a time, and small volumes).</summary>
    private async Task<bool> SequentialAsync(VakkaDb lookup, MigrationStore store, MigrationRun run, LegacyMetadata metadata, MappingTable mapping,
        BuildSettings settings, TimeSpan? budget, Stopwatch started, Func<CancellationToken, Task> renewLock, Action<MigrationProgress>? progress,
        CancellationToken ct)
    {
        foreach (var chunk in metadata.Read(run.Cursor, ct).Chunk(options.Value.BatchSize))
        {
            var batch = await PrepareAsync(lookup, run, chunk, mapping, settings, ct);
            await StoreAsync(store, run, chunk, batch, mapping, settings, renewLock, progress, ct);
            if (budget is { } limit && started.Elapsed >= limit) return false;
        }
        return true;
    }

    /// <summary>
    /// PostgreSQL: a builder reads, checks the ledger and builds the next batch (on both cores) while the batch before it
    /// is written and committed on the write connection (one batch waits between them: more would hold more memory
    /// without going faster, since writing is the slower stage); the cursor therefore only
    /// ever names a record whose batch and all batches before it have committed. Returns false when the budget ended it.
    /// </summary>
    private async Task<bool> PipelinedAsync(VakkaDb lookup, MigrationStore store, MigrationRun run, LegacyMetadata metadata, MappingTable mapping,
        BuildSettings settings, TimeSpan? budget, Stopwatch started, Func<CancellationToken, Task> renewLock, Action<MigrationProgress>? progress,
        CancellationToken ct)
    {
        var ready = Channel.CreateBounded<(LegacyRecord[] Records, MigrationBatch Batch)>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var builder = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in metadata.Read(run.Cursor, stop.Token).Chunk(options.Value.BatchSize))
                    await ready.Writer.WriteAsync((chunk, await PrepareAsync(lookup, run, chunk, mapping, settings, stop.Token)), stop.Token);
                ready.Writer.Complete();
            }
            catch (Exception ex)
            {
                ready.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var (records, batch) in ready.Reader.ReadAllAsync(ct))
            {
                await StoreAsync(store, run, records, batch, mapping, settings, renewLock, progress, ct);
                if (budget is { } limit && started.Elapsed >= limit) return false;
            }
            return true;
        }
        finally
        {
            // Never leave while the builder still uses the lookup connection (paused, cancelled or failed).
            await stop.CancelAsync();
            await Task.WhenAny(builder);
        }
    }

    /// <summary>Ledger, duplicates and the parallel build of one batch.</summary>
    private static async Task<MigrationBatch> PrepareAsync(VakkaDb lookup, MigrationRun run, LegacyRecord[] records, MappingTable mapping,
        BuildSettings settings, CancellationToken ct)
    {
        var batch = new MigrationBatch { LastRecord = records[^1].Index };
        var ledger = new Dictionary<(string, string), MigrationRunId>();
        foreach (var source in records.GroupBy(r => SourceOf(r, settings)))
        {
            var ids = source.Select(r => r.OldDocumentId).Where(i => i.Length is > 0 and <= MigrationItem.MaxOldIdLength).Distinct().ToList();
            foreach (var (oldId, runId) in await MigrationStore.LedgerAsync(lookup, run.RegistrarOrgId, source.Key, ids, ct))
                ledger[(source.Key, oldId)] = runId;
        }

        var results = new BuildResult?[records.Length];
        var seen = new HashSet<(string, string)>();
        var toBuild = new List<int>(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var key = (SourceOf(record, settings), record.OldDocumentId);
            if (record.OldDocumentId.Length > 0 && ledger.TryGetValue(key, out var archivedBy))
            {
                if (archivedBy == run.Id) results[i] = new BuildFailure(record, ["DUPLICATE_OLD_ID"], "old_document_id");
                else
                {
                    batch.Skipped++;
                    batch.Group(run.Id, record, mapping.Find(record.OldDocumentType, record.OldService)).Skipped++;
                }
                continue;
            }
            if (record.OldDocumentId.Length > 0 && !seen.Add(key))
            {
                results[i] = new BuildFailure(record, ["DUPLICATE_OLD_ID"], "old_document_id");
                continue;
            }
            toBuild.Add(i);
        }
        await BuildOnOwnThreadsAsync(toBuild.Count, j => results[toBuild[j]] = LegacyDocumentBuilder.Build(records[toBuild[j]], mapping, settings),
            Environment.ProcessorCount, ct);

        foreach (var result in results)
        {
            switch (result)
            {
                case BuiltDocument document:
                    batch.Documents.Add(document);
                    batch.Group(run.Id, document.Record, document.Target).Archived++;
                    break;
                case BuildFailure failure:
                    batch.Failures.Add(failure);
                    batch.Group(run.Id, failure.Record, mapping.Find(failure.Record.OldDocumentType, failure.Record.OldService)).Failed++;
                    break;
            }
        }
        return batch;
    }

    /// <summary>
    /// Runs <paramref name="build"/> for 0..count-1 on <paramref name="threads"/> threads of its own and completes when all
    /// are done. Not on the thread pool: a Parallel.ForEach there keeps every pool worker busy building, and the
    /// writer's awaited database calls then wait in the pool's queue for a worker to come free (measured: the batch's
    /// person and case look-ups took 70–100 ms each instead of the 10–19 ms the database spent on them, and the writer,
    /// the slower stage, lost a fifth of its time). Own threads leave the pool to the I/O, and the operating system's
    /// scheduler shares the cores between the builders, the writer and PostgreSQL.
    /// </summary>
    private static Task BuildOnOwnThreadsAsync(int count, Action<int> build, int threads, CancellationToken ct)
    {
        if (count == 0) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = -1;
        var running = threads = Math.Clamp(threads, 1, count);
        Exception? failure = null;
        for (var t = 0; t < threads; t++)
        {
            new Thread(() =>
            {
                try
                {
                    for (int i; (i = Interlocked.Increment(ref next)) < count && Volatile.Read(ref failure) is null;)
                    {
                        ct.ThrowIfCancellationRequested();
                        build(i);
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                }
                if (Interlocked.Decrement(ref running) == 0)
                {
                    if (failure is OperationCanceledException) done.SetCanceled(ct);
                    else if (failure is not null) done.SetException(failure);
                    else done.SetResult();
                }
            }) { IsBackground = true, Name = "migration-build" }.Start();
        }
        return done.Task;
    }

    private static string SourceOf(LegacyRecord record, BuildSettings settings) => record.SourceSystem.Length > 0 ? record.SourceSystem : settings.SourceSystem;

    /// <summary>Stores a batch; a lost race (a unique index) rolls it back, and it is prepared again against what is committed now.</summary>
    private async Task StoreAsync(MigrationStore store, MigrationRun run, LegacyRecord[] records, MigrationBatch batch, MappingTable mapping,
        BuildSettings settings, Func<CancellationToken, Task> renewLock, Action<MigrationProgress>? progress, CancellationToken ct)
    {
        for (var attempt = 1; !await store.WriteAsync(run, batch, renewLock, ct); attempt++)
        {
            if (attempt >= 3) throw new InvalidOperationException($"Batch ending at record {batch.LastRecord} lost a unique race three times.");
            log.LogInformation("Migration run {RunId}: batch ending at record {Record} lost a unique race; preparing it again", run.Id, batch.LastRecord);
            batch = await PrepareAsync(store.Db, run, records, mapping, settings, ct);
        }
        progress?.Invoke(MigrationProgress.Of(run));
    }

    private async Task<MigrationSlice> FailAsync(VakkaDb db, MigrationRun run, string code, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var stored = await db.Set<MigrationRun>().FirstAsync(r => r.Id == run.Id, ct);
        stored.Status = MigrationStatus.Failed;
        stored.Problem = code;
        stored.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        log.LogWarning("Migration run {RunId} stopped: {Problem}", run.Id, code);
        return MigrationSlice.Finished;
    }
}

/// <summary>A run's counters after a batch (for the command's progress line).</summary>
public sealed record MigrationProgress(long Total, long Cursor, long Archived, long Skipped, long Failed, MigrationStatus Status)
{
    internal static MigrationProgress Of(MigrationRun run) => new(run.Total, run.Cursor, run.Archived, run.Skipped, run.Failed, run.Status);
}
