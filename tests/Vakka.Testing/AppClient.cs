using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vakka.Testing;

/// <summary>A browser-like HTTP client: keeps cookies, reads pages with AngleSharp and posts forms with their antiforgery token.</summary>
public sealed class AppClient(HttpClient http)
{
    public HttpClient Http { get; } = http;
    public HttpResponseMessage? LastResponse { get; private set; }

    public static AppClient For(VakkaFactory app, string language = "en")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={Culture(language)}|uic={Culture(language)}");
        return new AppClient(client);
    }

    private static string Culture(string language) => language switch { "fi" => "fi-FI", "sv" => "sv-FI", _ => "en-GB" };

    public static async Task<AppClient> SignedInAsync(VakkaFactory app, string userName, string password = TestData.Password, string language = "en")
    {
        var client = For(app, language);
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => LastResponse = await Http.GetAsync(url);

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Loads the page at <paramref name="pageUrl"/>, takes the form (the one posting to <paramref name="handler"/> if given), fills the fields and submits it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields, string? handler = null, string? postUrl = null)
    {
        var page = await GetPageAsync(pageUrl);
        var forms = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).ToList();
        var form = handler is null
            ? forms.FirstOrDefault(f => !(f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.OrdinalIgnoreCase)
                                         && !(f.GetAttribute("action") ?? "").Contains("sign-out", StringComparison.OrdinalIgnoreCase))
            : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
        if (form is null) throw new InvalidOperationException($"No form{(handler is null ? "" : " for " + handler)} on {pageUrl} ({(int)LastResponse!.StatusCode}).");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (fields.ContainsKey(name)) continue;
            var value = input switch
            {
                IHtmlInputElement { Type: "checkbox" } c => c.IsChecked ? c.Value : null,
                IHtmlInputElement i => i.Value,
                IHtmlSelectElement s => s.Value,
                IHtmlTextAreaElement t => t.Value,
                _ => null,
            };
            if (value is not null) values.Add(new(name, value));
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var action = postUrl ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action)) action = pageUrl;
        return LastResponse = await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a form and reads the page it shows (the form again with errors, or after a redirect the next page).</summary>
    public async Task<IHtmlDocument> SubmitAsync(string pageUrl, Dictionary<string, string> fields, string? handler = null)
    {
        var response = await PostFormAsync(pageUrl, fields, handler);
        if (response.StatusCode == HttpStatusCode.Redirect) return await GetPageAsync(response.Headers.Location!.ToString());
        return await ParseAsync(response);
    }
}
