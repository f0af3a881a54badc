using Vakka.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;

namespace Vakka.Testing;

/// <summary>Intent methods that put what a test needs into the database, with unique names.</summary>
public static class TestData
{
    public const string Password = "Test-password-2026";
    private static int counter;

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}x{Guid.CreateVersion7().ToString("N")[^6..]}";

    /// <summary>A fresh 7-digit base for a Y-tunnus with a valid check digit, never used before in this run.</summary>
    public static string NewBusinessId()
    {
        while (true)
        {
            var digits = (1000000 + Random.Shared.Next(0, 8999999)).ToString("D7");
            int[] w = [7, 9, 10, 5, 8, 4, 2];
            var sum = digits.Select((c, i) => (c - '0') * w[i]).Sum();
            var r = sum % 11;
            if (r == 1) continue;
            return $"{digits}-{(r == 0 ? 0 : 11 - r)}";
        }
    }

    public static async Task<Organisation> OrganisationAsync(VakkaFactory app, string? name = null)
    {
        var businessId = NewBusinessId();
        var org = new Organisation
        {
            Id = OrganisationId.New(), Name = name ?? Unique("Org "), BusinessId = businessId,
            Oid = "1.2.246.10." + businessId.Replace("-", "").TrimStart('0'), CreatedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db => { db.Add(org); await db.SaveChangesAsync(); });
        return org;
    }

    public static async Task<Area> AreaAsync(VakkaFactory app, params string[] municipalities)
    {
        var id = AreaId.New();
        var list = municipalities.Length > 0 ? municipalities : [Unique("Kunta")];
        var area = new Area
        {
            Id = id, Name = Unique("Alue "), CreatedAt = DateTime.UtcNow,
            Municipalities = list.Select(m => new AreaMunicipality { AreaId = id, Name = m }).ToList(),
        };
        await app.WithDbAsync(async db => { db.Add(area); await db.SaveChangesAsync(); });
        return area;
    }

    public static async Task<Site> SiteAsync(VakkaFactory app, Organisation org, Area? area, SiteType type = SiteType.Venue, string? name = null)
    {
        var site = new Site
        {
            Id = SiteId.New(), OrganisationId = org.Id, AreaId = area?.Id, Name = name ?? Unique("Site "),
            Oid = $"{org.Oid}.10.{Interlocked.Increment(ref counter)}", Type = type, StreetAddress = "Katu 1", PostalCode = "00100",
            Municipality = area?.Municipalities.First().Name ?? "Helsinki", CreatedAt = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db => { db.Add(site); await db.SaveChangesAsync(); });
        return site;
    }

    /// <summary>A personal account holding the given roles (none for a plain account).</summary>
    public static Task<Account> PersonAsync(VakkaFactory app, params (Role Role, Scope Scope)[] roles) =>
        AccountAsync(app, AccountKind.Personal, null, roles);

    public static Task<Account> SiteAccountAsync(VakkaFactory app, Site site, Role role) =>
        AccountAsync(app, AccountKind.Site, site.Id, [(role, Scope.Site(site.Id.Value))]);

    private static Task<Account> AccountAsync(VakkaFactory app, AccountKind kind, SiteId? site, (Role Role, Scope Scope)[] roles) =>
        app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var db = sp.GetRequiredService<Vakka.Platform.Data.VakkaDb>();
            var name = Unique("user.");
            var account = new Account
            {
                Id = Guid.CreateVersion7(), UserName = name, Email = $"{name}@test.example", EmailConfirmed = true,
                DisplayName = "Test " + name, Kind = kind, SiteId = site, CreatedAt = DateTime.UtcNow, LockoutEnabled = true,
            };
            var result = await users.CreateAsync(account, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
            foreach (var (role, scope) in roles)
                db.Add(new RoleAssignmentRow
                {
                    Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, ScopeKind = scope.Kind,
                    ScopeId = scope.Kind == ScopeKind.Global ? null : scope.Id, GrantedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
            return account;
        });
}
