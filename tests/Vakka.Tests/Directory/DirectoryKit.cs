using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Platform.Audit;
using Vakka.Platform.Localisation;
using Vakka.Testing;

namespace Vakka.Tests.Directory;

/// <summary>What the Directory slice tests share: texts from the catalog, reading pages, and the audit trail.</summary>
internal static class DirectoryKit
{
    public static readonly string[] Languages = ["fi", "sv", "en"];

    /// <summary>A unique municipality name of letters only (digits make a municipality name invalid).</summary>
    public static string Municipality() =>
        "Kunta" + new string(Guid.CreateVersion7().ToString("N")[^10..].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());

    /// <summary>A text as the user sees it in that language, with its arguments filled in.</summary>
    public static string Text(VakkaFactory app, string key, string language, params object[] args)
    {
        var template = app.Services.GetRequiredService<TextCatalog>().Find(key, language)
                       ?? throw new InvalidOperationException($"No text {key} in {language}.");
        var culture = language switch { "fi" => "fi-FI", "sv" => "sv-FI", _ => "en-GB" };
        return args.Length == 0 ? template : string.Format(CultureInfo.GetCultureInfo(culture), template, args);
    }

    /// <summary>The error shown under a form field ("Input.PostalCode"), or null when the field has none.</summary>
    public static string? FieldError(IHtmlDocument page, string field) =>
        page.GetElementById($"{field.Replace('.', '_')}-error")?.TextContent.Trim();

    /// <summary>The messages of the error summary at the top of the form.</summary>
    public static IReadOnlyList<string> ErrorSummary(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=error-summary] li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The value a form field shows (what the user typed, when a refused form comes back).</summary>
    public static string? FieldValue(IHtmlDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    public static string? Flash(IHtmlDocument page) => page.QuerySelector(".flash")?.TextContent.Trim();

    public static string? Heading(IHtmlDocument page) => page.QuerySelector("main h1")?.TextContent.Trim();

    /// <summary>The newest audit row's sequence number: rows after it were written by the test.</summary>
    public static async Task<long> AuditMarkAsync(VakkaFactory app) =>
        await app.WithDbAsync(db => db.Set<AuditRecord>().MaxAsync(r => (long?)r.Seq)) ?? 0;

    public static Task<List<AuditRecord>> AuditSinceAsync(VakkaFactory app, long mark) =>
        app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.Seq > mark).OrderBy(r => r.Seq).ToListAsync());

    /// <summary>
    /// Exactly one row of the event was written by the actor since the mark, a successful one naming the target — and
    /// no field of it holds any of the texts the user typed (names, user names, e-mail addresses).
    /// </summary>
    public static async Task<AuditRecord> AssertOneChangeAsync(VakkaFactory app, long mark, string eventCode, Guid actor, Guid target,
        params string[] typedTexts)
    {
        var rows = (await AuditSinceAsync(app, mark)).Where(r => r.EventCode == eventCode && r.ActorAccountId == actor).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(AuditOutcome.Success, row.Outcome);
        Assert.Contains(target.ToString(), row.TargetIds.Split(','));
        AssertNoFreeText(row, typedTexts);
        return row;
    }

    /// <summary>The row that the gate wrote when it refused the actor.</summary>
    public static async Task<AuditRecord> AssertDeniedAsync(VakkaFactory app, long mark, string eventCode, string actionCode, Guid actor, Guid target)
    {
        var rows = (await AuditSinceAsync(app, mark)).Where(r => r.EventCode == eventCode && r.Outcome == AuditOutcome.Denied).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(actionCode, row.ActionCode);
        Assert.Equal(actor, row.ActorAccountId);
        Assert.Equal(target.ToString(), row.TargetIds);
        return row;
    }

    public static void AssertNoFreeText(AuditRecord row, params string[] typedTexts)
    {
        string?[] fields = [row.EventCode, row.ActionCode, row.TargetIds, row.SubjectIds, row.TraceId];
        foreach (var text in typedTexts.Where(t => !string.IsNullOrWhiteSpace(t)))
            Assert.DoesNotContain(fields, f => f is not null && f.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Posts to a page the actor cannot open (so has no form of its own), with the antiforgery token of a page the
    /// actor can open: the request reaches the declaration filter, as a hand-made or replayed post would.
    /// </summary>
    public static Task<HttpResponseMessage> PostAsForgedFormAsync(AppClient client, string tokenPage, string postUrl, Dictionary<string, string> fields) =>
        client.PostFormAsync(tokenPage, fields, postUrl: postUrl);

    /// <summary>A form as it was loaded, to be posted later (two people editing the same record).</summary>
    public sealed record LoadedForm(AppClient Client, string Action, List<KeyValuePair<string, string>> Values)
    {
        public async Task<IHtmlDocument> SubmitAsync(Dictionary<string, string> changes)
        {
            var values = Values.Where(v => !changes.ContainsKey(v.Key)).Concat(changes).ToList();
            var response = await Client.Http.PostAsync(Action, new FormUrlEncodedContent(values));
            if (response.StatusCode == HttpStatusCode.Redirect) return await Client.GetPageAsync(response.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await AppClient.ParseAsync(response);
        }
    }

    public static async Task<LoadedForm> LoadFormAsync(AppClient client, string pageUrl)
    {
        var page = await client.GetPageAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && !(f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.OrdinalIgnoreCase)
                        && !(f.GetAttribute("action") ?? "").Contains("sign-out", StringComparison.OrdinalIgnoreCase));
        var values = new List<KeyValuePair<string, string>>();
        foreach (var field in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var value = field switch
            {
                IHtmlInputElement { Type: "checkbox" } c => c.IsChecked ? c.Value : null,
                IHtmlInputElement i => i.Value,
                IHtmlSelectElement s => s.Value,
                IHtmlTextAreaElement t => t.Value,
                _ => null,
            };
            if (value is not null) values.Add(new(field.GetAttribute("name")!, value));
        }
        var action = form.GetAttribute("action");
        return new LoadedForm(client, string.IsNullOrEmpty(action) ? pageUrl : action, values);
    }
}
