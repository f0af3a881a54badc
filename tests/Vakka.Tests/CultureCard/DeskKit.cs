using Vakka.Platform.Web;
using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;

namespace Vakka.Tests.CultureCard;

/// <summary>A venue of its own for one test: its area, its site account, and a distributor site that issues the cards.</summary>
internal sealed record DeskWorld(Area Area, Organisation Organisation, Site Venue, Site Distributor, Account VenueAccount);

/// <summary>What the desk slice tests share: a world, the desk's forms, and reading its answers.</summary>
internal static class DeskKit
{
    public static async Task<DeskWorld> WorldAsync(VakkaFactory app, Area? area = null, SiteType type = SiteType.Venue)
    {
        area ??= await TestData.AreaAsync(app);
        var org = await TestData.OrganisationAsync(app);
        var venue = await TestData.SiteAsync(app, org, area, type);
        var distributor = await TestData.SiteAsync(app, org, area, SiteType.Distributor);
        var account = await TestData.SiteAccountAsync(app, venue, type == SiteType.Venue ? Role.VenueSite : Role.TicketIntermediary);
        return new DeskWorld(area, org, venue, distributor, account);
    }

    /// <summary>A ticket intermediary of the world's area with its site account, serving the world's venue unless told not to.</summary>
    public static async Task<(Site Site, Account Account)> IntermediaryAsync(VakkaFactory app, DeskWorld world, bool serves = true)
    {
        var site = await TestData.SiteAsync(app, world.Organisation, world.Area, SiteType.TicketIntermediary);
        var account = await TestData.SiteAccountAsync(app, site, Role.TicketIntermediary);
        if (serves) await ServeAsync(app, site, world.Venue);
        return (site, account);
    }

