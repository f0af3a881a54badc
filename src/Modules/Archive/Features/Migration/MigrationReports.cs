using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using nietras.SeparatedValues;
using Vakka.Archive.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Features.Migration;

public sealed record RunSummary(Guid Id, int Number, MigrationKind Kind, string Folder, string SourceSystem, MigrationStatus Status, long Total,
    long Done, long Archived, long Skipped, long Failed, string? Problem, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, int MappingRows)
{
    /// <summary>Percent done (0–100), for the progress bar.</summary>
    public int Percent => Total <= 0 ? (Status == MigrationStatus.Completed ? 100 : 0) : (int)Math.Min(100, Done * 100 / Total);
}

public sealed record GroupLine(string OldDocumentType, string OldService, string? DocumentTypeCode, string? ServiceTaskCode, long Archived, long Skipped, long Failed);

public sealed record FailureLine(long Record, string? OldDocumentId, string OldDocumentType, string OldService, IReadOnlyList<string> Codes, string? Detail);

public sealed record RunReport(RunSummary Run, IReadOnlyList<GroupLine> Groups, IReadOnlyList<FailureLine> Failures, IReadOnlyList<(string Code, long Count)> Reasons);

/// <summary>What the migration page shows: the runs of a registrar, one run's report by old type and service, its failures (also as CSV).</summary>
public sealed class MigrationReports(VakkaDb db, IOptions<MigrationOptions> options)
{
    public async Task<IReadOnlyList<RunSummary>> RunsAsync(OrganisationId registrar, CancellationToken ct) =>
        (await db.Set<MigrationRun>().AsNoTracking().Where(r => r.RegistrarOrgId == registrar).OrderByDescending(r => r.Number).Take(50).ToListAsync(ct))
        .Select(Summary).ToList();

    public async Task<RunSummary?> SummaryAsync(MigrationRunId id, CancellationToken ct) =>
        await db.Set<MigrationRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run ? Summary(run) : null;

    public async Task<RunReport?> ReportAsync(MigrationRunId id, CancellationToken ct)
    {
        if (await SummaryAsync(id, ct) is not { } summary) return null;
        var groups = await db.Set<MigrationGroup>().AsNoTracking().Where(g => g.RunId == id)
            .Select(g => new GroupLine(g.OldDocumentType, g.OldService, g.DocumentTypeCode, g.ServiceTaskCode, g.Archived, g.Skipped, g.Failed)).ToListAsync(ct);
        var failures = await db.Set<MigrationFailure>().AsNoTracking().Where(f => f.RunId == id).OrderBy(f => f.Record).Take(options.Value.FailuresShown)
            .ToListAsync(ct);
        var codes = await db.Set<MigrationFailure>().AsNoTracking().Where(f => f.RunId == id).GroupBy(f => f.Codes)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var reasons = codes.SelectMany(c => c.Key.Split(',').Select(code => (code, c.Count))).GroupBy(c => c.code)
            .Select(g => (g.Key, g.Sum(c => c.Count))).OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new RunReport(summary,
            [.. groups.OrderByDescending(g => g.Failed).ThenBy(g => g.OldDocumentType, StringComparer.Ordinal).ThenBy(g => g.OldService, StringComparer.Ordinal)],
            [.. failures.Select(Line)], reasons);
    }

    /// <summary>Every failure of a run as CSV (record, old id, old type and service, codes, detail): never a henkilötunnus.</summary>
    public async Task<byte[]> FailuresCsvAsync(MigrationRunId id, CancellationToken ct)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        var any = false;
        await foreach (var failure in db.Set<MigrationFailure>().AsNoTracking().Where(f => f.RunId == id).OrderBy(f => f.Record).AsAsyncEnumerable().WithCancellation(ct))
        {
            any = true;
            using var row = writer.NewRow();
            row["record"].Set(failure.Record.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row["old_document_id"].Set(failure.OldDocumentId ?? "");
            row["old_document_type"].Set(failure.OldDocumentType);
            row["old_service"].Set(failure.OldService);
            row["codes"].Set(failure.Codes.Replace(',', ' '));
            row["detail"].Set(failure.Detail ?? "");
        }
        var text = any ? writer.ToString() : "record,old_document_id,old_document_type,old_service,codes,detail\n";
        return Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
    }

    internal static RunSummary Summary(MigrationRun r) => new(r.Id.Value, r.Number, r.Kind, r.Folder, r.SourceSystem, r.Status, r.Total, r.Done, r.Archived,
        r.Skipped, r.Failed, r.Problem, r.CreatedAt, r.StartedAt, r.FinishedAt, r.MappingRows);

    private static FailureLine Line(MigrationFailure f) => new(f.Record, f.OldDocumentId, f.OldDocumentType, f.OldService, f.Codes.Split(','), f.Detail);
}
