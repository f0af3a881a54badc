using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Domain;

/// <summary>The four categories of the national statistics.</summary>
public enum UseCategory { Culture, Education, Science, Sport }

public enum InputMethod { Scanner, Camera, Typed, Paper, Api }

/// <summary>Why a use was cancelled: a choice, not free text (no personal data in the register).</summary>
public enum CancelReason { WrongCard, WrongCounts, RecordedTwice, DidNotAttend, Other }

/// <summary>A venue's event, optionally with a quota of Kaikukortti tickets.</summary>
public sealed class VenueEvent
{
    public EventId Id { get; set; }
    public SiteId SiteId { get; set; }
    public string Name { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public UseCategory Category { get; set; }
    /// <summary>Tickets (adults and children) Kaikukortti holders may get; null = no limit.</summary>
    public int? Quota { get; set; }
    public bool IsCancelled { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One use of a card at a venue: an admission, a course place. The holder's statistics fields are copied in when the
/// use is recorded, so the numbers stay what they were even if the card's data changes later.
/// </summary>
public sealed class CardUse
{
    public UseId Id { get; set; }
    public CardId CardId { get; set; }
    public SiteId VenueSiteId { get; set; }
    public AreaId VenueAreaId { get; set; }
    /// <summary>The site whose desk or API key recorded the use: the venue itself, or a ticket intermediary serving it.</summary>
    public SiteId DeskSiteId { get; set; }
    public EventId? EventId { get; set; }
    public string EventName { get; set; } = "";
    public UseCategory Category { get; set; }
    public DateOnly UseDate { get; set; }
    public int AdultTickets { get; set; }
    public int ChildTickets { get; set; }
    public int AssistantTickets { get; set; }
    public InputMethod InputMethod { get; set; }
    public DateTime RecordedAt { get; set; }
    public AccountId? RecordedBy { get; set; }
    /// <summary>Set by API callers so that a retried request records one use (unique for the desk site).</summary>
    public string? IdempotencyKey { get; set; }

    public DateTime? CancelledAt { get; set; }
    public AccountId? CancelledBy { get; set; }
    public CancelReason? CancelReason { get; set; }

    // Snapshot of the card for the statistics
    public AreaId CardAreaId { get; set; }
    public SiteId IssuingSiteId { get; set; }
    public CardType CardType { get; set; }
    public int? BirthYear { get; set; }
    public Gender? Gender { get; set; }
    public int? LifeSituationId { get; set; }
    public string? PostalArea { get; set; }

    public bool IsCancelled => CancelledAt is not null;
}

/// <summary>An API key of a venue's or ticket intermediary's own ticketing system. Only its hash is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public SiteId SiteId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters, shown so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public AccountId? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
