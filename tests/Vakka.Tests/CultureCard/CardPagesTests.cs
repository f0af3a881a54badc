using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

/// <summary>A distributor site registers, changes, extends, ends and replaces cards, as its staff see it.</summary>
[Collection(AppCollection.Name)]
public sealed class CardPagesTests(VakkaFactory app)
{
    private sealed record Network(Area Area, Site Distributor, Account DistributorAccount, Site OtherDistributor, Account OtherAccount);

    private async Task<Network> NetworkAsync()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app, "Kotikunta");
        var site = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var other = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        return new(area, site, await TestData.SiteAccountAsync(app, site, Role.DistributorSite),
            other, await TestData.SiteAccountAsync(app, other, Role.DistributorSite));
    }

    private static Dictionary<string, string> Personal(string code, string birthYear = "1990", string children = "2", string postal = "00100") => new()
    {
        ["Input.Code"] = code, ["Input.Type"] = "Personal", ["Input.BirthYear"] = birthYear, ["Input.PostalCode"] = postal,
        ["Input.ChildrenCount"] = children, ["Input.Gender"] = "Female", ["Input.LifeSituationId"] = "3",
    };

    private Task<Card?> CardAsync(string code) => app.WithDbAsync(db => db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code));

    [Fact]
    public async Task A_distributor_registers_a_scanned_card_valid_for_a_year_with_history_and_audit()
    {
        var n = await NetworkAsync();
        var code = (await CardData.CodesAsync(app, n.Area))[0];
        var client = await AppClient.SignedInAsync(app, n.DistributorAccount.UserName!);

        var page = await client.SubmitAsync("/culturecard/cards/register", Personal(CardCode.Display(code).ToLowerInvariant()));

        var card = await CardAsync(code);
        Assert.NotNull(card);
        Assert.Equal(n.Distributor.Id, card.IssuingSiteId);
        Assert.Equal(card.IssuedOn.AddYears(1).AddDays(-1), card.ValidUntil);
        Assert.Equal((1990, "00100", 2, Gender.Female, 3), (card.BirthYear!.Value, card.PostalCode!, card.ChildrenCount, card.Gender!.Value, card.LifeSituationId!.Value));
        Assert.Equal(app.Text("CultureCard.CardState.Valid"), page.QuerySelector("[data-testid=card-state]")!.TextContent.Replace("✔", "").Trim());
        Assert.Contains(app.Text("CultureCard.CardEventKind.Issued"), page.QuerySelector("[data-testid=timeline]")!.TextContent);

        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "CultureCard.CardRegister" && r.ActorAccountId == n.DistributorAccount.Id).ToListAsync());
        var row = Assert.Single(audit);
        Assert.Contains(card.Id.Value.ToString(), row.SubjectIds);
        Assert.DoesNotContain(code, row.Canonical());
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Bad_registrations_are_refused_field_by_field_in_the_users_language_and_nothing_is_saved(string language)
    {
        var n = await NetworkAsync();
        var code = (await CardData.CodesAsync(app, n.Area))[0];
        var typo = code[..^1] + CardCode.Alphabet.First(c => c != code[^1]);
        var client = await AppClient.SignedInAsync(app, n.DistributorAccount.UserName!, language: language);
        var thisYear = DateTime.UtcNow.Year;

        var page = await client.SubmitAsync("/culturecard/cards/register", Personal(typo, birthYear: (thisYear - 10).ToString(), children: "", postal: "123"));

        Assert.Equal(app.Text("CultureCard.Card.CheckCharacterWrong", language), page.QuerySelector("#Input_Code-error")!.TextContent);
        Assert.Equal(string.Format(app.Text("CultureCard.Card.BirthYearTooYoung", language), thisYear - 16), page.QuerySelector("#Input_BirthYear-error")!.TextContent);
        Assert.Equal(app.Text("CultureCard.Card.ChildrenRequired", language), page.QuerySelector("#Input_ChildrenCount-error")!.TextContent);
        Assert.Equal(app.Text("Validation.PostalCode.Format", language), page.QuerySelector("#Input_PostalCode-error")!.TextContent);
        Assert.Equal(typo, page.QuerySelector("#Input_Code")!.GetAttribute("value")); // the form keeps what was typed
        Assert.Null(await CardAsync(typo));
        Assert.Null(await CardAsync(code));

        var unprinted = await client.SubmitAsync("/culturecard/cards/register", Personal(CardCode.NewCode()));
        Assert.Equal(app.Text("CultureCard.Card.NotPrinted", language), unprinted.QuerySelector("#Input_Code-error")!.TextContent);
    }

    [Fact]
    public async Task An_id_is_registered_once_even_when_two_sites_try_at_the_same_moment()
    {
        var n = await NetworkAsync();
        var code = (await CardData.CodesAsync(app, n.Area))[0];
        var first = await AppClient.SignedInAsync(app, n.DistributorAccount.UserName!);
        var second = await AppClient.SignedInAsync(app, n.OtherAccount.UserName!);

        var both = await Task.WhenAll(
            first.PostFormAsync("/culturecard/cards/register", Personal(code)),
            second.PostFormAsync("/culturecard/cards/register", Personal(code)));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        var page = await AppClient.ParseAsync(refused);
        Assert.Equal(app.Text("CultureCard.Card.AlreadyRegistered"), page.QuerySelector("#Input_Code-error")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Card>().CountAsync(c => c.Code == code)));

        var again = await first.SubmitAsync("/culturecard/cards/register", Personal(code));
        Assert.Equal(app.Text("CultureCard.Card.AlreadyRegistered"), again.QuerySelector("#Input_Code-error")!.TextContent);
    }

    [Fact]
    public async Task A_card_printed_for_another_area_or_a_backdated_issue_beyond_the_limit_is_refused()
    {
        var n = await NetworkAsync();
        var otherArea = await TestData.AreaAsync(app, "Muukunta");
        var foreign = (await CardData.CodesAsync(app, otherArea))[0];
        await CardData.RulesAsync(app, n.Area, r => r.IssueBackdateDays = 7);
        var client = await AppClient.SignedInAsync(app, n.DistributorAccount.UserName!);

        var page = await client.SubmitAsync("/culturecard/cards/register", Personal(foreign));
        Assert.Equal(app.Text("CultureCard.Card.PrintedForAnotherArea"), page.QuerySelector("#Input_Code-error")!.TextContent);

        var code = (await CardData.CodesAsync(app, n.Area))[0];
        var fields = Personal(code);
        var today = Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System);
        fields["Input.IssuedOn"] = today.AddDays(-10).ToString("yyyy-MM-dd");
        var late = await client.SubmitAsync("/culturecard/cards/register", fields);
        Assert.Equal(string.Format(app.Text("CultureCard.Card.IssuedTooLongAgo"), 7), late.QuerySelector("#Input_IssuedOn-error")!.TextContent);

        fields["Input.IssuedOn"] = today.AddDays(-5).ToString("yyyy-MM-dd");
        await client.SubmitAsync("/culturecard/cards/register", fields);
        var card = await CardAsync(code);
        Assert.Equal((today.AddDays(-5), today.AddDays(-5).AddYears(1).AddDays(-1)), (card!.IssuedOn, card.ValidUntil));
    }

    [Fact]
    public async Task A_pilot_end_caps_the_validity_and_a_community_card_takes_a_group_up_to_the_area_limit()
    {
        var n = await NetworkAsync();
        var pilotEnd = Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System).AddMonths(3);
        await CardData.RulesAsync(app, n.Area, r => { r.PilotEndsOn = pilotEnd; r.CommunityGroupMax = 8; });
        var codes = await CardData.CodesAsync(app, n.Area, 3);
        var client = await AppClient.SignedInAsync(app, n.DistributorAccount.UserName!);

        await client.SubmitAsync("/culturecard/cards/register", Personal(codes[0]));
        Assert.Equal(pilotEnd, (await CardAsync(codes[0]))!.ValidUntil);

        var tooBig = await client.SubmitAsync("/culturecard/cards/register", new() { ["Input.Code"] = codes[1], ["Input.Type"] = "Community", ["Input.GroupSize"] = "9" });
        Assert.Equal(string.Format(app.Text("CultureCard.Card.GroupSizeRange"), 8), tooBig.QuerySelector("#Input_GroupSize-error")!.TextContent);
        Assert.Null(await CardAsync(codes[1]));

        await client.SubmitAsync("/culturecard/cards/register", new() { ["Input.Code"] = codes[1], ["Input.Type"] = "Community", ["Input.GroupSize"] = "8" });
        var community = await CardAsync(codes[1]);
        Assert.Equal((CardType.Community, 8, 8, (int?)null, (string?)null), (community!.Type, community.GroupSize!.Value, community.ChildrenAllowed, community.BirthYear, community.PostalCode));
    }

    [Fact]
    public async Task The_issuing_site_extends_changes_ends_and_replaces_a_card_and_the_history_keeps_it_all()
    {
        var n = await NetworkAsync();
        var today = Vakka.Platform.Finnish.HelsinkiTime.Today(TimeProvider.System);
        var card = await CardData.CardAsync(app, n.Distributor, n.Area, c => { c.IssuedOn = today.AddYears(-1); c.ValidUntil = today.AddDays(-3); });
        var client = await AppClient.SignedInAsync(app, n.DistributorAccount.UserName!);
        var url = $"/culturecard/cards/details/{card.Id}";

        var expired = await client.GetPageAsync(url);
        Assert.Contains(app.Text("CultureCard.CardState.Expired"), expired.QuerySelector("[data-testid=card-state]")!.TextContent);

        await client.SubmitAsync(url, [], handler: "Extend");
        var extended = (await app.WithDbAsync(db => db.Set<Card>().AsNoTracking().SingleAsync(c => c.Id == card.Id)));
        Assert.Equal(today.AddYears(1).AddDays(-1), extended.ValidUntil);

        var changed = await client.SubmitAsync($"/culturecard/cards/edit/{card.Id}", new() { ["Input.ChildrenCount"] = "3", ["Input.PostalCode"] = "00530" });
        Assert.Equal("3", changed.QuerySelector("[data-testid=children]")!.TextContent);

        var newCode = (await CardData.CodesAsync(app, n.Area))[0];
        var replacedPage = await client.SubmitAsync($"/culturecard/cards/replace/{card.Id}", new() { ["NewCode"] = newCode });
        var old = await app.WithDbAsync(db => db.Set<Card>().AsNoTracking().SingleAsync(c => c.Id == card.Id));
        var replacement = (await CardAsync(newCode))!;
        Assert.Equal((CardStatus.Ended, EndReason.Replaced, replacement.Id), (old.Status, old.EndReason!.Value, old.ReplacedByCardId!.Value));
        Assert.Equal((3, "00530", old.ValidUntil, card.Id), (replacement.ChildrenCount, replacement.PostalCode!, replacement.ValidUntil, replacement.ReplacesCardId!.Value));
        var timeline = replacedPage.QuerySelector("[data-testid=timeline]")!.TextContent;
        foreach (var kind in new[] { "Issued", "Extended", "Changed", "Replaced" })
            Assert.Contains(app.Text($"CultureCard.CardEventKind.{kind}"), timeline);

        var ended = await client.SubmitAsync($"/culturecard/cards/details/{replacement.Id}", new() { ["reason"] = "MovedAway" }, handler: "End");
        Assert.Contains(app.Text("CultureCard.CardState.Ended"), ended.QuerySelector("[data-testid=card-state]")!.TextContent);
        Assert.Equal(EndReason.MovedAway, (await CardAsync(newCode))!.EndReason);
    }

    [Fact]
    public async Task Another_distributor_cannot_see_or_renew_the_card_and_the_area_coordinator_can_act_for_any_site()
    {
        var n = await NetworkAsync();
        var card = await CardData.CardAsync(app, n.Distributor, n.Area);
        var other = await AppClient.SignedInAsync(app, n.OtherAccount.UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/culturecard/cards/details/{card.Id}")).StatusCode);
        // A forged post with a valid antiforgery token (taken from a form the site may use) is still refused.
        var forged = await other.PostFormAsync("/culturecard/cards/register", new() { ["version"] = "0" }, postUrl: $"/culturecard/cards/details/{card.Id}?handler=Extend");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(card.ValidUntil, (await CardAsync(card.Code))!.ValidUntil);
        Assert.DoesNotContain(card.Code, (await other.GetPageAsync("/culturecard/cards")).QuerySelector("[data-testid=cards]")!.TextContent);
        Assert.Contains(await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode == "CultureCard.CardRead" && r.Outcome == AuditOutcome.Denied).Select(r => r.TargetIds).ToListAsync()),
            t => t.Contains(card.Id.Value.ToString()));

        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(n.Area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/culturecard/cards/details/{card.Id}")).StatusCode);
        var venueOrg = await TestData.OrganisationAsync(app);
        var venue = await TestData.SiteAsync(app, venueOrg, n.Area, SiteType.Venue);
        var venueAccount = await TestData.SiteAccountAsync(app, venue, Role.VenueSite);
        var venueClient = await AppClient.SignedInAsync(app, venueAccount.UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await venueClient.GetAsync("/culturecard/cards/register")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await venueClient.GetAsync($"/culturecard/cards/details/{card.Id}")).StatusCode);
    }
}
