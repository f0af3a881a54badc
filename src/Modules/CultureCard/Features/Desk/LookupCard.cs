using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>
/// The desk's answer about one card ID: the outcome with its machine code, a message for the person at the desk and
/// the holder (a text key and its arguments), and what the desk needs to record a use.
/// </summary>
public sealed record CardAnswer(
    LookupOutcome Outcome,
    string MessageKey,
    object[] MessageArgs,
    string Code,
    CardId? CardId = null,
    CardType? CardType = null,
    DateOnly? ValidUntil = null,
    DateOnly? EndedOn = null,
    int ChildrenAllowed = 0,
    int? GroupSize = null,
    EventId? EventId = null,
    string? EventName = null,
    int? QuotaRemaining = null,
    int UsesHereToday = 0)
{
    public string MachineCode => Outcome.MachineCode();
    public bool IsValid => Outcome == LookupOutcome.Valid;
    /// <summary>The short headline of the answer ("Valid", "Expired"…).</summary>
    public string TitleKey => $"CultureCard.Desk.Outcome.{Outcome}";
    public string DisplayCode => CardCode.Display(Code);
}

/// <summary>
/// Looks a typed, scanned or camera-read card ID up for a desk: exactly one of valid, expired, ended, not found (also an
/// ID that was printed but not registered yet), check character wrong, not valid in this network, or quota full for
/// the chosen event. The page and the ticketing API both use it. The card, when there is one, goes into the audit row.
/// </summary>
public sealed class LookupCard(VakkaDb db, ISiteDirectory sites, AreaRulesReader rules, CardClock clock, AuditContext audit)
{
    public sealed record Query(string? Code, EventId? EventId = null, DateOnly? Day = null);

    // The desk's hot path, asked on every lookup and recording: compiled once, so EF Core does not translate the
    // expressions again on each request.
    private static readonly Func<VakkaDb, string, CancellationToken, Task<Card?>> CardByCode = EF.CompileAsyncQuery(
        (VakkaDb db, string code, CancellationToken ct) => db.Set<Card>().AsNoTracking().FirstOrDefault(c => c.Code == code));
    private static readonly Func<VakkaDb, CardId, SiteId, DateOnly, CancellationToken, Task<int>> UsesOnDay = EF.CompileAsyncQuery(
        (VakkaDb db, CardId card, SiteId venue, DateOnly day, CancellationToken ct) =>
            db.Set<CardUse>().Count(u => u.CardId == card && u.VenueSiteId == venue && u.UseDate == day && u.CancelledAt == null));

    /// <summary>The answer, and for the use recorder the card and event it was decided from.</summary>
    internal sealed record Evaluation(CardAnswer Answer, Card? Card, VenueEvent? Event);

    public async Task<Result<CardAnswer>> HandleAsync(DeskSite desk, Query query, CancellationToken ct)
    {
        var evaluation = await EvaluateAsync(desk, query, ct);
        return evaluation.IsOk ? evaluation.Value.Answer : Result<CardAnswer>.From(evaluation);
    }

