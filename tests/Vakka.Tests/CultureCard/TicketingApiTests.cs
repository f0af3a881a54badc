using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.ApiKeys;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;

namespace Vakka.Tests.CultureCard;

/// <summary>A venue's own ticketing system checks cards, records uses once per idempotency key and cancels them, with its API key.</summary>
[Collection(AppCollection.Name)]
public sealed class TicketingApiTests(VakkaFactory app)
{
    private Task<HttpClient> KeyClientAsync(DeskWorld world, bool revoked = false) => DeskKit.ApiKeyClientAsync(app, world.Venue, revoked);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_key_checks_cards_with_machine_codes_and_messages_in_three_languages()
    {
        var world = await DeskKit.WorldAsync(app);
        var client = await KeyClientAsync(world);
        var valid = await DeskKit.CardAsync(app, world, c => c.ChildrenCount = 3);
        var expired = await DeskKit.CardAsync(app, world, c => { c.IssuedOn = c.IssuedOn.AddYears(-2); c.ValidUntil = c.IssuedOn.AddYears(1); });

        var ok = await JsonAsync(await client.GetAsync($"/api/v1/culturecard/cards/{valid.Code}"));
        Assert.Equal(("CARD_VALID", true, 3), (ok.GetProperty("status").GetString(), ok.GetProperty("valid").GetBoolean(), ok.GetProperty("childrenAllowed").GetInt32()));

        var old = await JsonAsync(await client.GetAsync($"/api/v1/culturecard/cards/{expired.Code}"));
        Assert.Equal("CARD_EXPIRED", old.GetProperty("status").GetString());
        foreach (var (language, property) in new[] { ("fi", "fi"), ("sv", "sv"), ("en", "en") })
        {
            var message = old.GetProperty("message").GetProperty(property).GetString()!;
            Assert.NotEmpty(message);
            Assert.Contains(expired.ValidUntil.ToString("d", System.Globalization.CultureInfo.GetCultureInfo(Vakka.Platform.Localisation.LanguageCookie.CultureOf(language))), message);
        }

        var typo = valid.Code[..^1] + CultureCardAlphabetOther(valid.Code[^1]);
        Assert.Equal("CHECK_CHARACTER_INVALID", (await JsonAsync(await client.GetAsync($"/api/v1/culturecard/cards/{typo}"))).GetProperty("status").GetString());
        Assert.Equal("CARD_NOT_FOUND", (await JsonAsync(await client.GetAsync($"/api/v1/culturecard/cards/{CardCode.NewCode()}"))).GetProperty("status").GetString());

        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode == "CultureCard.CardLookup" && r.ActorSiteId == world.Venue.Id.Value).ToListAsync());
        Assert.Contains(rows, r => r.SubjectIds.Contains(valid.Id.Value.ToString()) && r.ActorApiKeyId != null && r.ActorAccountId == null);
    }

    private static char CultureCardAlphabetOther(char c) => CardCode.Alphabet.First(x => x != c);

    [Fact]
    public async Task Recording_with_the_same_idempotency_key_twice_records_one_use_and_a_refused_card_records_nothing()
    {
        var world = await DeskKit.WorldAsync(app);
        var client = await KeyClientAsync(world);
        var card = await DeskKit.CardAsync(app, world, c => c.ChildrenCount = 2);
        var body = new { code = card.Code, eventName = "Konsertti", category = "Culture", children = 2, assistants = 1 };

        async Task<HttpResponseMessage> PostAsync(string key, object content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/culturecard/uses") { Content = JsonContent.Create(content) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        async Task<int> UsesTodayAsync() => (await JsonAsync(await client.GetAsync($"/api/v1/culturecard/cards/{card.Code}"))).GetProperty("usesHereToday").GetInt32();
        Assert.Equal(0, await UsesTodayAsync());

        var first = await PostAsync("order-1001", body);
        var again = await PostAsync("order-1001", body);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal((await JsonAsync(first)).GetProperty("useId").GetGuid(), (await JsonAsync(again)).GetProperty("useId").GetGuid());
        var uses = await app.WithDbAsync(db => db.Set<CardUse>().AsNoTracking().Where(u => u.CardId == card.Id).ToListAsync());
        var use = Assert.Single(uses);
        Assert.Equal((1, 2, 1, InputMethod.Api), (use.AdultTickets, use.ChildTickets, use.AssistantTickets, use.InputMethod));
        Assert.Equal(1, await UsesTodayAsync());

        var repeat = await PostAsync("order-1002", body);
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Equal("ALREADY_USED_HERE", (await JsonAsync(repeat)).GetProperty("status").GetString());

        var tooMany = await PostAsync("order-1003", new { code = card.Code, eventName = "Toinen", category = "Sport", children = 3, assistants = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        var expired = await DeskKit.CardAsync(app, world, c => { c.IssuedOn = c.IssuedOn.AddYears(-2); c.ValidUntil = c.IssuedOn.AddYears(1); });
        var refused = await PostAsync("order-1004", new { code = expired.Code, eventName = "Konsertti", category = "Culture", children = 0, assistants = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("CARD_EXPIRED", (await JsonAsync(refused)).GetProperty("status").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CardUse>().CountAsync(u => u.CardId == expired.Id)));
    }

    [Fact]
    public async Task A_key_cancels_only_its_own_venues_uses_and_a_revoked_or_missing_key_is_refused()
    {
        var world = await DeskKit.WorldAsync(app);
        var other = await DeskKit.WorldAsync(app);
        var client = await KeyClientAsync(world);
        var otherClient = await KeyClientAsync(other);
        var card = await DeskKit.CardAsync(app, world);
        var created = await client.PostAsJsonAsync("/api/v1/culturecard/uses", new { code = card.Code, eventName = "Uinti", category = "Sport", children = 0, assistants = 0 });
        var useId = (await JsonAsync(created)).GetProperty("useId").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.DeleteAsync($"/api/v1/culturecard/uses/{useId}?reason=WrongCard")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/culturecard/uses/{useId}?reason=WrongCard")).StatusCode);
        var use = await app.WithDbAsync(db => db.Set<CardUse>().AsNoTracking().SingleAsync(u => u.Id == new UseId(useId)));
        Assert.Equal(CancelReason.WrongCard, use.CancelReason);

        var revoked = await KeyClientAsync(world, revoked: true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync($"/api/v1/culturecard/cards/{card.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/culturecard/cards/{card.Code}")).StatusCode);
        var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add(ApiKeyHandler.Header, "vk_not_a_key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync($"/api/v1/culturecard/cards/{card.Code}")).StatusCode);
    }
}
