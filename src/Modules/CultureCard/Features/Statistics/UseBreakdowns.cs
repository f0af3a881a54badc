using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>
/// The uses of a scope and period broken down every way the dashboard shows them: by the key of each breakdown
/// (<see cref="Dim"/>), by month, and the uses outside the card's home area. <see cref="HasCardholders"/>: the
/// distinct cardholders of every key are known too (a site's own numbers, where small cells are hidden).
/// </summary>
public sealed record UseBreakdowns(IReadOnlyDictionary<string, Dictionary<string, UseCounts>> ByDim,
    IReadOnlyDictionary<DateOnly, UseCounts> ByMonth, UseCounts Outside, bool HasCardholders)
{
    public UseCounts Of(string dim, string key) => ByDim.GetValueOrDefault(dim)?.GetValueOrDefault(key) ?? UseCounts.Zero;
    public UseCounts Total => Of(Dim.Total, "");
}

/// <summary>
/// Reads <see cref="UseBreakdowns"/>. National and area scopes (whole months): the rollup up to its
/// <see cref="StatRollupState.UpTo"/>, plus the uses recorded since and minus the older uses cancelled since, read from
/// the uses themselves, so a use recorded a moment ago counts at once. A site's own numbers are read straight from its
/// uses (they are few), with the distinct cardholders of every cell for the privacy rule.
/// </summary>
public sealed class ReadUseBreakdowns(VakkaDb db)
{
    public async Task<UseBreakdowns> HandleAsync(StatisticsScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var uses = Scoped(db.Set<CardUse>().AsNoTracking(), scope).Where(u => u.UseDate >= from && u.UseDate <= to);
        return scope.Level == ScopeLevel.Site
            ? await DirectAsync(uses.Where(u => u.CancelledAt == null), ct)
            : await RolledAsync(scope, from, to, uses, ct);
    }

    /// <summary>How far the rollups go (<see cref="StatRollupState.UpTo"/>), or null if the job has never run.</summary>
    public static Task<DateTime?> RollupUpToAsync(VakkaDb db, CancellationToken ct) =>
        db.Set<StatRollupState>().AsNoTracking().Select(s => (DateTime?)s.UpTo).FirstOrDefaultAsync(ct);

    /// <summary>The uses a scope sees: all; an area's venues' and an area's cards' uses; a site's own (as venue, as issuer, or as the intermediary that recorded them).</summary>
    public static IQueryable<CardUse> Scoped(IQueryable<CardUse> uses, StatisticsScope scope) => scope.Level switch
    {
        ScopeLevel.Area => uses.Where(u => u.VenueAreaId == scope.Area!.Value || u.CardAreaId == scope.Area.Value),
        ScopeLevel.Site => uses.Where(u => u.VenueSiteId == scope.Site!.Value || u.IssuingSiteId == scope.Site.Value || u.DeskSiteId == scope.Site.Value),
        _ => uses,
    };

    /// <summary>The whole country's uses of one breakdown by month and key, over all time (for the yearly national table).</summary>
    public async Task<Dictionary<(DateOnly Month, string Key), UseCounts>> NationalByMonthAsync(Dim dim, CancellationToken ct)
    {
        var result = new Dictionary<(DateOnly, string), UseCounts>();
        void Add(DateOnly month, string key, UseCounts counts) =>
            result[(month, key)] = result.TryGetValue((month, key), out var known) ? known.Plus(counts) : counts;

        var upTo = await RollupUpToAsync(db, ct);
        var uses = db.Set<CardUse>().AsNoTracking();
        if (upTo is not { } since)
        {
            foreach (var a in await dim.ByGrainAsync(uses.Where(u => u.CancelledAt == null), ct)) Add(a.Month, a.Key, a.Counts);
            return result;
        }
        var cells = await db.Set<StatMonth>().AsNoTracking().Where(s => s.Dim == dim.Name).GroupBy(s => new { s.Month, s.Key }).Select(g => new
        {
            g.Key.Month, g.Key.Key, Adults = g.Sum(s => s.Adults), Children = g.Sum(s => s.Children), Assistants = g.Sum(s => s.Assistants),
        }).ToListAsync(ct);
        foreach (var c in cells) Add(c.Month, c.Key, new UseCounts(c.Adults, c.Children, c.Assistants));
        foreach (var a in await dim.ByGrainAsync(uses.Where(u => u.RecordedAt >= since && u.CancelledAt == null), ct)) Add(a.Month, a.Key, a.Counts);
        foreach (var a in await dim.ByGrainAsync(uses.Where(u => u.RecordedAt < since && u.CancelledAt >= since), ct)) Add(a.Month, a.Key, UseCounts.Zero.Minus(a.Counts));
        return result;
    }

