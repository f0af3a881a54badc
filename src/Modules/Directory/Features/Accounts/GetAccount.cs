using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Accounts;

public sealed record RoleRow(Guid Id, Role Role, ScopeKind ScopeKind, Guid? ScopeId, string? ScopeName, DateTime GrantedAt);

public sealed record AccountDetails(Guid Id, string UserName, AccountKind Kind, SiteId? SiteId, string? SiteName, bool IsActive,
    bool TwoFactorEnabled, bool LockedOut, DateTime CreatedAt, DateTime? LastSignInAt, EditAccountForm Form, IReadOnlyList<RoleRow> Roles);

public sealed class GetAccount(VakkaDb db, TimeProvider clock)
{
    public async Task<AccountDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<Account>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var siteName = a.SiteId is { } siteId
            ? await db.Set<Site>().Where(s => s.Id == siteId).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        var roles = await db.Set<RoleAssignmentRow>().AsNoTracking()
            .Where(r => r.AccountId == id && r.RevokedAt == null).OrderBy(r => r.GrantedAt).ToListAsync(ct);
        var names = await ScopeNames.ForAsync(db, roles.Select(r => r.Scope), ct);
        return new AccountDetails(a.Id, a.UserName!, a.Kind, a.SiteId, siteName, a.IsActive, a.TwoFactorEnabled,
            a.LockoutEnd > clock.GetUtcNow(), a.CreatedAt, a.LastSignInAt,
            new EditAccountForm { DisplayName = a.DisplayName, Email = a.Email, PreferredLanguage = a.PreferredLanguage, ConcurrencyStamp = a.ConcurrencyStamp },
            roles.Select(r => new RoleRow(r.Id, r.Role, r.ScopeKind, r.ScopeId, names.GetValueOrDefault(r.Scope), r.GrantedAt)).ToList());
    }
}

/// <summary>Display names of organisation, area and site scopes.</summary>
internal static class ScopeNames
{
    public static async Task<Dictionary<Scope, string>> ForAsync(VakkaDb db, IEnumerable<Scope> scopes, CancellationToken ct)
    {
        var list = scopes.Distinct().ToList();
        var orgIds = list.Where(s => s.Kind == ScopeKind.Organisation).Select(s => new OrganisationId(s.Id)).ToList();
        var areaIds = list.Where(s => s.Kind == ScopeKind.Area).Select(s => new AreaId(s.Id)).ToList();
        var siteIds = list.Where(s => s.Kind == ScopeKind.Site).Select(s => new SiteId(s.Id)).ToList();
        var result = new Dictionary<Scope, string>();
        foreach (var o in await db.Set<Organisation>().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            result[Scope.Organisation(o.Id.Value)] = o.Name;
        foreach (var a in await db.Set<Area>().Where(a => areaIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            result[Scope.Area(a.Id.Value)] = a.Name;
        foreach (var s in await db.Set<Site>().Where(s => siteIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            result[Scope.Site(s.Id.Value)] = s.Name;
        return result;
    }
}
