using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Organisations;

/// <summary>
/// The Directory's answer to <see cref="IOrganisationDirectory"/>: read-only views of organisations. It is scoped (one
/// per request or job scope) and remembers what it has read within that scope: an archive request asks for its key's
/// organisation, its registrar and the access rule's target, often the same organisation, and reads it once. A
/// request that changes an organisation reads it through its own context, never through this view.
/// </summary>
internal sealed class OrganisationDirectory(VakkaDb db) : IOrganisationDirectory
{
    private readonly Dictionary<OrganisationId, OrganisationInfo?> byId = [];
    private readonly Dictionary<string, OrganisationInfo?> byOid = new(StringComparer.Ordinal);

    private static readonly Func<DbContext, OrganisationId, CancellationToken, Task<Organisation?>> ById =
        EF.CompileAsyncQuery((DbContext c, OrganisationId id, CancellationToken _) => c.Set<Organisation>().AsNoTracking().FirstOrDefault(o => o.Id == id));

    private static readonly Func<DbContext, string, CancellationToken, Task<Organisation?>> ByOid =
        EF.CompileAsyncQuery((DbContext c, string oid, CancellationToken _) => c.Set<Organisation>().AsNoTracking().FirstOrDefault(o => o.Oid == oid));

    public async Task<OrganisationInfo?> GetAsync(OrganisationId id, CancellationToken ct)
    {
        if (byId.TryGetValue(id, out var known)) return known;
        return Remember(await ById(db, id, ct), id);
    }

    public async Task<OrganisationInfo?> FindByOidAsync(Oid oid, CancellationToken ct)
    {
        if (byOid.TryGetValue(oid.Value, out var known)) return known;
        var info = Remember(await ByOid(db, oid.Value, ct), null);
        byOid[oid.Value] = info;
        return info;
    }

    public async Task<IReadOnlyList<OrganisationInfo>> ListAsync(CancellationToken ct) =>
        (await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).Select(o => Info(o)!).ToList();

    private OrganisationInfo? Remember(Organisation? organisation, OrganisationId? asked)
    {
        var info = Info(organisation);
        if (info is not null)
        {
            byId[info.Id] = info;
            byOid[info.Oid.Value] = info;
        }
        else if (asked is { } id)
        {
            byId[id] = null;
        }
        return info;
    }

    private static OrganisationInfo? Info(Organisation? o) =>
        o is null ? null : new OrganisationInfo(o.Id, o.Name, Oid.Parse(o.Oid), o.IsActive);
}
