using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Statistics;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>/archive/statistics: the counts of archived versions by month, service task and type, the CSV export, access and audit.</summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsPageTests(VakkaFactory app)
{
    private const string Url = "/archive/statistics";

    internal static async Task<AppClient> ArchivistAsync(VakkaFactory app, ArchiveWorld world, string language = "en")
    {
        var account = await TestData.PersonAsync(app, (Role.Archivist, Scope.Organisation(world.Org.Id.Value)));
        return await AppClient.SignedInAsync(app, account.UserName!, language: language);
    }

    [Fact]
    public async Task The_page_counts_archived_versions_by_month_service_task_and_type_and_exports_them_as_csv()
    {
        var world = await WorldAsync(app);
        var first = First(world.Org);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await VersionAsync(world.Client, OidOf(first), Next(first, world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, OtherHetu))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, serviceTask: "10"))).StatusCode);
        var type = await app.WithDbAsync(db => db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.RegistrarOrgId == world.Org.Id).Select(d => d.DocTypeCode).FirstAsync());
        var now = HelsinkiTime.ToLocal(DateTime.UtcNow);
        var archivist = await ArchivistAsync(app, world);

        var page = await archivist.GetPageAsync(Url);
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        string Cell(string row) => page.QuerySelector($"[data-testid={row}] td")!.TextContent.Trim();
        Assert.Equal("4", Cell($"month-{now.Month}"));
        Assert.Equal("4", Cell("total"));
        Assert.Equal("3", Cell("task-15"));
        Assert.Equal("1", Cell("task-10"));
        Assert.Equal("4", Cell($"type-{type}"));
        Assert.NotNull(page.QuerySelector("[data-testid=by-month] canvas[data-chart]"));
        Assert.Null(page.QuerySelector("[data-testid=growth-warning]"));
        Assert.Equal("0", (await archivist.GetPageAsync($"{Url}?year={now.Year - 1}")).QuerySelector("[data-testid=total] td")!.TextContent.Trim());

        var export = await archivist.GetAsync($"{Url}?handler=Export&year={now.Year}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Section;Code;Name;Versions", lines[0]);
        Assert.Contains($"Archived per month;{now.Year}-{now.Month:00};;4", lines);
        Assert.Contains(lines, l => l.StartsWith("By service task;10;10 ", StringComparison.Ordinal) && l.EndsWith(";1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"By document type;{type};", StringComparison.Ordinal) && l.EndsWith(";4", StringComparison.Ordinal));

        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.StatisticsRead" || r.EventCode == "Archive.StatisticsExport").ToListAsync());
        Assert.Contains(audit, r => r.EventCode == "Archive.StatisticsExport" && r.Outcome == AuditOutcome.Success && r.TargetIds.Contains(world.Org.Id.Value.ToString()));
        Assert.All(audit, r => Assert.DoesNotContain("900C", r.Canonical()));

        var professional = await AppClient.SignedInAsync(app, (await TestData.PersonAsync(app, (Role.SocialWelfareProfessional, Scope.Organisation(world.Org.Id.Value)))).UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync($"{Url}?handler=Export")).StatusCode);
    }

    [Theory]
    [InlineData(600_001, 100_000, 500_000, true)]
    [InlineData(600_000, 100_000, 500_000, false)]
    [InlineData(100, 1_000, 500_000, false)]
    [InlineData(3, 0, 2, true)]
    public void The_growth_rule_warns_only_above_the_threshold(int last, int before, long threshold, bool warns) =>
        Assert.Equal(warns, new Growth(last, before, threshold).MustNotify);
}

/// <summary>An app whose growth-warning threshold is two documents.</summary>
public sealed class LowGrowthThresholdApp : VakkaFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Archive:YearlyGrowthWarning"] = "2" };
}

public sealed class GrowthWarningTests(LowGrowthThresholdApp app) : IClassFixture<LowGrowthThresholdApp>
{
    [Fact]
    public async Task A_growth_above_the_configured_threshold_shows_the_warning_to_notify_kanta()
    {
        var world = await WorldAsync(app);
        var archivist = await StatisticsPageTests.ArchivistAsync(app, world, "fi");
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, OtherHetu))).StatusCode);
        Assert.Null((await archivist.GetPageAsync("/archive/statistics")).QuerySelector("[data-testid=growth-warning]"));

        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, serviceTask: "10"))).StatusCode);
        var warning = (await archivist.GetPageAsync("/archive/statistics")).QuerySelector("[data-testid=growth-warning]");
        Assert.NotNull(warning);
        Assert.Contains(app.Text("Archive.Stats.GrowthWarning", "fi"), warning.TextContent);
        Assert.Contains("Kanta", warning.TextContent);
    }
}
