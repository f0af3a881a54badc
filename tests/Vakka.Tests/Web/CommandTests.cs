using System.Net;
using Vakka.Platform.Access;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using Vakka.Web;

namespace Vakka.Tests.Web;

/// <summary>The operator commands: the first administrator of a new installation, migrations, usage.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandTests(VakkaFactory app)
{
    [Fact]
    public async Task Admin_create_prints_a_link_that_sets_the_password_of_a_working_administrator()
    {
        var userName = TestData.Unique("first.admin");
        var output = new StringWriter();
        Assert.Equal(0, await Commands.TryRunAsync(app.Services, ["admin", "create", userName, $"{userName}@kunta.example", "Eka", "Ylläpitäjä"], output));
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/reset-password"));

        var client = AppClient.For(app);
        var set = await client.PostFormAsync(new Uri(link).PathAndQuery, new() { ["Input.NewPassword"] = "Eka-salasana-2026", ["Input.ConfirmPassword"] = "Eka-salasana-2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var admin = await AppClient.SignedInAsync(app, userName, "Eka-salasana-2026");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/directory/organisations")).StatusCode);

        var again = new StringWriter();
        Assert.Equal(1, await Commands.TryRunAsync(app.Services, ["admin", "create", userName, "x@kunta.example"], again));
        Assert.Contains("taken", again.ToString());
    }

    [Fact]
    public async Task Migrate_succeeds_on_an_up_to_date_database_and_unknown_commands_print_the_usage()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Commands.TryRunAsync(app.Services, ["migrate"], output));
        Assert.Contains("up to date", output.ToString());
        var usage = new StringWriter();
        Assert.Equal(1, await Commands.TryRunAsync(app.Services, ["audit", "frobnicate"], usage));
        Assert.Contains("audit verify", usage.ToString());
        Assert.Null(await Commands.TryRunAsync(app.Services, ["--urls", "http://127.0.0.1:1"], usage));
        Assert.Null(await Commands.TryRunAsync(app.Services, [], usage));
    }
}
