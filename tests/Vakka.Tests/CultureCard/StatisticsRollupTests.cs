using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.CultureCard.Features.Statistics;
using Vakka.Directory.Domain;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.CultureCard.DeskKit;

namespace Vakka.Tests.CultureCard;

/// <summary>
/// The statistics rollup never changes a number: the dashboard of an area equals what the uses say, before and after the
/// rollup runs, with uses recorded and cancelled on both sides of its watermark. And each card's first use (the
/// statistics' "taken into use") follows the desk's recordings and cancellations.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsRollupTests(VakkaFactory app)
{
    private DateOnly Today => HelsinkiTime.Today(app.Services.GetRequiredService<TimeProvider>());

    private Task<CardUse> UseAsync(Card card, Site venue, Area venueArea, UseCategory category, int adults, int children, DateTime recordedAt, DateOnly? on = null) =>
        app.WithDbAsync(async db =>
        {
            var use = new CardUse
            {
                Id = UseId.New(), CardId = card.Id, VenueSiteId = venue.Id, VenueAreaId = venueArea.Id, DeskSiteId = venue.Id, EventName = "Testi",
                Category = category, UseDate = on ?? Today, AdultTickets = adults, ChildTickets = children, AssistantTickets = children > 1 ? 1 : 0,
                InputMethod = InputMethod.Typed, RecordedAt = recordedAt, CardAreaId = card.AreaId, IssuingSiteId = card.IssuingSiteId,
                CardType = card.Type, BirthYear = card.BirthYear, Gender = card.Gender, LifeSituationId = card.LifeSituationId, PostalArea = card.PostalCode?[..2],
            };
            db.Add(use);
            await db.SaveChangesAsync();
            await CardFirstUse.RecordedAsync(db, card, use.UseDate, default);
            return use;
        });

    private Task CancelUseAsync(CardUse use, DateTime at) => app.WithDbAsync(async db =>
    {
        await db.Set<CardUse>().Where(u => u.Id == use.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CancelledAt, at));
        await CardFirstUse.RecomputeAsync(db, use.CardId, default);
    });

    private async Task<Dashboard> DashboardAsync(Area area)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var build = scope.ServiceProvider.GetRequiredService<BuildDashboard>();
        var year = Today.Year;
        return await build.HandleAsync(new StatisticsScope(ScopeLevel.Area, area.Id, null, area.Name, false),
            new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Today, default);
    }

    /// <summary>
    /// A moment the next rollup takes in: just after the rollup's watermark (another test may have moved it) and before
    /// now minus <see cref="RefreshStatistics.Margin"/>; rows dated a few milliseconds after it are "older" rows.
    /// </summary>
    private async Task<DateTime> BeforeNextRollupAsync()
    {
        // Run the rollup first, so that the scheduled job (every few minutes, also in the test host) has just been done.
        await RefreshAsync();
        var upTo = await app.WithDbAsync(db => db.Set<StatRollupState>().AsNoTracking().Select(s => s.UpTo).SingleAsync());
        var at = upTo.AddMilliseconds(1);
        while (at.AddMilliseconds(10) >= DateTime.UtcNow - RefreshStatistics.Margin) await Task.Delay(20);
        return at;
    }

    private async Task RefreshAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RefreshStatistics>().HandleAsync(default);
    }

    /// <summary>What the uses of the area say, counted here in the simplest way: (label → uses, adults, children) of every table.</summary>
    private async Task<Dictionary<string, (long, long, long)>> TruthAsync(Area area)
    {
        var year = Today.Year;
        var uses = await app.WithDbAsync(db => db.Set<CardUse>().AsNoTracking()
            .Where(u => (u.VenueAreaId == area.Id || u.CardAreaId == area.Id) && u.CancelledAt == null && u.UseDate.Year == year).ToListAsync());
        var truth = new Dictionary<string, (long, long, long)>();
        void Put(string label, IEnumerable<CardUse> group)
        {
            var list = group.ToList();
            truth[label] = (list.Sum(u => u.AdultTickets + u.ChildTickets), list.Sum(u => u.AdultTickets), list.Sum(u => u.ChildTickets));
        }
        Put("total", uses);
        Put("outside", uses.Where(u => u.VenueAreaId != u.CardAreaId));
        foreach (var c in Enum.GetValues<UseCategory>()) Put($"category:{c}", uses.Where(u => u.Category == c));
        foreach (var g in uses.GroupBy(u => u.UseDate.Month)) Put($"month:{year}-{g.Key:00}", g);
        return truth;
    }

    private static Dictionary<string, (long, long, long)> Shown(Dashboard d)
    {
        static long V(StatRow r, int i) => r.Values[i]!.Value;
        var summary = d.Table("CultureCard.Stats.Summary").Rows.ToDictionary(r => r.Label, r => V(r, 0));
        var shown = new Dictionary<string, (long, long, long)>
        {
            ["total"] = (summary["CultureCard.Stats.Uses"], summary["CultureCard.Stats.Adults"], summary["CultureCard.Stats.Children"]),
        };
        shown["outside"] = (summary["CultureCard.Stats.OutsideHomeArea"], -1, -1);
        foreach (var r in d.Table("CultureCard.Stats.ByCategory").Rows)
            shown[$"category:{r.Label.Split('.')[^1]}"] = (V(r, 0), V(r, 1), V(r, 2));
        foreach (var r in d.Table("CultureCard.Stats.ByMonth").Rows.Where(r => V(r, 1) != 0))
            shown[$"month:{r.Label}"] = (V(r, 1), V(r, 2), V(r, 3));
        return shown;
    }

    private static void AssertSame(Dictionary<string, (long Uses, long Adults, long Children)> truth, Dictionary<string, (long Uses, long Adults, long Children)> shown, string when)
    {
        foreach (var (label, t) in truth)
        {
            var s = shown.GetValueOrDefault(label);
            if (label == "outside") Assert.True(t.Uses == s.Uses, $"{when}: outside {s.Uses}, the uses say {t.Uses}");
            else Assert.True(t == s, $"{when}: {label} shown {s}, the uses say {t}");
        }
        var zeroCategories = shown.Where(s => s.Key.StartsWith("category:", StringComparison.Ordinal) && !truth.ContainsKey(s.Key));
        Assert.All(zeroCategories, s => Assert.Equal(0, s.Value.Uses));
    }

    [Fact]
    public async Task The_dashboard_counts_what_the_uses_say_before_and_after_the_rollup_with_changes_on_both_sides_of_it()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Rullaus");
        var elsewhere = await TestData.AreaAsync(app, "Toisaalla");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue);
        var otherVenue = await TestData.SiteAsync(app, org, elsewhere, SiteType.Venue);
        var cards = new List<Card>();
        for (var i = 0; i < 5; i++) cards.Add(await CardData.CardAsync(app, distributor, area, c => c.ChildrenCount = 3));
        var before = await BeforeNextRollupAsync();
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);

        // Before the rollup's watermark: older uses, one at another area's venue, one cancelled long ago.
        var old = await UseAsync(cards[0], venue, area, UseCategory.Sport, 1, 2, before, monthStart);
        await UseAsync(cards[1], otherVenue, elsewhere, UseCategory.Culture, 1, 0, before, monthStart);
        await UseAsync(cards[2], venue, area, UseCategory.Science, 1, 1, before.AddMilliseconds(3));
        var cancelledLongAgo = await UseAsync(cards[3], venue, area, UseCategory.Education, 1, 0, before.AddMilliseconds(1));
        await CancelUseAsync(cancelledLongAgo, before.AddMilliseconds(2));
        AssertSame(await TruthAsync(area), Shown(await DashboardAsync(area)), "no rollup yet for these uses");

        await RefreshAsync();
        var rolled = await app.WithDbAsync(db => db.Set<StatMonth>().AsNoTracking().Where(s => s.VenueAreaId == area.Id && s.Dim == Dim.Total).SumAsync(s => s.Adults));
        Assert.True(rolled >= 2, "the rollup took the older uses in");
        AssertSame(await TruthAsync(area), Shown(await DashboardAsync(area)), "after the rollup");

        // After the watermark: a new use counts at once, and an older use cancelled now stops counting at once.
        await UseAsync(cards[4], venue, area, UseCategory.Culture, 1, 3, DateTime.UtcNow);
        await CancelUseAsync(old, DateTime.UtcNow);
        var truth = await TruthAsync(area);
        AssertSame(truth, Shown(await DashboardAsync(area)), "recorded and cancelled after the rollup");
        Assert.Equal(1 + 1 + 1 + 1 + 3, truth["total"].Item1); // science 1+1, culture elsewhere 1, culture here 1+3

        await RefreshAsync();
        AssertSame(await TruthAsync(area), Shown(await DashboardAsync(area)), "after the next rollup");
        await RefreshAsync(); // nothing new: nothing changes
        AssertSame(await TruthAsync(area), Shown(await DashboardAsync(area)), "after a rollup with nothing new");
    }

    [Fact]
    public async Task Two_rollups_at_the_same_moment_count_each_use_and_card_once()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Rinnakkain");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue);
        var before = await BeforeNextRollupAsync();
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        for (var i = 0; i < 3; i++)
        {
            var card = await CardData.CardAsync(app, distributor, area, c => (c.ChildrenCount, c.IssuedOn, c.CreatedAt) = (2, monthStart, before));
            await UseAsync(card, venue, area, UseCategory.Culture, 1, 2, before.AddMilliseconds(i), monthStart);
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RefreshAsync)));

        var (adults, children) = await app.WithDbAsync(async db =>
        {
            var cells = await db.Set<StatMonth>().AsNoTracking().Where(s => s.VenueAreaId == area.Id && s.Dim == Dim.Total).ToListAsync();
            return (cells.Sum(c => c.Adults), cells.Sum(c => c.Children));
        });
        Assert.Equal((3L, 6L), (adults, children));
        var registered = await app.WithDbAsync(db => db.Set<StatCardMonth>().AsNoTracking().Where(s => s.AreaId == area.Id).SumAsync(s => s.Registered));
        Assert.Equal(3, registered);
        AssertSame(await TruthAsync(area), Shown(await DashboardAsync(area)), "after rollups at the same moment");
    }

    [Fact]
    public async Task A_cards_first_use_follows_the_desk_recording_earlier_days_and_cancelling()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world, c => c.IssuedOn = c.IssuedOn.AddDays(-10));
        Task<DateOnly?> FirstUseAsync() => app.WithDbAsync(db => db.Set<Card>().Where(c => c.Id == card.Id).Select(c => c.FirstUsedOn).SingleAsync());

        Assert.Null(await FirstUseAsync());
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code))));
        Assert.Equal(Today, await FirstUseAsync());
        var earlier = Today.AddDays(-2);
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code, eventName: "Paperilta",
            change: f => f["Record.UseDate"] = earlier.ToString("yyyy-MM-dd")))));
        Assert.Equal(earlier, await FirstUseAsync());

        var uses = await UsesAsync(app, card.Id);
        await CancelAsync(client, uses.Single(u => u.UseDate == earlier).Id);
        Assert.Equal(Today, await FirstUseAsync());
        await CancelAsync(client, uses.Single(u => u.UseDate == Today).Id);
        Assert.Null(await FirstUseAsync());
    }

    [Fact]
    public async Task Cards_registered_count_the_rolled_up_months_and_the_cards_created_since_and_nothing_twice()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Rekisteröinnit");
        var elsewhere = await TestData.AreaAsync(app, "Muualla");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var otherDistributor = await TestData.SiteAsync(app, org, elsewhere, SiteType.Distributor);
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        var lastMonth = monthStart.AddMonths(-1);
        var before = await BeforeNextRollupAsync();

        // Registered before the rollup's watermark once it runs: two this month, one last month (backdated on paper).
        await CardData.CardAsync(app, distributor, area, c => (c.IssuedOn, c.CreatedAt) = (monthStart, before));
        await CardData.CardAsync(app, distributor, area, c => (c.IssuedOn, c.CreatedAt) = (monthStart, before));
        await CardData.CardAsync(app, distributor, area, c => (c.IssuedOn, c.CreatedAt) = (lastMonth, before));
        await CardData.CardAsync(app, otherDistributor, elsewhere, c => (c.IssuedOn, c.CreatedAt) = (monthStart, before));

        async Task<(long Total, long ThisMonth, long LastMonth)> ShownAsync()
        {
            var d = await DashboardAsync(area);
            var total = d.Table("CultureCard.Stats.Summary").Rows.Single(r => r.Label == "CultureCard.Stats.CardsRegistered").Values[0]!.Value;
            var months = d.Table("CultureCard.Stats.ByMonth").Rows.ToDictionary(r => r.Label, r => r.Values[0]!.Value);
            return (total, months[$"{monthStart:yyyy-MM}"], lastMonth.Year == Today.Year ? months[$"{lastMonth:yyyy-MM}"] : 0);
        }
        var lastMonthInYear = lastMonth.Year == Today.Year ? 1 : 0;
        Assert.Equal((2L + lastMonthInYear, 2L, (long)lastMonthInYear), await ShownAsync());

        await RefreshAsync();
        var rolled = await app.WithDbAsync(db => db.Set<StatCardMonth>().AsNoTracking().Where(s => s.AreaId == area.Id).SumAsync(s => s.Registered));
        Assert.Equal(3, rolled);
        Assert.Equal((2L + lastMonthInYear, 2L, (long)lastMonthInYear), await ShownAsync());

        // Registered now (after the watermark): counted at once from the card itself, and once more after the next rollup only once.
        await CardData.CardAsync(app, distributor, area, c => (c.IssuedOn, c.CreatedAt) = (Today, DateTime.UtcNow));
        Assert.Equal((3L + lastMonthInYear, 3L, (long)lastMonthInYear), await ShownAsync());
        await RefreshAsync();
        Assert.Equal((3L + lastMonthInYear, 3L, (long)lastMonthInYear), await ShownAsync());

        // The national yearly table counts the same cards (this area's and the other one's) from the rollup and the cards.
        await using var scope = app.Services.CreateAsyncScope();
        var yearly = await scope.ServiceProvider.GetRequiredService<NationalYearlyTable>().HandleAsync(default);
        var truth = await app.WithDbAsync(db => db.Set<Card>().CountAsync(c => c.IssuedOn.Year == Today.Year));
        Assert.Equal(truth, yearly.Rows.Single(r => r.Label == Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Values[0]);
    }
}
