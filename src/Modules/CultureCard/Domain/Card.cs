using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Domain;

public enum CardType { Personal, Community }
public enum CardStatus { Active, Ended }
public enum EndReason { Lost, Misuse, MovedAway, Deceased, Replaced, Other }
public enum Gender { Female, Male, Other, NotTold }

/// <summary>
/// A registered Kaikukortti. Never a name, henkilötunnus, date of birth or address: only the birth year, postal code,
/// children count and the optional gender and life situation the statistics need.
/// </summary>
public sealed class Card : IVersioned
{
    public const int MinimumAge = 16;
    public const int MaxChildren = 20;

    public CardId Id { get; set; }
    public string Code { get; set; } = "";
    public CardType Type { get; set; }
    public AreaId AreaId { get; set; }
    public SiteId IssuingSiteId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public CardStatus Status { get; set; }
    public DateOnly? EndedOn { get; set; }
    public EndReason? EndReason { get; set; }
    public CardId? ReplacesCardId { get; set; }
    public CardId? ReplacedByCardId { get; set; }

    // Personal card
    public int? BirthYear { get; set; }
    public string? PostalCode { get; set; }
    public int ChildrenCount { get; set; }
    public Gender? Gender { get; set; }
    public int? LifeSituationId { get; set; }

    // Community card: the group of clients under 16 an employee takes along
    public int? GroupSize { get; set; }

    public DateTime CreatedAt { get; set; }
    /// <summary>The day of the card's first use that was not cancelled (kept by the desk): "taken into use" in the statistics.</summary>
    public DateOnly? FirstUsedOn { get; set; }
    public int Version { get; set; }

    /// <summary>Tickets for children the card allows on one use.</summary>
    public int ChildrenAllowed => Type == CardType.Community ? GroupSize ?? 0 : ChildrenCount;

    public bool IsValidOn(DateOnly day) => Status == CardStatus.Active && day >= IssuedOn && day <= ValidUntil;

    /// <summary>The last valid day of a card issued on <paramref name="issuedOn"/> under the area's rules.</summary>
    public static DateOnly ValidUntilFor(DateOnly issuedOn, AreaRules rules)
    {
        var end = issuedOn.AddMonths(rules.ValidityMonths).AddDays(-1);
        return rules.PilotEndsOn is { } pilot && pilot < end ? pilot : end;
    }

    /// <summary>The holder is at least 16 or turns 16 this year.</summary>
    public static bool BirthYearAllowed(int birthYear, int thisYear) => birthYear <= thisYear - MinimumAge && birthYear >= thisYear - 120;

    /// <summary>Renewal: a new validity period from today (or from the old end if it has not yet come).</summary>
    public Result Extend(DateOnly today, AreaRules rules)
    {
        if (Status == CardStatus.Ended) return Result.Invalid("", "CultureCard.Card.AlreadyEnded");
        var from = ValidUntil >= today ? ValidUntil.AddDays(1) : today;
        var until = ValidUntilFor(from, rules);
        if (until <= ValidUntil) return Result.Invalid("", "CultureCard.Card.CannotExtendPastPilot");
        ValidUntil = until;
        return Result.Ok();
    }

    /// <summary>Takes the card out of use for good; it stays in the register with its history.</summary>
    public Result End(DateOnly today, EndReason reason)
    {
        if (Status == CardStatus.Ended) return Result.Invalid("", "CultureCard.Card.AlreadyEnded");
        Status = CardStatus.Ended;
        EndedOn = today;
        EndReason = reason;
        return Result.Ok();
    }
}

public enum CardEventKind { Issued, Extended, Changed, Ended, Replaced, Used, UseCancelled }

/// <summary>One line of a card's history. Details are ids, dates and counts only.</summary>
public sealed class CardEvent
{
    public Guid Id { get; set; }
    public CardId CardId { get; set; }
    public CardEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public AccountId? ByAccount { get; set; }
    public SiteId? BySite { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public EndReason? EndReason { get; set; }
    public UseId? UseId { get; set; }
    public CardId? OtherCardId { get; set; }
}
