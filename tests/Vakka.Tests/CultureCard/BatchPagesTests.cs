using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.CultureCard;

/// <summary>The national coordinator's pages over HTTP: card batches, their print sheets, legacy import, the life-situation list and area rules.</summary>
[Collection(AppCollection.Name)]
public sealed class BatchPagesTests(VakkaFactory app)
{
    private const string CreatePage = "/culturecard/batches/create";
    private const string LegacyPage = "/culturecard/batches/legacy";

    private Task<Account> NationalAsync() => TestData.PersonAsync(app, (Role.NationalCoordinator, Scope.Global));

    private Task<List<CardBatch>> BatchesOfAsync(Area area) =>
        app.WithDbAsync(db => db.Set<CardBatch>().AsNoTracking().Where(b => b.AreaId == area.Id).ToListAsync());

    private Task<List<CardCodeRecord>> CodesOfAsync(Area area) =>
        app.WithDbAsync(db => db.Set<CardCodeRecord>().AsNoTracking().Where(c => c.AreaId == area.Id).ToListAsync());

    // ---- card batches ----

    [Fact]
    public async Task National_coordinator_creates_a_batch_of_50_and_prints_it_with_QR_codes_and_barcodes()
    {
        var area = await TestData.AreaAsync(app);
        var national = await NationalAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!);
        var mark = await AuditMarkAsync(app);

        var response = await client.PostFormAsync(CreatePage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Count"] = "50" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var batch = Assert.Single(await BatchesOfAsync(area));
        Assert.Equal(BatchKind.New, batch.Kind);
        Assert.Equal(50, batch.Size);
        Assert.Equal(national.Id, batch.CreatedBy?.Value);
        var codes = await CodesOfAsync(area);
        Assert.Equal(50, codes.Count);
        Assert.Equal(50, codes.Select(c => c.Code).Distinct().Count());
        Assert.All(codes, c =>
        {
            Assert.Equal(batch.Id, c.BatchId);
            Assert.False(c.IsLegacy);
            Assert.Equal(CardCode.Check.Valid, CardCode.Verify(c.Code));
        });
        await AssertOneChangeAsync(app, mark, "CultureCard.BatchCreate", national.Id, batch.Id.Value);
        Assert.Equal($"/culturecard/batches/print/{batch.Id}", response.Headers.Location!.ToString());

        mark = await AuditMarkAsync(app);
        var print = await client.GetPageAsync(response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal(Text(app, "CultureCard.Batches.Created", "en"), Flash(print));
        var cards = print.QuerySelectorAll("[data-testid=cards] .print-card").ToList();
        Assert.Equal(50, cards.Count);
        Assert.Equal(codes.Select(c => c.Code).Order(), cards.Select(c => c.GetAttribute("data-code")!).Order());
        foreach (var card in cards)
        {
            var code = card.GetAttribute("data-code")!;
            Assert.Equal(CardCode.Display(code), card.QuerySelector("[data-testid=card-id]")!.TextContent.Trim());
            var qr = (IHtmlImageElement)card.QuerySelector("img[data-testid=qr]")!;
            var barcode = (IHtmlImageElement)card.QuerySelector("img[data-testid=barcode]")!;
            Assert.StartsWith("<svg", SvgOf(qr));
            Assert.Equal(code, Code39Tests.Decode(SvgOf(barcode)));
            Assert.Equal(Text(app, "CultureCard.Batches.Print.QrAlt", "en", CardCode.Display(code)), qr.AlternativeText);
            Assert.Equal(Text(app, "CultureCard.Batches.Print.BarcodeAlt", "en", CardCode.Display(code)), barcode.AlternativeText);
        }
        Assert.Equal(5, print.QuerySelectorAll(".card-sheet").Length); // ten cards an A4 sheet
        Assert.Contains(print.QuerySelectorAll("link[rel=stylesheet]"), l => (l.GetAttribute("href") ?? "").StartsWith("/css/print-cards.", StringComparison.Ordinal));
        Assert.Empty(print.QuerySelectorAll("[style]")); // the CSP forbids inline styles
        await AssertOneChangeAsync(app, mark, "CultureCard.BatchPrint", national.Id, batch.Id.Value);

        var list = await client.GetPageAsync($"/culturecard/batches?areaId={area.Id}");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=batches] tbody tr"));
        Assert.Contains(area.Name, row.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-testid=printed]")!.TextContent.Trim());
        Assert.Contains(Text(app, "CultureCard.Batches.Kind.New", "en"), row.TextContent);
    }

