using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.CultureCard.Features.Statistics;
using Vakka.Platform.Data;
using Vakka.Platform.Localisation;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Statistics;

/// <summary>The dashboard: the scope (national, area, site) and year chosen; charts where people look, tables where they read.</summary>
public sealed class IndexModel(StatisticsScopes scopes, BuildDashboard build, CardClock clock, VakkaDb db) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<StatisticsScope> Scopes { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Dashboard? Dashboard { get; private set; }
    private Dictionary<string, string> situationNames = [];

    public string ExportBase => $"/culturecard/statistics?handler=Export&scope={Uri.EscapeDataString(Dashboard!.Scope.Key)}&year={Year}";

    public string Label(StatRow row) => row.LabelIsKey ? Texts[row.Label] : situationNames.GetValueOrDefault(row.Label) ?? row.Label;

    [Requires(CultureCardAction.ViewStatistics), Audited(CultureCardAudit.StatisticsRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : StatusCode(403);

    [Requires(CultureCardAction.ViewStatistics), Audited(CultureCardAudit.StatisticsExport)]
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return StatusCode(403);
        var chosen = Dashboard!.Tables.FirstOrDefault(t => t.Key == table);
        if (chosen is null) return NotFound();
        var name = $"kaikukortti-{chosen.Key.Split('.')[^1].ToLowerInvariant()}-{Year}";
        return format == "xlsx"
            ? File(ExportTable.Xlsx(chosen, Texts, k => situationNames.GetValueOrDefault(k)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(ExportTable.Csv(chosen, Texts, k => situationNames.GetValueOrDefault(k)), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Scopes = await scopes.AvailableAsync(await ActorAsync(), ct);
        var scope = Scopes.FirstOrDefault(s => s.Key == Scope) ?? (Scope is null ? Scopes.FirstOrDefault() : null);
        if (scope is null) return false;
        Scope = scope.Key;
        var today = clock.Today;
        var first = await db.Set<Card>().MinAsync(c => (DateOnly?)c.IssuedOn, ct) ?? today;
        Years = Enumerable.Range(first.Year, today.Year - first.Year + 1).Reverse().ToList();
        Year = Year is { } y && Years.Contains(y) ? y : today.Year;
        var language = TextCatalog.LanguageOf(CultureInfo.CurrentUICulture);
        situationNames = (await db.Set<LifeSituation>().AsNoTracking().ToListAsync(ct)).ToDictionary(l => $"lifesituation:{l.Id}", l => l.Name(language));
        Dashboard = await build.HandleAsync(scope, new DateOnly(Year.Value, 1, 1), new DateOnly(Year.Value, 12, 31), today, ct);
        if (scope.Area is { } area) Audit.Target(area.Value);
        if (scope.Site is { } site) Audit.Target(site.Value);
        return true;
    }
}
