using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

/// <summary>The dashboard counts exactly what is in the register, at once, and hides small cells from site accounts.</summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsTests(VakkaFactory app)
{
    private static readonly DateOnly Today = HelsinkiTime.Today(TimeProvider.System);

    private async Task<CardUse> UseAsync(Card card, Site venue, Area venueArea, UseCategory category, int adults, int children, DateOnly? on = null)
    {
        var use = new CardUse
        {
            Id = UseId.New(), CardId = card.Id, VenueSiteId = venue.Id, VenueAreaId = venueArea.Id, DeskSiteId = venue.Id, EventName = "Test", Category = category,
            UseDate = on ?? Today, AdultTickets = adults, ChildTickets = children, InputMethod = InputMethod.Typed, RecordedAt = DateTime.UtcNow,
            CardAreaId = card.AreaId, IssuingSiteId = card.IssuingSiteId, CardType = card.Type, BirthYear = card.BirthYear, Gender = card.Gender,
            LifeSituationId = card.LifeSituationId, PostalArea = card.PostalCode?[..2],
        };
        // As the desk records it: the use, and the card's first use.
        await app.WithDbAsync(async db => { db.Add(use); await db.SaveChangesAsync(); await CardFirstUse.RecordedAsync(db, card, use.UseDate, default); });
        return use;
    }

    private static long? Cell(AngleSharp.Html.Dom.IHtmlDocument page, string table, string row, int column)
    {
        var tr = page.QuerySelectorAll($"[data-testid={table}] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == row);
        var text = tr.QuerySelectorAll("td")[column].TextContent.Trim();
        return text == "<5" ? null : long.Parse(text.Replace("\u00a0", "").Replace(" ", "").Replace(",", ""));
    }

    [Fact]
    public async Task An_area_coordinator_sees_exact_counts_that_follow_a_new_use_at_once()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Tilastola");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue, "Uimahalli Testi");
        var cards = new List<Card>();
        for (var i = 0; i < 6; i++) cards.Add(await CardData.CardAsync(app, distributor, area, c => { c.BirthYear = 1960 + i; c.Gender = i % 2 == 0 ? Gender.Female : Gender.Male; }));
        await UseAsync(cards[0], venue, area, UseCategory.Sport, 1, 2);
        await UseAsync(cards[1], venue, area, UseCategory.Sport, 1, 0);
        await UseAsync(cards[2], venue, area, UseCategory.Culture, 1, 1);
        var cancelled = await UseAsync(cards[3], venue, area, UseCategory.Culture, 1, 0);
        await app.WithDbAsync(async db =>
        {
            await db.Set<CardUse>().Where(u => u.Id == cancelled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CancelledAt, DateTime.UtcNow));
            await CardFirstUse.RecomputeAsync(db, cancelled.CardId, default);
        });

        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var url = $"/culturecard/statistics?scope=area:{area.Id}&year={Today.Year}";
        var page = await client.GetPageAsync(url);

        string Summary(string key) => page.QuerySelector($"[data-testid=summary-{key}] .stat-value")!.TextContent.Replace("\u00a0", "").Replace(" ", "");
        Assert.Equal(("6", "6", "3"), (Summary("CardsRegistered"), Summary("Uses"), Summary("CardsTakenIntoUse")));
        Assert.Equal("6", Summary("ActiveCards"));
        Assert.Equal("6", Summary("Uses")); // 3 adults + 3 children; the cancelled use does not count
        var sport = app.Text("CultureCard.Category.Sport");
        Assert.Equal(4, Cell(page, "culturecard-stats-bycategory", sport, 0)); // tickets: 1 + 2 and 1
        Assert.Equal(2, Cell(page, "culturecard-stats-bycategory", sport, 2));
        Assert.Equal(6, Cell(page, "culturecard-stats-byvenue", "Uimahalli Testi", 0));
        // Coordinators see no cardholder column (it is there for hiding small cells from site accounts).
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=culturecard-stats-byvenue] thead th").Length - 1);

        await UseAsync(cards[4], venue, area, UseCategory.Science, 1, 0);
        var after = await client.GetPageAsync(url);
        Assert.Equal("7", after.QuerySelector("[data-testid=summary-Uses] .stat-value")!.TextContent.Trim());
        Assert.Equal("4", after.QuerySelector("[data-testid=summary-CardsTakenIntoUse] .stat-value")!.TextContent.Trim());

        // Another area's coordinator cannot choose this area.
        var otherArea = await TestData.AreaAsync(app, "Muualla");
        var other = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(otherArea.Id.Value)));
        var otherPage = await (await AppClient.SignedInAsync(app, other.UserName!)).GetPageAsync(url);
        Assert.DoesNotContain(otherPage.QuerySelectorAll("#scope option"), o => o.GetAttribute("value") == $"area:{area.Id}");
    }

    [Fact]
    public async Task A_site_account_sees_its_own_numbers_with_cells_of_fewer_than_five_cardholders_hidden()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Pienila");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue, "Pieni museo");
        var account = await TestData.SiteAccountAsync(app, venue, Role.VenueSite);
        var cards = new List<Card>();
        for (var i = 0; i < 7; i++) cards.Add(await CardData.CardAsync(app, distributor, area));
        for (var i = 0; i < 6; i++) await UseAsync(cards[i], venue, area, UseCategory.Culture, 1, 0);
        await UseAsync(cards[6], venue, area, UseCategory.Sport, 1, 0);

        var client = await AppClient.SignedInAsync(app, account.UserName!);
        var page = await client.GetPageAsync("/culturecard/statistics");
        Assert.Equal(6, Cell(page, "culturecard-stats-bycategory", app.Text("CultureCard.Category.Culture"), 0));
        Assert.Null(Cell(page, "culturecard-stats-bycategory", app.Text("CultureCard.Category.Sport"), 0)); // one cardholder: hidden
        Assert.Equal(0, Cell(page, "culturecard-stats-bycategory", app.Text("CultureCard.Category.Education"), 0));
        Assert.Single(page.QuerySelectorAll("#scope option"));

        var csv = await client.Http.GetAsync($"/culturecard/statistics?handler=Export&table=CultureCard.Stats.ByCategory&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{app.Text("CultureCard.Stats.ByCategory")};{app.Text("CultureCard.Stats.Uses")};{app.Text("CultureCard.Stats.Adults")};{app.Text("CultureCard.Stats.Children")};{app.Text("CultureCard.Stats.Cardholders")}", lines[0]);
        Assert.Contains($"{app.Text("CultureCard.Category.Culture")};6;6;0;6", lines);
        Assert.Contains($"{app.Text("CultureCard.Category.Sport")};<5;<5;<5;<5", lines);

        var xlsx = await client.Http.GetAsync($"/culturecard/statistics?handler=Export&table=CultureCard.Stats.ByCategory&format=xlsx");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2)); // an Office Open XML package
    }

    [Fact]
    public async Task The_yearly_national_table_has_the_public_columns_and_sums_adults_and_children_by_category()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Vuosila");
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue);
        var lastYear = new DateOnly(Today.Year - 1, 6, 15);
        var card = await CardData.CardAsync(app, distributor, area, c => { c.IssuedOn = lastYear; c.ValidUntil = lastYear.AddYears(1); });
        var before = await YearlyRowAsync(lastYear.Year);
        await UseAsync(card, venue, area, UseCategory.Education, 1, 2, lastYear.AddDays(3));
        var after = await YearlyRowAsync(lastYear.Year);

        // Columns after the year: registered, taken into use, adults ×4, children ×4 (culture, education, science, sport), total, municipalities.
        Assert.Equal(before[4] + 1, after[4]); // adults: education
        Assert.Equal(before[8] + 2, after[8]); // children: education
        Assert.Equal(before[11] + 3, after[11]); // total uses
        Assert.Equal(after[3..11].Sum(), after[11]);
    }

    private async Task<long[]> YearlyRowAsync(int year)
    {
        var national = await TestData.PersonAsync(app, (Role.NationalCoordinator, Scope.Global));
        var page = await (await AppClient.SignedInAsync(app, national.UserName!)).GetPageAsync("/culturecard/statistics/yearly");
        var headers = page.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(13, headers.Count);
        Assert.Equal(app.Text("CultureCard.Yearly.Municipalities"), headers[^1]);
        var row = page.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == year.ToString());
        return [0, .. row.QuerySelectorAll("td").Select(td => long.Parse(td.TextContent.Replace("\u00a0", "").Replace(" ", "").Replace(",", "")))];
    }
}
