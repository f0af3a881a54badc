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
    private sealed record AccountState(bool IsActive, SiteId? SiteId, bool SiteActive);
    private sealed record RoleRow(Role Role, ScopeKind ScopeKind, Guid? ScopeId);

    // Asked on every signed-in request: compiled once, so EF Core does not translate the expressions again each time.
    private static readonly Func<VakkaDb, Guid, CancellationToken, Task<AccountState?>> StateOf = EF.CompileAsyncQuery(
        (VakkaDb db, Guid id, CancellationToken ct) => db.Set<Account>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AccountState(a.IsActive, a.SiteId, a.SiteId == null || db.Set<Site>().Any(s => s.Id == a.SiteId && s.IsActive)))
            .FirstOrDefault());
    private static readonly Func<VakkaDb, Guid, IAsyncEnumerable<RoleRow>> RolesOf = EF.CompileAsyncQuery(
        (VakkaDb db, Guid id) => db.Set<RoleAssignmentRow>().AsNoTracking()
            .Where(r => r.AccountId == id && r.RevokedAt == null)
            .Select(r => new RoleRow(r.Role, r.ScopeKind, r.ScopeId)));

    public async Task<Actor?> LoadAsync(AccountId account, CancellationToken ct)
    {
        var id = account.Value;
        var row = await StateOf(db, id, ct);
        if (row is null || !row.IsActive || !row.SiteActive) return null;
        var roles = await RolesOf(db, id).ToListAsync(ct);
        return new Actor(account, row.SiteId?.Value,
            roles.Select(r => new RoleAssignment(r.Role, r.ScopeKind == ScopeKind.Global ? Scope.Global : new Scope(r.ScopeKind, r.ScopeId ?? Guid.Empty))).ToList());
    }
}
