using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Jobs;

namespace Vakka.Archive.Features.Migration;

public sealed record StartRequest(string? Folder, string? SourceSystem, MigrationKind Kind);

/// <summary>
/// Starts a dry run or a run of one source folder (design §g.4–g.5): the folder must be one the import root offers,
/// the source system a short name (the ledger's key with the old ids), a run needs a mapping table, and a registrar runs
/// one migration at a time. The run is numbered per registrar (the number is part of its document OIDs) and records
/// the mapping table it starts with. The page plans the background job; the operator command runs it at once.
/// </summary>
public sealed partial class StartMigration(VakkaDb db, MigrationRunner runner, JobPlanner jobs, TimeProvider clock, AuditContext audit)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$")]
    private static partial Regex SourceName();

    /// <summary>Where the server looks for source folders (shown to archivists so that they can tell the operator).</summary>
    public string ImportRootName => runner.ImportRoot;

    /// <summary>The sub-folders of the import root that hold a metadata file, by name.</summary>
    public IReadOnlyList<string> Folders()
    {
        var root = runner.ImportRoot;
        if (!Directory.Exists(root)) return [];
        return [.. Directory.EnumerateDirectories(root).Where(LegacyMetadata.IsSourceFolder).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Creates the run (Queued); <paramref name="planJob"/> plans the job that works it.</summary>
    public async Task<(MigrationRunId? Run, IReadOnlyList<MigrationProblem> Problems)> StartAsync(Actor actor, OrganisationId registrar, StartRequest request,
        bool planJob, bool anyFolder, CancellationToken ct)
    {
        audit.Target(registrar.Value);
        var problems = new List<MigrationProblem>();
        var folder = request.Folder?.Trim() ?? "";
        if (folder.Length == 0) problems.Add(new MigrationProblem("FOLDER_MISSING", Column: "folder"));
        else if (anyFolder ? !Directory.Exists(folder) || !LegacyMetadata.IsSourceFolder(folder) : !Folders().Contains(folder, StringComparer.Ordinal))
            problems.Add(new MigrationProblem("FOLDER_UNKNOWN", Column: "folder"));
        var source = string.IsNullOrWhiteSpace(request.SourceSystem) ? Path.GetFileName(folder.TrimEnd('/', '\\')) : request.SourceSystem.Trim();
        if (!SourceName().IsMatch(source)) problems.Add(new MigrationProblem("SOURCE_SYSTEM_INVALID", Column: "sourceSystem"));
        var mapping = MappingTable.FromStored(await db.Set<MappingRow>().AsNoTracking().Where(r => r.RegistrarOrgId == registrar).ToListAsync(ct));
        if (request.Kind == MigrationKind.Run && mapping.Rows.Count == 0) problems.Add(new MigrationProblem("MAPPING_EMPTY"));
        if (await db.Set<MigrationRun>().AnyAsync(r => r.RegistrarOrgId == registrar && (r.Status == MigrationStatus.Queued || r.Status == MigrationStatus.Running), ct))
            problems.Add(new MigrationProblem("MIGRATION_BUSY"));
        if (problems.Count > 0) return (null, problems);

        var number = (await db.Set<MigrationRun>().Where(r => r.RegistrarOrgId == registrar).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var run = new MigrationRun
        {
            Id = MigrationRunId.New(), RegistrarOrgId = registrar, Number = number, Kind = request.Kind, Folder = folder, SourceSystem = source,
            MappingSha256 = mapping.Sha256, MappingRows = mapping.Rows.Count, Status = MigrationStatus.Queued, StartedBy = actor.AccountId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(run);
        if (planJob) await jobs.PlanAsync(MigrationJob.JobKind, new MigrationJobPayload(run.Id.Value, 1), MigrationJob.Key(run.Id, 1), ct: ct);
        if (!(await db.SaveOrConflictAsync(ct)).IsOk) return (null, [new MigrationProblem("MIGRATION_BUSY")]);
        audit.Target(run.Id.Value);
        return (run.Id, []);
    }
}
