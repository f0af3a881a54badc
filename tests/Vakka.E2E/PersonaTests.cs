using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vakka.Directory.Features;
using Vakka.Platform.Localisation;

namespace Vakka.E2E;

/// <summary>Each demo role signs in and sees its own menu; every page visited is checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonaTests(BrowserApp app)
{

    public static TheoryData<string, string, string[]> Personas => new()
    {
        { "admin", "SystemAdmin", ["Nav.Organisations", "Nav.Areas", "Nav.Sites", "Nav.Accounts", "Nav.Jobs"] },
        { "auditor", "Auditor", ["Nav.AuditLog"] },
        { "national", "NationalCoordinator", ["Nav.Areas", "Nav.Sites", "CultureCard.Nav.Cards"] },
        { "area.helsinki", "AreaCoordinator", ["Nav.Organisations", "Nav.Areas", "Nav.Sites", "Nav.Accounts", "CultureCard.Nav.Cards"] },
        { "distributor.kallio", "DistributorSite", ["CultureCard.Nav.Cards"] },
        { "venue.museum", "VenueSite", [] },
        { "intermediary", "TicketIntermediary", [] },
        { "archivist", "Archivist", ["Archive.Nav.Search"] },
        { "social.worker", "SocialWelfareProfessional", [] },
        { "project.lead", "DeploymentProjectLead", [] },
        { "vendor", "SystemVendor", [] },
        { "site.manager", "SiteManager", [] },
        { "reservations", "ReservationCoordinator", [] },
    };

    private static readonly string[] AllMenuItems = ["Nav.Organisations", "Nav.Areas", "Nav.Sites", "Nav.Accounts", "Nav.AuditLog", "Nav.Jobs", "CultureCard.Nav.Cards", "Archive.Nav.Search"];

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Demo_role_signs_in_and_sees_its_menu(string userName, string role, string[] menu)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(userName, DemoData.Password);
        await page.AssertAccessibleAsync();

        await Assertions.Expect(page.GetByTestId("my-roles")).ToContainTextAsync(app.Text($"Role.{role}", "fi"));
        foreach (var item in AllMenuItems)
        {
            var link = page.GetByTestId($"nav-{item}");
            if (menu.Contains(item)) await Assertions.Expect(link).ToBeVisibleAsync();
            else await Assertions.Expect(link).ToHaveCountAsync(0);
        }
        foreach (var item in menu)
        {
            var link = page.GetByTestId($"nav-{item}");
            var href = await link.GetAttributeAsync("href");
            await link.ClickAsync();
            await page.ExpectAtAsync(href!);
            Assert.Equal(200, (await page.ReloadAsync())!.Status);
            await page.AssertAccessibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Language_switch_changes_every_text_and_the_page_language()
    {
        var page = await app.NewPageAsync();
        await page.VisitAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("SignIn.Title", "fi"));

        await page.GetByTestId("lang-sv").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("SignIn.Title", "sv"));
        await Assertions.Expect(page.GetByTestId("sign-in")).ToHaveTextAsync(app.Text("SignIn.Button", "sv"));
        await page.AssertAccessibleAsync();

        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("SignIn.Title", "en"));

        // The choice sticks after signing in, and dates follow it.
        await page.SignInAsync("admin", DemoData.Password);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("nav-Nav.Sites")).ToHaveTextAsync(app.Text("Nav.Sites", "en"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Area_coordinator_adds_a_venue_site_and_its_account_which_then_signs_in()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("area.helsinki", DemoData.Password);
        await page.VisitAsync("/directory/sites/create");

        var siteName = $"Teatteri Testi {Guid.CreateVersion7().ToString("N")[^6..]}";
        await page.FillAsync("#Input_Name", siteName);
        await page.SelectOptionAsync("#Input_Type", "Venue");
        await page.SelectOptionAsync("#Input_OrganisationId", new SelectOptionValue { Label = "Helsingin kaupunki" });
        await page.SelectOptionAsync("#Input_AreaId", new SelectOptionValue { Label = "Pääkaupunkiseutu" });
        await page.FillAsync("#Input_StreetAddress", "Teatterikatu 1");
        await page.FillAsync("#Input_PostalCode", "00100");
        await page.FillAsync("#Input_Municipality", "Helsinki");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(siteName);
        await page.AssertAccessibleAsync();

        await page.GetByTestId("new-site-account").ClickAsync();
        await page.AssertAccessibleAsync();
        var userName = $"teatteri.{Guid.CreateVersion7().ToString("N")[^6..]}";
        var email = $"{userName}@example.fi";
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_DisplayName", "Teatterin lipunmyynti");
        await page.FillAsync("#Input_Email", email);
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("site-accounts")).ToContainTextAsync(userName);

        var link = await WaitForLinkAsync(email);
        var newcomer = await app.NewPageAsync();
        await newcomer.VisitAsync(link);
        await newcomer.FillAsync("#Input_NewPassword", "Teatteri-salasana-2026");
        await newcomer.FillAsync("#Input_ConfirmPassword", "Teatteri-salasana-2026");
        await newcomer.GetByTestId("set-password").ClickAsync();
        await newcomer.SignInAsync(userName, "Teatteri-salasana-2026");
        await Assertions.Expect(newcomer.GetByTestId("my-roles")).ToContainTextAsync(app.Text("Role.VenueSite", "fi"));
        await Assertions.Expect(newcomer.GetByTestId("my-roles")).ToContainTextAsync(siteName);
        await newcomer.AssertAccessibleAsync();
        await newcomer.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The invitation goes through the job queue into the e-mail outbox; read the link from it.</summary>
    private async Task<string> WaitForLinkAsync(string email)
    {
        for (var i = 0; i < 100; i++)
        {
            if (System.IO.Directory.Exists(app.OutboxFolder))
                foreach (var file in System.IO.Directory.GetFiles(app.OutboxFolder, "*.eml"))
                {
                    string text;
                    try { text = await File.ReadAllTextAsync(file); }
                    catch (IOException) { continue; }
                    if (!text.Contains(email, StringComparison.OrdinalIgnoreCase)) continue;
                    var unfolded = Regex.Replace(text, "=\r?\n", "").Replace("=3D", "=");
                    var match = Regex.Match(unfolded, @"https?://\S+/account/reset-password\?\S+");
                    if (match.Success) return new Uri(match.Value).PathAndQuery;
                }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No invitation e-mail to {email} in {app.OutboxFolder}");
    }
}
