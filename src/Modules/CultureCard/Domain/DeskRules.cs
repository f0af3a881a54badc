using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Domain;

/// <summary>What the ticket desk (and the ticketing API) answers about a card: exactly one of these.</summary>
public enum LookupOutcome { Valid, Expired, Ended, NotFound, CheckCharacterInvalid, NotInNetwork, QuotaFull }

public static class LookupOutcomes
{
    /// <summary>The stable machine code of an outcome, as the ticketing API returns it.</summary>
    public static string MachineCode(this LookupOutcome outcome) => outcome switch
    {
        LookupOutcome.Valid => "CARD_VALID",
        LookupOutcome.Expired => "CARD_EXPIRED",
        LookupOutcome.Ended => "CARD_ENDED",
        LookupOutcome.NotFound => "CARD_NOT_FOUND",
        LookupOutcome.CheckCharacterInvalid => "CHECK_CHARACTER_INVALID",
        LookupOutcome.NotInNetwork => "NOT_IN_NETWORK",
        LookupOutcome.QuotaFull => "QUOTA_FULL",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}

/// <summary>Where the card and the venue stand in the network, as far as a card's standing depends on it.</summary>
public sealed record NetworkFacts(bool CardAreaActive, bool CardAreaLocalOnly, AreaId? VenueAreaId);

/// <summary>
/// The rules of the ticket desk, kept apart from the database so they can be read and tested as rules: which answer a
/// card gets, how many tickets one use may hold, which dates a use may have, the quota, a second use at the same
/// event, and cancelling on the same day.
/// </summary>
public static class DeskRules
{
    /// <summary>Assistants and interpreters always get in free; this only catches a slip of the finger.</summary>
    public const int MaxAssistants = 10;

    /// <summary>The answer for an ID that matches no registered card, with the message that explains it.</summary>
    public static (LookupOutcome Outcome, string MessageKey) Unregistered(string code, bool printedInBatch)
    {
        if (printedInBatch) return (LookupOutcome.NotFound, "CultureCard.Refusal.NotRegistered");
        if (code.Length > CardCode.LegacyMaxLength) return (LookupOutcome.NotFound, "CultureCard.Refusal.Malformed");
        return CardCode.Verify(code) switch
        {
            CardCode.Check.CheckCharacter => (LookupOutcome.CheckCharacterInvalid, "CultureCard.Refusal.CheckCharacterInvalid"),
            CardCode.Check.Format when !CardCode.IsLegacyFormat(code) => (LookupOutcome.NotFound, "CultureCard.Refusal.Malformed"),
            _ => (LookupOutcome.NotFound, "CultureCard.Refusal.NotFound"),
        };
    }

    /// <summary>
    /// A registered card's standing at a venue on a day. An ended card is ended wherever it is shown; a card outside the
    /// network cannot be helped by renewing it, so that answer comes before "expired".
    /// </summary>
    public static LookupOutcome Standing(Card card, DateOnly day, NetworkFacts network)
    {
        if (card.Status == CardStatus.Ended) return LookupOutcome.Ended;
        if (!network.CardAreaActive || network.VenueAreaId is null) return LookupOutcome.NotInNetwork;
        if (network.CardAreaLocalOnly && network.VenueAreaId != card.AreaId) return LookupOutcome.NotInNetwork;
        if (day > card.ValidUntil) return LookupOutcome.Expired;
        return LookupOutcome.Valid;
    }

    /// <summary>Tickets of an event's quota still free; null when the event has no quota.</summary>
    public static int? Remaining(int? quota, int taken) => quota is { } q ? Math.Max(0, q - taken) : null;

    /// <summary>Whether <paramref name="requested"/> more quota tickets (adults and children) fit.</summary>
    public static bool QuotaAllows(int? quota, int taken, int requested) => quota is not { } q || taken + requested <= q;

    /// <summary>
    /// One use: one adult ticket (the holder, or for a community card the employee), children up to what the card allows
    /// (its registered children, or the community card's group size), and free assistant tickets counted apart.
    /// </summary>
    public static Validation CheckTickets(Card card, int adults, int children, int assistants)
    {
        var v = new Validation();
        if (adults != 1)
            v.Add("Adults", card.Type == CardType.Community ? "CultureCard.Desk.AdultsCommunity" : "CultureCard.Desk.AdultsPersonal");
        if (children < 0) v.Add("Children", "CultureCard.Desk.NotNegative");
        else if (children > card.ChildrenAllowed)
            v.Add("Children", card.Type == CardType.Community ? "CultureCard.Desk.GroupTooBig" : "CultureCard.Desk.TooManyChildren", card.ChildrenAllowed);
        if (assistants < 0) v.Add("Assistants", "CultureCard.Desk.NotNegative");
        else if (assistants > MaxAssistants) v.Add("Assistants", "CultureCard.Desk.TooManyAssistants", MaxAssistants);
        return v;
    }

    /// <summary>
    /// The day of a use: today, or a past day within the area's limit for uses entered afterwards from paper; never in
    /// the future, and never before the card was issued.
    /// </summary>
    public static Validation CheckDate(DateOnly day, DateOnly today, int backdateDays, Card? card)
    {
        var v = new Validation();
        if (day > today) v.Add("UseDate", "CultureCard.Desk.DateInFuture");
        else if (day < today.AddDays(-backdateDays)) v.Add("UseDate", "CultureCard.Desk.DateTooOld", backdateDays);
        else if (card is not null && day < card.IssuedOn) v.Add("UseDate", "CultureCard.Desk.DateBeforeIssue", card.IssuedOn);
        return v;
    }

    /// <summary>An earlier use that makes this one a second use of the card at the same event (same event, or same name and day).</summary>
    public static bool IsSameVisit(CardUse earlier, EventId? eventId, string eventName, DateOnly day) =>
        !earlier.IsCancelled &&
        ((eventId is not null && earlier.EventId == eventId) ||
         (earlier.UseDate == day && string.Equals(earlier.EventName.Trim(), eventName.Trim(), StringComparison.CurrentCultureIgnoreCase)));

    /// <summary>Cancels a use: only on the day it was recorded (in Finland), once, with a reason from the list.</summary>
    public static Result Cancel(CardUse use, DateTime nowUtc, AccountId? by, CancelReason reason)
    {
        if (use.IsCancelled) return Result.Invalid("", "CultureCard.Desk.AlreadyCancelled");
        if (DateOnly.FromDateTime(HelsinkiTime.ToLocal(use.RecordedAt)) != DateOnly.FromDateTime(HelsinkiTime.ToLocal(nowUtc)))
            return Result.Invalid("", "CultureCard.Desk.CancelSameDayOnly");
        use.CancelledAt = nowUtc;
        use.CancelledBy = by;
        use.CancelReason = reason;
        return Result.Ok();
    }

    /// <summary>The statistics' postal-code area: the first two digits.</summary>
    public static string? PostalArea(string? postalCode) =>
        postalCode is { Length: >= 2 } p && char.IsAsciiDigit(p[0]) && char.IsAsciiDigit(p[1]) ? p[..2] : null;
}
