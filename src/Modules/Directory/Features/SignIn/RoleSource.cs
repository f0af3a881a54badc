using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Features.SignIn;

/// <summary>Loads an account's role assignments for the access engine. Inactive accounts (or sites) get nothing.</summary>
internal sealed class RoleSource(VakkaDb db) : IRoleSource
{
    public async Task<Actor?> LoadAsync(AccountId account, CancellationToken ct)
    {
        var id = account.Value;
        var row = await db.Set<Account>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.IsActive, a.SiteId, SiteActive = a.SiteId == null || db.Set<Site>().Any(s => s.Id == a.SiteId && s.IsActive) })
            .FirstOrDefaultAsync(ct);
        if (row is null || !row.IsActive || !row.SiteActive) return null;
        var roles = await db.Set<RoleAssignmentRow>().AsNoTracking()
            .Where(r => r.AccountId == id && r.RevokedAt == null)
            .Select(r => new { r.Role, r.ScopeKind, r.ScopeId })
            .ToListAsync(ct);
        return new Actor(account, row.SiteId?.Value,
            roles.Select(r => new RoleAssignment(r.Role, r.ScopeKind == ScopeKind.Global ? Scope.Global : new Scope(r.ScopeKind, r.ScopeId ?? Guid.Empty))).ToList());
    }
}
