using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Jobs;
using Vakka.Testing;
using Vakka.Tests.Infrastructure;
using static Vakka.Tests.Directory.DirectoryKit;

namespace Vakka.Tests.Directory;

[Collection(AppCollection.Name)]
public sealed partial class AccountPagesTests(VakkaFactory app)
{
    private const string CreateSiteAccountPage = "/directory/accounts/createsiteaccount";

    private async Task<(Area Area, Organisation Organisation, Account Coordinator)> AreaWithCoordinatorAsync()
    {
        var area = await TestData.AreaAsync(app);
        var organisation = await TestData.OrganisationAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        return (area, organisation, coordinator);
    }

    private static Dictionary<string, string> NewAccount(Site site, string userName, string displayName, string email) => new()
    {
        ["Site"] = site.Id.ToString(),
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = displayName,
        ["Input.Email"] = email,
        ["Input.PreferredLanguage"] = "",
    };

    private Task<Account?> AccountNamedAsync(string userName) =>
        app.WithDbAsync(db => db.Set<Account>().AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName));

    private Task<List<RoleAssignmentRow>> RolesOfAsync(Guid account) =>
        app.WithDbAsync(db => db.Set<RoleAssignmentRow>().AsNoTracking().Where(r => r.AccountId == account).OrderBy(r => r.GrantedAt).ToListAsync());

    /// <summary>The e-mail in the outbox addressed to this address (the outbox is shared by the tests of the app).</summary>
    private MimeMessage? MailTo(string email) =>
        System.IO.Directory.Exists(app.OutboxFolder)
            ? System.IO.Directory.EnumerateFiles(app.OutboxFolder, "*.eml").Select(f => MimeMessage.Load(f))
                .SingleOrDefault(m => m.To.Mailboxes.Any(x => x.Address == email))
            : null;

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task Area_coordinator_creates_a_site_account_whose_holder_sets_a_password_from_the_emailed_link_and_signs_in()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Distributor);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var userName = TestData.Unique("kallio.sos.");
        var displayName = TestData.Unique("Kallion sosiaalitoimisto ");
        var email = $"{userName}@kaikukortti.example";
        var mark = await AuditMarkAsync(app);

        var details = await client.SubmitAsync($"{CreateSiteAccountPage}?site={site.Id}", NewAccount(site, userName, displayName, email));

        // The coordinator is back on the site's page, which lists the new account.
        Assert.Equal(Text(app, "Directory.Accounts.Created", "en"), Flash(details));
        Assert.Contains(userName, details.QuerySelector("[data-testid=site-accounts]")?.TextContent);
        var account = await AccountNamedAsync(userName);
        Assert.NotNull(account);
        Assert.Equal(AccountKind.Site, account.Kind);
        Assert.Equal(site.Id, account.SiteId);
        Assert.Equal(displayName, account.DisplayName);
        Assert.True(account.IsActive);
        Assert.Null(account.PasswordHash);
        var role = Assert.Single(await RolesOfAsync(account.Id));
        Assert.Equal((Role.DistributorSite, ScopeKind.Site, site.Id.Value, coordinator.Id), (role.Role, role.ScopeKind, role.ScopeId!.Value, role.GrantedBy!.Value));
        Assert.Null(role.RevokedAt);
        var audit = await AssertOneChangeAsync(app, mark, "Directory.AccountCreate", coordinator.Id, account.Id, userName, displayName, email);
        Assert.Contains(site.Id.ToString(), audit.TargetIds.Split(','));

        // The invitation is planned with the change and sent by the job runner.
        var job = Assert.Single(await app.WithDbAsync(db => db.Set<JobRecord>().AsNoTracking()
            .Where(j => j.Kind == "Platform.SendEmail" && j.Payload.Contains(email)).ToListAsync()));
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Null(MailTo(email));
        await app.RunJobsAsync();
        var mail = MailTo(email);
        Assert.NotNull(mail);
        Assert.Equal(Text(app, "Email.Invitation.Subject", "en"), mail.Subject);
        Assert.Contains(userName, mail.TextBody);
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value).PathAndQuery;
        Assert.Contains($"account={account.Id}", link);

        // The holder follows the link, sets a password and signs in with it.
        const string password = "Kulttuuria kaikille 2026";
        var holder = AppClient.For(app);
        var form = await holder.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, holder.LastResponse!.StatusCode);
        mark = await AuditMarkAsync(app);
        var signInPage = await holder.SubmitAsync(link, new() { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password });
        Assert.Equal(Text(app, "Reset.Done", "en"), Flash(signInPage));
        await AssertOneChangeAsync(app, mark, "Directory.PasswordReset", account.Id, account.Id, password, userName);
        var signedIn = await AppClient.SignedInAsync(app, userName, password);
        var ownSite = await signedIn.GetPageAsync($"/directory/sites/details/{site.Id}");
        Assert.Equal(HttpStatusCode.OK, signedIn.LastResponse!.StatusCode);
        Assert.Equal(site.Name, Heading(ownSite));

        // The link is used up.
        var again = await AppClient.For(app).SubmitAsync(link, new() { ["Input.NewPassword"] = "Toinen salasana 2026", ["Input.ConfirmPassword"] = "Toinen salasana 2026" });
        Assert.Contains(Text(app, "Directory.Password.LinkExpired", "en"), ErrorSummary(again));
    }

    [Fact]
    public async Task A_site_account_for_another_areas_site_is_refused()
    {
        var (_, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var otherArea = await TestData.AreaAsync(app);
        var otherSite = await TestData.SiteAsync(app, organisation, otherArea, SiteType.Venue);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!, language: "sv");
        var userName = TestData.Unique("vieras.");
        var email = $"{userName}@kaikukortti.example";

        var page = await client.SubmitAsync(CreateSiteAccountPage, NewAccount(otherSite, userName, "Vieras kohde", email));

        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal(Text(app, "Directory.Account.SiteNotYours", "sv"), FieldError(page, "Site"));
        Assert.Equal(userName, FieldValue(page, "Input.UserName"));
        Assert.Null(await AccountNamedAsync(userName));
        Assert.False(await app.WithDbAsync(db => db.Set<JobRecord>().AnyAsync(j => j.Payload.Contains(email))));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_its_open_session_ends_but_the_account_stays()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, site, Role.VenueSite);
        var session = await AppClient.SignedInAsync(app, account.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/directory/sites/details/{site.Id}")).StatusCode);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync($"/directory/accounts/details/{account.Id}", [], handler: "Deactivate");

        Assert.Equal(Text(app, "Common.Deactivated", "en"), Flash(page));
        Assert.Equal(Text(app, "Directory.Account.InactiveNotice", "en"), page.QuerySelector("[data-testid=account-inactive]")?.TextContent.Trim());
        var stored = await AccountNamedAsync(account.UserName!);
        Assert.NotNull(stored);
        Assert.False(stored.IsActive);
        Assert.NotEqual(account.SecurityStamp, stored.SecurityStamp);
        Assert.NotEmpty(await RolesOfAsync(account.Id));
        await AssertOneChangeAsync(app, mark, "Directory.AccountDeactivate", coordinator.Id, account.Id, account.UserName!);

        // The open session no longer reaches anything: it is sent to sign in.
        var afterwards = await session.GetAsync($"/directory/sites/details/{site.Id}");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        var location = afterwards.Headers.Location!;
        Assert.StartsWith("/account/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);

        // Signing in again is refused with the sign-in failure message.
        var fresh = AppClient.For(app, "fi");
        var response = await fresh.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = account.UserName!, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Text(app, "SignIn.Failed", "fi"), ErrorSummary(await AppClient.ParseAsync(response)));
    }

    [Fact]
    public async Task An_area_coordinator_cannot_give_the_system_administrator_role()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, site, Role.VenueSite);
        var person = await TestData.PersonAsync(app);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!, language: "fi");
        var url = $"/directory/accounts/details/{account.Id}";
        var mark = await AuditMarkAsync(app);

        // Not to a site account of their own area …
        var page = await client.SubmitAsync(url, new() { ["Role.Role"] = nameof(Role.SystemAdmin), ["Role.Scope"] = "Global" }, handler: "Assign");
        Assert.Equal(Text(app, "Directory.Role.SiteAccountOwnSiteOnly", "fi"), FieldError(page, "Role.Role"));
        Assert.DoesNotContain(await RolesOfAsync(account.Id), r => r.Role == Role.SystemAdmin);

        // … and a personal account is not theirs at all.
        var forged = await PostAsForgedFormAsync(client, url, $"/directory/accounts/details/{person.Id}?handler=Assign",
            new() { ["Role.Role"] = nameof(Role.SystemAdmin), ["Role.Scope"] = "Global" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(await RolesOfAsync(person.Id));
        await AssertDeniedAsync(app, mark, "Directory.RoleAssign", "Directory.AssignRole", coordinator.Id, person.Id);
        Assert.DoesNotContain(await AuditSinceAsync(app, mark), r => r.EventCode == "Directory.RoleAssign" && r.Outcome == Vakka.Platform.Audit.AuditOutcome.Success);
    }

    [Fact]
    public async Task A_site_account_cannot_get_a_role_on_another_site()
    {
        var (area, organisation, _) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var otherSite = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, site, Role.VenueSite);
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);

        var page = await client.SubmitAsync($"/directory/accounts/details/{account.Id}",
            new() { ["Role.Role"] = nameof(Role.VenueSite), ["Role.Scope"] = $"Site:{otherSite.Id}" }, handler: "Assign");

        Assert.Equal(Text(app, "Directory.Role.SiteAccountOwnSiteOnly", "en"), FieldError(page, "Role.Role"));
        Assert.Equal([site.Id.Value], (await RolesOfAsync(account.Id)).Select(r => r.ScopeId!.Value));
    }

    [Fact]
    public async Task A_site_account_cannot_get_the_role_of_another_kind_of_site()
    {
        var (area, organisation, _) = await AreaWithCoordinatorAsync();
        var venue = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, venue, Role.VenueSite);
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);

        // A venue's shared account would otherwise be able to hand out culture cards as a distributor.
        var page = await client.SubmitAsync($"/directory/accounts/details/{account.Id}",
            new() { ["Role.Role"] = nameof(Role.DistributorSite), ["Role.Scope"] = $"Site:{venue.Id}" }, handler: "Assign");

        Assert.Equal(Text(app, "Directory.Role.SiteAccountOwnSiteOnly", "en"), FieldError(page, "Role.Role"));
        Assert.Equal([Role.VenueSite], (await RolesOfAsync(account.Id)).Select(r => r.Role));
    }

    [Fact]
    public async Task A_role_the_account_already_holds_is_refused()
    {
        var (area, organisation, _) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, site, Role.VenueSite);
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!, language: "sv");

        var page = await client.SubmitAsync($"/directory/accounts/details/{account.Id}",
            new() { ["Role.Role"] = nameof(Role.VenueSite), ["Role.Scope"] = $"Site:{site.Id}" }, handler: "Assign");

        Assert.Equal(Text(app, "Directory.Role.AlreadyHeld", "sv"), FieldError(page, "Role.Role"));
        Assert.Single(await RolesOfAsync(account.Id));
    }

    [Fact]
    public async Task Revoking_a_role_keeps_the_row_with_its_end_time_and_the_coordinator_can_give_it_again()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var site = await TestData.SiteAsync(app, organisation, area, SiteType.Venue);
        var account = await TestData.SiteAccountAsync(app, site, Role.VenueSite);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var url = $"/directory/accounts/details/{account.Id}";
        var mark = await AuditMarkAsync(app);

        var revoked = await client.SubmitAsync(url, [], handler: "Revoke");

        Assert.Equal(Text(app, "Directory.Role.Revoked", "en"), Flash(revoked));
        Assert.Contains(Text(app, "Directory.Account.NoRoles", "en"), revoked.QuerySelector("main")!.TextContent);
        var row = Assert.Single(await RolesOfAsync(account.Id));
        Assert.NotNull(row.RevokedAt);
        Assert.Equal(coordinator.Id, row.RevokedBy);
        await AssertOneChangeAsync(app, mark, "Directory.RoleRevoke", coordinator.Id, account.Id, account.UserName!);

        mark = await AuditMarkAsync(app);
        var assigned = await client.SubmitAsync(url, new() { ["Role.Role"] = nameof(Role.VenueSite), ["Role.Scope"] = $"Site:{site.Id}" }, handler: "Assign");

        Assert.Equal(Text(app, "Directory.Role.Assigned", "en"), Flash(assigned));
        var rows = await RolesOfAsync(account.Id);
        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows.Single(r => r.Id == row.Id).RevokedAt);
        var active = Assert.Single(rows, r => r.RevokedAt is null);
        Assert.Equal((Role.VenueSite, site.Id.Value, coordinator.Id), (active.Role, active.ScopeId!.Value, active.GrantedBy!.Value));
        await AssertOneChangeAsync(app, mark, "Directory.RoleAssign", coordinator.Id, account.Id, account.UserName!);
    }

    [Fact]
    public async Task Admin_creates_a_personal_account_without_roles_and_an_invitation_is_planned()
    {
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);
        var userName = TestData.Unique("maija.meikalainen.");
        var email = $"{userName}@kunta.example";
        var mark = await AuditMarkAsync(app);

        var details = await client.SubmitAsync("/directory/accounts/createpersonal", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "Maija Meikäläinen", ["Input.Email"] = email, ["Input.PreferredLanguage"] = "sv",
        });

        Assert.Equal(Text(app, "Directory.Accounts.Created", "en"), Flash(details));
        Assert.Equal(userName, Heading(details));
        var account = await AccountNamedAsync(userName);
        Assert.NotNull(account);
        Assert.Equal((AccountKind.Personal, (Vakka.Platform.Ids.SiteId?)null, "sv"), (account.Kind, account.SiteId, account.PreferredLanguage));
        Assert.Empty(await RolesOfAsync(account.Id));
        await AssertOneChangeAsync(app, mark, "Directory.AccountCreate", admin.Id, account.Id, userName, "Meikäläinen", email);
        await app.RunJobsAsync();
        Assert.Equal(Text(app, "Email.Invitation.Subject", "sv"), MailTo(email)?.Subject);
    }

    [Fact]
    public async Task Area_coordinator_sees_only_the_site_accounts_of_their_own_area()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var own = await TestData.SiteAccountAsync(app, await TestData.SiteAsync(app, organisation, area, SiteType.Venue), Role.VenueSite);
        var other = await TestData.SiteAccountAsync(app, await TestData.SiteAsync(app, organisation, await TestData.AreaAsync(app), SiteType.Venue), Role.VenueSite);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);

        var list = await client.GetPageAsync("/directory/accounts");

        var names = list.QuerySelectorAll("[data-testid=accounts] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([own.UserName!], names);
        Assert.DoesNotContain(coordinator.UserName!, names);
        Assert.DoesNotContain(other.UserName!, names);
        Assert.Null(list.QuerySelector("[data-testid=new-personal-account]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/directory/accounts/details/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/directory/accounts/details/{coordinator.Id}")).StatusCode);
    }

    [Fact]
    public async Task Area_coordinator_updates_a_site_accounts_name_and_email()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var account = await TestData.SiteAccountAsync(app, await TestData.SiteAsync(app, organisation, area, SiteType.Venue), Role.VenueSite);
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var displayName = TestData.Unique("Kaupunginmuseon lipunmyynti ");
        var email = $"{TestData.Unique("lipunmyynti.")}@museo.example";
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync($"/directory/accounts/details/{account.Id}",
            new() { ["Input.DisplayName"] = displayName, ["Input.Email"] = email });

        Assert.Equal(Text(app, "Common.Saved", "en"), Flash(page));
        var stored = await AccountNamedAsync(account.UserName!);
        Assert.Equal((displayName, email), (stored!.DisplayName, stored.Email));
        await AssertOneChangeAsync(app, mark, "Directory.AccountUpdate", coordinator.Id, account.Id, displayName, email, account.UserName!);
    }

    [Fact]
    public async Task A_locked_out_site_account_is_unlocked_by_its_area_coordinator()
    {
        var (area, organisation, coordinator) = await AreaWithCoordinatorAsync();
        var account = await TestData.SiteAccountAsync(app, await TestData.SiteAsync(app, organisation, area, SiteType.Venue), Role.VenueSite);
        var desk = AppClient.For(app, "fi");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await desk.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = account.UserName!, ["Input.Password"] = "väärä salasana " + i });
        Assert.Contains(Text(app, "SignIn.LockedOut", "fi"), ErrorSummary(await AppClient.ParseAsync(last)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => AppClient.SignedInAsync(app, account.UserName!));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var mark = await AuditMarkAsync(app);

        var page = await client.SubmitAsync($"/directory/accounts/details/{account.Id}", [], handler: "Unlock");

        Assert.Equal(Text(app, "Directory.Account.Unlocked", "en"), Flash(page));
        var row = await AssertOneChangeAsync(app, mark, "Directory.AccountUpdate", coordinator.Id, account.Id, account.UserName!);
        Assert.Equal("Directory.UnlockAccount", row.ActionCode);
        await AppClient.SignedInAsync(app, account.UserName!);
    }
}