    private static string SvgOf(IHtmlImageElement img)
    {
        const string prefix = "data:image/svg+xml;base64,";
        var src = img.GetAttribute("src")!;
        Assert.StartsWith(prefix, src);
        return Encoding.UTF8.GetString(Convert.FromBase64String(src[prefix.Length..]));
    }

    [Fact]
    public async Task A_large_batch_prints_in_parts_of_a_hundred()
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);
        var response = await client.PostFormAsync(CreatePage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Count"] = "230" });
        var url = response.Headers.Location!.ToString();

        var first = await client.GetPageAsync(url);
        var third = await client.GetPageAsync(url + "?part=3");

        Assert.Equal(100, first.QuerySelectorAll(".print-card").Length);
        Assert.Equal(["1–100", "101–200", "201–230"], first.QuerySelectorAll("[data-testid=parts] a").Select(a => a.TextContent.Trim()));
        Assert.Equal(30, third.QuerySelectorAll(".print-card").Length);
        var all = (await CodesOfAsync(area)).Select(c => c.Code).ToHashSet();
        Assert.Equal(230, all.Count);
        Assert.Subset(all, third.QuerySelectorAll(".print-card").Select(c => c.GetAttribute("data-code")!).ToHashSet());
        Assert.Empty(first.QuerySelectorAll(".print-card").Select(c => c.GetAttribute("data-code")).Intersect(third.QuerySelectorAll(".print-card").Select(c => c.GetAttribute("data-code"))));
    }

    [Fact]
    public async Task The_largest_batch_of_5000_is_created_at_once_with_unique_ids()
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.PostFormAsync(CreatePage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Count"] = "5000" });

        clock.Stop();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var codes = await CodesOfAsync(area);
        Assert.Equal(5000, codes.Select(c => c.Code).Distinct().Count());
        Assert.Equal(5000, Assert.Single(await BatchesOfAsync(area)).Size);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"5000 IDs took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("0", "fi")]
    [InlineData("5001", "sv")]
    [InlineData("abc", "en")]
    [InlineData("-3", "en")]
    [InlineData("2.5", "fi")]
    public async Task A_bad_number_of_cards_gets_a_field_message_and_nothing_is_saved(string count, string language)
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!, language: language);

        var response = await client.PostFormAsync(CreatePage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Count"] = count });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal(Text(app, "CultureCard.Batches.Count.Range", language, 1, 5000), FieldError(page, "Input.Count"));
        Assert.Equal(count, FieldValue(page, "Input.Count"));
        Assert.Equal(area.Id.ToString(), FieldValue(page, "Input.AreaId"));
        Assert.Empty(await BatchesOfAsync(area));
        Assert.Empty(await CodesOfAsync(area));
    }

    [Fact]
    public async Task A_missing_area_or_count_is_required()
    {
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);

        var page = await client.SubmitAsync(CreatePage, new() { ["Input.AreaId"] = "", ["Input.Count"] = "" });

        Assert.Equal(Text(app, "Validation.Required", "en"), FieldError(page, "Input.AreaId"));
        Assert.Equal(Text(app, "Validation.Required", "en"), FieldError(page, "Input.Count"));
    }

    [Fact]
    public async Task Area_coordinator_and_venue_site_may_not_use_the_batch_pages()
    {
        var area = await TestData.AreaAsync(app);
        var org = await TestData.OrganisationAsync(app);
        var venue = await TestData.SiteAsync(app, org, area, SiteType.Venue);
        var codes = await CardData.CodesAsync(app, area, 2);
        var batchId = (await CodesOfAsync(area))[0].BatchId;
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var venueAccount = await TestData.SiteAccountAsync(app, venue, Role.VenueSite);

        foreach (var account in new[] { coordinator, venueAccount })
        {
            var client = await AppClient.SignedInAsync(app, account.UserName!);
            var mark = await AuditMarkAsync(app);
            foreach (var url in new[] { "/culturecard/batches", CreatePage, LegacyPage, $"/culturecard/batches/print/{batchId}" })
                Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"{account.UserName} {url}");
            var post = await PostAsForgedFormAsync(client, "/account/change-password", CreatePage,
                new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Count"] = "5" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            var denied = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "CultureCard.BatchCreate");
            Assert.Equal(AuditOutcome.Denied, denied.Outcome);
            Assert.Equal(account.Id, denied.ActorAccountId);
            Assert.Equal("CultureCard.ManageBatches", denied.ActionCode);
            Assert.DoesNotContain(await AuditSinceAsync(app, mark), r => r.Outcome == AuditOutcome.Success && r.EventCode.StartsWith("CultureCard."));
        }
        Assert.Single(await BatchesOfAsync(area));
        Assert.Equal(codes.Order(), (await CodesOfAsync(area)).Select(c => c.Code).Order());
    }

    [Fact]
    public async Task An_unknown_batch_is_not_found()
    {
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/culturecard/batches/print/{Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/culturecard/batches/print/not-an-id")).StatusCode);
    }

    // ---- legacy import ----

    [Fact]
    public async Task Legacy_import_reports_each_line_and_stores_only_the_valid_new_ones()
    {
        var area = await TestData.AreaAsync(app);
        var otherArea = await TestData.AreaAsync(app);
        var existing = (await CardData.CodesAsync(app, otherArea))[0];
        var national = await NationalAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!);
        var prefix = "L" + Guid.CreateVersion7().ToString("N")[^8..].ToUpperInvariant();
        var list = string.Join("\n",
            $"{prefix}-001",          // 1 accepted: hyphen removed
            $"{prefix.ToLowerInvariant()}002",  // 2 accepted: upper-cased
            $"{prefix}001",           // 3 same as line 1
            "AB",                     // 4 too short
            "",                       // 5 empty: skipped
            existing,                 // 6 already in the registry
            $"\"{prefix} 003\";Kallio;2019", // 7 CSV, first column, quotes and space
            "ÄÄK-123",                // 8 not A–Z
            $"{prefix}0040000000000000"); // 9 too long (over 20)
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync(LegacyPage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Codes"] = list });

        var outcomes = page.QuerySelectorAll("[data-testid=report] tr[data-line]")
            .ToDictionary(tr => int.Parse(tr.GetAttribute("data-line")!), tr => tr.GetAttribute("data-outcome"));
        Assert.Equal(new Dictionary<int, string?>
        {
            [1] = "Accepted", [2] = "Accepted", [3] = "DuplicateInList", [4] = "Format", [6] = "Exists", [7] = "Accepted", [8] = "Format", [9] = "Format",
        }, outcomes);
        var refused = page.QuerySelectorAll("[data-testid=refused] tbody tr").ToDictionary(tr => tr.GetAttribute("data-line")!, tr => tr.Children[2].TextContent.Trim());
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Outcome.DuplicateInList", "en", 1), refused["3"]);
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Outcome.Format", "en"), refused["4"]);
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Outcome.Exists", "en"), refused["6"]);
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Saved", "en", 3, 5), page.QuerySelector("[data-testid=report-summary]")!.TextContent.Trim()
            .Replace(Text(app, "CultureCard.Batches.Legacy.PrintLink", "en"), "").Trim());

        var batch = Assert.Single(await BatchesOfAsync(area));
        Assert.Equal(BatchKind.Legacy, batch.Kind);
        Assert.Equal(3, batch.Size);
        var stored = await CodesOfAsync(area);
        Assert.Equal(new[] { $"{prefix}001", $"{prefix}002", $"{prefix}003" }, stored.Select(c => c.Code).Order());
        Assert.All(stored, c => Assert.True(c.IsLegacy));
        Assert.Single(await app.WithDbAsync(db => db.Set<CardCodeRecord>().Where(c => c.Code == existing).ToListAsync())); // untouched, in its own area
        await AssertOneChangeAsync(app, mark, "CultureCard.LegacyImport", national.Id, batch.Id.Value, prefix);

        // The refused lines are given back to fix; importing them again changes nothing that was saved.
        Assert.Equal(string.Join("\n", $"{prefix}001", "AB", existing, "ÄÄK-123", $"{prefix}0040000000000000"),
            FieldValue(page, "Input.Codes")?.ReplaceLineEndings("\n"));
        var again = await client.SubmitAsync(LegacyPage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Codes"] = $"{prefix}001" });
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.NothingAccepted", "en"), FieldError(again, "Input.Codes"));
        Assert.Equal("Exists", again.QuerySelector("[data-testid=refused] tbody tr")!.GetAttribute("data-outcome"));
        Assert.Single(await BatchesOfAsync(area));
    }

    [Fact]
    public async Task Checking_a_legacy_list_saves_nothing()
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!, language: "fi");
        var code = "C" + Guid.CreateVersion7().ToString("N")[^10..].ToUpperInvariant();

        var response = await client.PostFormAsync(LegacyPage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Codes"] = $"{code}\nX" },
            postUrl: $"{LegacyPage}?handler=Check");
        var page = await AppClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Checked", "fi", 1, 1), page.QuerySelector("[data-testid=report-summary]")!.TextContent.Trim());
        Assert.Equal($"{code}\nX", FieldValue(page, "Input.Codes")?.ReplaceLineEndings("\n"));
        // The checked page's form still imports (it must not post to ?handler=Check again), with its token.
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        Assert.Equal(LegacyPage, form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Contains("handler=Check", page.QuerySelector("[data-testid=check]")!.GetAttribute("formaction"));
        Assert.Empty(await BatchesOfAsync(area));
        Assert.Empty(await CodesOfAsync(area));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_legacy_list_that_is_empty_or_has_no_valid_line_saves_nothing(string language)
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!, language: language);

        var empty = await client.SubmitAsync(LegacyPage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Codes"] = " \n " });
        var bad = await client.SubmitAsync(LegacyPage, new() { ["Input.AreaId"] = area.Id.ToString(), ["Input.Codes"] = "x\n!!!" });

        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Empty", language), FieldError(empty, "Input.Codes"));
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.NothingAccepted", language), FieldError(bad, "Input.Codes"));
        Assert.Equal("x\n!!!", FieldValue(bad, "Input.Codes")?.ReplaceLineEndings("\n"));
        Assert.Equal(2, bad.QuerySelectorAll("[data-testid=refused] tbody tr").Length);
        Assert.Empty(await BatchesOfAsync(area));
    }

    [Fact]
    public async Task Legacy_ids_can_be_uploaded_as_a_csv_file_with_a_heading()
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);
        var prefix = "F" + Guid.CreateVersion7().ToString("N")[^8..].ToUpperInvariant();
        var csv = $"\uFEFFKortin numero;Jakopiste\r\n{prefix}1;Kallio\r\n{prefix}2;Kallio\r\n";

        var page = await PostFileAsync(client, area, csv, hasHeading: true);

        Assert.Equal(new[] { $"{prefix}1", $"{prefix}2" }, (await CodesOfAsync(area)).Select(c => c.Code).Order());
        Assert.Equal(new[] { "2", "3" }, page.QuerySelectorAll("[data-testid=accepted] tbody tr").Select(tr => tr.GetAttribute("data-line")!));
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.Saved", "en", 2, 0), page.QuerySelector("[data-testid=report-summary]")!.TextContent
            .Replace(Text(app, "CultureCard.Batches.Legacy.PrintLink", "en"), "").Trim());

        var both = await PostFileAsync(client, area, $"{prefix}3\n", hasHeading: false, pasted: $"{prefix}4");
        Assert.Equal(Text(app, "CultureCard.Batches.Legacy.EitherOr", "en"), FieldError(both, "Input.File"));
        Assert.Equal(2, (await CodesOfAsync(area)).Count);
    }

    private static async Task<IHtmlDocument> PostFileAsync(AppClient client, Area area, string content, bool hasHeading, string pasted = "")
    {
        var form = await client.GetPageAsync(LegacyPage);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(area.Id.ToString()), "Input.AreaId" },
            { new StringContent(pasted), "Input.Codes" },
            { new StringContent(hasHeading ? "true" : "false"), "Input.HasHeading" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Input.File", "kortit.csv" },
        };
        var response = await client.Http.PostAsync(LegacyPage, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AppClient.ParseAsync(response);
    }

    // ---- life situations ----

    [Fact]
    public async Task National_coordinator_adds_a_life_situation_then_renames_reorders_and_deactivates_it()
    {
        var national = await NationalAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!);
        var code = "test-" + Guid.CreateVersion7().ToString("N")[^8..];
        var mark = await AuditMarkAsync(app);

        var list = await client.SubmitAsync("/culturecard/lifesituations/create", new()
        {
            ["Input.Code"] = code, ["Input.NameFi"] = "Turvapaikanhakija", ["Input.NameSv"] = "Asylsökande", ["Input.NameEn"] = "Asylum seeker",
            ["Input.Order"] = "95",
        });

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(list));
        var row = Assert.Single(list.QuerySelectorAll($"[data-testid=life-situations] tbody tr[data-code='{code}']"));
        Assert.Contains("Asylsökande", row.TextContent);
        var added = await app.WithDbAsync(db => db.Set<LifeSituation>().AsNoTracking().SingleAsync(l => l.Code == code));
        Assert.True(added.IsActive);
        Assert.Equal(95, added.Order);
        Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "CultureCard.LifeSituationUpdate" && r.Outcome == AuditOutcome.Success);

        var edit = $"/culturecard/lifesituations/edit/{added.Id}";
        var editPage = await client.GetPageAsync(edit);
        Assert.Equal(code, editPage.QuerySelector("[data-testid=code]")!.TextContent.Trim());
        Assert.Null(editPage.QuerySelector("[name='Input.Code']")); // the code never changes
        await client.SubmitAsync(edit, new()
        {
            ["Input.NameFi"] = "Turvapaikanhakija tai pakolainen", ["Input.NameSv"] = "Asylsökande eller flykting",
            ["Input.NameEn"] = "Asylum seeker or refugee", ["Input.Order"] = "5", ["Input.IsActive"] = "false",
        });

        var stored = await app.WithDbAsync(db => db.Set<LifeSituation>().AsNoTracking().SingleAsync(l => l.Id == added.Id));
        Assert.Equal(code, stored.Code);
        Assert.Equal("Asylsökande eller flykting", stored.NameSv);
        Assert.Equal(5, stored.Order);
        Assert.False(stored.IsActive);
        var after = await client.GetPageAsync("/culturecard/lifesituations");
        Assert.Contains(Text(app, "Common.Inactive", "en"), after.QuerySelector($"tr[data-code='{code}']")!.TextContent);
    }

    [Theory]
    [InlineData("Bad Code", "CultureCard.LifeSituations.Code.Format")]
    [InlineData("ends-", "CultureCard.LifeSituations.Code.Format")]
    [InlineData("työtön", "CultureCard.LifeSituations.Code.Format")]
    [InlineData("student", "CultureCard.LifeSituations.Code.Taken")]
    [InlineData("", "Validation.Required")]
    public async Task A_life_situation_code_must_be_new_and_kebab_case(string code, string key)
    {
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!, language: "sv");
        var before = await app.WithDbAsync(db => db.Set<LifeSituation>().CountAsync());

        var page = await client.SubmitAsync("/culturecard/lifesituations/create", new()
        {
            ["Input.Code"] = code, ["Input.NameFi"] = "Nimi", ["Input.NameSv"] = "Namn", ["Input.NameEn"] = "Name", ["Input.Order"] = "x",
        });

        Assert.Equal(Text(app, key, "sv"), FieldError(page, "Input.Code"));
        Assert.Equal(Text(app, "CultureCard.LifeSituations.Order.Range", "sv", 0, 10000), FieldError(page, "Input.Order"));
        Assert.Equal("Namn", FieldValue(page, "Input.NameSv"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<LifeSituation>().CountAsync()));
    }

    [Fact]
    public async Task Only_the_national_coordinator_edits_the_life_situation_list()
    {
        var area = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/culturecard/lifesituations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/culturecard/lifesituations/edit/1")).StatusCode);
        var post = await PostAsForgedFormAsync(client, "/account/change-password", "/culturecard/lifesituations/edit/1",
            new() { ["Input.NameFi"] = "X", ["Input.NameSv"] = "X", ["Input.NameEn"] = "X", ["Input.Order"] = "1", ["Input.IsActive"] = "false" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var first = await app.WithDbAsync(db => db.Set<LifeSituation>().AsNoTracking().SingleAsync(l => l.Id == 1));
        Assert.NotEqual("X", first.NameFi);
    }

    // ---- area rules ----

    private static Dictionary<string, string> Rules(string months = "18", string pilot = "", string issue = "7", string use = "60",
        string group = "12", bool local = true) => new()
    {
        ["Input.ValidityMonths"] = months, ["Input.PilotEndsOn"] = pilot, ["Input.IssueBackdateDays"] = issue,
        ["Input.UseBackdateDays"] = use, ["Input.CommunityGroupMax"] = group, ["Input.LocalOnly"] = local ? "true" : "false",
    };

    private Task<AreaRules?> StoredRulesAsync(Area area) =>
        app.WithDbAsync(db => db.Set<AreaRules>().AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == area.Id));

    [Fact]
    public async Task National_coordinator_sets_an_areas_rules()
    {
        var area = await TestData.AreaAsync(app);
        var national = await NationalAsync();
        var client = await AppClient.SignedInAsync(app, national.UserName!);
        var url = $"/culturecard/arearules/edit/{area.Id}";
        var form = await client.GetPageAsync(url);
        Assert.Equal("12", FieldValue(form, "Input.ValidityMonths")); // the defaults before the area sets any
        var mark = await AuditMarkAsync(app);

        var list = await client.SubmitAsync(url, Rules(pilot: "2027-05-31"));

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(list));
        Assert.NotNull(list.QuerySelector($"[data-testid=area-rules] tr[data-area='{area.Id}']"));
        var stored = await StoredRulesAsync(area);
        Assert.NotNull(stored);
        Assert.Equal((18, new DateOnly(2027, 5, 31), 7, 60, 12, true),
            (stored.ValidityMonths, stored.PilotEndsOn, stored.IssueBackdateDays, stored.UseBackdateDays, stored.CommunityGroupMax, stored.LocalOnly));
        await AssertOneChangeAsync(app, mark, "CultureCard.AreaRulesUpdate", national.Id, area.Id.Value);

        await client.SubmitAsync(url, Rules(months: "6", pilot: "", local: false));
        stored = await StoredRulesAsync(area);
        Assert.Equal((6, (DateOnly?)null, false), (stored!.ValidityMonths, stored.PilotEndsOn, stored.LocalOnly));
    }

    [Fact]
    public async Task Area_coordinator_sets_their_own_areas_rules_but_not_another_areas()
    {
        var own = await TestData.AreaAsync(app);
        var other = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(own.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        var list = await client.GetPageAsync("/culturecard/arearules");
        Assert.Equal([own.Id.ToString()], list.QuerySelectorAll("[data-testid=area-rules] tbody tr").Select(tr => tr.GetAttribute("data-area")!));

        await client.SubmitAsync($"/culturecard/arearules/edit/{own.Id}", Rules(group: "25"));
        Assert.Equal(25, (await StoredRulesAsync(own))!.CommunityGroupMax);

        var mark = await AuditMarkAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/culturecard/arearules/edit/{other.Id}")).StatusCode);
        var post = await PostAsForgedFormAsync(client, $"/culturecard/arearules/edit/{own.Id}", $"/culturecard/arearules/edit/{other.Id}", Rules(group: "40"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(await StoredRulesAsync(other));
        await AssertDeniedAsync(app, mark, "CultureCard.AreaRulesUpdate", "CultureCard.ManageAreaRules", coordinator.Id, other.Id.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/culturecard/arearules/edit/{Guid.CreateVersion7()}")).StatusCode);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Bad_area_rules_get_field_messages_and_nothing_is_saved(string language)
    {
        var area = await TestData.AreaAsync(app);
        var client = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!, language: language);

        var page = await client.SubmitAsync($"/culturecard/arearules/edit/{area.Id}",
            Rules(months: "0", pilot: "31.13.2026", issue: "61", use: "abc", group: "51"));

        string Range(string field, int min, int max) => Text(app, "CultureCard.AreaRules.Range", language,
            Text(app, $"CultureCard.AreaRules.{field}", language), min, max);
        Assert.Equal(Range("ValidityMonths", 1, 36), FieldError(page, "Input.ValidityMonths"));
        Assert.Equal(Range("IssueBackdateDays", 0, 60), FieldError(page, "Input.IssueBackdateDays"));
        Assert.Equal(Range("UseBackdateDays", 0, 365), FieldError(page, "Input.UseBackdateDays"));
        Assert.Equal(Range("CommunityGroupMax", 1, 50), FieldError(page, "Input.CommunityGroupMax"));
        Assert.Equal(Text(app, "CultureCard.AreaRules.PilotEndsOn.Format", language), FieldError(page, "Input.PilotEndsOn"));
        Assert.Equal("abc", FieldValue(page, "Input.UseBackdateDays"));
        Assert.Equal("31.13.2026", FieldValue(page, "Input.PilotEndsOn"));
        Assert.Null(await StoredRulesAsync(area));
    }

    [Fact]
    public async Task When_two_people_save_the_same_areas_rules_the_second_is_told_and_the_first_change_stays()
    {
        var area = await TestData.AreaAsync(app);
        await CardData.RulesAsync(app, area, r => r.ValidityMonths = 12);
        var national = await NationalAsync();
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var first = await AppClient.SignedInAsync(app, national.UserName!);
        var second = await AppClient.SignedInAsync(app, coordinator.UserName!, language: "fi");
        var url = $"/culturecard/arearules/edit/{area.Id}";
        var firstForm = await LoadFormAsync(first, url);
        var secondForm = await LoadFormAsync(second, url);
        var mark = await AuditMarkAsync(app);

        await firstForm.SubmitAsync(new() { ["Input.ValidityMonths"] = "24" });
        var afterSecond = await secondForm.SubmitAsync(new() { ["Input.ValidityMonths"] = "3" });

        Assert.Contains(Text(app, "Validation.ConcurrentEdit", "fi"), ErrorSummary(afterSecond));
        Assert.Equal("3", FieldValue(afterSecond, "Input.ValidityMonths"));
        Assert.Equal(24, (await StoredRulesAsync(area))!.ValidityMonths);
        var conflict = Assert.Single(await AuditSinceAsync(app, mark), r => r.EventCode == "CultureCard.AreaRulesUpdate" && r.ActorAccountId == coordinator.Id);
        Assert.Equal(AuditOutcome.Conflict, conflict.Outcome);
    }

    [Fact]
    public async Task Two_first_saves_of_an_areas_default_rules_also_conflict()
    {
        var area = await TestData.AreaAsync(app);
        var first = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);
        var second = await AppClient.SignedInAsync(app, (await NationalAsync()).UserName!);
        var url = $"/culturecard/arearules/edit/{area.Id}";
        var firstForm = await LoadFormAsync(first, url);
        var secondForm = await LoadFormAsync(second, url);

        await firstForm.SubmitAsync(new() { ["Input.CommunityGroupMax"] = "20" });
        var afterSecond = await secondForm.SubmitAsync(new() { ["Input.CommunityGroupMax"] = "30" });

        Assert.Contains(Text(app, "Validation.ConcurrentEdit", "en"), ErrorSummary(afterSecond));
        Assert.Equal(20, (await StoredRulesAsync(area))!.CommunityGroupMax);
    }
}
