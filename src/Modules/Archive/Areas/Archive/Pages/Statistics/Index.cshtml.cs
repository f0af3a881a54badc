using Microsoft.AspNetCore.Mvc;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Features.Statistics;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.Statistics;

/// <summary>
/// /archive/statistics: the registrar's archived versions per Helsinki month of a year, by service task and by
/// document type (tables with a chart), the growth warning, and a CSV or Excel export (?format=xlsx).
/// </summary>
public sealed class IndexModel(ArchiveStatistics statistics) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Registrar { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public ArchiveStatisticsView? View { get; private set; }

    [Requires(ArchiveAction.ViewStatistics), Audited(ArchiveAudit.StatisticsRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await statistics.ReadAsync(await ActorAsync(), Registrar, Year, ct);
        if (outcome.Value is not { } view) return StatusCode(outcome.Status);
        View = view;
        return Page();
    }

    [Requires(ArchiveAction.ViewStatistics), Audited(ArchiveAudit.StatisticsExport)]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var outcome = await statistics.ReadAsync(await ActorAsync(), Registrar, Year, ct);
        if (outcome.Value is not { } view) return StatusCode(outcome.Status);
        var (header, rows) = ArchiveStatistics.Table(view, key => Texts[key], t => ArchivePageTexts.ServiceTask(t.Code), t => ArchivePageTexts.DocumentType(t.System, t.Code));
        return format == "xlsx"
            ? File(TableExport.Xlsx(header, rows), TableExport.XlsxContentType, $"arkisto-tilasto-{view.Year}.xlsx")
            : File(TableExport.Csv(header, rows), TableExport.CsvContentType, $"arkisto-tilasto-{view.Year}.csv");
    }

    public string MonthName(int month) => Texts[$"Archive.Stats.Month.{month}"];
}
