using Microsoft.Playwright;
using Vakka.Archive.Features.Migration;
using Vakka.Directory.Features;

namespace Vakka.E2E;

/// <summary>
/// The demo archivist makes a dry run of the sample legacy export from the migration page, follows its progress bar
/// until the job has finished, and reads why the faulty records would not be migrated; axe checks both pages in
/// Finnish, Swedish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MigrationPageTests(BrowserApp app)
{
    [Fact(Timeout = 300_000)]
    public async Task Archivist_makes_a_dry_run_of_the_sample_export_and_reads_its_report()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("archivist", DemoData.Password);
        await page.GetByTestId("nav-Archive.Nav.Migration").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("Archive.Migration.Title", "fi"));
        await Assertions.Expect(page.Locator("#Folder")).ToHaveValueAsync(MigrationDemoData.FolderName);
        await page.AssertAccessibleAsync();

        // A bad source name first: the message is announced in the error summary and nothing starts.
        await page.FillAsync("#SourceSystem", "vanha järjestelmä!");
        await page.GetByTestId("dry-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync(app.Text("Archive.Migration.Problem.SOURCE_SYSTEM_INVALID", "fi"));
        await page.AssertAccessibleAsync();

        await page.FillAsync("#SourceSystem", "effica");
        await page.GetByTestId("dry-run").ClickAsync();
        await page.ExpectAtAsync("/archive/migration/runs/");
        // The job works in the background; the page follows it and reloads with the report when it has finished.
        await Assertions.Expect(page.Locator("[data-field=status]")).ToHaveTextAsync(app.Text("Archive.Migration.Status.Completed", "fi"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("progress[data-field=bar]")).ToHaveAttributeAsync("value", "100");
        await Assertions.Expect(page.GetByTestId("reason-CONTENT_ENCODING_INVALID")).ToContainTextAsync(app.Text("Archive.Migration.Problem.CONTENT_ENCODING_INVALID", "fi"));
        await Assertions.Expect(page.GetByTestId("reason-DUPLICATE_OLD_ID")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("reason-BODY_PDFA_UNDECLARED")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("failures")).Not.ToContainTextAsync("010181-900C");
        await page.AssertAccessibleAsync();

        var runUrl = new Uri(page.Url).PathAndQuery;
        foreach (var language in new[] { "sv", "en" })
        {
            await page.GotoAsync($"/settings/language/{language}?returnUrl={Uri.EscapeDataString(runUrl)}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(page.Locator("[data-field=status]")).ToHaveTextAsync(app.Text("Archive.Migration.Status.Completed", language));
            await page.AssertAccessibleAsync();
            await page.GotoAsync("/archive/migration");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("Archive.Migration.Title", language));
            await page.AssertAccessibleAsync();
            await page.GotoAsync(runUrl);
        }
        await page.Context.CloseAsync();
    }
}
