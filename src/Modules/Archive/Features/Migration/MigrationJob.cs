using Microsoft.Extensions.Options;
using Vakka.Archive.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Jobs;

namespace Vakka.Archive.Features.Migration;

public sealed record MigrationJobPayload(Guid RunId, int Slice);

/// <summary>
/// Archive.Migrate: works a run for one slice (<see cref="MigrationOptions.SliceDuration"/>, shorter than the job
/// runner's lease, which is not renewed), then plans the next slice. A node that dies mid-slice leaves its job
/// claimed; when the lease ends another node claims it and the runner resumes after the last committed batch.
/// </summary>
internal sealed class MigrationJob(MigrationRunner runner, JobPlanner jobs, VakkaDb db, IOptions<MigrationOptions> options, TimeProvider clock)
    : JobHandler<MigrationJobPayload>
{
    public const string JobKind = "Archive.Migrate";

    public override string Kind => JobKind;

    public static string Key(MigrationRunId run, int slice) => $"{JobKind}:{run}:{slice}";

    protected override async Task HandleAsync(MigrationJobPayload payload, CancellationToken ct)
    {
        var run = new MigrationRunId(payload.RunId);
        var outcome = await runner.RunAsync(run, options.Value.SliceDuration, null, ct);
        if (outcome == MigrationSlice.Finished) return;
        // Paused: the next slice at once; Busy (another migration of the registrar holds the lock): a little later.
        var at = outcome == MigrationSlice.Busy ? clock.GetUtcNow().UtcDateTime.AddSeconds(30) : (DateTime?)null;
        await jobs.PlanAsync(JobKind, payload with { Slice = payload.Slice + 1 }, Key(run, payload.Slice + 1), at, ct: ct);
        await db.SaveChangesAsync(ct);
    }
}
