using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vakka.Directory.Access;
using Vakka.Directory.Data;
using Vakka.Directory.Domain;
using Vakka.Directory.Features;
using Vakka.Directory.Features.Accounts;
using Vakka.Directory.Features.Areas;
using Vakka.Directory.Features.Organisations;
using Vakka.Directory.Features.SignIn;
using Vakka.Directory.Features.Sites;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Web;

namespace Vakka.Directory;

public sealed class SecurityOptions
{
    /// <summary>System administrators and auditors must sign in with a second factor (TOTP). Off only in development.</summary>
    public bool RequireTwoFactorForPrivilegedRoles { get; set; } = true;
    public int IdleTimeoutMinutes { get; set; } = 20;
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>The address the e-mailed links point to. Required outside development (the app refuses to serve without it).</summary>
    public string? PublicUrl { get; set; }
}

public sealed class OidcOptions
{
    public bool Enabled { get; set; }
    public string DisplayName { get; set; } = "Suomi.fi";
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    /// <summary>Sign in an existing active account whose e-mail matches the identity provider's verified e-mail.</summary>
    public bool MatchByEmail { get; set; } = true;
}

/// <summary>The Directory module's whole surface: organisations, areas, sites, accounts and roles, and signing in.</summary>
public static class DirectoryModule
{
    public static IModuleModel Model { get; } = new DirectoryModel();

    /// <summary>Roles that must use a second factor when <see cref="SecurityOptions.RequireTwoFactorForPrivilegedRoles"/> is on.</summary>
    public static readonly Role[] PrivilegedRoles = [Role.SystemAdmin, Role.Auditor];

    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection("Security"));
        var oidc = configuration.GetSection("Authentication:Oidc").Get<OidcOptions>() ?? new OidcOptions();
        services.Configure<OidcOptions>(configuration.GetSection("Authentication:Oidc"));

        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager<VakkaSignInManager>()
            .AddUserStore<UserOnlyStore<Account, VakkaDb, Guid>>()
            .AddDefaultTokenProviders();

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        auth.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = "vakka.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/error/403";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            });
        });
        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect("oidc", oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.Scope.Add("email");
                o.CallbackPath = "/account/oidc-callback";
                o.MapInboundClaims = false;
            });
        }
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<IAccessRules, DirectoryAccessRules>();
        services.AddScoped<SiteScopes>();
        services.AddScoped<OrganisationScopes>();
        services.AddScoped<AreaScopes>();
        services.AddScoped<AccountScopes>();
        services.AddScoped<IRoleSource, RoleSource>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<ISiteDirectory, SiteDirectory>();
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddTexts(typeof(DirectoryModule).Assembly);

        services.AddScoped<ListOrganisations>().AddScoped<GetOrganisation>().AddScoped<CreateOrganisation>()
            .AddScoped<UpdateOrganisation>().AddScoped<SetOrganisationActive>();
        services.AddScoped<ListAreas>().AddScoped<GetArea>().AddScoped<CreateArea>().AddScoped<UpdateArea>();
        services.AddScoped<ListSites>().AddScoped<GetSite>().AddScoped<CreateSite>().AddScoped<UpdateSite>().AddScoped<SetSiteActive>();
        services.AddScoped<ListAccounts>().AddScoped<GetAccount>().AddScoped<CreateAccount>().AddScoped<UpdateAccount>()
            .AddScoped<SetAccountActive>().AddScoped<UnlockAccount>().AddScoped<AssignRole>().AddScoped<RevokeRole>()
            .AddScoped<AccountInvitation>().AddScoped<CreateFirstAdministrator>();
        services.AddScoped<DemoData>();
        services.AddScoped<SignInCompletion>();
        return services;
    }

    /// <summary>
    /// Accounts holding a privileged role must have signed in with a second factor; until they have, every page
    /// sends them to the authenticator set-up.
    /// </summary>
    public static IApplicationBuilder UseDirectoryTwoFactorPolicy(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var options = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (options.RequireTwoFactorForPrivilegedRoles && http.User.Identity?.IsAuthenticated == true
            && !http.User.HasClaim("amr", "mfa")
            && !http.Request.Path.StartsWithSegments("/account")
            && !http.Request.Path.StartsWithSegments("/lib") && !http.Request.Path.StartsWithSegments("/css")
            && !http.Request.Path.StartsWithSegments("/js") && !http.Request.Path.StartsWithSegments("/settings")
            && !http.Request.Path.StartsWithSegments("/error"))
        {
            var actor = await http.RequestServices.GetRequiredService<CurrentActor>().GetAsync(http.RequestAborted);
            if (PrivilegedRoles.Any(actor.HasAnywhere))
            {
                http.Response.Redirect("/account/two-factor?required=true");
                return;
            }
        }
        await next(http);
    });

    private static Task ApiAware<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> ctx, int status)
        where T : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    internal static string? AccountIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
