using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Jobs;
using Vakka.Testing;

namespace Vakka.Tests.Platform;

/// <summary>An app with a controllable clock, a job that fails on purpose and a scheduled job.</summary>
public sealed class JobsApp : VakkaFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddScoped<IJobHandler, FlakyJob>();
            services.AddSingleton(new ScheduledJob(FlakyJob.ScheduledKind, Every: TimeSpan.FromHours(1)));
            services.AddScoped<IJobHandler, CountingJob>();
        });
    }
}

public sealed record FlakyPayload(string Key, int Failures);

/// <summary>Fails the first N times it runs for a key, then succeeds.</summary>
public sealed class FlakyJob : JobHandler<FlakyPayload>
{
    public const string JobKind = "Test.Flaky";
    public const string ScheduledKind = "Test.Tick";
    public static readonly ConcurrentDictionary<string, int> Runs = new();
    public override string Kind => JobKind;

    protected override Task HandleAsync(FlakyPayload payload, CancellationToken ct)
    {
        var run = Runs.AddOrUpdate(payload.Key, 1, (_, n) => n + 1);
        if (run <= payload.Failures) throw new InvalidOperationException($"planned failure {run}");
        return Task.CompletedTask;
    }
}

public sealed class CountingJob : JobHandler<object>
{
    public static int Runs;
    public override string Kind => FlakyJob.ScheduledKind;
    protected override Task HandleAsync(object payload, CancellationToken ct)
    {
        Interlocked.Increment(ref Runs);
        return Task.CompletedTask;
    }
}

public sealed class JobTests(JobsApp app) : IClassFixture<JobsApp>
{
    private JobExecutor Executor => app.Services.GetRequiredService<JobExecutor>();

    private Task PlanAsync(string key, int failures, string? idempotencyKey = null, int maxAttempts = JobPlanner.DefaultMaxAttempts) =>
        app.WithScopeAsync(async sp =>
        {
            var planned = await sp.GetRequiredService<JobPlanner>().PlanAsync(FlakyJob.JobKind, new FlakyPayload(key, failures), idempotencyKey, maxAttempts: maxAttempts);
            await sp.GetRequiredService<VakkaDb>().SaveChangesAsync();
            return planned;
        });

    private Task<JobRecord> JobAsync(string key) =>
        app.WithDbAsync(db => db.Set<JobRecord>().AsNoTracking().SingleAsync(j => j.Payload.Contains(key) || j.IdempotencyKey == key));

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_delays_until_it_succeeds()
    {
        await app.RunJobsAsync(); // whatever other tests left due
        var key = TestData.Unique("retry");
        await PlanAsync(key, failures: 2, idempotencyKey: key);
        var options = app.Services.GetRequiredService<IOptions<JobOptions>>().Value;

        // Other tests of this class leave jobs of their own: run whatever is due each time and look at this one.
        await app.RunJobsAsync();
        var first = await JobAsync(key);
        Assert.Equal(JobStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Contains("planned failure 1", first.LastError);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + options.FirstRetryDelay, first.RunAt, TimeSpan.FromMilliseconds(5));

        // Not due yet: it does not run again until the clock passes the back-off.
        await app.RunJobsAsync();
        Assert.Equal(1, (await JobAsync(key)).Attempts);
        app.Clock.Advance(options.FirstRetryDelay);
        await app.RunJobsAsync();
        var second = await JobAsync(key);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + options.FirstRetryDelay * 2, second.RunAt, TimeSpan.FromMilliseconds(5));

        app.Clock.Advance(options.FirstRetryDelay * 2);
        await app.RunJobsAsync();
        var done = await JobAsync(key);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(3, done.Attempts);
        Assert.Equal("{}", done.Payload);
        Assert.Equal(3, FlakyJob.Runs[key]);
    }

    [Fact]
    public async Task A_job_that_keeps_failing_ends_Failed_and_an_admin_sees_and_retries_it()
    {
        var key = TestData.Unique("dead");
        await PlanAsync(key, failures: 100, idempotencyKey: key, maxAttempts: 2);
        await app.RunJobsAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobsAsync();
        Assert.Equal(JobStatus.Failed, (await JobAsync(key)).Status);

        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var page = await client.GetPageAsync("/admin/jobs");
        Assert.Contains(FlakyJob.JobKind, page.QuerySelector("[data-testid=failed-jobs]")!.TextContent);

        // This is the only job of the app that fails for good, so the page's one retry button is its.
        var retried = await client.PostFormAsync("/admin/jobs", [], handler: "Retry");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, retried.StatusCode);
        var reset = await JobAsync(key);
        Assert.Equal(JobStatus.Pending, reset.Status);
        Assert.Equal(0, reset.Attempts);

        var someoneElse = await TestData.PersonAsync(app, (Role.Auditor, Scope.Global));
        var other = await AppClient.SignedInAsync(app, someoneElse.UserName!);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await other.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_plans_one_job()
    {
        var key = TestData.Unique("once");
        await PlanAsync(key, 0, key);
        await PlanAsync(key, 0, key);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<JobRecord>().CountAsync(j => j.IdempotencyKey == key)));
    }

    [Fact]
    public async Task The_database_lock_is_held_by_one_node_until_it_expires()
    {
        var name = TestData.Unique("lock");
        Task<bool> TryAsync(string holder) => app.WithScopeAsync(sp =>
            sp.GetRequiredService<DatabaseLock>().TryAcquireAsync(name, holder, TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.True(await TryAsync("node-a"));
        Assert.False(await TryAsync("node-b"));
        Assert.True(await TryAsync("node-a")); // renewal by the holder
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await TryAsync("node-b"));
        Assert.False(await TryAsync("node-a"));
    }

    [Fact]
    public async Task A_scheduled_job_is_planned_once_per_occurrence_even_when_planning_runs_twice()
    {
        await Executor.PlanScheduledAsync(CancellationToken.None);
        await Executor.PlanScheduledAsync(CancellationToken.None);
        var occurrence = new ScheduledJob(FlakyJob.ScheduledKind, Every: TimeSpan.FromHours(1)).LatestOccurrence(app.Clock.GetUtcNow().UtcDateTime);
        var key = $"schedule:{FlakyJob.ScheduledKind}:{occurrence:yyyyMMddHHmm}";
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<JobRecord>().CountAsync(j => j.IdempotencyKey == key)));
    }

    [Fact]
    public void A_daily_schedule_runs_at_the_Helsinki_time_across_daylight_saving()
    {
        var nightly = new ScheduledJob("x", DailyAt: new TimeOnly(2, 0));
        // Summer (UTC+3): 02:00 in Helsinki is 23:00 UTC the day before.
        Assert.Equal(new DateTime(2026, 6, 30, 23, 0, 0, DateTimeKind.Utc), nightly.LatestOccurrence(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        // Winter (UTC+2): 02:00 in Helsinki is 00:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), nightly.LatestOccurrence(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc)));
        // At 01:30 in Helsinki (23:30 UTC), before today's run time, the latest occurrence is yesterday's.
        Assert.Equal(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc), nightly.LatestOccurrence(new DateTime(2026, 11, 29, 23, 30, 0, DateTimeKind.Utc)));
    }
}
