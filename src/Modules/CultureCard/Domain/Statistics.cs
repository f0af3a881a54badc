using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Domain;

/// <summary>
/// One cell of the statistics rollup: the tickets of one month, one venue area and one card area, for one key of one
/// breakdown (<see cref="Dim"/>: the category, the holder's age, a venue…). Built from the uses recorded before
/// <see cref="StatRollupState.UpTo"/>; the dashboard adds what was recorded or cancelled since, so it stays exact.
/// </summary>
public sealed class StatMonth
{
    public string Dim { get; set; } = "";
    public string Key { get; set; } = "";
    public DateOnly Month { get; set; }
    public AreaId VenueAreaId { get; set; }
    public AreaId CardAreaId { get; set; }
    public long Adults { get; set; }
    public long Children { get; set; }
    public long Assistants { get; set; }
}

/// <summary>
/// The cards registered in one month (by the issue date) in one area, for the cards created before
/// <see cref="StatRollupState.UpTo"/>. A card's issue date and area never change, and cards are never deleted, so the
/// rollup only ever adds; the dashboard counts the cards created since from the cards themselves.
/// </summary>
public sealed class StatCardMonth
{
    public AreaId AreaId { get; set; }
    public DateOnly Month { get; set; }
    public long Registered { get; set; }
}

/// <summary>How far the rollup goes: every use recorded, and every cancellation made, before <see cref="UpTo"/> is in it.</summary>
public sealed class StatRollupState
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public DateTime UpTo { get; set; }
    public int Version { get; set; }
}
