using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Testing;

namespace Vakka.Tests.Platform;

/// <summary>The audit log: one chained row per audited request, no personal data, and a verify command that finds tampering.</summary>
public sealed class AuditChainTests : IClassFixture<VakkaFactory>
{
    private readonly VakkaFactory app;
    public AuditChainTests(VakkaFactory app) => this.app = app;

    /// <summary>The rows in chain order, after chaining what is waiting (the sealer also runs every second).</summary>
    private async Task<List<AuditRecord>> RowsAsync()
    {
        await app.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().SealAsync(CancellationToken.None));
        return await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().OrderBy(r => r.ChainIndex).ToListAsync());
    }

    private Task<AuditVerification> VerifyAsync() =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None));

    [Fact]
    public async Task Requests_write_chained_rows_without_personal_data_and_tampering_is_found_by_the_verify_command()
    {
        var area = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        await client.GetAsync("/directory/sites");
        await AppClient.For(app).PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = coordinator.UserName!, ["Input.Password"] = "wrong-password-123" });

        var rows = await RowsAsync();
        Assert.Contains(rows, r => r.EventCode == "Directory.SignIn" && r.Outcome == AuditOutcome.Success && r.ActorAccountId == coordinator.Id);
        Assert.Contains(rows, r => r.EventCode == "Directory.SignIn" && r.Outcome == AuditOutcome.Denied && r.ActorAccountId == coordinator.Id);
        Assert.Contains(rows, r => r.EventCode == "Directory.SiteList" && r.ActionCode == "Directory.ViewSites" && r.ActorAccountId == coordinator.Id);
        foreach (var row in rows)
        {
            Assert.DoesNotContain(coordinator.UserName!, row.Canonical());
            Assert.DoesNotContain(coordinator.DisplayName, row.Canonical());
            Assert.Equal(row.ComputeHash(), row.Hash);
        }
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].ChainIndex + 1, rows[i].ChainIndex);
            Assert.Equal(rows[i - 1].Hash, rows[i].PreviousHash);
        }

        var intact = await VerifyAsync();
        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(rows.Count, intact.RowsChecked);
        Assert.Equal(0, await RunVerifyCommandAsync());

        // Someone with database access edits one row: the chain breaks exactly there.
        var victim = rows[rows.Count / 2];
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_event SET outcome = 'Success', event_code = 'Directory.SiteRead' WHERE seq = {0}", victim.Seq));
        var broken = await VerifyAsync();
        Assert.False(broken.Intact);
        Assert.Equal(victim.Seq, broken.FirstBrokenSeq);
        Assert.Equal(2, await RunVerifyCommandAsync());

        // Putting the row back as it was makes the chain whole again; deleting a row is found too.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_event SET outcome = {0}, event_code = {1} WHERE seq = {2}", victim.Outcome.ToString(), victim.EventCode, victim.Seq));
        Assert.True((await VerifyAsync()).Intact);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_event WHERE seq = {0}", victim.Seq));
        var gap = await VerifyAsync();
        Assert.False(gap.Intact);
        Assert.Equal(rows[rows.Count / 2 + 1].Seq, gap.FirstBrokenSeq); // the row after the hole no longer has its place
        Assert.Contains($"place {victim.ChainIndex}", gap.Problem);
    }

    /// <summary>Runs the real command line: dotnet Vakka.Web.dll audit verify, against this test's database.</summary>
    private async Task<int> RunVerifyCommandAsync()
    {
        var configuration = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var web = Path.Combine(AppContext.BaseDirectory, "Vakka.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "audit", "verify"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = configuration["Database:Provider"];
        start.Environment["ConnectionStrings__Default"] = configuration["ConnectionStrings:Default"];
        start.Environment["Jobs__Enabled"] = "false";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Contains(process.ExitCode == 0 ? "intact" : "BROKEN", output);
        return process.ExitCode;
    }

    [Fact]
    public async Task A_list_page_records_every_row_it_showed()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app);
        var sites = new List<Guid>();
        for (var i = 0; i < 80; i++) sites.Add((await TestData.SiteAsync(app, org, area)).Id.Value);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/directory/sites")).StatusCode);

        var row = (await RowsAsync()).Last(r => r.EventCode == "Directory.SiteList" && r.ActorAccountId == coordinator.Id);
        Assert.Equal(sites.Order(), row.TargetIds.Split(',').Select(Guid.Parse).Order());
    }

    [Fact]
    public async Task Auditor_verifies_the_chain_on_the_audit_page_and_searches_by_actor()
    {
        var auditor = await TestData.PersonAsync(app, (Role.Auditor, Scope.Global));
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var adminClient = await AppClient.SignedInAsync(app, admin.UserName!);
        await adminClient.GetAsync("/directory/organisations");

        var client = await AppClient.SignedInAsync(app, auditor.UserName!);
        var page = await client.GetPageAsync($"/admin/audit?actor={admin.UserName}");
        var rows = page.QuerySelectorAll("[data-testid=audit-table] tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(admin.UserName!, r.TextContent));
        Assert.Contains(rows, r => r.TextContent.Contains("Directory.OrganisationList"));

        var verified = await client.SubmitAsync("/admin/audit", [], handler: "Verify");
        Assert.NotNull(verified.QuerySelector("[data-testid=verify-result]"));

        // An administrator is not an auditor.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await adminClient.GetAsync("/admin/audit")).StatusCode);
    }
}
