using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Retention;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Archive.Features.Statistics;

public sealed record CodeCount(string System, string Code, int Versions);

public sealed record MonthCount(int Month, int Versions);

/// <summary>
/// The growth rule (issue 5): the versions archived in the last 12 months minus those of the 12 months before; above
/// the configured threshold the growth must be notified to the national operator (Kanta).
/// </summary>
public sealed record Growth(int LastTwelveMonths, int TwelveMonthsBefore, long Threshold)
{
    public long Increase => (long)LastTwelveMonths - TwelveMonthsBefore;

    public bool MustNotify => Increase > Threshold;
}

public sealed record ArchiveStatisticsView(Guid RegistrarId, string RegistrarOid, int Year, IReadOnlyList<int> Years,
    IReadOnlyList<MonthCount> Months, IReadOnlyList<CodeCount> ServiceTasks, IReadOnlyList<CodeCount> DocumentTypes, Growth Growth)
{
    public int Total => Months.Sum(m => m.Versions);
}

/// <summary>
/// The registrar's volume statistics (design §f /archive/statistics): archived versions per Helsinki month of
/// archived_at for a year, and the year's versions by service task and by document type. Every version counts, voided
/// and destroyed ones included (the rows stay; they were archived). Straight GROUP BY queries on ar_document.
/// </summary>
public sealed class ArchiveStatistics(VakkaDb db, IOrganisationDirectory organisations, TimeProvider clock, AuditContext audit, IOptions<ArchiveOptions> options)
{
    public async Task<ArchiveOutcome<ArchiveStatisticsView>> ReadAsync(Actor actor, string? registrar, int? year, CancellationToken ct)
    {
        var (org, refusal) = await RegistrarChoice.ChooseAsync(organisations, Destruction.ArchivistOrganisations(actor), registrar, ct);
        if (refusal is not null) return new ArchiveOutcome<ArchiveStatisticsView>(refusal.Status, null, refusal.Errors);
        audit.Target(org.Value);
        var today = HelsinkiTime.Today(clock);
        var chosen = year is { } y && y >= 2000 && y <= today.Year ? y : today.Year;
        var mine = db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == org);

        var months = new List<MonthCount>(12);
        for (var month = 1; month <= 12; month++)
        {
            var (from, to) = (HelsinkiTime.ToUtc(new DateOnly(chosen, month, 1)), HelsinkiTime.ToUtc(new DateOnly(chosen, month, 1).AddMonths(1)));
            months.Add(new MonthCount(month, await mine.CountAsync(d => d.ArchivedAt >= from && d.ArchivedAt < to, ct)));
        }
        var (start, end) = (HelsinkiTime.ToUtc(new DateOnly(chosen, 1, 1)), HelsinkiTime.ToUtc(new DateOnly(chosen + 1, 1, 1)));
        var inYear = mine.Where(d => d.ArchivedAt >= start && d.ArchivedAt < end);
        var tasks = await inYear.GroupBy(d => d.ServiceTaskCode).Select(g => new CodeCount("", g.Key, g.Count())).ToListAsync(ct);
        var types = await inYear.GroupBy(d => new { d.DocTypeSystem, d.DocTypeCode })
            .Select(g => new CodeCount(g.Key.DocTypeSystem, g.Key.DocTypeCode, g.Count())).ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var (yearAgo, twoYearsAgo) = (now.AddYears(-1), now.AddYears(-2));
        var growth = new Growth(await mine.CountAsync(d => d.ArchivedAt > yearAgo && d.ArchivedAt <= now, ct),
            await mine.CountAsync(d => d.ArchivedAt > twoYearsAgo && d.ArchivedAt <= yearAgo, ct), options.Value.YearlyGrowthWarning);

        var first = await mine.Select(d => (DateTime?)d.ArchivedAt).MinAsync(ct);
        var firstYear = first is { } f ? HelsinkiTime.ToLocal(f).Year : today.Year;
        var years = Enumerable.Range(firstYear, today.Year - firstYear + 1).Reverse().ToList();
        var oid = await organisations.GetAsync(org, ct) is { } info ? info.Oid.Value : "";
        return ArchiveOutcome<ArchiveStatisticsView>.Ok(new ArchiveStatisticsView(org.Value, oid, chosen, years, months,
            [.. tasks.OrderByDescending(t => t.Versions).ThenBy(t => t.Code, StringComparer.Ordinal)],
            [.. types.OrderByDescending(t => t.Versions).ThenBy(t => t.Code, StringComparer.Ordinal)], growth));
    }

    /// <summary>
    /// The statistics as one table for export (<see cref="TableExport"/>: CSV or Excel): section, code, name, versions;
    /// the months first (code yyyy-MM), then the service tasks and the document types with their code-list names.
    /// </summary>
    public static (string[] Header, List<object?[]> Rows) Table(ArchiveStatisticsView view, Func<string, string> text,
        Func<CodeCount, string> serviceTaskName, Func<CodeCount, string> typeName)
    {
        string[] header = [text("Archive.Stats.Section"), text("Archive.Stats.Code"), text("Archive.Stats.Name"), text("Archive.Stats.Versions")];
        var rows = new List<object?[]>();
        foreach (var m in view.Months) rows.Add([text("Archive.Stats.ByMonth"), $"{view.Year}-{m.Month:00}", "", m.Versions]);
        foreach (var t in view.ServiceTasks) rows.Add([text("Archive.Stats.ByServiceTask"), t.Code, serviceTaskName(t), t.Versions]);
        foreach (var t in view.DocumentTypes) rows.Add([text("Archive.Stats.ByDocumentType"), t.Code, typeName(t), t.Versions]);
        return (header, rows);
    }
}