    private static async Task<UseBreakdowns> DirectAsync(IQueryable<CardUse> uses, CancellationToken ct)
    {
        var byDim = new Dictionary<string, Dictionary<string, UseCounts>>();
        foreach (var dim in Dim.Rolled) byDim[dim.Name] = await dim.ByKeyAsync(uses, ct);
        var byMonth = (await Dim.ByMonth.ByKeyAsync(uses, ct)).ToDictionary(m => DateOnly.ParseExact(m.Key, "yyyy-MM-dd"), m => m.Value);
        var outside = (await Dim.Rolled[0].ByKeyAsync(uses.Where(u => u.VenueAreaId != u.CardAreaId), ct)).GetValueOrDefault("") ?? UseCounts.Zero;
        return new UseBreakdowns(byDim, byMonth, outside, HasCardholders: true);
    }

    private async Task<UseBreakdowns> RolledAsync(StatisticsScope scope, DateOnly from, DateOnly to, IQueryable<CardUse> uses, CancellationToken ct)
    {
        // The rollup holds whole months; another period is read from the uses alone (exact, only slower).
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        var upTo = wholeMonths ? await RollupUpToAsync(db, ct) : null;

        var byDim = Dim.Rolled.ToDictionary(d => d.Name, _ => new Dictionary<string, UseCounts>());
        var byMonth = new Dictionary<DateOnly, UseCounts>();
        var outside = UseCounts.Zero;
        void Add(string dim, string key, DateOnly month, bool isOutside, UseCounts counts)
        {
            var keys = byDim[dim];
            keys[key] = keys.TryGetValue(key, out var known) ? known.Plus(counts) : counts;
            if (dim != Dim.Total) return;
            byMonth[month] = byMonth.TryGetValue(month, out var m) ? m.Plus(counts) : counts;
            if (isOutside) outside = outside.Plus(counts);
        }

        if (upTo is not null)
        {
            var cells = db.Set<StatMonth>().AsNoTracking().Where(s => s.Month >= from && s.Month <= to);
            if (scope.Level == ScopeLevel.Area) cells = cells.Where(s => s.VenueAreaId == scope.Area!.Value || s.CardAreaId == scope.Area.Value);
            var totals = await cells.GroupBy(s => new { s.Dim, s.Key }).Select(g => new
            {
                g.Key.Dim, g.Key.Key, Adults = g.Sum(s => s.Adults), Children = g.Sum(s => s.Children), Assistants = g.Sum(s => s.Assistants),
            }).ToListAsync(ct);
            foreach (var t in totals.Where(t => byDim.ContainsKey(t.Dim)))
                byDim[t.Dim][t.Key] = new UseCounts(t.Adults, t.Children, t.Assistants);
            var months = await cells.Where(s => s.Dim == Dim.Total).GroupBy(s => new { s.Month, Outside = s.VenueAreaId != s.CardAreaId }).Select(g => new
            {
                g.Key.Month, g.Key.Outside, Adults = g.Sum(s => s.Adults), Children = g.Sum(s => s.Children), Assistants = g.Sum(s => s.Assistants),
            }).ToListAsync(ct);
            foreach (var m in months)
            {
                var counts = new UseCounts(m.Adults, m.Children, m.Assistants);
                byMonth[m.Month] = byMonth.TryGetValue(m.Month, out var known) ? known.Plus(counts) : counts;
                if (m.Outside) outside = outside.Plus(counts);
            }
        }

        var since = upTo ?? DateTime.MinValue;
        var recorded = upTo is null ? uses.Where(u => u.CancelledAt == null) : uses.Where(u => u.RecordedAt >= since && u.CancelledAt == null);
        var cancelled = uses.Where(u => u.RecordedAt < since && u.CancelledAt >= since);
        foreach (var dim in Dim.Rolled)
        {
            foreach (var a in await dim.ByGrainAsync(recorded, ct)) Add(dim.Name, a.Key, a.Month, a.VenueAreaId != a.CardAreaId, a.Counts);
            if (upTo is null) continue;
            foreach (var a in await dim.ByGrainAsync(cancelled, ct)) Add(dim.Name, a.Key, a.Month, a.VenueAreaId != a.CardAreaId, UseCounts.Zero.Minus(a.Counts));
        }
        return new UseBreakdowns(byDim, byMonth, outside, HasCardholders: false);
    }
}
