using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Cda;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Cda;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>The archivist's pages over HTTP: search (posted, masked), the document page, the sandboxed display form, access.</summary>
[Collection(AppCollection.Name)]
public sealed class ArchivePagesTests(VakkaFactory app)
{
    private const string Search = "/archive";

    private async Task<AppClient> ArchivistAsync(ArchiveWorld world, string language = "en")
    {
        var account = await TestData.PersonAsync(app, (Role.Archivist, Scope.Organisation(world.Org.Id.Value)));
        return await AppClient.SignedInAsync(app, account.UserName!, language: language);
    }

    private async Task<Guid> IdOfAsync(CdaHeader header) =>
        await app.WithDbAsync(db => db.Set<ArchivedDocument>().Where(d => d.DocumentOid == OidOf(header)).Select(d => d.Id.Value).SingleAsync());

    private static async Task<HttpResponseMessage> Archived(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static IReadOnlyList<string> ResultLinks(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=archive-row] a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task An_archivist_finds_documents_by_henkilotunnus_with_a_posted_form_sees_it_masked_and_it_reaches_no_address_or_audit_row()
    {
        var world = await WorldAsync(app);
        var v1 = First(world.Org);
        var v2 = Next(v1, world.Org);
        var other = First(world.Org, hetu: OtherHetu);
        await Archived(await ArchiveAsync(world.Client, v1));
        await Archived(await VersionAsync(world.Client, OidOf(v1), v2));
        await Archived(await ArchiveAsync(world.Client, other));
        var archivist = await ArchivistAsync(world);

        var form = await archivist.GetPageAsync(Search);
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        Assert.Equal("post", form.QuerySelector("form#archive-search")!.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("[data-testid='nav-Archive.Nav.Search']"));

        var response = await archivist.PostFormAsync(Search, new() { ["Input.Client"] = Hetu.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Hetu, response.RequestMessage!.RequestUri!.ToString());
        var page = await AppClient.ParseAsync(response);
        var results = page.QuerySelector("[data-testid=archive-results]")!;
        Assert.Equal([$"/archive/documents/{await IdOfAsync(v2)}"], ResultLinks(page));
        Assert.Contains("010181-****", results.TextContent);
        Assert.DoesNotContain(Hetu, results.OuterHtml);
        Assert.All(page.QuerySelectorAll("a[href], form[action]"), e => Assert.DoesNotContain("900C", (e.GetAttribute("href") ?? e.GetAttribute("action"))!));

        var both = await archivist.SubmitAsync(Search, new() { ["Input.Client"] = Hetu, ["Input.Replaced"] = "true" });
        Assert.Equal(new[] { $"/archive/documents/{await IdOfAsync(v1)}", $"/archive/documents/{await IdOfAsync(v2)}" }.Order(), ResultLinks(both).Order());
        Assert.Equal(2, both.QuerySelectorAll("[data-testid=archive-row]").Length);

        var person = await app.WithDbAsync(db => db.Set<ArchivePerson>().Where(p => p.Hetu == Hetu).Select(p => p.Id.Value).SingleAsync());
        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode == "Archive.ArchiveSearch").ToListAsync());
        Assert.Contains(rows, r => r.Outcome == AuditOutcome.Success && r.SubjectIds.Contains(person.ToString()));
        var all = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode.StartsWith("Archive.")).ToListAsync());
        Assert.All(all, r => Assert.DoesNotContain("900C", r.Canonical()));
    }

    [Fact]
    public async Task Search_filters_by_service_task_case_type_time_and_status_and_bad_input_gets_a_localised_message_never_a_500()
    {
        var world = await WorldAsync(app);
        var start = new DateTimeOffset(2024, 2, 10, 9, 0, 0, TimeSpan.FromHours(2));
        var lastenSuojelu = First(world.Org, effective: start, caseExt: "LS-1", serviceTask: "10");
        var paihde = First(world.Org, effective: start.AddDays(40), caseExt: "PH-2");
        var voided = First(world.Org, effective: start.AddDays(80), caseExt: "PH-2");
        foreach (var h in new[] { lastenSuojelu, paihde, voided }) await Archived(await ArchiveAsync(world.Client, h));
        Assert.True((await world.Client.PostAsync($"{Api}/documents/{OidOf(voided)}/void",
            new StringContent("{\"reason\":\"Väärä asiakas\"}", Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var archivist = await ArchivistAsync(world);
        async Task<List<string>> FoundAsync(Dictionary<string, string> fields)
        {
            var response = await archivist.PostFormAsync(Search, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await AppClient.ParseAsync(response);
            Assert.Null(page.QuerySelector("[data-testid=error-summary]"));
            return ResultLinks(page).ToList();
        }
        var (ls, ph, vo) = ($"/archive/documents/{await IdOfAsync(lastenSuojelu)}", $"/archive/documents/{await IdOfAsync(paihde)}", $"/archive/documents/{await IdOfAsync(voided)}");

        Assert.Equal([ph, ls], await FoundAsync(new() { ["Input.Client"] = Hetu }));
        Assert.Equal([vo, ph, ls], await FoundAsync(new() { ["Input.Client"] = Hetu, ["Input.IncludeVoided"] = "true" }));
        Assert.Equal([vo], await FoundAsync(new() { ["Input.Client"] = Hetu, ["Input.Current"] = "false", ["Input.IncludeVoided"] = "true" }));
        Assert.Equal([ls], await FoundAsync(new() { ["Input.Client"] = Hetu, ["Input.ServiceTask"] = "10" }));
        Assert.Equal([ph], await FoundAsync(new() { ["Input.CaseId"] = "PH-2" }));
        Assert.Equal([ph], await FoundAsync(new() { ["Input.CaseId"] = $"{world.Org.Oid}.10.0.92^PH-2" }));
        Assert.Equal([ph, ls], await FoundAsync(new() { ["Input.Client"] = Hetu, ["Input.DocumentType"] = "1506:19005" }));
        Assert.Empty(await FoundAsync(new() { ["Input.Client"] = Hetu, ["Input.DocumentType"] = "1506:1006" }));
        Assert.Equal([ls], await FoundAsync(new() { ["Input.From"] = "2024-02-01", ["Input.To"] = "2024-02-10" }));
        Assert.Equal([ph, ls], await FoundAsync(new() { ["Input.From"] = "2024-02-10", ["Input.To"] = "2024-03-31", ["Input.TimeField"] = "effectiveTime" }));
        Assert.Empty(await FoundAsync(new() { ["Input.From"] = "2024-02-10", ["Input.To"] = "2024-03-31", ["Input.TimeField"] = "archivedAt" }));

        async Task ExpectErrorAsync(Dictionary<string, string> fields, string field, string message, string language = "en")
        {
            var client = language == "en" ? archivist : await ArchivistAsync(world, language);
            var response = await client.PostFormAsync(Search, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await AppClient.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector("[data-testid=error-summary]")!.TextContent);
            if (field.Length > 0) Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
            Assert.Empty(ResultLinks(page));
        }
        await ExpectErrorAsync(new() { ["Input.Client"] = "010181-900D" }, "Input_Client", app.Text("Validation.PersonalIdentityCode.CheckCharacter", "en"));
        await ExpectErrorAsync(new() { ["Input.Client"] = "010181-900D" }, "Input_Client", app.Text("Validation.PersonalIdentityCode.CheckCharacter", "sv"), "sv");
        await ExpectErrorAsync(new() { ["Input.Client"] = Hetu, ["Input.From"] = "2024-03-01", ["Input.To"] = "2024-02-01" }, "Input_To",
            app.Text("Archive.Search.RangeReversed", "en"));
        await ExpectErrorAsync(new() { ["Input.From"] = "2023-01-01", ["Input.To"] = "2024-06-30" }, "", app.Text("Archive.Search.TooBroad", "fi"), "fi");
        await ExpectErrorAsync(new() { }, "", app.Text("Archive.Search.TooBroad", "en"));
        await ExpectErrorAsync(new() { ["Input.Client"] = Hetu, ["Input.Cursor"] = "not-a-cursor" }, "", app.Text("Archive.Search.CursorInvalid", "en"));
        await ExpectErrorAsync(new() { ["Input.Client"] = Hetu, ["Input.From"] = "not a date" }, "Input_From", app.Text("Validation.ValueInvalid", "en")[..10]);
    }

    [Fact]
    public async Task Search_pages_with_a_posted_keyset_cursor()
    {
        var world = await WorldAsync(app);
        var start = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(3));
        for (var i = 0; i < Vakka.Archive.Features.Pages.SearchArchive.PageSize + 2; i++)
            await Archived(await ArchiveAsync(world.Client, First(world.Org, effective: start.AddHours(i))));
        var archivist = await ArchivistAsync(world);
        var first = await AppClient.ParseAsync(await archivist.PostFormAsync(Search, new() { ["Input.Client"] = Hetu }));
        Assert.Equal(Vakka.Archive.Features.Pages.SearchArchive.PageSize, ResultLinks(first).Count);
        var cursor = first.QuerySelector("[data-testid=next-page]")!.GetAttribute("value")!;
        var second = await AppClient.ParseAsync(await archivist.PostFormAsync(Search, new() { ["Input.Client"] = Hetu, ["Input.Cursor"] = cursor }));
        Assert.Equal(2, ResultLinks(second).Count);
        Assert.Empty(ResultLinks(first).Intersect(ResultLinks(second)));
        Assert.Null(second.QuerySelector("[data-testid=next-page]"));
    }

    [Fact]
    public async Task The_document_page_shows_metadata_the_verified_hash_the_versions_and_the_void_and_downloads_the_exact_bytes()
    {
        var world = await WorldAsync(app);
        var v1 = First(world.Org);
        var v2 = Next(v1, world.Org);
        await Archived(await ArchiveAsync(world.Client, v1));
        await Archived(await VersionAsync(world.Client, OidOf(v1), v2));
        const string reason = "Kirjattu väärälle asiakkaalle QWERTY";
        Assert.True((await world.Client.PostAsync($"{Api}/documents/{OidOf(v2)}/void",
            new StringContent($"{{\"reason\":\"{reason}\"}}", Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var archivist = await ArchivistAsync(world, "fi");
        var (id1, id2) = (await IdOfAsync(v1), await IdOfAsync(v2));

        var page = await archivist.GetPageAsync($"/archive/documents/{id1}");
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        var facts = page.QuerySelector("[data-testid=document-facts]")!.TextContent;
        Assert.Contains("19005 Merkintä tapaamisesta tai yhteydenotosta", facts);
        Assert.Contains("15 Päihdehuolto", facts);
        Assert.Contains("2025-17", facts);
        Assert.Contains(world.Org.Name, facts);
        Assert.Contains(OidOf(v1), facts);
        Assert.Contains("010181-****", facts);
        Assert.DoesNotContain(Hetu, page.Body!.OuterHtml);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes(v1))), page.QuerySelector("[data-testid=sha256]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=verified]"));
        Assert.Null(page.QuerySelector("[data-testid=integrity-alert]"));
        var versions = page.QuerySelectorAll("[data-testid=version-row]");
        Assert.Equal(2, versions.Length);
        Assert.Contains(app.Text("Archive.Status.voided", "fi"), versions[0].TextContent);
        Assert.Equal($"/archive/documents/{id2}", versions[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(reason, page.QuerySelector("[data-testid=void-reason]")!.TextContent);
        Assert.Contains("Asiakastietojärjestelmä", page.QuerySelector("[data-testid=void]")!.TextContent);
        var frame = page.QuerySelector("[data-testid=display-frame]")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Equal($"/archive/documents/{id1}/display", frame.GetAttribute("src"));
        Assert.Contains("merkinta_tapaamisesta_tai_yhteydenotosta", page.QuerySelector("[data-testid=structured]")!.TextContent);

        var download = await archivist.GetAsync($"/archive/documents/{id1}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Bytes(v1), await download.Content.ReadAsByteArrayAsync());

        var rows = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => (r.EventCode == "Archive.DocumentView" || r.EventCode == "Archive.DocumentDownload") && r.TargetIds.Contains(id1.ToString())).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain("QWERTY", r.Canonical()));
        Assert.All(rows, r => Assert.DoesNotContain("900C", r.Canonical()));
    }

    [Fact]
    public async Task A_tampered_byte_shows_the_integrity_alert_writes_a_Failed_audit_row_and_releases_no_bytes()
    {
        var world = await WorldAsync(app);
        var header = First(world.Org);
        await Archived(await ArchiveAsync(world.Client, header));
        var id = await IdOfAsync(header);
        var tampered = Bytes(header);
        tampered[Array.IndexOf(tampered, (byte)'T', 200)] = (byte)'t';
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE ar_document_content SET bytes = {0} WHERE document_id = {1}",
            tampered, app.IsPostgres ? id : id.ToString().ToUpperInvariant()));
        var archivist = await ArchivistAsync(world);

        var page = await archivist.GetPageAsync($"/archive/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        Assert.Equal(app.Text("Archive.Document.IntegrityAlert", "en"), page.QuerySelector("[data-testid=integrity-alert]")!.TextContent);
        Assert.Equal("alert", page.QuerySelector("[data-testid=integrity-alert]")!.GetAttribute("role"));
        Assert.Null(page.QuerySelector("[data-testid=verified]"));
        Assert.Null(page.QuerySelector("[data-testid=display-frame]"));
        var failed = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.DocumentView" && r.TargetIds.Contains(id.ToString())).ToListAsync());
        Assert.Equal(AuditOutcome.Failed, Assert.Single(failed).Outcome);

        foreach (var url in new[] { $"/archive/documents/{id}/download", $"/archive/documents/{id}/display" })
        {
            var response = await archivist.GetAsync(url);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain("ClinicalDocument", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_display_form_is_sanitised_and_served_with_a_sandboxing_CSP_that_only_its_own_page_may_frame()
    {
        var world = await WorldAsync(app);
        var xhtml = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="fi"><head><title>Hyökkäys</title><script>parent.document.title='pwned-head'</script></head>
            <body><h1 style="color: navy">Merkintä</h1><p>Turvallinen teksti SAFE-TEXT.</p>
            <script>window.parent.document.title = 'pwned';</script>
            <img src="x" onerror="parent.document.title='pwned-img'" alt="kuva" />
            <a href="javascript:parent.document.title='pwned-link'">linkki</a>
            <a href="https://example.org/ohje">ohje</a>
            <iframe src="https://example.org/"></iframe><form action="https://example.org/"><input name="x" /></form>
            <div onclick="alert(1)">klikkaa</div><svg xmlns="http://www.w3.org/2000/svg" onload="alert(2)"><script>alert(3)</script></svg>
            </body></html>
            """);
        var header = First(world.Org);
        var created = await PostXmlAsync(world.Client, $"{Api}/documents", CdaTestData.Bytes(header, new XhtmlJsonBody(xhtml, CdaTestData.Json)));
        await Archived(created);
        var id = await IdOfAsync(header);
        var archivist = await ArchivistAsync(world);

        var display = await archivist.GetAsync($"/archive/documents/{id}/display");
        Assert.Equal(HttpStatusCode.OK, display.StatusCode);
        Assert.Equal("text/html", display.Content.Headers.ContentType!.MediaType);
        var csp = display.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "sandbox", "frame-ancestors 'self'" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.DoesNotContain("allow-scripts", csp);
        Assert.Equal("nosniff", display.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", display.Headers.GetValues("X-Frame-Options").Single());
        var html = await display.Content.ReadAsStringAsync();
        Assert.Contains("SAFE-TEXT", html);
        Assert.Contains("https://example.org/ohje", html);
        foreach (var bad in new[] { "<script", "onerror", "onclick", "onload", "javascript:", "pwned", "<iframe", "<form", "<svg" })
            Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);

        // The app's other pages keep their strict policy: no framing at all.
        var page = await archivist.GetAsync($"/archive/documents/{id}");
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("allow-scripts", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_professional_gets_403_and_another_organisations_archivist_404_on_every_archive_page()
    {
        var world = await WorldAsync(app);
        var header = First(world.Org);
        await Archived(await ArchiveAsync(world.Client, header));
        var id = await IdOfAsync(header);
        var urls = new[] { $"/archive/documents/{id}", $"/archive/documents/{id}/display", $"/archive/documents/{id}/download" };

        var professional = await TestData.PersonAsync(app, (Role.SocialWelfareProfessional, Scope.Organisation(world.Org.Id.Value)));
        var asProfessional = await AppClient.SignedInAsync(app, professional.UserName!);
        foreach (var url in urls.Prepend(Search))
            Assert.Equal(HttpStatusCode.Forbidden, (await asProfessional.GetAsync(url)).StatusCode);
        var home = await asProfessional.GetPageAsync("/");
        Assert.Null(home.QuerySelector("[data-testid='nav-Archive.Nav.Search']"));

        var elsewhere = await ArchivistAsync(await WorldAsync(app));
        foreach (var url in urls)
            Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(url)).StatusCode);
        var found = await AppClient.ParseAsync(await elsewhere.PostFormAsync(Search, new() { ["Input.Client"] = Hetu }));
        Assert.DoesNotContain($"/archive/documents/{id}", ResultLinks(found));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/archive/documents/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync("/archive/documents/not-a-guid")).StatusCode);
    }
}
