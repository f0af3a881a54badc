using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Statistics;

public sealed record Dashboard(StatisticsScope Scope, DateOnly From, DateOnly To, IReadOnlyList<StatTable> Tables)
{
    public StatTable Table(string key) => Tables.First(t => t.Key == key);
}

/// <summary>
/// The statistics of one scope and period, straight from the register: a use recorded a moment ago is counted. Uses
/// count tickets as the national statistics do (one admission = one use): adults and children apart.
/// </summary>
public sealed class BuildDashboard(VakkaDb db, ISiteDirectory sites)
{
    public static readonly (string Key, int Min, int Max)[] AgeGroups =
        [("CultureCard.Stats.Age.16to24", 0, 24), ("CultureCard.Stats.Age.25to44", 25, 44), ("CultureCard.Stats.Age.45to64", 45, 64), ("CultureCard.Stats.Age.65plus", 65, 200)];

    private static readonly string[] UseColumns = ["CultureCard.Stats.Uses", "CultureCard.Stats.Adults", "CultureCard.Stats.Children", "CultureCard.Stats.Cardholders"];

    public async Task<Dashboard> HandleAsync(StatisticsScope scope, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var uses = Uses(scope).Where(u => u.CancelledAt == null && u.UseDate >= from && u.UseDate <= to);
        var cards = Cards(scope);
        var tables = new List<StatTable>();

        var registered = await cards.CountAsync(c => c.IssuedOn >= from && c.IssuedOn <= to, ct);
        var firstUses = Uses(scope).Where(u => u.CancelledAt == null).GroupBy(u => u.CardId).Select(g => g.Min(u => u.UseDate));
        var takenIntoUse = await firstUses.CountAsync(d => d >= from && d <= to, ct);
        var active = await cards.CountAsync(c => c.Status == CardStatus.Active && c.IssuedOn <= today && c.ValidUntil >= today, ct);
        var totals = await uses.GroupBy(u => 1).Select(g => new
        {
            Uses = g.Sum(u => u.AdultTickets + u.ChildTickets), Adults = g.Sum(u => u.AdultTickets), Children = g.Sum(u => u.ChildTickets),
            Assistants = g.Sum(u => u.AssistantTickets), Cardholders = g.Select(u => u.CardId).Distinct().Count(),
        }).FirstOrDefaultAsync(ct);
        var outside = await uses.Where(u => u.VenueAreaId != u.CardAreaId).SumAsync(u => u.AdultTickets + u.ChildTickets, ct);
        // Each summary line is hidden on its own: a count of cards describes that many cardholders.
        var holders = totals?.Cardholders ?? 0;
        tables.Add(new StatTable("CultureCard.Stats.Summary", ["CultureCard.Stats.Value"],
        [
            Hide(scope, new("CultureCard.Stats.CardsRegistered", [registered], true), registered),
            Hide(scope, new("CultureCard.Stats.CardsTakenIntoUse", [takenIntoUse], true), takenIntoUse),
            Hide(scope, new("CultureCard.Stats.ActiveCards", [active], true), active),
            Hide(scope, new("CultureCard.Stats.Uses", [totals?.Uses ?? 0], true), holders),
            Hide(scope, new("CultureCard.Stats.Adults", [totals?.Adults ?? 0], true), holders),
            Hide(scope, new("CultureCard.Stats.Children", [totals?.Children ?? 0], true), holders),
            Hide(scope, new("CultureCard.Stats.Assistants", [totals?.Assistants ?? 0], true), holders),
            Hide(scope, new("CultureCard.Stats.OutsideHomeArea", [outside], true), holders),
        ]));

        var byCategory = await uses.GroupBy(u => u.Category).Select(g => new Group<UseCategory>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        tables.Add(new StatTable("CultureCard.Stats.ByCategory", UseColumns,
            Enum.GetValues<UseCategory>().Select(c => Row(scope, $"CultureCard.Category.{c}", byCategory.FirstOrDefault(g => g.Key == c), true)).ToList(), "bar"));

        var byMonth = await uses.GroupBy(u => new { u.UseDate.Year, u.UseDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Adults = g.Sum(u => u.AdultTickets), Children = g.Sum(u => u.ChildTickets), Cardholders = g.Select(u => u.CardId).Distinct().Count() })
            .ToListAsync(ct);
        var registeredByMonth = await cards.Where(c => c.IssuedOn >= from && c.IssuedOn <= to)
            .GroupBy(c => new { c.IssuedOn.Year, c.IssuedOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var months = new List<StatRow>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var u = byMonth.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month);
            var r = registeredByMonth.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month);
            months.Add(Hide(scope, new StatRow($"{m:yyyy-MM}", [r?.Count ?? 0, (u?.Adults ?? 0) + (u?.Children ?? 0), u?.Adults ?? 0, u?.Children ?? 0]), u?.Cardholders ?? 0));
        }
        tables.Add(new StatTable("CultureCard.Stats.ByMonth", ["CultureCard.Stats.CardsRegistered", .. UseColumns[..3]], months, "line"));

        var byVenue = await uses.GroupBy(u => u.VenueSiteId).Select(g => new Group<SiteId>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        var byIssuer = await uses.GroupBy(u => u.IssuingSiteId).Select(g => new Group<SiteId>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        var names = (await sites.GetManyAsync(byVenue.Select(v => v.Key).Concat(byIssuer.Select(i => i.Key)).ToList(), ct)).ToDictionary(s => s.Id, s => s.Name);
        tables.Add(new StatTable("CultureCard.Stats.ByVenue", UseColumns,
            byVenue.OrderByDescending(v => v.Adults + v.Children).Select(v => Row(scope, names.GetValueOrDefault(v.Key, "–"), v, false)).ToList()));
        tables.Add(new StatTable("CultureCard.Stats.ByIssuingSite", UseColumns,
            byIssuer.OrderByDescending(v => v.Adults + v.Children).Select(v => Row(scope, names.GetValueOrDefault(v.Key, "–"), v, false)).ToList()));

        var byAge = await uses.GroupBy(u => u.BirthYear == null ? -1 : u.UseDate.Year - u.BirthYear.Value)
            .Select(g => new Group<int>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        tables.Add(new StatTable("CultureCard.Stats.ByAge", UseColumns, AgeGroups.Select(a =>
            Row(scope, a.Key, Sum(byAge.Where(x => x.Key >= a.Min && x.Key <= a.Max)), true)).Append(Row(scope, "CultureCard.Stats.NotKnown", Sum(byAge.Where(x => x.Key < 0)), true)).ToList(), "bar"));

        var byGender = await uses.GroupBy(u => u.Gender).Select(g => new Group<Gender?>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        tables.Add(new StatTable("CultureCard.Stats.ByGender", UseColumns, Enum.GetValues<Gender>().Select(g =>
            Row(scope, $"CultureCard.Gender.{g}", byGender.FirstOrDefault(x => x.Key == g), true)).Append(Row(scope, "CultureCard.Stats.NotKnown", byGender.FirstOrDefault(x => x.Key == null), true)).ToList(), "doughnut"));

        var situations = await db.Set<LifeSituation>().AsNoTracking().OrderBy(l => l.Order).ToListAsync(ct);
        var bySituation = await uses.GroupBy(u => u.LifeSituationId).Select(g => new Group<int?>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        tables.Add(new StatTable("CultureCard.Stats.ByLifeSituation", UseColumns, situations.Select(s =>
            Row(scope, $"lifesituation:{s.Id}", bySituation.FirstOrDefault(x => x.Key == s.Id), false)).Append(Row(scope, "CultureCard.Stats.NotKnown", bySituation.FirstOrDefault(x => x.Key == null), true)).ToList(), "bar"));

        var byPostal = await uses.GroupBy(u => u.PostalArea).Select(g => new Group<string?>(g.Key, g.Sum(u => u.AdultTickets), g.Sum(u => u.ChildTickets), g.Select(u => u.CardId).Distinct().Count())).ToListAsync(ct);
        tables.Add(new StatTable("CultureCard.Stats.ByPostalArea", UseColumns,
            byPostal.OrderBy(p => p.Key ?? "~").Select(p => p.Key is null ? Row(scope, "CultureCard.Stats.NotKnown", p, true) : Row(scope, p.Key + "xxx", p, false)).ToList()));

        return new Dashboard(scope, from, to, tables);
    }

    private sealed record Group<T>(T Key, int Adults, int Children, int Cardholders);

    private static Group<int> Sum<T>(IEnumerable<Group<T>> groups)
    {
        var list = groups.ToList();
        return new Group<int>(0, list.Sum(g => g.Adults), list.Sum(g => g.Children), list.Sum(g => g.Cardholders));
    }

    private static StatRow Row<T>(StatisticsScope scope, string label, Group<T>? g, bool isKey) =>
        Hide(scope, new StatRow(label, [(g?.Adults ?? 0) + (g?.Children ?? 0), g?.Adults ?? 0, g?.Children ?? 0, g?.Cardholders ?? 0], isKey), g?.Cardholders ?? 0);

    /// <summary>Hides a row describing 1–4 cardholders from viewers outside the coordinators (0 stays 0: nothing to protect).</summary>
    private static StatRow Hide(StatisticsScope scope, StatRow row, int cardholders) =>
        scope.HideSmallCells && cardholders is > 0 and < Privacy.MinimumCardholders ? row with { Values = row.Values.Select(_ => (long?)null).ToList() } : row;

    /// <summary>
    /// The uses a scope sees: all; an area's venues' and an area's cards' uses; a site's own (as venue, as issuer, or as
    /// the ticket intermediary that recorded them).
    /// </summary>
    private IQueryable<CardUse> Uses(StatisticsScope scope)
    {
        var uses = db.Set<CardUse>().AsNoTracking();
        return scope.Level switch
        {
            ScopeLevel.Area => uses.Where(u => u.VenueAreaId == scope.Area!.Value || u.CardAreaId == scope.Area.Value),
            ScopeLevel.Site => uses.Where(u => u.VenueSiteId == scope.Site!.Value || u.IssuingSiteId == scope.Site.Value || u.DeskSiteId == scope.Site.Value),
            _ => uses,
        };
    }

    private IQueryable<Card> Cards(StatisticsScope scope)
    {
        var cards = db.Set<Card>().AsNoTracking();
        return scope.Level switch
        {
            ScopeLevel.Area => cards.Where(c => c.AreaId == scope.Area!.Value),
            ScopeLevel.Site => cards.Where(c => c.IssuingSiteId == scope.Site!.Value),
            _ => cards,
        };
    }
}
