using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Platform;

public sealed record OrganisationInfo(OrganisationId Id, string Name, Oid Oid, bool IsActive);

/// <summary>Organisations as other modules see them, implemented by the Directory module (read-only).</summary>
public interface IOrganisationDirectory
{
    Task<OrganisationInfo?> GetAsync(OrganisationId id, CancellationToken ct);

    /// <summary>The organisation with this OID (e.g. a document's registrar), active or not; null when none has it.</summary>
    Task<OrganisationInfo?> FindByOidAsync(Oid oid, CancellationToken ct);

    /// <summary>Every organisation, active or not, by name (for a system administrator choosing one).</summary>
    Task<IReadOnlyList<OrganisationInfo>> ListAsync(CancellationToken ct);
}
