using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Localisation;
using Vakka.Testing;

namespace Vakka.Tests.Platform;

/// <summary>An app whose clock the test moves, with two-factor sign-in required for administrators and auditors.</summary>
public sealed class StrictApp : VakkaFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactorForPrivilegedRoles"] = "true",
        ["RateLimiting:SignInPermitsPerMinute"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SignInTests(StrictApp app) : IClassFixture<StrictApp>
{

    private static async Task<string> SignInPageTextAsync(AppClient client, string user, string password)
    {
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AppClient.ParseAsync(response)).QuerySelector("[data-testid=error-summary]")!.TextContent;
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var account = await TestData.PersonAsync(app);
        var client = AppClient.For(app);
        for (var i = 0; i < 4; i++)
            Assert.Contains(app.Text("SignIn.Failed"), await SignInPageTextAsync(client, account.UserName!, "not-the-password-" + i));
        Assert.Contains(app.Text("SignIn.LockedOut"), await SignInPageTextAsync(client, account.UserName!, "not-the-password-5"));
        Assert.Contains(app.Text("SignIn.LockedOut"), await SignInPageTextAsync(client, account.UserName!, TestData.Password));

        var denied = await app.WithDbAsync(db => db.Set<AuditRecord>().CountAsync(r => r.ActorAccountId == account.Id && r.EventCode == "Directory.SignIn" && r.Outcome == AuditOutcome.Denied));
        Assert.Equal(6, denied);

        var lockedUntil = await app.WithDbAsync(db => db.Set<Account>().Where(a => a.Id == account.Id).Select(a => a.LockoutEnd).SingleAsync());
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));

        // When the lockout has passed, the right password works again.
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Account>().SingleAsync(a => a.Id == account.Id)).LockoutEnd = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        });
        await AppClient.SignedInAsync(app, account.UserName!);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message_in_the_users_language()
    {
        var account = await TestData.PersonAsync(app);
        foreach (var language in TextCatalog.Languages)
        {
            var client = AppClient.For(app, language);
            var unknown = await SignInPageTextAsync(client, "no.such.user", "whatever-password");
            var wrong = await SignInPageTextAsync(client, account.UserName!, "whatever-password");
            Assert.Contains(app.Text("SignIn.Failed", language), unknown);
            Assert.Contains(app.Text("SignIn.Failed", language), wrong);
        }
    }

    [Fact]
    public async Task A_deactivated_account_and_an_account_of_a_deactivated_site_cannot_sign_in()
    {
        var person = await TestData.PersonAsync(app);
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app);
        var site = await TestData.SiteAsync(app, org, area);
        var siteAccount = await TestData.SiteAccountAsync(app, site, Role.VenueSite);
        await AppClient.SignedInAsync(app, siteAccount.UserName!);

        await app.WithDbAsync(async db =>
        {
            (await db.Set<Account>().SingleAsync(a => a.Id == person.Id)).IsActive = false;
            (await db.Set<Site>().SingleAsync(s => s.Id == site.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        Assert.Contains(app.Text("SignIn.Failed"), await SignInPageTextAsync(AppClient.For(app), person.UserName!, TestData.Password));
        Assert.Contains(app.Text("SignIn.Failed"), await SignInPageTextAsync(AppClient.For(app), siteAccount.UserName!, TestData.Password));
    }

    [Fact]
    public async Task The_session_ends_after_twenty_idle_minutes_and_after_signing_out()
    {
        var org = await TestData.OrganisationAsync(app);
        var area = await TestData.AreaAsync(app);
        await TestData.SiteAsync(app, org, area);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory/sites")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory/sites")).StatusCode); // activity slides the window
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var expired = await client.GetAsync("/directory/sites");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/sign-in", expired.Headers.Location!.PathAndQuery);

        var again = await AppClient.SignedInAsync(app, coordinator.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostFormAsync("/account/sign-out", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/directory/sites")).StatusCode);

        // The sign-out button in every page's header posts its form with the antiforgery token (it once had none: 400).
        var third = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var header = (await third.GetPageAsync("/directory/sites")).QuerySelector("form[action='/account/sign-out']")!;
        var fields = header.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var signedOut = await third.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/sign-in", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/directory/sites")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_must_set_up_and_then_use_a_second_factor()
    {
        var admin = await TestData.PersonAsync(app, (Role.SystemAdmin, Scope.Global));
        var client = await AppClient.SignedInAsync(app, admin.UserName!);

        var forced = await client.GetAsync("/directory/organisations");
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Equal("/account/two-factor?required=true", forced.Headers.Location!.OriginalString);

        var setup = await client.GetPageAsync("/account/two-factor?required=true");
        Assert.NotNull(setup.QuerySelector("[data-testid=two-factor-required]"));
        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent;

        var wrong = await client.SubmitAsync("/account/two-factor", new() { ["Input.Code"] = "000000" }, handler: "Enable");
        Assert.Contains(app.Text("TwoFactor.CodeWrong"), wrong.QuerySelector("#Input_Code-error")!.TextContent);

        // Identity checks the code against the real clock, as the authenticator app on a phone does.
        var enabled = await client.SubmitAsync("/account/two-factor", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, handler: "Enable");
        Assert.Equal(10, enabled.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory/organisations")).StatusCode);

        // Next time the password alone is not enough; after the code, the account's own language applies.
        await app.WithDbAsync(async db =>
        {
            (await db.Set<Account>().SingleAsync(a => a.Id == admin.Id)).PreferredLanguage = "sv";
            await db.SaveChangesAsync();
        });
        var next = AppClient.For(app);
        var afterPassword = await next.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = admin.UserName!, ["Input.Password"] = TestData.Password });
        Assert.StartsWith("/account/sign-in-2fa", afterPassword.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/directory/organisations")).StatusCode);
        var signedIn = await next.PostFormAsync(afterPassword.Headers.Location!.OriginalString, new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("sv-FI"));
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/directory/organisations")).StatusCode);
    }

    [Fact]
    public async Task Accounts_without_a_privileged_role_are_not_forced_to_use_a_second_factor()
    {
        var area = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory/sites")).StatusCode);
    }

    [Fact]
    public async Task Opening_the_second_factor_setup_keeps_the_session_when_it_is_checked_again_a_minute_later()
    {
        // The first visit makes the authenticator key, which changes the account's security stamp; the session is
        // checked against the stamp every minute, and was ended there (the user found themself signed out).
        var area = await TestData.AreaAsync(app);
        var coordinator = await TestData.PersonAsync(app, (Role.AreaCoordinator, Scope.Area(area.Id.Value)));
        var client = await AppClient.SignedInAsync(app, coordinator.UserName!);
        var setup = await client.GetPageAsync("/account/two-factor");
        Assert.NotEmpty(setup.QuerySelector("[data-testid=shared-key]")!.TextContent);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/directory/sites")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/settings")).StatusCode);
    }
}

/// <summary>An app with a low sign-in rate limit.</summary>
public sealed class RateLimitedApp : VakkaFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:SignInPermitsPerMinute"] = "3" };
}

public sealed class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_while_pages_still_load()
    {
        var client = AppClient.For(app);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = "x.user", ["Input.Password"] = "wrong-password-x" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostFormAsync("/account/sign-in", new() { ["Input.UserName"] = "x.user", ["Input.Password"] = "wrong-password-x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
