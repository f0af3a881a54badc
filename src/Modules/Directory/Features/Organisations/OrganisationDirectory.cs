using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Features.Organisations;

/// <summary>The Directory's answer to <see cref="IOrganisationDirectory"/>: read-only views of organisations.</summary>
internal sealed class OrganisationDirectory(VakkaDb db) : IOrganisationDirectory
{
    public async Task<OrganisationInfo?> GetAsync(OrganisationId id, CancellationToken ct) =>
        Info(await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct));

    public async Task<OrganisationInfo?> FindByOidAsync(Oid oid, CancellationToken ct)
    {
        var value = oid.Value;
        return Info(await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Oid == value, ct));
    }

    public async Task<IReadOnlyList<OrganisationInfo>> ListAsync(CancellationToken ct) =>
        (await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).Select(o => Info(o)!).ToList();

    private static OrganisationInfo? Info(Organisation? o) =>
        o is null ? null : new OrganisationInfo(o.Id, o.Name, Oid.Parse(o.Oid), o.IsActive);
}
