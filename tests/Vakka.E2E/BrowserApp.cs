using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vakka.Testing;

namespace Vakka.E2E;

/// <summary>
/// The app on real Kestrel with the demo data, and Debian's Chromium driven by Playwright (never a downloaded
/// browser). When Chromium is missing the browser tests are skipped and say so.
/// </summary>
public sealed class BrowserApp : VakkaFactory, IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    public static bool ChromiumMissing => !File.Exists(ChromiumPath);
    public static string SkipReason => $"Browser tests NOT RUN: Chromium not found at {ChromiumPath} (install Debian's chromium or set CHROMIUM_PATH).";

    private IPlaywright? playwright;
    public IBrowser? Browser { get; private set; }
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DemoData:Enabled"] = "true",
        // A smaller demo register than `dotnet run` loads: the same shape, quicker pages on a loaded CI machine.
        ["DemoData:Cards"] = "3000",
        ["DemoData:Uses"] = "10000",
        ["Jobs:Enabled"] = "true",
        ["Jobs:PollInterval"] = "00:00:00.200",
    };

    public async ValueTask InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (ChromiumMissing) return;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        Assert.SkipWhen(ChromiumMissing, SkipReason);
        var context = await Browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "fi-FI" });
        // CI runs the app, the tests and Chromium on two cores: allow for a slow moment rather than fail on it.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

public static class PageExtensions
{
    /// <summary>
    /// Checks the page with axe (WCAG 2.0/2.1 A and AA): no serious or critical violation may remain. Pass
    /// <paramref name="iframes"/> false for a page with a sandboxed frame where no script may run (the archive's display
    /// form): axe cannot run inside it and would wait for it forever; the frame element itself is still checked.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page, bool iframes = true)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            Iframes = iframes,
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found on {page.Url}:\n{string.Join("\n", serious)}");
    }

    /// <summary>Goes to a page and checks it with axe.</summary>
    public static async Task VisitAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// Goes to a page and checks that it answered 200 at the address asked for (not an error page, not the sign-in page
    /// after a lost session); a failure says what came instead, so a slow moment on CI is told apart from a broken page.
    /// </summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        var path = new Uri(page.Url).PathAndQuery;
        if (response is { Ok: true } && path == url) return;
        Assert.Fail($"{url} answered {response?.Status} at {path}, titled \"{await page.TitleAsync()}\"");
    }

    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/sign-in"), new() { Timeout = 60_000 });
        await page.ExpectRenderedAsync();
    }

    /// <summary>
    /// Waits until the page is at an address containing <paramref name="path"/> and has been rendered. Playwright's own
    /// WaitForURLAsync and WaitForLoadStateAsync wait for the "load" event reported by the browser; on a loaded CI host
    /// one of them missed that event for a page that had already arrived (its log showed only "NetworkIdle event
    /// fired") and waited out its timeout. The address is polled instead, and the page's footer (the layout's last
    /// element) shows that the page has been parsed.
    /// </summary>
    public static async Task ExpectAtAsync(this IPage page, string path)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path)), new() { Timeout = 60_000 });
        await page.ExpectRenderedAsync();
    }

    /// <summary>The layout's last element, the footer, is in the page: the page has been parsed.</summary>
    private static Task ExpectRenderedAsync(this IPage page) =>
        Assertions.Expect(page.Locator("footer.site-footer")).ToBeAttachedAsync();
}
