using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>
/// Cards registered, by month of issue: for national and area scopes over whole months, the rollup
/// (<see cref="StatCardMonth"/>) plus the cards created since <see cref="StatRollupState.UpTo"/>, read from the cards; a
/// site's own cards, and any other period, straight from the cards. Exact at the moment it is read either way.
/// </summary>
public sealed class ReadCardRegistrations(VakkaDb db)
{
    /// <summary>The cards a scope's statistics count: all, an area's, or the ones a site issued.</summary>
    public static IQueryable<Card> Scoped(IQueryable<Card> cards, StatisticsScope scope) => scope.Level switch
    {
        ScopeLevel.Area => cards.Where(c => c.AreaId == scope.Area!.Value),
        ScopeLevel.Site => cards.Where(c => c.IssuingSiteId == scope.Site!.Value),
        _ => cards,
    };

    /// <summary>Registrations in [from, to] by month (the first day of each month that has any).</summary>
    public async Task<Dictionary<DateOnly, long>> ByMonthAsync(StatisticsScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<DateOnly, long>();
        void Add(DateOnly month, long count) => result[month] = result.GetValueOrDefault(month) + count;

        var cards = Scoped(db.Set<Card>().AsNoTracking(), scope).Where(c => c.IssuedOn >= from && c.IssuedOn <= to);
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        if (scope.Level != ScopeLevel.Site && wholeMonths && await ReadUseBreakdowns.RollupUpToAsync(db, ct) is { } since)
        {
            var cells = db.Set<StatCardMonth>().AsNoTracking().Where(s => s.Month >= from && s.Month <= to);
            if (scope.Level == ScopeLevel.Area) cells = cells.Where(s => s.AreaId == scope.Area!.Value);
            foreach (var c in await cells.GroupBy(s => s.Month).Select(g => new { Month = g.Key, Count = g.Sum(s => s.Registered) }).ToListAsync(ct))
                Add(c.Month, c.Count);
            cards = cards.Where(c => c.CreatedAt >= since);
        }
        foreach (var m in await cards.GroupBy(c => new { c.IssuedOn.Year, c.IssuedOn.Month })
                     .Select(g => new { g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync(ct))
            Add(new DateOnly(m.Year, m.Month, 1), m.Count);
        return result;
    }

    /// <summary>The whole country's registrations by year of issue and area, over all time (for the yearly national table).</summary>
    public async Task<Dictionary<(int Year, AreaId Area), long>> NationalByYearAndAreaAsync(CancellationToken ct)
    {
        var result = new Dictionary<(int, AreaId), long>();
        void Add(int year, AreaId area, long count) => result[(year, area)] = result.GetValueOrDefault((year, area)) + count;

        var cards = db.Set<Card>().AsNoTracking();
        if (await ReadUseBreakdowns.RollupUpToAsync(db, ct) is { } since)
        {
            foreach (var c in await db.Set<StatCardMonth>().AsNoTracking().GroupBy(s => new { s.Month.Year, s.AreaId })
                         .Select(g => new { g.Key.Year, g.Key.AreaId, Count = g.Sum(s => s.Registered) }).ToListAsync(ct))
                Add(c.Year, c.AreaId, c.Count);
            cards = cards.Where(c => c.CreatedAt >= since);
        }
        foreach (var c in await cards.GroupBy(c => new { c.IssuedOn.Year, c.AreaId })
                     .Select(g => new { g.Key.Year, g.Key.AreaId, Count = g.LongCount() }).ToListAsync(ct))
            Add(c.Year, c.AreaId, c.Count);
        return result;
    }
}
