using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.CultureCard.DeskKit;

namespace Vakka.Tests.CultureCard;

/// <summary>The ticket desk over HTTP as a venue's site account: every answer, recording, refusing, cancelling, the today view.</summary>
[Collection(AppCollection.Name)]
public sealed class DeskPagesTests(VakkaFactory app)
{
    public static TheoryData<string> Languages => ["fi", "sv", "en"];

    private DateOnly Today => HelsinkiTime.Today(app.Services.GetRequiredService<TimeProvider>());

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_lookup_outcome_is_answered_with_its_code_and_a_message_in_the_users_language(string language)
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world, language);
        var today = Today;

        // Valid: children allowed and valid until.
        var valid = await CardAsync(app, world, c => c.ChildrenCount = 3);
        var page = await LookupAsync(client, valid.Code);
        Assert.Equal("CARD_VALID", Outcome(page));
        Assert.Equal(app.Text("CultureCard.Desk.Outcome.Valid", language), Title(page));
        Assert.Equal(Text(app, "CultureCard.Desk.Answer.Valid", language, valid.ValidUntil, 3), Message(page));
        Assert.Equal("3", page.QuerySelector("[data-testid=desk-children-allowed]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=desk-record-form]"));

        // A community card: its group size.
        var community = await CardAsync(app, world, c => { c.Type = CardType.Community; c.GroupSize = 7; c.ChildrenCount = 0; c.BirthYear = null; });
        page = await LookupAsync(client, community.Code);
        Assert.Equal("CARD_VALID", Outcome(page));
        Assert.Equal(Text(app, "CultureCard.Desk.Answer.ValidCommunity", language, community.ValidUntil, 7), Message(page));

        // Expired: the date and "renew where it was issued"; no record form.
        var expired = await CardAsync(app, world, c => { c.IssuedOn = today.AddYears(-1).AddDays(-5); c.ValidUntil = today.AddDays(-5); });
        page = await LookupAsync(client, expired.Code);
        Assert.Equal("CARD_EXPIRED", Outcome(page));
        Assert.Equal(app.Text("CultureCard.Desk.Outcome.Expired", language), Title(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.Expired", language, expired.ValidUntil), Message(page));
        Assert.Null(page.QuerySelector("[data-testid=desk-record-form]"));

        // Ended.
        var ended = await CardAsync(app, world, c => { c.Status = CardStatus.Ended; c.EndedOn = today.AddDays(-1); c.EndReason = EndReason.Lost; });
        page = await LookupAsync(client, ended.Code);
        Assert.Equal("CARD_ENDED", Outcome(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.Ended", language, today.AddDays(-1)), Message(page));

        // Not found: an unknown ID, and an ID printed in a batch but not registered yet (typed in lower case with a space).
        var unknown = CardCode.NewCode();
        page = await LookupAsync(client, unknown);
        Assert.Equal("CARD_NOT_FOUND", Outcome(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.NotFound", language, CardCode.Display(unknown)), Message(page));
        var printed = (await CardData.CodesAsync(app, world.Area))[0];
        page = await LookupAsync(client, CardCode.Display(printed).ToLowerInvariant());
        Assert.Equal("CARD_NOT_FOUND", Outcome(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.NotRegistered", language, CardCode.Display(printed)), Message(page));

        // A typo: the check character does not match.
        var typo = valid.Code[..^1] + CardCode.Alphabet[(CardCode.Alphabet.IndexOf(valid.Code[^1]) + 1) % CardCode.Alphabet.Length];
        page = await LookupAsync(client, typo);
        Assert.Equal("CHECK_CHARACTER_INVALID", Outcome(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.CheckCharacterInvalid", language, CardCode.Display(typo)), Message(page));

        // Not in this network: a local-only area's card at a venue of another area, and a card of an area no longer active.
        var localArea = await TestData.AreaAsync(app);
        await CardData.RulesAsync(app, localArea, r => r.LocalOnly = true);
        var localSite = await TestData.SiteAsync(app, world.Organisation, localArea, SiteType.Distributor);
        var local = await CardData.CardAsync(app, localSite, localArea);
        page = await LookupAsync(client, local.Code);
        Assert.Equal("NOT_IN_NETWORK", Outcome(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.NotInNetwork", language, localArea.Name), Message(page));
        var leftArea = await TestData.AreaAsync(app);
        var leftSite = await TestData.SiteAsync(app, world.Organisation, leftArea, SiteType.Distributor);
        var left = await CardData.CardAsync(app, leftSite, leftArea);
        await app.WithDbAsync(async db => { (await db.Set<Area>().SingleAsync(a => a.Id == leftArea.Id)).IsActive = false; await db.SaveChangesAsync(); });
        page = await LookupAsync(client, left.Code);
        Assert.Equal("NOT_IN_NETWORK", Outcome(page));
        Assert.Equal(app.Text("CultureCard.Refusal.AreaNotActive", language), Message(page));

        // Quota full for the chosen event.
        var concert = await EventAsync(app, world.Venue, "Konsertti " + language, quota: 1);
        await RecordAsync(client, RecordFields(valid.Code, change: f => f["Record.EventId"] = concert.Id.ToString()));
        page = await LookupAsync(client, community.Code, concert.Id);
        Assert.Equal("QUOTA_FULL", Outcome(page));
        Assert.Equal(app.Text("CultureCard.Desk.Outcome.QuotaFull", language), Title(page));
        Assert.Equal(Text(app, "CultureCard.Refusal.QuotaFull", language, concert.Name), Message(page));
    }

    [Fact]
    public async Task A_lookup_writes_an_audit_row_with_the_card_as_its_subject_and_the_QR_web_address_form_works_too()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world);

        var page = await LookupAsync(client, $"https://kaikukortti.example/c/{card.Code}");
        Assert.Equal("CARD_VALID", Outcome(page));

        var row = Assert.Single(await AuditAsync(app, "CultureCard.CardLookup", card.Id));
        Assert.Equal(AuditOutcome.Success, row.Outcome);
        Assert.Equal(world.VenueAccount.Id, row.ActorAccountId);
        Assert.Contains(world.Venue.Id.Value.ToString(), row.TargetIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("ÄÖÅ-123")]
    [InlineData("'; DROP TABLE cc_card; --")]
    public async Task Malformed_IDs_get_a_clear_answer_never_an_error(string input)
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);

        var response = await PostAsync(client, "Lookup", new() { ["Lookup.Code"] = input });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        if (string.IsNullOrWhiteSpace(input))
        {
            Assert.Equal("INPUT_INVALID", Outcome(page));
            Assert.Equal(app.Text("CultureCard.Desk.CodeRequired"), Message(page));
        }
        else
        {
            Assert.Equal("CARD_NOT_FOUND", Outcome(page));
            var template = app.Text("CultureCard.Refusal.Malformed");
            Assert.EndsWith(template[(template.IndexOf('}') + 1)..], Message(page));
        }
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_huge_ID_and_an_event_of_another_venue_are_refused_plainly()
    {
        var world = await WorldAsync(app);
        var other = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world);

        var huge = await LookupAsync(client, new string('A', 20_000));
        Assert.Equal("CARD_NOT_FOUND", Outcome(huge));
        Assert.True(Message(huge)!.Length < 300, "the answer does not echo the whole input");

        var foreign = await EventAsync(app, other.Venue, "Vieras tapahtuma");
        var page = await LookupAsync(client, card.Code, foreign.Id);
        Assert.Equal("INPUT_INVALID", Outcome(page));
        Assert.Equal(app.Text("CultureCard.Desk.EventUnknown"), Message(page));
    }

    [Fact]
    public async Task Recording_a_use_saves_the_snapshot_of_the_card_a_history_line_and_an_audit_row_naming_the_card()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world, c => { c.Gender = Gender.Female; c.LifeSituationId = 3; c.PostalCode = "33720"; c.BirthYear = 1975; });
        var exhibition = await EventAsync(app, world.Venue, "Näyttely", category: UseCategory.Science);

        var page = await RecordAsync(client, RecordFields(card.Code, children: 2, change: f =>
        {
            f["Record.EventId"] = exhibition.Id.ToString();
            f["Record.Assistants"] = "1";
        }));

        Assert.Equal("USE_RECORDED", Outcome(page));
        Assert.Equal(app.Text("CultureCard.Desk.Recorded"), Title(page));
        Assert.Equal(Text(app, "CultureCard.Desk.RecordedSummary", "en", 1, 2, 1, "Näyttely"), Message(page));
        var use = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal((world.Venue.Id, world.Area.Id, exhibition.Id, "Näyttely", UseCategory.Science), (use.VenueSiteId, use.VenueAreaId, use.EventId!.Value, use.EventName, use.Category));
        Assert.Equal((1, 2, 1, InputMethod.Scanner, Today), (use.AdultTickets, use.ChildTickets, use.AssistantTickets, use.InputMethod, use.UseDate));
        Assert.Equal(world.VenueAccount.Id, use.RecordedBy!.Value.Value);
        Assert.Equal((card.AreaId, card.IssuingSiteId, CardType.Personal, 1975, Gender.Female, 3, "33"),
            (use.CardAreaId, use.IssuingSiteId, use.CardType, use.BirthYear!.Value, use.Gender!.Value, use.LifeSituationId!.Value, use.PostalArea));

        var line = Assert.Single(await HistoryAsync(app, card.Id), e => e.Kind == CardEventKind.Used);
        Assert.Equal((use.Id, world.Venue.Id), (line.UseId!.Value, line.BySite!.Value));

        var row = Assert.Single(await AuditAsync(app, "CultureCard.UseRecord", card.Id));
        Assert.Equal(AuditOutcome.Success, row.Outcome);
        Assert.Contains(use.Id.Value.ToString(), row.TargetIds);
        Assert.Equal(card.Id.Value.ToString(), row.SubjectIds);
    }

    [Fact]
    public async Task Expired_ended_unknown_and_foreign_cards_record_nothing()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var today = Today;
        var expired = await CardAsync(app, world, c => { c.IssuedOn = today.AddYears(-1).AddDays(-1); c.ValidUntil = today.AddDays(-1); });
        var ended = await CardAsync(app, world, c => { c.Status = CardStatus.Ended; c.EndedOn = today; c.EndReason = EndReason.Replaced; });
        var localArea = await TestData.AreaAsync(app);
        await CardData.RulesAsync(app, localArea, r => r.LocalOnly = true);
        var local = await CardData.CardAsync(app, await TestData.SiteAsync(app, world.Organisation, localArea, SiteType.Distributor), localArea);

        foreach (var (card, code) in new[] { (expired, "CARD_EXPIRED"), (ended, "CARD_ENDED"), (local, "NOT_IN_NETWORK") })
        {
            var page = await RecordAsync(client, RecordFields(card.Code));
            Assert.Equal(code, Outcome(page));
            Assert.EndsWith(app.Text("CultureCard.Desk.NothingRecorded"), Message(page));
            Assert.Empty(await UsesAsync(app, card.Id));
            Assert.DoesNotContain(await HistoryAsync(app, card.Id), e => e.Kind == CardEventKind.Used);
            Assert.Equal(AuditOutcome.Invalid, Assert.Single(await AuditAsync(app, "CultureCard.UseRecord", card.Id)).Outcome);
        }
        Assert.Equal(Text(app, "CultureCard.Refusal.Replaced", "en", today) + " " + app.Text("CultureCard.Desk.NothingRecorded"),
            Message(await RecordAsync(client, RecordFields(ended.Code))));

        var unknown = await RecordAsync(client, RecordFields(CardCode.NewCode()));
        Assert.Equal("CARD_NOT_FOUND", Outcome(unknown));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CardUse>().CountAsync(u => u.VenueSiteId == world.Venue.Id)));
    }

    public static TheoryData<string, string, string, string> BadForms => new()
    {
        { "Record.Children", "3", "Record.Children", "CultureCard.Desk.TooManyChildren" },
        { "Record.Children", "-1", "Record.Children", "CultureCard.Desk.NotNegative" },
        { "Record.Children", "abc", "Record.Children", "Validation.ValueInvalid" },
        { "Record.Children", "99999999999999", "Record.Children", "Validation.ValueInvalid" },
        { "Record.Assistants", "-2", "Record.Assistants", "CultureCard.Desk.NotNegative" },
        { "Record.Assistants", "500", "Record.Assistants", "CultureCard.Desk.TooManyAssistants" },
        { "Record.Adults", "2", "Record.Adults", "CultureCard.Desk.AdultsPersonal" },
        { "Record.UseDate", "+1", "Record.UseDate", "CultureCard.Desk.DateInFuture" },
        { "Record.UseDate", "-31", "Record.UseDate", "CultureCard.Desk.DateTooOld" },
        { "Record.UseDate", "not a date", "Record.UseDate", "Validation.ValueInvalid" },
        { "Record.EventName", "", "Record.EventName", "CultureCard.Desk.EventNameRequired" },
        { "Record.EventName", "x201", "Record.EventName", "Validation.TooLong" },
        { "Record.Category", "", "Record.Category", "CultureCard.Desk.CategoryRequired" },
        { "Record.Category", "Circus", "Record.Category", "Validation.ValueInvalid" },
        { "Record.EventId", "not-a-guid", "Record.EventId", "Validation.ValueInvalid" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Bad_record_input_gets_a_localised_field_message_and_saves_nothing(string field, string value, string errorField, string key)
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world, "fi");
        var card = await CardAsync(app, world, c => c.IssuedOn = Today.AddYears(-1).AddDays(1));
        var sent = value switch
        {
            "+1" => Today.AddDays(1).ToString("yyyy-MM-dd"),
            "-31" => Today.AddDays(-31).ToString("yyyy-MM-dd"),
            "x201" => new string('x', 201),
            _ => value,
        };

        var response = await PostAsync(client, "Record", RecordFields(card.Code, change: f => f[field] = sent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);

        Assert.Equal("INPUT_INVALID", Outcome(page));
        object[] args = key switch
        {
            "CultureCard.Desk.TooManyChildren" => [2],
            "CultureCard.Desk.TooManyAssistants" => [10],
            "CultureCard.Desk.DateTooOld" => [30],
            "Validation.ValueInvalid" => [sent],
            "Validation.TooLong" => [app.Text("CultureCard.Desk.EventName", "fi"), 200],
            _ => [],
        };
        Assert.Equal(Text(app, key, "fi", args), FieldError(page, errorField));
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary]"));
        Assert.Empty(await UsesAsync(app, card.Id));
    }

    [Fact]
    public async Task A_second_use_at_the_same_event_asks_for_confirmation_and_is_recorded_only_when_confirmed()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world);
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code, eventName: "Sirkus"))));

        var again = await RecordAsync(client, RecordFields(card.Code, eventName: " sirkus "));
        Assert.Equal("CONFIRM_REPEAT", Outcome(again));
        Assert.Equal(app.Text("CultureCard.Desk.AlreadyUsed"), Title(again));
        Assert.Equal("true", again.QuerySelector("input[name='Record.ConfirmRepeat']")?.GetAttribute("value"));
        Assert.Single(await UsesAsync(app, card.Id));

        // Another event the same day needs no confirmation; confirming records the second use.
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code, eventName: "Uimahalli"))));
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code, eventName: "Sirkus", change: f => f["Record.ConfirmRepeat"] = "true"))));
        Assert.Equal(3, (await UsesAsync(app, card.Id)).Count);
    }

    [Fact]
    public async Task A_community_card_records_the_employee_and_its_group()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world, c => { c.Type = CardType.Community; c.GroupSize = 6; c.ChildrenCount = 0; c.BirthYear = null; c.PostalCode = null; });

        var tooBig = await RecordAsync(client, RecordFields(card.Code, children: 7));
        Assert.Equal(Text(app, "CultureCard.Desk.GroupTooBig", "en", 6), FieldError(tooBig, "Record.Children"));
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code, children: 6))));
        var use = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal((CardType.Community, 1, 6, (string?)null), (use.CardType, use.AdultTickets, use.ChildTickets, use.PostalArea));
    }

    [Fact]
    public async Task A_use_entered_from_paper_may_be_dated_back_within_the_area_limit()
    {
        var world = await WorldAsync(app);
        await CardData.RulesAsync(app, world.Area, r => r.UseBackdateDays = 5);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world, c => c.IssuedOn = Today.AddDays(-20));

        var tooOld = await RecordAsync(client, RecordFields(card.Code, change: f => f["Record.UseDate"] = Today.AddDays(-6).ToString("yyyy-MM-dd")));
        Assert.Equal(Text(app, "CultureCard.Desk.DateTooOld", "en", 5), FieldError(tooOld, "Record.UseDate"));
        var page = await RecordAsync(client, RecordFields(card.Code, change: f => { f["Record.UseDate"] = Today.AddDays(-5).ToString("yyyy-MM-dd"); f["Record.Method"] = "Paper"; }));
        Assert.Equal("USE_RECORDED", Outcome(page));
        var use = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal((Today.AddDays(-5), InputMethod.Paper), (use.UseDate, use.InputMethod));
    }

    [Fact]
    public async Task A_use_is_cancelled_the_same_day_with_a_reason_and_then_no_longer_counts()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world);
        var show = await EventAsync(app, world.Venue, "Teatteri", quota: 3);
        var recorded = await RecordAsync(client, RecordFields(card.Code, children: 2, change: f => f["Record.EventId"] = show.Id.ToString()));
        var use = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal("QUOTA_FULL", Outcome(await LookupAsync(client, (await CardAsync(app, world)).Code, show.Id)));

        // The answer's undo form and the recent use's row post to the use's own address, each with the form token.
        var forms = recorded.QuerySelectorAll("form.desk-undo, form.desk-cancel");
        Assert.Equal(2, forms.Length);
        Assert.All(forms, f => Assert.Equal($"/culturecard/desk?id={use.Id}&handler=Cancel", f.GetAttribute("action")));
        Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        Assert.All(forms, f => Assert.Equal(Enum.GetValues<CancelReason>().Length + 1, f.QuerySelectorAll("select[name=reason] option").Length));

        var noReason = await CancelAsync(client, use.Id, reason: "");
        Assert.Equal(app.Text("CultureCard.Desk.CancelReasonRequired"), Message(noReason));
        Assert.Null((await UsesAsync(app, card.Id)).Single().CancelledAt);

        var page = await CancelAsync(client, use.Id, "RecordedTwice");
        Assert.Equal("USE_CANCELLED", Outcome(page));
        var cancelled = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal((CancelReason.RecordedTwice, world.VenueAccount.Id), (cancelled.CancelReason!.Value, cancelled.CancelledBy!.Value.Value));
        Assert.Contains(await HistoryAsync(app, card.Id), e => e.Kind == CardEventKind.UseCancelled && e.UseId == use.Id);
        Assert.Equal(AuditOutcome.Success, (await AuditAsync(app, "CultureCard.UseCancel", card.Id)).Last().Outcome);

        // The quota is free again, and a second cancel is refused plainly.
        Assert.Equal("CARD_VALID", Outcome(await LookupAsync(client, (await CardAsync(app, world)).Code, show.Id)));
        Assert.Equal(app.Text("CultureCard.Desk.AlreadyCancelled"), Message(await CancelAsync(client, use.Id)));
    }

    [Fact]
    public async Task Another_venue_cannot_cancel_a_use_and_an_unknown_use_is_not_found()
    {
        var world = await WorldAsync(app);
        var other = await WorldAsync(app, world.Area);
        var card = await CardAsync(app, world);
        var client = await ClientAsync(app, world);
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code))));
        var use = Assert.Single(await UsesAsync(app, card.Id));
        var intruder = await ClientAsync(app, other);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(intruder, "Cancel", new() { ["reason"] = "Other" }, $"&id={use.Id}")).StatusCode);
        // The id the declaration checks is the one the handler acts on: a form field cannot smuggle in another use.
        var own = await CardAsync(app, other);
        await RecordAsync(intruder, RecordFields(own.Code));
        var ownUse = Assert.Single(await UsesAsync(app, own.Id));
        await PostAsync(intruder, "Cancel", new() { ["reason"] = "Other", ["id"] = use.Id.ToString() }, $"&id={ownUse.Id}");
        Assert.Null(Assert.Single(await UsesAsync(app, card.Id)).CancelledAt);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "Cancel", new() { ["reason"] = "Other" }, $"&id={Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "Cancel", new() { ["reason"] = "Other" }, "&id=not-a-guid")).StatusCode);
        Assert.Null(Assert.Single(await UsesAsync(app, card.Id)).CancelledAt);
    }

    [Fact]
    public async Task Only_venue_and_intermediary_site_accounts_have_a_desk()
    {
        var area = await TestData.AreaAsync(app);
        var org = await TestData.OrganisationAsync(app);
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var distributorAccount = await TestData.SiteAccountAsync(app, distributor, Role.DistributorSite);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));

        foreach (var user in new[] { distributorAccount.UserName!, coordinator.UserName! })
        {
            var client = await AppClient.SignedInAsync(app, user);
            foreach (var url in new[] { "/culturecard/desk", "/culturecard/desk/today", "/culturecard/desk/today?handler=Counts", "/culturecard/desk/events", "/culturecard/desk/events/edit" })
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        var anonymous = AppClient.For(app);
        var response = await anonymous.GetAsync("/culturecard/desk");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);

        // An intermediary's own site is no desk: it works the desks of the venues it serves (none yet: it is told so).
        var venue = await WorldAsync(app, area);
        var (_, intermediaryAccount) = await IntermediaryAsync(app, venue, serves: false);
        var intermediaryClient = await AppClient.SignedInAsync(app, intermediaryAccount.UserName!);
        Assert.Equal("/culturecard/desk/venues", (await intermediaryClient.GetAsync("/culturecard/desk")).Headers.Location!.OriginalString);
        var choose = await intermediaryClient.GetPageAsync("/culturecard/desk/venues");
        Assert.Equal(app.Text("CultureCard.Desk.Venues.None"), choose.QuerySelector("[data-testid=desk-venues-none]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Forbidden, (await intermediaryClient.GetAsync($"/culturecard/desk?venueId={venue.Venue.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_venue_gets_no_desk()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/culturecard/desk")).StatusCode);
        await app.WithDbAsync(async db => { (await db.Set<Site>().SingleAsync(s => s.Id == world.Venue.Id)).IsActive = false; await db.SaveChangesAsync(); });
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/culturecard/desk")).StatusCode);
    }

    [Fact]
    public async Task The_today_view_counts_adults_children_and_assistants_per_event_and_per_typed_name()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var concert = await EventAsync(app, world.Venue, "Iltakonsertti", quota: 20, at: new TimeOnly(18, 0));
        var a = await CardAsync(app, world);
        var b = await CardAsync(app, world, c => c.ChildrenCount = 4);
        var c = await CardAsync(app, world);
        await RecordAsync(client, RecordFields(a.Code, children: 2, change: f => f["Record.EventId"] = concert.Id.ToString()));
        await RecordAsync(client, RecordFields(b.Code, children: 4, change: f => { f["Record.EventId"] = concert.Id.ToString(); f["Record.Assistants"] = "1"; }));
        await RecordAsync(client, RecordFields(c.Code, children: 1, eventName: "Uinti"));
        await RecordAsync(client, RecordFields(a.Code, eventName: "uinti "));
        await RecordAsync(client, RecordFields(b.Code, eventName: "Peruttu"));
        await CancelAsync(client, (await UsesAsync(app, b.Id)).Single(u => u.EventName == "Peruttu").Id);

        var page = await client.GetPageAsync("/culturecard/desk/today");
        var lines = page.QuerySelectorAll("[data-testid=today-line]").Select(tr => (
            Name: tr.QuerySelector("th")!.TextContent.Trim(),
            Counts: string.Join("/", tr.QuerySelectorAll("td.num").Take(3).Select(td => td.TextContent.Trim())))).ToList();
        Assert.Equal([("Iltakonsertti", "2/6/1"), ("Uinti", "2/1/0")], lines);
        Assert.Equal("4", page.QuerySelector("[data-testid=today-total-adults]")!.TextContent);
        Assert.Equal("7", page.QuerySelector("[data-testid=today-total-children]")!.TextContent);
        Assert.Contains("12 / 20", page.QuerySelector("[data-testid=today-line]")!.TextContent);

        // The live fragment the page polls: the same numbers, without the layout.
        var fragment = await client.GetAsync("/culturecard/desk/today?handler=Counts");
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Equal("4", (await AppClient.ParseAsync(fragment)).QuerySelector("[data-testid=today-total-adults]")!.TextContent);
        Assert.Single(await app.WithDbAsync(db => db.Set<AuditRecord>().Where(r => r.EventCode == "CultureCard.TodayRead" && r.ActorAccountId == world.VenueAccount.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_desk_answers_its_script_with_a_fragment_and_a_full_page_without_it()
    {
        var world = await WorldAsync(app);
        var client = await ClientAsync(app, world);
        var card = await CardAsync(app, world);

        var fragment = await PostAsync(client, "Lookup", new() { ["Lookup.Code"] = card.Code }, fragment: true);
        Assert.Equal("1", fragment.Headers.GetValues("X-Desk-Fragment").Single());
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html);
        Assert.Contains("data-part=\"status\"", html);
        Assert.Equal("CARD_VALID", Outcome(await AppClient.ParseAsync(fragment)));
        // A lookup changes none of the recent uses: the fragment leaves them out and the script keeps its list.
        Assert.DoesNotContain("data-part=\"recent\"", html);
        Assert.Contains("data-part=\"events\"", html);

        var full = await PostAsync(client, "Lookup", new() { ["Lookup.Code"] = card.Code });
        var fullHtml = await AppClient.ParseAsync(full);
        Assert.NotNull(fullHtml.QuerySelector("[data-testid=desk-recent-none], [data-testid=desk-recent]"));

        // A recording's fragment carries the recent uses with the new one, and the card's next answer counts it.
        var recorded = await PostAsync(client, "Record", RecordFields(card.Code), fragment: true);
        var recordedHtml = await recorded.Content.ReadAsStringAsync();
        Assert.Contains("data-part=\"recent\"", recordedHtml);
        Assert.Contains(CardCode.Display(card.Code), (await AppClient.ParseAsync(recorded)).QuerySelector("[data-testid=desk-recent]")!.TextContent);
        var again = await AppClient.ParseAsync(await PostAsync(client, "Lookup", new() { ["Lookup.Code"] = card.Code }, fragment: true));
        var usesToday = again.QuerySelectorAll("dt").Single(dt => dt.TextContent.Trim() == app.Text("CultureCard.Desk.UsesHereToday"));
        Assert.Equal("1", usesToday.NextElementSibling!.TextContent.Trim());
    }

    [Fact]
    public async Task Two_desks_asking_for_the_last_quota_tickets_at_once_get_exactly_one_use_recorded()
    {
        var world = await WorldAsync(app);
        var show = await EventAsync(app, world.Venue, "Viimeiset liput", quota: 3);
        var first = await CardAsync(app, world);
        var second = await CardAsync(app, world);
        var deskA = await ClientAsync(app, world);
        var deskB = await ClientAsync(app, world);
        string token(AngleSharp.Html.Dom.IHtmlDocument p) => p.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var tokenA = token(await deskA.GetPageAsync("/culturecard/desk"));
        var tokenB = token(await deskB.GetPageAsync("/culturecard/desk"));
        HttpRequestMessage Request(string code, string antiforgery) => new(HttpMethod.Post, "/culturecard/desk?handler=Record")
        {
            Content = new FormUrlEncodedContent(RecordFields(code, children: 1, change: f =>
            {
                f["Record.EventId"] = show.Id.ToString();
                f["__RequestVerificationToken"] = antiforgery;
            })),
        };

        for (var round = 0; round < 3; round++)
        {
            await app.WithDbAsync(db => db.Set<CardUse>().Where(u => u.EventId == show.Id).ExecuteDeleteAsync());
            var responses = await Task.WhenAll(deskA.Http.SendAsync(Request(first.Code, tokenA)), deskB.Http.SendAsync(Request(second.Code, tokenB)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var outcomes = await Task.WhenAll(responses.Select(async r => Outcome(await AppClient.ParseAsync(r))));
            Assert.Equal(new string?[] { "QUOTA_FULL", "USE_RECORDED" }, outcomes.Order().ToArray());
            var recorded = await app.WithDbAsync(db => db.Set<CardUse>().Where(u => u.EventId == show.Id).ToListAsync());
            Assert.Equal(2, Assert.Single(recorded).AdultTickets + recorded[0].ChildTickets);
        }
    }

    [Fact]
    public async Task Events_are_added_changed_and_cancelled_and_the_desk_shows_the_quota_left()
    {
        var world = await WorldAsync(app);
        var other = await WorldAsync(app, world.Area);
        var client = await ClientAsync(app, world, "fi");
        var name = TestData.Unique("Konsertti ");

        var response = await client.PostFormAsync("/culturecard/desk/events/edit", new()
        {
            ["Input.Name"] = name, ["Input.Date"] = Today.ToString("yyyy-MM-dd"), ["Input.Time"] = "23:30", ["Input.Category"] = "Culture", ["Input.Quota"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Set<VenueEvent>().SingleAsync(e => e.Name == name));
        Assert.Equal((world.Venue.Id, 5, HelsinkiTime.ToUtc(Today, new TimeOnly(23, 30))), (saved.SiteId, saved.Quota!.Value, saved.StartsAt));
        Assert.Contains(name, (await client.GetPageAsync("/culturecard/desk/events")).QuerySelector("[data-testid=events]")!.TextContent);

        var card = await CardAsync(app, world);
        await RecordAsync(client, RecordFields(card.Code, children: 2, change: f => f["Record.EventId"] = saved.Id.ToString()));
        var desk = await client.GetPageAsync("/culturecard/desk");
        Assert.Contains(Text(app, "CultureCard.Desk.QuotaLeft", "fi", 2), desk.QuerySelector($"#desk-event option[value='{saved.Id}']")!.TextContent);

        // A quota below the tickets already given is refused; bad values get messages.
        var edit = $"/culturecard/desk/events/edit/{saved.Id}";
        var refused = await client.SubmitAsync(edit, new() { ["Input.Quota"] = "2" });
        Assert.Equal(Text(app, "CultureCard.Events.QuotaBelowTaken", "fi", 3), FieldError(refused, "Input.Quota"));
        var bad = await client.SubmitAsync(edit, new() { ["Input.Name"] = "", ["Input.Quota"] = "-4", ["Input.Date"] = "" });
        Assert.Equal(app.Text("CultureCard.Events.NameRequired", "fi"), FieldError(bad, "Input.Name"));
        Assert.Equal(app.Text("CultureCard.Events.DateRequired", "fi"), FieldError(bad, "Input.Date"));
        Assert.Equal(Text(app, "CultureCard.Events.QuotaRange", "fi", 100_000), FieldError(bad, "Input.Quota"));
        Assert.Equal(5, (await app.WithDbAsync(db => db.Set<VenueEvent>().SingleAsync(e => e.Id == saved.Id))).Quota);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(edit, new() { ["Input.Quota"] = "" })).StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.Set<VenueEvent>().SingleAsync(e => e.Id == saved.Id))).Quota);

        // Another venue does not find it; cancelling takes it off the desk.
        Assert.Equal(HttpStatusCode.NotFound, (await (await ClientAsync(app, other)).GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(edit, [], handler: "Cancel")).StatusCode);
        Assert.True((await app.WithDbAsync(db => db.Set<VenueEvent>().SingleAsync(e => e.Id == saved.Id))).IsCancelled);
        Assert.Null((await client.GetPageAsync("/culturecard/desk")).QuerySelector($"#desk-event option[value='{saved.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(edit)).StatusCode);
    }
}

/// <summary>An app whose clock the test moves (to the next day at the desk).</summary>
public sealed class DeskClockApp : VakkaFactory
{
    /// <summary>Starts at noon in Finland today, so that "the next day" is a day away whatever the hour the test runs.</summary>
    public FakeTimeProvider Clock { get; } = new(HelsinkiTime.ToUtc(HelsinkiTime.Today(TimeProvider.System), new TimeOnly(12, 0)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class DeskNextDayTests(DeskClockApp app) : IClassFixture<DeskClockApp>
{
    [Fact]
    public async Task A_use_cannot_be_cancelled_the_next_day()
    {
        var today = HelsinkiTime.Today(app.Clock);
        var world = await WorldAsync(app);
        var card = await CardAsync(app, world, c => c.IssuedOn = today.AddDays(-3));
        var client = await ClientAsync(app, world);
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code))));
        var use = Assert.Single(await UsesAsync(app, card.Id));

        app.Clock.Advance(TimeSpan.FromHours(13)); // 01:00 the next night
        client = await ClientAsync(app, world);
        var page = await CancelAsync(client, use.Id);
        Assert.Equal(app.Text("CultureCard.Desk.CancelSameDayOnly"), Message(page));
        Assert.Null(Assert.Single(await UsesAsync(app, card.Id)).CancelledAt);
        Assert.Equal(AuditOutcome.Invalid, (await AuditAsync(app, "CultureCard.UseCancel", card.Id)).Single().Outcome);

        // The recent list no longer offers yesterday's use, and the use still counts for yesterday.
        Assert.Equal(app.Text("CultureCard.Desk.RecentNone"), (await client.GetPageAsync("/culturecard/desk")).QuerySelector("[data-testid=desk-recent-none]")?.TextContent.Trim());
    }
}
