using System.Globalization;
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
/// The statistics of one scope and period, exact at the moment they are read: a use recorded a moment ago is counted
/// (<see cref="ReadUseBreakdowns"/>). Uses count tickets as the national statistics do (one admission = one use):
/// adults and children apart. Cards: registered in the period, taken into use (first used) in it, active today.
/// </summary>
public sealed class BuildDashboard(VakkaDb db, ISiteDirectory sites, ReadUseBreakdowns breakdowns, ReadCardRegistrations registrations)
{
    public static readonly (string Key, int Min, int Max)[] AgeGroups =
        [("CultureCard.Stats.Age.16to24", 0, 24), ("CultureCard.Stats.Age.25to44", 25, 44), ("CultureCard.Stats.Age.45to64", 45, 64), ("CultureCard.Stats.Age.65plus", 65, 200)];

    private static readonly string[] UseColumns = ["CultureCard.Stats.Uses", "CultureCard.Stats.Adults", "CultureCard.Stats.Children"];
    private static readonly string[] UseColumnsWithHolders = [.. UseColumns, "CultureCard.Stats.Cardholders"];

    public async Task<Dashboard> HandleAsync(StatisticsScope scope, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var cards = Cards(scope);
        var tables = new List<StatTable>();

        var registeredByMonth = await registrations.ByMonthAsync(scope, from, to, ct);
        var registered = (int)registeredByMonth.Values.Sum();
        var takenIntoUse = await cards.CountAsync(c => c.FirstUsedOn >= from && c.FirstUsedOn <= to, ct);
        // Issue dates are never in the future (registration refuses them), so active = not ended and not yet expired.
        var active = await cards.CountAsync(c => c.Status == CardStatus.Active && c.ValidUntil >= today, ct);
        var b = await breakdowns.HandleAsync(scope, from, to, ct);
        var columns = b.HasCardholders ? UseColumnsWithHolders : UseColumns;
        var totals = b.Total;
        // Each summary line is hidden on its own: a count of cards describes that many cardholders.
        var holders = totals.Cardholders ?? 0;
        tables.Add(new StatTable("CultureCard.Stats.Summary", ["CultureCard.Stats.Value"],
        [
            Hide(scope, new("CultureCard.Stats.CardsRegistered", [registered], true), registered),
            Hide(scope, new("CultureCard.Stats.CardsTakenIntoUse", [takenIntoUse], true), takenIntoUse),
            Hide(scope, new("CultureCard.Stats.ActiveCards", [active], true), active),
            Hide(scope, new("CultureCard.Stats.Uses", [totals.Uses], true), holders),
            Hide(scope, new("CultureCard.Stats.Adults", [totals.Adults], true), holders),
            Hide(scope, new("CultureCard.Stats.Children", [totals.Children], true), holders),
            Hide(scope, new("CultureCard.Stats.Assistants", [totals.Assistants], true), holders),
            Hide(scope, new("CultureCard.Stats.OutsideHomeArea", [b.Outside.Uses], true), b.Outside.Cardholders ?? 0),
        ]));

        tables.Add(new StatTable("CultureCard.Stats.ByCategory", columns,
            Enum.GetValues<UseCategory>().Select(c => Row(scope, b, $"CultureCard.Category.{c}", b.Of(Dim.Category, c.ToString()), true)).ToList(), "bar"));

        var months = new List<StatRow>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var u = b.ByMonth.GetValueOrDefault(m) ?? UseCounts.Zero;
            months.Add(Hide(scope, new StatRow($"{m:yyyy-MM}", [registeredByMonth.GetValueOrDefault(m), u.Uses, u.Adults, u.Children]), u.Cardholders ?? 0));
        }
        tables.Add(new StatTable("CultureCard.Stats.ByMonth", ["CultureCard.Stats.CardsRegistered", .. UseColumns], months, "line"));

