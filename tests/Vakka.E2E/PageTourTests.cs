using Microsoft.Playwright;
using Vakka.Directory.Features;

namespace Vakka.E2E;

/// <summary>Every page a role can reach, in its plain state and with form errors shown, passes axe; errors are announced.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserApp app)
{
    [Fact]
    public async Task Administrator_pages_and_forms_with_errors_are_accessible()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin", DemoData.Password);
        foreach (var url in new[]
                 {
                     "/", "/directory/organisations", "/directory/organisations/create", "/directory/areas", "/directory/areas/create",
                     "/directory/sites", "/directory/sites/create", "/directory/accounts", "/directory/accounts/createpersonal",
                     "/directory/accounts/createsiteaccount", "/admin/jobs", "/account/settings", "/account/change-password",
                     "/account/two-factor", "/accessibility",
                 })
            await page.VisitAsync(url);

        // An organisation with a bad Y-tunnus: the error summary is announced and the field says what is wrong.
        await page.GotoAsync("/directory/organisations/create");
        await page.FillAsync("#Input_Name", "Testiyhdistys ry");
        await page.FillAsync("#Input_BusinessId", "1234567-2");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.Locator("#Input_BusinessId")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#Input_BusinessId-error")).ToHaveTextAsync(app.Text("Validation.BusinessId.CheckDigit", "fi"));
        await Assertions.Expect(page.Locator("#Input_Name")).ToHaveValueAsync("Testiyhdistys ry");
        await page.AssertAccessibleAsync();

        // A site's details, its edit form and an account's details.
        await page.OpenAsync("/directory/sites?q=Kallion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kallion sosiaaliasema" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByTestId("edit-site").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.FillAsync("#Input_PostalCode", "123");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_PostalCode-error")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.OpenAsync("/directory/accounts?q=venue.museum");
        await page.GetByRole(AriaRole.Link, new() { Name = "venue.museum" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("roles")).ToContainTextAsync(app.Text("Role.VenueSite", "fi"));
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Auditor_searches_the_audit_log_and_verifies_the_chain()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("auditor", DemoData.Password);
        await page.VisitAsync("/admin/audit");
        await page.FillAsync("#actor", "auditor");
        await page.GetByRole(AriaRole.Button, new() { Name = app.Text("Common.Search", "fi") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("auditor");
        await page.GetByTestId("verify-audit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verify-result")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Text_size_switch_enlarges_the_text_and_keeps_the_page_usable_on_a_small_phone()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(320, 640);
        await page.VisitAsync("/account/sign-in");
        var normal = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
        await page.Locator(".text-size-switch a").Nth(2).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("text-larger");
        var larger = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.True(larger > normal * 1.3, $"text size {normal}px -> {larger}px");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at 320 px");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
