using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.CultureCard.DeskKit;

namespace Vakka.Tests.CultureCard;

/// <summary>
/// Ticket intermediaries: the area coordinator decides which venues an intermediary serves (on the network page); the
/// intermediary then works those venues' desks and records their uses (pages and API), and no others.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IntermediaryTests(VakkaFactory app)
{
    private static Task<List<ServedVenue>> ServedAsync(VakkaFactory app, Site intermediary) =>
        app.WithDbAsync(db => db.Set<ServedVenue>().AsNoTracking().Where(s => s.IntermediarySiteId == intermediary.Id).ToListAsync());

    [Fact]
    public async Task The_area_coordinator_adds_and_removes_the_venues_an_intermediary_serves_on_the_network_page()
    {
        var world = await WorldAsync(app);
        var (intermediary, _) = await IntermediaryAsync(app, world, serves: false);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(world.Area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var url = $"/culturecard/network?areaId={world.Area.Id}";

        var page = await client.SubmitAsync(url, new() { ["Serve.IntermediaryId"] = intermediary.Id.ToString(), ["venueId"] = world.Venue.Id.ToString() }, "Serve");
        Assert.Equal(app.Text("CultureCard.Network.ServeAdded"), page.QuerySelector(".flash")!.TextContent.Trim());
        var row = Assert.Single(await ServedAsync(app, intermediary));
        Assert.Equal((world.Venue.Id, coordinator.Id), (row.VenueSiteId, row.AddedBy!.Value.Value));
        var cell = page.QuerySelectorAll("[data-testid='CultureCard.Network.Intermediaries'] tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Contains(intermediary.Name)).QuerySelector("[data-testid=serves]")!;
        Assert.Contains(world.Venue.Name, cell.TextContent);

        // Adding it again is refused with a message and changes nothing; so is a site that is not an intermediary.
        page = await client.SubmitAsync(url, new() { ["Serve.IntermediaryId"] = intermediary.Id.ToString(), ["venueId"] = world.Venue.Id.ToString() }, "Serve");
        Assert.Equal(Text(app, "CultureCard.Network.AlreadyServes", "en", intermediary.Name, world.Venue.Name), page.GetElementById("serve-error")!.TextContent.Trim());
        page = await client.SubmitAsync(url, new() { ["Serve.IntermediaryId"] = world.Distributor.Id.ToString(), ["venueId"] = world.Venue.Id.ToString() }, "Serve");
        Assert.Equal(app.Text("CultureCard.Network.NotAnIntermediary"), page.GetElementById("serve-error")!.TextContent.Trim());
        Assert.Single(await ServedAsync(app, intermediary));
        Assert.Empty(await app.WithDbAsync(db => db.Set<ServedVenue>().Where(s => s.IntermediarySiteId == world.Distributor.Id).ToListAsync()));

        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "CultureCard.VenueServe" && r.TargetIds.Contains(world.Venue.Id.Value.ToString())).ToListAsync());
        Assert.Contains(audit, r => r.Outcome == AuditOutcome.Success && r.SubjectIds.Contains(intermediary.Id.Value.ToString()));

        page = await client.SubmitAsync(url, [], "Stop");
        Assert.Equal(app.Text("CultureCard.Network.ServeRemoved"), page.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Empty(await ServedAsync(app, intermediary));
    }

    [Fact]
    public async Task Another_areas_coordinator_cannot_make_an_intermediary_serve_a_venue()
    {
        var world = await WorldAsync(app);
        var (intermediary, _) = await IntermediaryAsync(app, world, serves: false);
        var otherArea = await TestData.AreaAsync(app);
        await TestData.SiteAsync(app, world.Organisation, otherArea, SiteType.Venue); // so that its page has the form
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(otherArea.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        var response = await client.PostFormAsync($"/culturecard/network?areaId={otherArea.Id}",
            new() { ["Serve.IntermediaryId"] = intermediary.Id.ToString(), ["venueId"] = world.Venue.Id.ToString() }, "Serve");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ServedAsync(app, intermediary));
    }

    [Fact]
    public async Task An_intermediary_records_a_use_at_the_desk_of_a_venue_it_serves_and_not_elsewhere()
    {
        var world = await WorldAsync(app);
        var second = await WorldAsync(app, world.Area);
        var notServed = await WorldAsync(app, world.Area);
        var (intermediary, account) = await IntermediaryAsync(app, world);
        await ServeAsync(app, intermediary, second.Venue);
        var client = await AppClient.SignedInAsync(app, account.UserName!);

        // Two venues: it chooses one.
        var toChoose = await client.GetAsync("/culturecard/desk");
        Assert.Equal((HttpStatusCode.Redirect, "/culturecard/desk/venues"), (toChoose.StatusCode, toChoose.Headers.Location!.OriginalString));
        var venues = await client.GetPageAsync("/culturecard/desk/venues");
        var names = venues.QuerySelectorAll("[data-testid=desk-venues] tbody th").Select(th => th.TextContent.Trim()).Order().ToList();
        Assert.Equal(new[] { world.Venue.Name, second.Venue.Name }.Order().ToList(), names);

        var desk = await client.GetPageAsync($"/culturecard/desk?venueId={world.Venue.Id}");
        Assert.Contains(world.Venue.Name, desk.QuerySelector("h1")!.TextContent);
        Assert.Contains(intermediary.Name, desk.QuerySelector("[data-testid=desk-via]")!.TextContent);
        Assert.Contains($"venueId={world.Venue.Id}", desk.QuerySelector("form#desk-lookup")!.GetAttribute("action"));

        var card = await CardAsync(app, world);
        var recorded = await AppClient.ParseAsync(await PostAsync(client, "Record", RecordFields(card.Code, eventName: "Konsertti"), $"&venueId={world.Venue.Id}"));
        Assert.Equal("USE_RECORDED", Outcome(recorded));
        var use = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal((world.Venue.Id, world.Area.Id, intermediary.Id), (use.VenueSiteId, use.VenueAreaId, use.DeskSiteId));
        Assert.Contains(recorded.QuerySelectorAll("#desk-recent tbody tr"), tr => tr.TextContent.Contains("Konsertti"));
        Assert.All(recorded.QuerySelectorAll("form.desk-undo, form.desk-cancel"),
            f => Assert.Equal($"/culturecard/desk?venueId={world.Venue.Id}&id={use.Id}&handler=Cancel", f.GetAttribute("action")));

        // The venue's own desk sees the use and may cancel it; a venue it does not serve is no desk of its.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/culturecard/desk?venueId={notServed.Venue.Id}")).StatusCode);
        var other = await CardAsync(app, notServed);
        var token = desk.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await client.Http.PostAsync($"/culturecard/desk?handler=Record&venueId={notServed.Venue.Id}",
            new FormUrlEncodedContent(RecordFields(other.Code).Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await UsesAsync(app, other.Id));

        // It cancels its own use from its desk.
        var cancelled = await AppClient.ParseAsync(await PostAsync(client, "Cancel", new() { ["reason"] = "WrongCard" }, $"&venueId={world.Venue.Id}&id={use.Id}"));
        Assert.Equal("USE_CANCELLED", Outcome(cancelled));
        Assert.NotNull(Assert.Single(await UsesAsync(app, card.Id)).CancelledAt);
    }

    [Fact]
    public async Task When_it_stops_serving_a_venue_the_desk_closes_and_the_uses_it_recorded_stay()
    {
        var world = await WorldAsync(app);
        var (intermediary, account) = await IntermediaryAsync(app, world);
        var client = await AppClient.SignedInAsync(app, account.UserName!);
        var card = await CardAsync(app, world);
        Assert.Equal("USE_RECORDED", Outcome(await RecordAsync(client, RecordFields(card.Code)))); // the only venue: no need to name it

        await app.WithDbAsync(db => db.Set<ServedVenue>().Where(s => s.IntermediarySiteId == intermediary.Id).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/culturecard/desk?venueId={world.Venue.Id}")).StatusCode);
        Assert.Equal("/culturecard/desk/venues", (await client.GetAsync("/culturecard/desk")).Headers.Location!.OriginalString);
        Assert.Equal(intermediary.Id, Assert.Single(await UsesAsync(app, card.Id)).DeskSiteId);
    }

    [Fact]
    public async Task An_intermediarys_api_key_names_the_venue_and_reaches_only_the_venues_it_serves()
    {
        var world = await WorldAsync(app);
        var second = await WorldAsync(app, world.Area);
        var notServed = await WorldAsync(app, world.Area);
        var (intermediary, _) = await IntermediaryAsync(app, world);
        await ServeAsync(app, intermediary, second.Venue);
        var client = await ApiKeyClientAsync(app, intermediary);
        var card = await CardAsync(app, world);

        async Task<HttpResponseMessage> RecordAsync(Guid? venue, string idempotencyKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/culturecard/uses")
            {
                Content = JsonContent.Create(new { code = card.Code, eventName = "Konsertti", category = "Culture", venueId = venue }),
            };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return await client.SendAsync(request);
        }

        // Serving two venues, it must say which; a venue it does not serve is refused; nothing is recorded meanwhile.
        var unnamed = await RecordAsync(null, "k1");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        var problem = JsonDocument.Parse(await unnamed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(app.Text("CultureCard.Api.VenueRequired", "fi"), problem.GetProperty("errors").GetProperty("venueId")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(notServed.Venue.Id.Value, "k2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/culturecard/cards/{card.Code}?venueId={notServed.Venue.Id}")).StatusCode);
        Assert.Empty(await UsesAsync(app, card.Id));

        var check = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/culturecard/cards/{card.Code}?venueId={world.Venue.Id}")).RootElement;
        Assert.Equal("CARD_VALID", check.GetProperty("status").GetString());
        var created = await RecordAsync(world.Venue.Id.Value, "k3");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(world.Venue.Id.Value, "k3")).StatusCode); // a retry
        var use = Assert.Single(await UsesAsync(app, card.Id));
        Assert.Equal((world.Venue.Id, intermediary.Id, InputMethod.Api), (use.VenueSiteId, use.DeskSiteId, use.InputMethod));

        // The venue's own key may use the same idempotency key: keys are the recording site's own.
        var venueClient = await ApiKeyClientAsync(app, world.Venue);
        var other = await CardAsync(app, world);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/culturecard/uses")
               {
                   Content = JsonContent.Create(new { code = other.Code, eventName = "Konsertti", category = "Culture" }),
               })
        {
            request.Headers.Add("Idempotency-Key", "k3");
            Assert.Equal(HttpStatusCode.Created, (await venueClient.SendAsync(request)).StatusCode);
        }
        Assert.Equal(world.Venue.Id, Assert.Single(await UsesAsync(app, other.Id)).DeskSiteId);

        // It cancels its own use; the venue's own use is not its to cancel.
        var venueUse = Assert.Single(await UsesAsync(app, other.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/culturecard/uses/{venueUse.Id}?reason=WrongCard")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/culturecard/uses/{use.Id}?reason=WrongCard")).StatusCode);
        Assert.Null(Assert.Single(await UsesAsync(app, other.Id)).CancelledAt);
    }

    [Fact]
    public async Task The_network_counts_a_venues_uses_at_the_venue_and_an_intermediarys_uses_it_recorded()
    {
        var world = await WorldAsync(app);
        var (intermediary, account) = await IntermediaryAsync(app, world);
        var venueClient = await ClientAsync(app, world);
        var intermediaryClient = await AppClient.SignedInAsync(app, account.UserName!);
        await RecordAsync(venueClient, RecordFields((await CardAsync(app, world)).Code));
        await RecordAsync(intermediaryClient, RecordFields((await CardAsync(app, world)).Code));
        await RecordAsync(intermediaryClient, RecordFields((await CardAsync(app, world)).Code));

        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(world.Area.Id.Value)));
        var page = await (await AppClient.SignedInAsync(app, coordinator.UserName!)).GetPageAsync($"/culturecard/network?areaId={world.Area.Id}");
        string Uses(string section, string name) => page.QuerySelectorAll($"[data-testid='{section}'] tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Contains(name)).QuerySelectorAll("td.num")[1].TextContent.Trim();
        Assert.Equal("3", Uses("CultureCard.Network.Venues", world.Venue.Name));
        Assert.Equal("2", Uses("CultureCard.Network.Intermediaries", intermediary.Name));
    }
}
