using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Domain;

/// <summary>A municipality, wellbeing services county, NGO or company that runs sites.</summary>
public sealed class Organisation : IVersioned
{
    public OrganisationId Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Y-tunnus, canonical form "1234567-8".</summary>
    public string BusinessId { get; set; } = "";
    public string Oid { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A toimipaikka / service unit of an organisation; Kaikukortti sites also belong to an area.</summary>
public sealed class Site : IVersioned
{
    public SiteId Id { get; set; }
    public OrganisationId OrganisationId { get; set; }
    public AreaId? AreaId { get; set; }
    public string Name { get; set; } = "";
    public string Oid { get; set; } = "";
    public SiteType Type { get; set; }
    public string StreetAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Municipality { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Site types that take part in the Kaikukortti network and so belong to an area.</summary>
    public static bool IsNetworkType(SiteType type) => type is SiteType.Distributor or SiteType.Venue or SiteType.TicketIntermediary;
}

/// <summary>A Kaikukortti area: a named set of municipalities, run by its area coordinators.</summary>
public sealed class Area : IVersioned
{
    public AreaId Id { get; set; }
    public string Name { get; set; } = "";
    public List<AreaMunicipality> Municipalities { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class AreaMunicipality
{
    public AreaId AreaId { get; set; }
    public string Name { get; set; } = "";
}
