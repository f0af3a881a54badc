using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Statistics;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.Archive;

/// <summary>/archive/reconciliation: a source system's counts and hashes per day or client against the archive.</summary>
[Collection(AppCollection.Name)]
public sealed class ReconciliationPageTests(VakkaFactory app)
{
    private const string Url = "/archive/reconciliation";
    private static readonly string Zero = new('0', 64);

    /// <summary>What the source would report for documents, computed independently of the archive: oid and SHA-256 of the sent bytes.</summary>
    private static string HashOf(params Vakka.Cda.CdaHeader[] headers) =>
        Reconciliation.Hash(headers.Select(h => (OidOf(h), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes(h))))));

    [Fact]
    public async Task A_matching_csv_reports_no_differences_and_changed_counts_hashes_and_missing_days_are_listed()
    {
        var world = await WorldAsync(app);
        var march12 = new DateTimeOffset(2025, 3, 12, 23, 30, 0, TimeSpan.FromHours(2)); // Helsinki 12.3. (UTC 21:30)
        var march14 = new DateTimeOffset(2025, 3, 14, 0, 30, 0, TimeSpan.FromHours(2)); // Helsinki 14.3. (UTC 13.3. 22:30)
        var a = First(world.Org, effective: march12);
        var b = First(world.Org, OtherHetu, effective: march12);
        var c = First(world.Org, effective: march14);
        var voided = First(world.Org, effective: march14);
        foreach (var h in new[] { a, b, c, voided }) Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, h)).StatusCode);
        var v2 = Next(a, world.Org);
        Assert.Equal(HttpStatusCode.Created, (await VersionAsync(world.Client, OidOf(a), v2)).StatusCode);
        Assert.True((await world.Client.PostAsJsonAsync($"{Api}/documents/{OidOf(voided)}/void", new { reason = "Väärä asiakas" })).IsSuccessStatusCode);
        var archivist = await StatisticsPageTests.ArchivistAsync(app, world, "en");

        var matching = await archivist.SubmitAsync(Url, new() { ["By"] = "day", ["Csv"] = $"group,count,hash\n2025-03-12,3,{HashOf(a, b, v2)}\n2025-03-14,1,{HashOf(c)}\n" });
        Assert.NotNull(matching.QuerySelector("[data-testid=recon-none]"));

        var differing = await archivist.SubmitAsync(Url, new() { ["By"] = "day", ["Csv"] = $"2025-03-11,2,{Zero}\n2025-03-12,3,{HashOf(a, b)}\n2025-03-14,2,{HashOf(c)}\n" });
        var rows = differing.QuerySelectorAll("[data-testid=recon-differences] tbody tr").Select(r => (r.GetAttribute("data-testid"), r.QuerySelector("th")!.TextContent.Trim())).ToList();
        Assert.Equal([("diff-OnlyInSource", "2025-03-11"), ("diff-HashDiffers", "2025-03-12"), ("diff-CountDiffers", "2025-03-14")], rows);

        var missing = await archivist.SubmitAsync(Url, new() { ["By"] = "day", ["Csv"] = $"2025-03-14,1,{HashOf(c)}\n2025-03-12,3,{HashOf(a, b, v2)}\n2025-03-10,0,{Zero}" });
        Assert.Equal(["diff-OnlyInSource"], missing.QuerySelectorAll("[data-testid=recon-differences] tbody tr").Select(r => r.GetAttribute("data-testid")));
        var narrow = await archivist.SubmitAsync(Url, new() { ["By"] = "day", ["Csv"] = $"2025-03-14,1,{HashOf(c)}\n" });
        Assert.NotNull(narrow.QuerySelector("[data-testid=recon-none]")); // 12.3. is outside the uploaded range
    }

    [Fact]
    public async Task By_client_shows_masked_groups_and_keeps_the_hetu_out_of_the_page_and_the_audit_and_a_professional_gets_403()
    {
        var world = await WorldAsync(app);
        var a = First(world.Org);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, a)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, OtherHetu))).StatusCode);
        var archivist = await StatisticsPageTests.ArchivistAsync(app, world, "fi");

        var page = await archivist.SubmitAsync(Url, new() { ["By"] = "client", ["Csv"] = $"{Hetu},1,{HashOf(a)}\n" });
        var table = page.QuerySelector("[data-testid=recon-differences]")!;
        Assert.Equal(["diff-OnlyInArchive"], table.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-testid")));
        Assert.Contains("020292-****", table.TextContent);
        Assert.DoesNotContain("900C", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("901P", page.DocumentElement.OuterHtml);
        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.EventCode == "Archive.ReconciliationRun").ToListAsync());
        Assert.Contains(audit, r => r.Outcome == AuditOutcome.Success && r.TargetIds.Contains(world.Org.Id.Value.ToString()));
        Assert.All(audit, r => { Assert.DoesNotContain("900C", r.Canonical()); Assert.DoesNotContain("901P", r.Canonical()); });

        var professional = await AppClient.SignedInAsync(app, (await TestData.PersonAsync(app, (Role.SocialWelfareProfessional, Scope.Organisation(world.Org.Id.Value)))).UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task A_bad_csv_line_gives_a_localised_message_with_its_line_number_never_a_500()
    {
        var world = await WorldAsync(app);
        var archivist = await StatisticsPageTests.ArchivistAsync(app, world, "sv");
        var response = await archivist.PostFormAsync(Url, new() { ["By"] = "day", ["Csv"] = $"group,count,hash\n2025-03-12,1,{Zero}\n2025-13-01,1,{Zero}\n2025-03-13,x,{Zero}" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        var errors = ErrorSummary(page);
        Assert.Contains(app.Text("Archive.Recon.Error.Line", "sv").Replace("{0}", "3").Replace("{1}", app.Text("Archive.Recon.Error.Day", "sv")), errors);
        Assert.Contains(app.Text("Archive.Recon.Error.Line", "sv").Replace("{0}", "4").Replace("{1}", app.Text("Archive.Recon.Error.Count", "sv")), errors);
        Assert.Equal("true", page.GetElementById("Csv")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("[data-testid=recon-differences]"));
    }

    [Fact]
    public async Task The_api_answers_the_archives_own_counts_and_hashes_by_day_and_refuses_a_bad_range()
    {
        var world = await WorldAsync(app);
        var a = First(world.Org, effective: new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.FromHours(2)));
        var b = First(world.Org, OtherHetu, effective: new DateTimeOffset(2025, 3, 12, 11, 0, 0, TimeSpan.FromHours(2)));
        foreach (var h in new[] { a, b }) Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, h)).StatusCode);
        var archivist = await PersonClientAsync(app, world.Org, Role.Archivist);

        var response = await archivist.GetAsync($"{Api}/reconciliation?by=day&from=2025-03-01&to=2025-03-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var group = Assert.Single((await JsonAsync(response)).GetProperty("groups").EnumerateArray());
        Assert.Equal("2025-03-12", group.GetProperty("group").GetString());
        Assert.Equal(2, group.GetProperty("count").GetInt32());
        Assert.Equal(HashOf(a, b), group.GetProperty("hash").GetString());

        Assert.Equal(["QUERY_RANGE_INVALID"], await CodesAsync(await archivist.GetAsync($"{Api}/reconciliation?by=day&from=2025-03-31&to=2025-03-01")));
        Assert.Equal(["QUERY_VALUE_INVALID"], await CodesAsync(await archivist.GetAsync($"{Api}/reconciliation?by=client&from=2025-03-01&to=2025-03-31")));
        var professional = await PersonClientAsync(app, world.Org, Role.SocialWelfareProfessional);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync($"{Api}/reconciliation?by=day&from=2025-03-01&to=2025-03-31")).StatusCode);
    }

    [Theory]
    [InlineData("2025-03-12,1", "Archive.Recon.Error.Fields")]
    [InlineData("2025-03-12,-1,", "Archive.Recon.Error.Count")]
    [InlineData("2025-03-12,1,abc", "Archive.Recon.Error.Hash")]
    [InlineData("", "Archive.Recon.Error.Empty")]
    public void Parse_names_the_problem(string csv, string key) =>
        Assert.Equal(key, Assert.Single(Reconciliation.Parse(csv, ReconcileBy.Day).Problems).Key);

    [Fact]
    public void The_group_hash_is_the_sha256_of_the_sorted_lines() =>
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("1.2.3 aa\n1.2.30 bb"u8.ToArray())),
            Reconciliation.Hash([("1.2.30", "bb"), ("1.2.3", "aa")]));
}
