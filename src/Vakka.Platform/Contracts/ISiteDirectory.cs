using Vakka.Platform.Ids;

namespace Vakka.Platform;

/// <summary>What a site is: a social-welfare service unit, a Kaikukortti distributor, venue or ticket intermediary, or a facility.</summary>
public enum SiteType { ServiceUnit, Distributor, Venue, TicketIntermediary, Facility }

public sealed record SiteInfo(SiteId Id, OrganisationId OrganisationId, AreaId? AreaId, string Name, SiteType Type,
    string Municipality, string PostalCode, bool IsActive, string? ContactName = null, string? ContactEmail = null, string? ContactPhone = null);

public sealed record AreaInfo(AreaId Id, string Name, IReadOnlyList<string> Municipalities, bool IsActive);

/// <summary>An area's name and whether it is active, without its municipalities.</summary>
public sealed record AreaStanding(AreaId Id, string Name, bool IsActive);

/// <summary>Sites and areas as other modules see them, implemented by the Directory module (read-only).</summary>
public interface ISiteDirectory
{
    Task<SiteInfo?> GetAsync(SiteId id, CancellationToken ct);
    Task<IReadOnlyList<SiteInfo>> GetManyAsync(IReadOnlyCollection<SiteId> ids, CancellationToken ct);
    Task<IReadOnlyList<SiteInfo>> InAreaAsync(AreaId area, CancellationToken ct);
    /// <summary>The active sites of one type in every area, by name.</summary>
    Task<IReadOnlyList<SiteInfo>> ActiveOfTypeAsync(SiteType type, CancellationToken ct);
    Task<AreaInfo?> AreaAsync(AreaId id, CancellationToken ct);
    /// <summary>The area without its municipalities: one row, for the paths that ask per request (the desk's lookup).</summary>
    Task<AreaStanding?> AreaStandingAsync(AreaId id, CancellationToken ct);
    Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken ct);
}
