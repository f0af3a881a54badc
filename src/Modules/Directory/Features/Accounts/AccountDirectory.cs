using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;

namespace Vakka.Directory.Features.Accounts;

internal sealed class AccountDirectory(VakkaDb db) : IAccountDirectory
{
    public async Task<AccountSummary> DescribeAsync(Actor actor, CancellationToken ct)
    {
        if (actor.AccountId is not { } id) return new AccountSummary("", []);
        var name = await db.Set<Account>().Where(a => a.Id == id.Value).Select(a => a.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var names = await ScopeNames.ForAsync(db, actor.Roles.Select(r => r.Scope), ct);
        return new AccountSummary(name, actor.Roles.Select(r => (r.Role, names.GetValueOrDefault(r.Scope))).ToList());
    }

    public async Task<Guid?> FindIdAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return await db.Set<Account>().Where(a => a.NormalizedUserName == normalized).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Account>().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.UserName!, ct);
    }
}
