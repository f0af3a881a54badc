using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Accounts;

public sealed record AccountRow(Guid Id, string UserName, string DisplayName, AccountKind Kind, string? SiteName, bool IsActive,
    DateTime? LastSignInAt, bool TwoFactorEnabled);

/// <summary>Admins see every account; an area coordinator sees the site accounts of their own area's sites.</summary>
public sealed class ListAccounts(VakkaDb db, AccessControl access)
{
    public sealed record Query(string? Search, AccountKind? Kind, SiteId? Site, bool IncludeInactive);

    public async Task<IReadOnlyList<AccountRow>> HandleAsync(Actor actor, Query query, CancellationToken ct)
    {
        var filter = access.Filter(actor, DirectoryAction.ViewAccounts);
        if (filter.IsEmpty) return [];
        var accounts = db.Set<Account>().AsNoTracking();
        if (!filter.All)
        {
            var visibleSites = SiteFilter.Apply(db.Set<Site>(), filter).Select(s => (SiteId?)s.Id);
            accounts = accounts.Where(a => a.Kind == AccountKind.Site && visibleSites.Contains(a.SiteId));
        }
        if (!query.IncludeInactive) accounts = accounts.Where(a => a.IsActive);
        if (query.Kind is { } kind) accounts = accounts.Where(a => a.Kind == kind);
        if (query.Site is { } site) accounts = accounts.Where(a => a.SiteId == site);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            accounts = accounts.Where(a => a.UserName!.ToLower().Contains(term) || a.DisplayName.ToLower().Contains(term)
                                           || a.Email!.ToLower().Contains(term));
        }
        return await (from a in accounts
                      join s in db.Set<Site>() on a.SiteId equals (SiteId?)s.Id into sites
                      from s in sites.DefaultIfEmpty()
                      orderby a.UserName
                      select new AccountRow(a.Id, a.UserName!, a.DisplayName, a.Kind, s == null ? null : s.Name, a.IsActive,
                          a.LastSignInAt, a.TwoFactorEnabled))
            .Take(500).ToListAsync(ct);
    }
}
