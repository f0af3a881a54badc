using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Cda;
using Vakka.Directory.Features;

namespace Vakka.E2E;

/// <summary>
/// The demo archivist searches the archive, opens a document whose archived XHTML tries to run script, and the
/// script does not run: the sanitiser removed it and the frame is sandboxed. Both pages are checked with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveTests(BrowserApp app)
{
    [Fact(Timeout = 300_000)]
    public async Task Archivist_searches_opens_a_document_and_script_in_its_archived_XHTML_does_not_run()
    {
        var page = await app.NewPageAsync();
        var number = Random.Shared.Next(1000, 1_000_000);
        var header = ArchiveDemoData.Header(number, ArchiveDemoData.DemoClients[0], "19005", "15", "E2E-1",
            new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.FromHours(3)), $"Skriptiä sisältävä merkintä {number}");
        var xhtml = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="fi"><head><title>Merkintä</title></head>
            <body><h1>Merkintä</h1><p data-x="1">Turvallinen teksti.</p>
            <script>window.parent.document.title = 'pwned'; window.parent.pwned = true; window.pwned = true;</script>
            <img src="x" onerror="window.parent.document.title = 'pwned-img'; window.parent.pwned = true" alt="kuva" />
            <a href="javascript:window.parent.pwned = true">linkki</a>
            </body></html>
            """);
        using (var http = new HttpClient { BaseAddress = app.BaseAddress })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", ArchiveDemoData.DemoKey);
            var content = new ByteArrayContent(CdaWriter.Write(new CdaDocument(header,
                new XhtmlJsonBody(xhtml, """{"merkinta_tapaamisesta_tai_yhteydenotosta":{"paivamaara":"2025-06-02"}}"""u8.ToArray()))));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            var archived = await http.PostAsync("/api/v1/archive/documents", content);
            Assert.True(archived.IsSuccessStatusCode, await archived.Content.ReadAsStringAsync());
        }

        await page.SignInAsync("archivist", DemoData.Password);
        await page.GetByTestId("nav-Archive.Nav.Search").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app.Text("Archive.Search.Title", "fi"));
        await page.AssertAccessibleAsync();

        // A wrong check character first: the message is announced with the field.
        await page.FillAsync("#Input_Client", "010181-900D");
        await page.GetByTestId("search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync(app.Text("Validation.PersonalIdentityCode.CheckCharacter", "fi"));
        await Assertions.Expect(page.Locator("#Input_Client")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync();

        await page.FillAsync("#Input_Client", ArchiveDemoData.DemoClients[0]);
        await page.CheckAsync("#Input_Replaced");
        await page.GetByTestId("search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("archive-results")).ToBeVisibleAsync();
        Assert.DoesNotContain("900C", page.Url);
        await Assertions.Expect(page.GetByTestId("archive-results")).ToContainTextAsync("010181-****");
        await Assertions.Expect(page.GetByTestId("archive-results")).Not.ToContainTextAsync(ArchiveDemoData.DemoClients[0]);
        // The demo set with two versions: the replaced one is listed too.
        await Assertions.Expect(page.GetByTestId("archive-results")).ToContainTextAsync(app.Text("Archive.Status.replaced", "fi"));
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Skriptiä sisältävä merkintä {number}" }).ClickAsync();
        await page.ExpectAtAsync("/archive/documents/");
        await Assertions.Expect(page.GetByTestId("verified")).ToBeVisibleAsync();
        var frame = page.FrameLocator("[data-testid=display-frame]");
        await Assertions.Expect(frame.Locator("p")).ToHaveTextAsync("Turvallinen teksti.");
        await Assertions.Expect(frame.Locator("script")).ToHaveCountAsync(0);
        await Assertions.Expect(frame.Locator("[onerror]")).ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(300);
        Assert.Equal($"Skriptiä sisältävä merkintä {number} – Vakka", await page.TitleAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.pwned === true"));
        Assert.Equal("", await page.GetByTestId("display-frame").GetAttributeAsync("sandbox"));
        await page.AssertAccessibleAsync(iframes: false);
        await page.Context.CloseAsync();
    }
}
