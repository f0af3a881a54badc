using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vakka.Platform.Data;

namespace Vakka.Platform.Jobs;

public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    public string NodeName { get; set; } = Environment.MachineName + ":" + Environment.ProcessId;
}

/// <summary>Claims due jobs one at a time, runs them, and retries failures with exponential back-off.</summary>
public sealed class JobExecutor(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock,
    IEnumerable<ScheduledJob> schedules, ILogger<JobExecutor> log)
{
    private const string SchedulerLock = "platform.scheduler";

    /// <summary>Runs the next due job, if any. Returns whether there was one.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var opts = options.Value;
        Guid jobId;
        string kind, payload;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VakkaDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            var candidate = await db.Jobs.AsNoTracking()
                .Where(j => (j.Status == JobStatus.Pending && j.RunAt <= now) ||
                            (j.Status == JobStatus.Running && j.LockedUntil < now))
                .OrderBy(j => j.RunAt)
                .Select(j => new { j.Id, j.Kind, j.Payload })
                .FirstOrDefaultAsync(ct);
            if (candidate is null) return false;

            var leaseUntil = now + opts.Lease;
            var claimed = await db.Jobs
                .Where(j => j.Id == candidate.Id &&
                            ((j.Status == JobStatus.Pending && j.RunAt <= now) ||
                             (j.Status == JobStatus.Running && j.LockedUntil < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LockedBy, opts.NodeName)
                    .SetProperty(j => j.LockedUntil, leaseUntil)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (claimed == 0) return true; // another node took it; look again
            (jobId, kind, payload) = (candidate.Id, candidate.Kind, candidate.Payload);
        }

        Exception? failure = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == kind);
            try
            {
                if (handler is null) throw new InvalidOperationException($"No handler for job kind {kind}.");
                await handler.RunAsync(payload, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failure = ex;
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VakkaDb>();
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            job.LockedBy = null;
            job.LockedUntil = null;
            if (failure is null)
            {
                job.Status = JobStatus.Succeeded;
                job.CompletedAt = now;
                job.Payload = "{}";
                job.LastError = null;
            }
            else
            {
                job.LastError = Truncate($"{failure.GetType().Name}: {failure.Message}", 1000);
                if (job.Attempts >= job.MaxAttempts)
                {
                    job.Status = JobStatus.Failed;
                    job.CompletedAt = now;
                    log.LogError("Job {JobId} of kind {Kind} failed for good after {Attempts} attempts ({Error})",
                        job.Id, job.Kind, job.Attempts, failure.GetType().Name);
                }
                else
                {
                    job.Status = JobStatus.Pending;
                    job.RunAt = now + RetryDelay(job.Attempts, opts);
                    log.LogWarning("Job {JobId} of kind {Kind} failed (attempt {Attempts}); retrying at {RunAt:o}",
                        job.Id, job.Kind, job.Attempts, job.RunAt);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Plans the scheduled jobs that are due. Only the node that holds the scheduler lock plans them.</summary>
    public async Task PlanScheduledAsync(CancellationToken ct)
    {
        if (!schedules.Any()) return;
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var dbLock = sp.GetRequiredService<DatabaseLock>();
        if (!await dbLock.TryAcquireAsync(SchedulerLock, options.Value.NodeName, TimeSpan.FromMinutes(1), ct)) return;

        var planner = sp.GetRequiredService<JobPlanner>();
        var db = sp.GetRequiredService<VakkaDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var schedule in schedules)
        {
            var occurrence = schedule.LatestOccurrence(now);
            await planner.PlanAsync(schedule.Kind, new { occurrence }, $"schedule:{schedule.Kind}:{occurrence:yyyyMMddHHmm}", ct: ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public static TimeSpan RetryDelay(int attempts, JobOptions opts)
    {
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(opts.FirstRetryDelay.Ticks * factor, opts.MaxRetryDelay.Ticks));
        return delay;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>The background service: plans scheduled jobs and runs due jobs until the host stops.</summary>
public sealed class JobRunner(JobExecutor executor, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var lastScheduling = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = false;
            try
            {
                if (clock.GetUtcNow() - lastScheduling > TimeSpan.FromSeconds(30))
                {
                    await executor.PlanScheduledAsync(stoppingToken);
                    lastScheduling = clock.GetUtcNow();
                }
                ran = await executor.RunNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Job runner loop failed");
            }
            if (!ran)
            {
                try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
