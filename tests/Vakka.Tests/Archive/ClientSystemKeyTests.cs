using System.Net;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using Vakka.Web;
using static Vakka.Tests.Archive.ArchiveKit;

namespace Vakka.Tests.Archive;

/// <summary>
/// /archive/clientsystems and the command archive apikey: the organisation's archivists (and the system administrator,
/// for any organisation) create keys shown once and stored hashed, and revoke them after a confirmation; a revoked key
/// gets 401 from the archive API at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClientSystemKeyTests(VakkaFactory app)
{
    private const string Url = "/archive/clientsystems";

    private static string For(Organisation org) => $"{Url}?organisation={org.Id}";

    private async Task<AppClient> SignedInAsync(Role role, Scope scope, string language = "en") =>
        await AppClient.SignedInAsync(app, (await TestData.PersonAsync(app, (role, scope))).UserName!, language: language);

    private Task<AppClient> ArchivistAsync(Organisation org, string language = "en") =>
        SignedInAsync(Role.Archivist, Scope.Organisation(org.Id.Value), language);

    private Task<List<ClientSystem>> KeysAsync(Organisation org) =>
        app.WithDbAsync(db => db.Set<ClientSystem>().AsNoTracking().Where(k => k.OrganisationId == org.Id).ToListAsync());

    private static HttpClient KeyClient(VakkaFactory app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ArchiveKeyHandler.Header, key);
        return client;
    }

    [Fact]
    public async Task An_archivist_creates_a_key_shown_once_that_works_and_a_confirmed_revocation_stops_it_at_once_with_401()
    {
        var org = await TestData.OrganisationAsync(app);
        var archivist = await ArchivistAsync(org);

        var empty = await archivist.GetPageAsync(Url); // the archivist's only organisation is chosen for them
        Assert.Equal(HttpStatusCode.OK, archivist.LastResponse!.StatusCode);
        Assert.NotNull(empty.QuerySelector("[data-testid=no-keys]"));
        Assert.NotNull(empty.QuerySelector("[data-testid='nav-Archive.Nav.ClientSystems']"));

        var created = await archivist.SubmitAsync(Url, new() { ["Input.Name"] = "  Asiakastietojärjestelmä  " }, handler: "Create");
        var key = created.QuerySelector("[data-testid=new-key-value]")!.TextContent;
        Assert.StartsWith("vka_", key);
        var stored = Assert.Single(await KeysAsync(org));
        Assert.Equal((ApiKeyHash.Of(key), key[..10], "Asiakastietojärjestelmä"), (stored.KeyHash, stored.KeyPrefix, stored.Name));
        Assert.NotNull(stored.CreatedBy);
        Assert.Null((await archivist.GetPageAsync(Url)).QuerySelector("[data-testid=new-key-value]")); // never shown again
        Assert.DoesNotContain(key, await (await archivist.GetAsync(Url)).Content.ReadAsStringAsync());

        var system = KeyClient(app, key);
        var document = First(org);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(system, document)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync($"{Api}/documents/{OidOf(document)}")).StatusCode);
        var listed = await archivist.GetPageAsync(Url);
        var row = listed.QuerySelector($"[data-testid=key-{stored.Id}]")!;
        Assert.Contains(stored.KeyPrefix, row.TextContent);
        Assert.Contains(app.Text("Common.Active"), row.TextContent);

        // Revoking asks first: following the link only shows the confirmation, and the key still works.
        var confirm = await archivist.GetPageAsync(row.QuerySelector("[data-testid=revoke]")!.GetAttribute("href")!);
        Assert.NotNull(confirm.QuerySelector("[data-testid=revoke-confirm]"));
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync($"{Api}/documents/{OidOf(document)}")).StatusCode);
        var revoked = await archivist.SubmitAsync($"{For(org)}&revoke={stored.Id}", [], handler: "Revoke");
        Assert.Contains(app.Text("Archive.ClientSystems.Revoked"), revoked.QuerySelector(".flash")!.TextContent);
        Assert.Null(revoked.QuerySelector($"[data-testid=key-{stored.Id}] [data-testid=revoke]"));
        Assert.NotNull((await KeysAsync(org)).Single().RevokedAt);

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.GetAsync($"{Api}/documents/{OidOf(document)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ArchiveAsync(system, First(org))).StatusCode);

        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode.StartsWith("Archive.ClientSystem") && r.TargetIds.Contains(org.Id.Value.ToString())).ToListAsync());
        Assert.Contains(audit, r => r.EventCode == "Archive.ClientSystemCreate" && r.Outcome == AuditOutcome.Success && r.TargetIds.Contains(stored.Id.Value.ToString()));
        Assert.Contains(audit, r => r.EventCode == "Archive.ClientSystemRevoke" && r.Outcome == AuditOutcome.Success && r.TargetIds.Contains(stored.Id.Value.ToString()));
        Assert.Contains(audit, r => r.EventCode == "Archive.ClientSystemList");
        Assert.All(audit, r => Assert.DoesNotContain(key, r.Canonical()));
    }

    [Fact]
    public async Task Only_the_organisations_archivists_and_the_system_administrator_manage_its_keys()
    {
        var world = await WorldAsync(app); // an organisation with a key of its own
        var other = await TestData.OrganisationAsync(app);
        var mine = await ArchivistAsync(world.Org);
        var elsewhere = await ArchivistAsync(other);
        var professional = await SignedInAsync(Role.SocialWelfareProfessional, Scope.Organisation(world.Org.Id.Value));
        var admin = await SignedInAsync(Role.SystemAdmin, Scope.Global);

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(For(world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(For(world.Org))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(For(world.Org))).StatusCode);
        Assert.Null((await professional.GetPageAsync("/")).QuerySelector("[data-testid='nav-Archive.Nav.ClientSystems']"));
        var anonymous = await AppClient.For(app).GetAsync(For(world.Org));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.ToString());

        // Another organisation's archivist cannot create or revoke here, whatever the form says (the gate checks the organisation).
        var forged = await elsewhere.PostFormAsync(Url, new() { ["Input.Name"] = "Varastettu" }, handler: "Create",
            postUrl: $"{Url}?handler=Create&organisation={world.Org.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var smuggled = await elsewhere.PostFormAsync(Url, new() { ["Input.Name"] = "Varastettu", ["Organisation"] = world.Org.Id.ToString() }, handler: "Create");
        Assert.Equal(HttpStatusCode.Forbidden, smuggled.StatusCode);
        var revokeThere = await elsewhere.PostFormAsync(Url, [], handler: "Create", postUrl: $"{Url}?handler=Revoke&organisation={world.Org.Id}&key={world.ClientSystemId}");
        Assert.Equal(HttpStatusCode.Forbidden, revokeThere.StatusCode);
        var revokeViaOwn = await elsewhere.PostFormAsync(Url, [], handler: "Create", postUrl: $"{Url}?handler=Revoke&organisation={other.Id}&key={world.ClientSystemId}");
        Assert.Equal(HttpStatusCode.NotFound, revokeViaOwn.StatusCode);
        Assert.Equal(1, (await KeysAsync(world.Org)).Count(k => k.RevokedAt is null));
        Assert.Empty(await KeysAsync(other));
        var denied = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.ClientSystemCreate" && r.TargetIds == world.Org.Id.Value.ToString()).Select(r => r.Outcome).ToListAsync());
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Denied], denied);

        // The system administrator chooses any organisation from the list and manages its keys.
        var list = await admin.GetPageAsync(Url);
        Assert.Equal(HttpStatusCode.OK, admin.LastResponse!.StatusCode);
        var options = list.QuerySelectorAll("#organisation option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(world.Org.Id.ToString(), options);
        Assert.Contains(other.Id.ToString(), options);
        Assert.NotNull((await admin.GetPageAsync(For(world.Org))).QuerySelector($"[data-testid=key-{world.ClientSystemId}]"));
        var made = await admin.SubmitAsync(For(other), new() { ["Input.Name"] = "Ylläpitäjän avain" }, handler: "Create");
        Assert.StartsWith("vka_", made.QuerySelector("[data-testid=new-key-value]")!.TextContent);
        Assert.Single(await KeysAsync(other));
    }

    [Theory]
    [InlineData("fi", "", "Validation.Required")]
    [InlineData("sv", "   ", "Validation.Required")]
    [InlineData("en", "101", "Validation.TooLong")]
    public async Task A_missing_or_too_long_name_gets_a_localised_message_on_the_field_and_creates_nothing(string language, string name, string key)
    {
        var org = await TestData.OrganisationAsync(app);
        var archivist = await ArchivistAsync(org, language);
        var response = await archivist.PostFormAsync(Url, new() { ["Input.Name"] = name == "101" ? new string('x', 101) : name }, handler: "Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        var expected = key == "Validation.TooLong"
            ? string.Format(app.Text(key, language), app.Text("Archive.ClientSystems.Name", language), 100)
            : app.Text(key, language);
        Assert.Contains(expected, page.QuerySelector("[data-testid=error-summary]")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        Assert.Contains(expected, page.QuerySelector("#Input_Name-error")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=new-key]"));
        Assert.Empty(await KeysAsync(org));
        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EventCode == "Archive.ClientSystemCreate" && r.TargetIds.Contains(org.Id.Value.ToString())).Select(r => r.Outcome).ToListAsync());
        Assert.Equal([AuditOutcome.Invalid], audit);
    }

    [Fact]
    public async Task The_archive_apikey_command_prints_a_working_key_once_and_refuses_bad_input()
    {
        var org = await TestData.OrganisationAsync(app);
        var output = new StringWriter();
        Assert.Equal(0, await Commands.TryRunAsync(app.Services, ["archive", "apikey", org.Oid, "Potilas-", "ja", "asiakastietojärjestelmä"], output));
        var key = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("vka_", StringComparison.Ordinal));
        var stored = Assert.Single(await KeysAsync(org));
        Assert.Equal(("Potilas- ja asiakastietojärjestelmä", ApiKeyHash.Of(key)), (stored.Name, stored.KeyHash));
        Assert.Null(stored.CreatedBy);
        Assert.Equal(HttpStatusCode.Created, (await ArchiveAsync(KeyClient(app, key), First(org))).StatusCode);

        foreach (var args in new[]
        {
            new[] { "archive", "apikey", "1.2.246.10.999999999", "Järjestelmä" },
            ["archive", "apikey", "not-an-oid", "Järjestelmä"],
            ["archive", "apikey", org.Oid, new string('x', 101)],
            ["archive", "apikey", org.Oid],
        })
        {
            var refused = new StringWriter();
            Assert.Equal(1, await Commands.TryRunAsync(app.Services, args, refused));
            Assert.DoesNotContain("vka_", refused.ToString());
        }
        Assert.Single(await KeysAsync(org));
        var usage = new StringWriter();
        await Commands.TryRunAsync(app.Services, ["archive", "apikey", org.Oid], usage);
        Assert.Contains("archive apikey <organisation OID> <name>", usage.ToString());
    }
}
