using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vakka.Platform.Data;

namespace Vakka.Platform.Jobs;

/// <summary>Runs one kind of job. Jobs run at least once, so a handler must be idempotent.</summary>
public interface IJobHandler
{
    string Kind { get; }
    Task RunAsync(string payload, CancellationToken ct);
}

/// <summary>A job handler with a typed JSON payload.</summary>
public abstract class JobHandler<TPayload> : IJobHandler
{
    public abstract string Kind { get; }

    public Task RunAsync(string payload, CancellationToken ct) =>
        HandleAsync(JsonSerializer.Deserialize<TPayload>(payload, JobJson.Options)
                    ?? throw new InvalidOperationException($"Job {Kind} has an empty payload."), ct);

    protected abstract Task HandleAsync(TPayload payload, CancellationToken ct);
}

internal static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>A job planned on a timetable: daily at a Helsinki time, or every interval.</summary>
public sealed record ScheduledJob(string Kind, TimeOnly? DailyAt = null, TimeSpan? Every = null)
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>The latest planned moment at or before <paramref name="nowUtc"/>.</summary>
    public DateTime LatestOccurrence(DateTime nowUtc)
    {
        if (Every is { } every)
            return new DateTime(nowUtc.Ticks - nowUtc.Ticks % every.Ticks, DateTimeKind.Utc);
        var at = DailyAt ?? TimeOnly.MinValue;
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, Helsinki);
        var today = local.Date + at.ToTimeSpan();
        var occurrence = local >= today ? today : today.AddDays(-1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(occurrence, DateTimeKind.Unspecified), Helsinki);
    }
}

/// <summary>Plans jobs in the caller's unit of work: they are saved (and run) only if the change commits.</summary>
public sealed class JobPlanner(VakkaDb db, TimeProvider clock)
{
    public const int DefaultMaxAttempts = 10;

    /// <summary>Adds a job to the context; returns false when a job with the same idempotency key exists.</summary>
    public async Task<bool> PlanAsync<TPayload>(string kind, TPayload payload, string? idempotencyKey = null,
        DateTime? runAt = null, int maxAttempts = DefaultMaxAttempts, CancellationToken ct = default)
    {
        if (idempotencyKey is not null &&
            (db.Jobs.Local.Any(j => j.IdempotencyKey == idempotencyKey) ||
             await db.Jobs.AnyAsync(j => j.IdempotencyKey == idempotencyKey, ct)))
            return false;

        var now = clock.GetUtcNow().UtcDateTime;
        db.Jobs.Add(new JobRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, JobJson.Options),
            IdempotencyKey = idempotencyKey,
            Status = JobStatus.Pending,
            MaxAttempts = maxAttempts,
            CreatedAt = now,
            RunAt = runAt ?? now,
        });
        return true;
    }
}

/// <summary>A lease held in the database (platform_lock), so that only one node does a thing at a time.</summary>
public sealed class DatabaseLock(VakkaDb db, TimeProvider clock)
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + lease;
        var renewed = await db.Locks
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (renewed == 1) return true;
        if (await db.Locks.AnyAsync(l => l.Name == name, ct)) return false;
        try
        {
            db.Locks.Add(new LockRecord { Name = name, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another node inserted it first
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken ct) =>
        db.Locks.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(ct);
}
