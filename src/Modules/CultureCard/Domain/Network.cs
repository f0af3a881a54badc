using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Domain;

/// <summary>The Kaikukortti rules an area sets for itself (the area itself belongs to the Directory).</summary>
public sealed class AreaRules : IVersioned
{
    public AreaId AreaId { get; set; }
    /// <summary>How long a card is valid from its issue date.</summary>
    public int ValidityMonths { get; set; } = 12;
    /// <summary>A pilot's last day: no card of the area is valid beyond it.</summary>
    public DateOnly? PilotEndsOn { get; set; }
    /// <summary>How many days back the issue date of a card first written on paper may be set.</summary>
    public int IssueBackdateDays { get; set; } = 14;
    /// <summary>How many days back a use may be entered afterwards (from a paper list).</summary>
    public int UseBackdateDays { get; set; } = 30;
    /// <summary>The largest group of clients under 16 a community card takes along.</summary>
    public int CommunityGroupMax { get; set; } = 10;
    /// <summary>Cards of this area are valid only at venues of this area (a local pilot).</summary>
    public bool LocalOnly { get; set; }
    public int Version { get; set; }

    public static AreaRules Default(AreaId area) => new() { AreaId = area };
}

/// <summary>An entry of the life-situation list the national coordinator maintains.</summary>
public sealed class LifeSituation
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int Order { get; set; }
    public bool IsActive { get; set; } = true;

    public string Name(string language) => language switch { "sv" => NameSv, "en" => NameEn, _ => NameFi };
}

/// <summary>
/// A ticket intermediary sells a venue's Kaikukortti tickets: it records uses at that venue's desk (its own pages or
/// its API key). The venue's area coordinator decides; the intermediary may be of any area (a national ticket seller).
/// </summary>
public sealed class ServedVenue
{
    public SiteId IntermediarySiteId { get; set; }
    public SiteId VenueSiteId { get; set; }
    public DateTime AddedAt { get; set; }
    public AccountId? AddedBy { get; set; }
}

public enum BatchKind { New, Legacy }

/// <summary>A print run of card IDs for an area (or an import of an old local series).</summary>
public sealed class CardBatch
{
    public BatchId Id { get; set; }
    public AreaId AreaId { get; set; }
    public BatchKind Kind { get; set; }
    public int Size { get; set; }
    public DateTime CreatedAt { get; set; }
    public AccountId? CreatedBy { get; set; }
}

/// <summary>An ID that exists because a batch made it: only these can be registered.</summary>
public sealed class CardCodeRecord
{
    public string Code { get; set; } = "";
    public BatchId BatchId { get; set; }
    public AreaId AreaId { get; set; }
    public bool IsLegacy { get; set; }
}