    /// <param name="countUsesToday">Count the card's uses at this venue today for the answer; the use recorder counts
    /// them itself from the uses it reads for the second-use check, one query instead of two.</param>
    internal async Task<Result<Evaluation>> EvaluateAsync(DeskSite desk, Query query, CancellationToken ct, bool countUsesToday = true)
    {
        var code = Normalise(query.Code);
        if (code.Length == 0) return Result<Evaluation>.From(Result.Invalid("Code", "CultureCard.Desk.CodeRequired"));

        VenueEvent? venueEvent = null;
        if (query.EventId is { } eventId)
        {
            venueEvent = await db.Set<VenueEvent>().AsNoTracking()
                .FirstOrDefaultAsync(e => e.Id == eventId && e.SiteId == desk.Id && !e.IsCancelled, ct);
            if (venueEvent is null) return Result<Evaluation>.From(Result.Invalid("EventId", "CultureCard.Desk.EventUnknown"));
        }

        var card = code.Length > CardCode.LegacyMaxLength ? null
            : await CardByCode(db, code, ct);
        if (card is null)
        {
            var printed = code.Length <= CardCode.LegacyMaxLength && await db.Set<CardCodeRecord>().AnyAsync(c => c.Code == code, ct);
            var (outcome, key) = DeskRules.Unregistered(code, printed);
            var shown = code.Length > 24 ? code[..24] + "…" : CardCode.Display(code);
            return new Evaluation(new CardAnswer(outcome, key, [shown], code.Length > CardCode.LegacyMaxLength ? "" : code), null, venueEvent);
        }
        audit.Subject(card.Id.Value);

        var day = query.Day ?? clock.Today;
        var area = await sites.AreaStandingAsync(card.AreaId, ct);
        var cardRules = await rules.ForAsync(card.AreaId, ct);
        var standing = DeskRules.Standing(card, day, new NetworkFacts(area?.IsActive == true, cardRules.LocalOnly, desk.AreaId));

        int? remaining = null;
        if (venueEvent?.Quota is { } quota)
        {
            remaining = DeskRules.Remaining(quota, await QuotaTakenAsync(venueEvent.Id, ct));
            if (standing == LookupOutcome.Valid && remaining == 0) standing = LookupOutcome.QuotaFull;
        }

        var today = clock.Today;
        var usesHereToday = standing == LookupOutcome.Valid && countUsesToday
            ? await UsesOnDay(db, card.Id, desk.Id, today, ct)
            : 0;

        var (messageKey, args) = Message(standing, card, area, venueEvent);
        var answer = new CardAnswer(standing, messageKey, args, card.Code, card.Id, card.Type, card.ValidUntil, card.EndedOn,
            card.ChildrenAllowed, card.Type == CardType.Community ? card.GroupSize ?? 0 : null,
            venueEvent?.Id, venueEvent?.Name, remaining, usesHereToday);
        return new Evaluation(answer, card, venueEvent);
    }

    /// <summary>Adult and child tickets already recorded against an event's quota (cancelled uses never count).</summary>
    internal Task<int> QuotaTakenAsync(EventId eventId, CancellationToken ct) =>
        db.Set<CardUse>().Where(u => u.EventId == eventId && u.CancelledAt == null).SumAsync(u => u.AdultTickets + u.ChildTickets, ct);

    private static (string Key, object[] Args) Message(LookupOutcome outcome, Card card, AreaStanding? area, VenueEvent? venueEvent) => outcome switch
    {
        LookupOutcome.Valid when card.Type == CardType.Community => ("CultureCard.Desk.Answer.ValidCommunity", [card.ValidUntil, card.ChildrenAllowed]),
        LookupOutcome.Valid when card.ChildrenAllowed == 0 => ("CultureCard.Desk.Answer.ValidNoChildren", [card.ValidUntil]),
        LookupOutcome.Valid => ("CultureCard.Desk.Answer.Valid", [card.ValidUntil, card.ChildrenAllowed]),
        LookupOutcome.Expired => ("CultureCard.Refusal.Expired", [card.ValidUntil]),
        LookupOutcome.Ended when card.EndReason == EndReason.Replaced => ("CultureCard.Refusal.Replaced", [card.EndedOn ?? card.ValidUntil]),
        LookupOutcome.Ended => ("CultureCard.Refusal.Ended", [card.EndedOn ?? card.ValidUntil]),
        LookupOutcome.NotInNetwork when area?.IsActive != true => ("CultureCard.Refusal.AreaNotActive", []),
        LookupOutcome.NotInNetwork => ("CultureCard.Refusal.NotInNetwork", [area?.Name ?? ""]),
        LookupOutcome.QuotaFull => ("CultureCard.Refusal.QuotaFull", [venueEvent?.Name ?? ""]),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>
    /// What a scanner, the camera or a typist gives becomes the ID: a QR code may hold a web address that ends in the ID
    /// (or carries it as ?id=…), so the last part of an address is taken; then spaces and hyphens go and letters are upper case.
    /// </summary>
    public static string Normalise(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            var fromQuery = uri.Query.TrimStart('?').Split('&')
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] is "id" or "code" or "card").Select(p => Uri.UnescapeDataString(p[1]))
                .FirstOrDefault();
            text = fromQuery ?? uri.AbsolutePath.TrimEnd('/').Split('/')[^1];
        }
        return CardCode.Normalise(text);
    }
}
