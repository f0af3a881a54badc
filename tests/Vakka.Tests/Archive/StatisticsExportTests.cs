using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Vakka.Platform.Audit;
using Vakka.Platform.Finnish;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>/archive/statistics?handler=Export&amp;format=xlsx: the same figures as the CSV, as an Excel workbook.</summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsExportTests(VakkaFactory app)
{
    [Fact]
    public async Task The_statistics_export_as_an_excel_workbook_with_the_same_rows_as_the_csv()
    {
        var world = await WorldAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(world.Client, First(world.Org, OtherHetu, serviceTask: "10"))).StatusCode);
        var now = HelsinkiTime.ToLocal(DateTime.UtcNow);
        var archivist = await StatisticsPageTests.ArchivistAsync(app, world);

        var page = await archivist.GetPageAsync("/archive/statistics");
        var link = page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")!;
        Assert.Contains("format=xlsx", link);
        var export = await archivist.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", export.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);

        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Section", "Code", "Name", "Versions"], rows[0].Keys);
        var month = Assert.Single(rows, r => Equals(r["Code"], $"{now.Year}-{now.Month:00}"));
        Assert.Equal(("Archived per month", 2.0), ((string)month["Section"]!, Convert.ToDouble(month["Versions"], System.Globalization.CultureInfo.InvariantCulture)));
        var task = Assert.Single(rows, r => Equals(r["Section"], "By service task") && Equals(r["Code"]?.ToString(), "10"));
        Assert.StartsWith("10 ", (string)task["Name"]!, StringComparison.Ordinal);
        Assert.Equal(12 + 2, rows.Count(r => r["Section"] is "Archived per month" or "By service task"));

        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.StatisticsExport" && r.TargetIds.Contains(world.Org.Id.Value.ToString())).ToListAsync());
        Assert.Equal(AuditOutcome.Success, Assert.Single(audit).Outcome);
    }
}