        var byVenue = b.ByDim[Dim.Venue];
        var byIssuer = b.ByDim[Dim.Issuer];
        var siteIds = byVenue.Keys.Concat(byIssuer.Keys).Distinct().Select(k => new SiteId(Guid.Parse(k))).ToList();
        var names = (await sites.GetManyAsync(siteIds, ct)).ToDictionary(s => s.Id.Value.ToString(), s => s.Name);
        tables.Add(new StatTable("CultureCard.Stats.ByVenue", columns,
            byVenue.Where(v => v.Value.Uses != 0).OrderByDescending(v => v.Value.Uses).Select(v => Row(scope, b, names.GetValueOrDefault(v.Key, "–"), v.Value, false)).ToList()));
        tables.Add(new StatTable("CultureCard.Stats.ByIssuingSite", columns,
            byIssuer.Where(v => v.Value.Uses != 0).OrderByDescending(v => v.Value.Uses).Select(v => Row(scope, b, names.GetValueOrDefault(v.Key, "–"), v.Value, false)).ToList()));

        var byAge = b.ByDim[Dim.Age].Select(a => (Age: a.Key.Length == 0 ? -1 : int.Parse(a.Key, CultureInfo.InvariantCulture), a.Value)).ToList();
        tables.Add(new StatTable("CultureCard.Stats.ByAge", columns, AgeGroups.Select(a =>
            Row(scope, b, a.Key, Sum(byAge.Where(x => x.Age >= a.Min && x.Age <= a.Max).Select(x => x.Value)), true))
            .Append(Row(scope, b, "CultureCard.Stats.NotKnown", Sum(byAge.Where(x => x.Age < 0).Select(x => x.Value)), true)).ToList(), "bar"));

        tables.Add(new StatTable("CultureCard.Stats.ByGender", columns, Enum.GetValues<Gender>().Select(g =>
            Row(scope, b, $"CultureCard.Gender.{g}", b.Of(Dim.Gender, g.ToString()), true))
            .Append(Row(scope, b, "CultureCard.Stats.NotKnown", b.Of(Dim.Gender, ""), true)).ToList(), "doughnut"));

        var situations = await db.Set<LifeSituation>().AsNoTracking().OrderBy(l => l.Order).ToListAsync(ct);
        tables.Add(new StatTable("CultureCard.Stats.ByLifeSituation", columns, situations.Select(s =>
            Row(scope, b, $"lifesituation:{s.Id}", b.Of(Dim.LifeSituation, s.Id.ToString(CultureInfo.InvariantCulture)), false))
            .Append(Row(scope, b, "CultureCard.Stats.NotKnown", b.Of(Dim.LifeSituation, ""), true)).ToList(), "bar"));

        tables.Add(new StatTable("CultureCard.Stats.ByPostalArea", columns,
            b.ByDim[Dim.PostalArea].Where(p => p.Value.Uses != 0).OrderBy(p => p.Key.Length == 0 ? "~" : p.Key)
                .Select(p => p.Key.Length == 0 ? Row(scope, b, "CultureCard.Stats.NotKnown", p.Value, true) : Row(scope, b, p.Key + "xxx", p.Value, false)).ToList()));

        return new Dashboard(scope, from, to, tables);
    }

    /// <summary>Adds up the counts of several keys (ages into an age group: within one year a holder has one age, so the cardholders add up too).</summary>
    private static UseCounts Sum(IEnumerable<UseCounts> counts) => counts.Aggregate(UseCounts.Zero, (a, c) => a.Plus(c));

    private static StatRow Row(StatisticsScope scope, UseBreakdowns b, string label, UseCounts c, bool isKey) =>
        Hide(scope, new StatRow(label, b.HasCardholders ? [c.Uses, c.Adults, c.Children, c.Cardholders ?? 0] : [c.Uses, c.Adults, c.Children], isKey),
            c.Cardholders ?? 0);

    /// <summary>Hides a row describing 1–4 cardholders from viewers outside the coordinators (0 stays 0: nothing to protect).</summary>
    private static StatRow Hide(StatisticsScope scope, StatRow row, int cardholders) =>
        scope.HideSmallCells && cardholders is > 0 and < Privacy.MinimumCardholders ? row with { Values = row.Values.Select(_ => (long?)null).ToList() } : row;

    private IQueryable<Card> Cards(StatisticsScope scope)
    {
        return ReadCardRegistrations.Scoped(db.Set<Card>().AsNoTracking(), scope);
    }
}