    public static Task ServeAsync(VakkaFactory app, Site intermediary, Site venue) => app.WithDbAsync(async db =>
    {
        db.Add(new ServedVenue { IntermediarySiteId = intermediary.Id, VenueSiteId = venue.Id, AddedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    /// <summary>An HTTP client that sends a fresh API key of the site (stored hashed, as the API-key page stores it).</summary>
    public static async Task<HttpClient> ApiKeyClientAsync(VakkaFactory app, Site site, bool revoked = false)
    {
        var key = "vk_test_" + Guid.CreateVersion7().ToString("N");
        await app.WithDbAsync(async db =>
        {
            db.Add(new ApiKey
            {
                Id = Guid.CreateVersion7(), SiteId = site.Id, Name = "Lippujärjestelmä", Prefix = key[..10], Hash = ApiKeyHash.Of(key),
                CreatedAt = DateTime.UtcNow, RevokedAt = revoked ? DateTime.UtcNow : null,
            });
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Vakka.CultureCard.Features.ApiKeys.ApiKeyHandler.Header, key);
        return client;
    }

    public static Task<AppClient> ClientAsync(VakkaFactory app, DeskWorld world, string language = "en") =>
        AppClient.SignedInAsync(app, world.VenueAccount.UserName!, language: language);

    public static Task<Card> CardAsync(VakkaFactory app, DeskWorld world, Action<Card>? tweak = null) =>
        CardData.CardAsync(app, world.Distributor, world.Area, tweak);

    /// <summary>Posts one of the desk's handlers as its forms do (with the antiforgery token of the desk page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(AppClient client, string handler, Dictionary<string, string> fields, string query = "",
        bool fragment = false)
    {
        var desk = await client.GetPageAsync("/culturecard/desk" + (query.StartsWith("&venueId=", StringComparison.Ordinal) ? "?" + query[1..] : ""));
        var token = desk.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"No desk form ({(int)client.LastResponse!.StatusCode}).");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/culturecard/desk?handler={handler}{query}") { Content = content };
        if (fragment) request.Headers.Add("X-Desk-Fragment", "1");
        return await client.Http.SendAsync(request);
    }

    public static async Task<IHtmlDocument> LookupAsync(AppClient client, string code, EventId? eventId = null) =>
        await AppClient.ParseAsync(await PostAsync(client, "Lookup", new() { ["Lookup.Code"] = code, ["Lookup.EventId"] = eventId?.ToString() ?? "" }));

    /// <summary>The record-use form as the desk sends it; <paramref name="change"/> alters the fields.</summary>
    public static Dictionary<string, string> RecordFields(string code, int children = 0, string eventName = "Näyttely", Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Record.Code"] = code, ["Record.EventId"] = "", ["Record.EventName"] = eventName, ["Record.Category"] = "Culture",
            ["Record.UseDate"] = "", ["Record.Adults"] = "1", ["Record.Children"] = children.ToString(CultureInfo.InvariantCulture),
            ["Record.Assistants"] = "0", ["Record.Method"] = "Scanner",
        };
        change?.Invoke(fields);
        return fields;
    }

    public static async Task<IHtmlDocument> RecordAsync(AppClient client, Dictionary<string, string> fields) =>
        await AppClient.ParseAsync(await PostAsync(client, "Record", fields));

    public static async Task<IHtmlDocument> CancelAsync(AppClient client, UseId use, string reason = "WrongCounts") =>
        await AppClient.ParseAsync(await PostAsync(client, "Cancel", new() { ["reason"] = reason }, $"&id={use}"));

    /// <summary>The machine code of the answer shown (data-outcome).</summary>
    public static string? Outcome(IHtmlDocument page) => page.QuerySelector("[data-testid=desk-answer]")?.GetAttribute("data-outcome");

    public static string? Title(IHtmlDocument page) => page.QuerySelector("[data-testid=desk-answer-title]")?.TextContent.Trim();

    public static string? Message(IHtmlDocument page) => page.QuerySelector("[data-testid=desk-answer-message]")?.TextContent.Trim();

    public static string? FieldError(IHtmlDocument page, string field) => page.GetElementById($"{field.Replace('.', '_')}-error")?.TextContent.Trim();

    /// <summary>A text as the user sees it in that language, with its arguments (dates too) filled in.</summary>
    public static string Text(VakkaFactory app, string key, string language, params object[] args) =>
        Directory.DirectoryKit.Text(app, key, language, args);

    public static Task<List<CardUse>> UsesAsync(VakkaFactory app, CardId card) =>
        app.WithDbAsync(db => db.Set<CardUse>().AsNoTracking().Where(u => u.CardId == card).ToListAsync());

    public static Task<List<CardEvent>> HistoryAsync(VakkaFactory app, CardId card) =>
        app.WithDbAsync(db => db.Set<CardEvent>().AsNoTracking().Where(e => e.CardId == card).OrderBy(e => e.At).ToListAsync());

    /// <summary>Audit rows of the event that name the card as their subject.</summary>
    public static Task<List<AuditRecord>> AuditAsync(VakkaFactory app, string eventCode, CardId card) =>
        app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == eventCode && r.SubjectIds.Contains(card.Value.ToString())).OrderBy(r => r.Seq).ToListAsync());

    /// <summary>An event of the venue today at the given Finnish time (or at another day), optionally with a quota.</summary>
    public static async Task<VenueEvent> EventAsync(VakkaFactory app, Site venue, string name, int? quota = null, UseCategory category = UseCategory.Culture,
        DateOnly? day = null, TimeOnly? at = null)
    {
        var clock = (TimeProvider?)app.Services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        var e = new VenueEvent
        {
            Id = EventId.New(), SiteId = venue.Id, Name = name, Category = category, Quota = quota, CreatedAt = DateTime.UtcNow,
            StartsAt = HelsinkiTime.ToUtc(day ?? HelsinkiTime.Today(clock), at ?? new TimeOnly(12, 0)),
        };
        await app.WithDbAsync(async db => { db.Add(e); await db.SaveChangesAsync(); });
        return e;
    }
}
