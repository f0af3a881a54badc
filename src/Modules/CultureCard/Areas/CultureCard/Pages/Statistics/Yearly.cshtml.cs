using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Statistics;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Statistics;

/// <summary>The national yearly table, as on the public Kaikukortti statistics page. National totals only, no personal data.</summary>
public sealed class YearlyModel(NationalYearlyTable yearly) : VakkaPageModel
{
    public StatTable? Table { get; private set; }

    [Requires(CultureCardAction.ViewStatistics), Audited(CultureCardAudit.StatisticsRead)]
    public async Task OnGetAsync(CancellationToken ct) => Table = await yearly.HandleAsync(ct);

    [Requires(CultureCardAction.ViewStatistics), Audited(CultureCardAudit.StatisticsExport)]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var table = await yearly.HandleAsync(ct);
        return format == "xlsx"
            ? File(ExportTable.Xlsx(table, Texts, _ => null), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "kaikukortti-vuositilasto.xlsx")
            : File(ExportTable.Csv(table, Texts, _ => null), "text/csv; charset=utf-8", "kaikukortti-vuositilasto.csv");
    }
}
