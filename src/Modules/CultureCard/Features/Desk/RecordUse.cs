using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Desk;

/// <summary>The record-use form of the desk (and the body of the API call). The rules are checked by <see cref="RecordUse"/>.</summary>
public sealed class RecordUseForm
{
    [Display(Name = "CultureCard.Desk.Code")] public string? Code { get; set; }
    [Display(Name = "CultureCard.Desk.Event")] public EventId? EventId { get; set; }
    [Display(Name = "CultureCard.Desk.EventName")] public string? EventName { get; set; }
    [Display(Name = "CultureCard.Desk.Category")] public UseCategory? Category { get; set; }
    /// <summary>Today when left empty.</summary>
    [Display(Name = "CultureCard.Desk.UseDate")] public DateOnly? UseDate { get; set; }
    [Display(Name = "CultureCard.Desk.Adults")] public int Adults { get; set; } = 1;
    [Display(Name = "CultureCard.Desk.Children")] public int Children { get; set; }
    [Display(Name = "CultureCard.Desk.Assistants")] public int Assistants { get; set; }
    [Display(Name = "CultureCard.Desk.Method")] public InputMethod Method { get; set; } = InputMethod.Typed;
    /// <summary>The desk has been told the card was already used at this event and records it again.</summary>
    public bool ConfirmRepeat { get; set; }

    /// <summary>Set by API callers: a retried request with the same key records one use (not bound from pages).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? IdempotencyKey { get; set; }
}

public enum RecordStatus { Recorded, Refused, NeedsConfirmation }

/// <summary>What became of a record-use request: recorded, refused (the card's answer says why), or waiting for confirmation.</summary>
public sealed record RecordUseResult(RecordStatus Status, CardAnswer Answer, UseId? UseId = null, string EventName = "",
    int Adults = 0, int Children = 0, int Assistants = 0, int? QuotaRemaining = null, DateTime? PreviousUseAt = null);

/// <summary>
/// Records one use of a card at the desk's venue. Refused cards record nothing. With an event quota the event row is
/// locked before the tickets already taken are counted, so two desks cannot both take the last ticket. A second use
/// of the card at the same event needs <see cref="RecordUseForm.ConfirmRepeat"/>. The card's statistics fields are
/// copied into the use, and the card's history gets a line.
/// </summary>
public sealed class RecordUse(VakkaDb db, LookupCard lookup, AreaRulesReader rules, CardHistory history, CardClock clock, AuditContext audit)
{
    public const int EventNameMax = 200;

    // Asked on every recording: compiled once, so EF Core does not translate the expressions again on each request.
    private static readonly Func<VakkaDb, SiteId, string, CancellationToken, Task<CardUse?>> UseByKey = EF.CompileAsyncQuery(
        (VakkaDb db, SiteId deskSite, string key, CancellationToken ct) =>
            db.Set<CardUse>().AsNoTracking().FirstOrDefault(u => u.DeskSiteId == deskSite && u.IdempotencyKey == key));
    /// <summary>The card's uses here (not cancelled) on either day, and, when there is one, at the event.</summary>
    private static readonly Func<VakkaDb, CardId, SiteId, DateOnly, DateOnly, IAsyncEnumerable<CardUse>> UsesHereOn = EF.CompileAsyncQuery(
        (VakkaDb db, CardId card, SiteId venue, DateOnly day, DateOnly today) => db.Set<CardUse>().AsNoTracking()
            .Where(u => u.CardId == card && u.VenueSiteId == venue && u.CancelledAt == null && (u.UseDate == day || u.UseDate == today)));
    private static readonly Func<VakkaDb, CardId, SiteId, EventId, DateOnly, DateOnly, IAsyncEnumerable<CardUse>> UsesHereOnOrAt = EF.CompileAsyncQuery(
        (VakkaDb db, CardId card, SiteId venue, EventId eventId, DateOnly day, DateOnly today) => db.Set<CardUse>().AsNoTracking()
            .Where(u => u.CardId == card && u.VenueSiteId == venue && u.CancelledAt == null && (u.EventId == eventId || u.UseDate == day || u.UseDate == today)));

    public async Task<Result<RecordUseResult>> HandleAsync(Actor actor, DeskSite desk, RecordUseForm form, CancellationToken ct)
    {
        // The declaration filter runs an audited request in a transaction; called on its own, this opens one.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

        if (form.IdempotencyKey is { } key && await ReplayAsync(desk, key, ct) is { } replay) return replay;

        var today = clock.Today;
        var venueRules = await rules.ForAsync(desk.AreaId, ct);
        var day = form.UseDate ?? today;
        var dayAllowed = DeskRules.CheckDate(day, today, venueRules.UseBackdateDays, null).IsValid;
        var evaluated = await lookup.EvaluateAsync(desk, new LookupCard.Query(form.Code, form.EventId, dayAllowed ? day : today), ct, countUsesToday: false);
        if (!evaluated.IsOk) return Result<RecordUseResult>.From(evaluated);
        var (answer, card, venueEvent) = evaluated.Value;
        if (!answer.IsValid || card is null) return Refused(answer);

        var name = (venueEvent?.Name ?? form.EventName ?? "").Trim();
        var category = venueEvent?.Category ?? form.Category;
        var v = DeskRules.CheckDate(day, today, venueRules.UseBackdateDays, card);
        foreach (var error in DeskRules.CheckTickets(card, form.Adults, form.Children, form.Assistants).Errors) v.Add(error.Field, error.Key, error.Args);
        if (name.Length == 0) v.Add(nameof(form.EventName), "CultureCard.Desk.EventNameRequired");
        else if (name.Length > EventNameMax) v.Add(nameof(form.EventName), "Validation.TooLong", "CultureCard.Desk.EventName", EventNameMax);
        if (category is null) v.Add(nameof(form.Category), "CultureCard.Desk.CategoryRequired");
        if (!v.IsValid) return Result<RecordUseResult>.From(v.ToResult());

        int? remaining = null;
        if (venueEvent?.Quota is { } quota)
        {
            // Take the event row's lock (a no-op update) before counting: a second desk waits here until this one commits.
            await db.Set<VenueEvent>().Where(e => e.Id == venueEvent.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Quota, e => e.Quota), ct);
            var taken = await lookup.QuotaTakenAsync(venueEvent.Id, ct);
            var requested = form.Adults + form.Children;
            if (!DeskRules.QuotaAllows(quota, taken, requested))
            {
                var left = DeskRules.Remaining(quota, taken) ?? 0;
                return Refused(answer with
                {
                    Outcome = LookupOutcome.QuotaFull, QuotaRemaining = left,
                    MessageKey = left == 0 ? "CultureCard.Refusal.QuotaFull" : "CultureCard.Refusal.QuotaTooFew",
                    MessageArgs = left == 0 ? [name] : [name, left],
                });
            }
            remaining = quota - taken - requested;
        }

        // The card's uses here that matter: at this event, on the use's day (the second-use check) or today (the count
        // the desk shows).
        var eventId = venueEvent?.Id;
        var earlier = await (eventId is { } at ? UsesHereOnOrAt(db, card.Id, desk.Id, at, day, today) : UsesHereOn(db, card.Id, desk.Id, day, today)).ToListAsync(ct);
        answer = answer with { UsesHereToday = earlier.Count(u => u.UseDate == today) };
        if (!form.ConfirmRepeat)
        {
            if (earlier.Where(u => DeskRules.IsSameVisit(u, eventId, name, day)).OrderByDescending(u => u.RecordedAt).FirstOrDefault() is { } previous)
            {
                audit.Outcome(AuditOutcome.Invalid);
                return new RecordUseResult(RecordStatus.NeedsConfirmation, answer, EventName: name, QuotaRemaining: answer.QuotaRemaining, PreviousUseAt: previous.RecordedAt);
            }
        }

        var use = new CardUse
        {
            Id = UseId.New(), CardId = card.Id, VenueSiteId = desk.Id, VenueAreaId = desk.AreaId, DeskSiteId = desk.DeskSiteId,
            EventId = venueEvent?.Id, EventName = name, Category = category!.Value, UseDate = day,
            AdultTickets = form.Adults, ChildTickets = form.Children, AssistantTickets = form.Assistants,
            InputMethod = form.Method, RecordedAt = clock.UtcNow, RecordedBy = actor.AccountId,
            CardAreaId = card.AreaId, IssuingSiteId = card.IssuingSiteId, CardType = card.Type, BirthYear = card.BirthYear,
            Gender = card.Gender, LifeSituationId = card.LifeSituationId, PostalArea = DeskRules.PostalArea(card.PostalCode),
            IdempotencyKey = form.IdempotencyKey,
        };
        db.Add(use);
        history.Add(card.Id, CardEventKind.Used, actor, e => e.UseId = use.Id);
        audit.Target(use.Id.Value);
        try
        {
            // Only a request with an idempotency key goes on after a failed save (to answer the same request's first use),
            // so only it needs EF Core's savepoint to keep the transaction usable.
            if (form.IdempotencyKey is null) await db.SaveWithoutSavepointAsync(ct);
            else await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (form.IdempotencyKey is not null && DbExtensions.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear(); // the same request, retried at the same moment: answer with the first one's use
            if (await ReplayAsync(desk, form.IdempotencyKey, ct) is { } first) return first;
            throw;
        }
        await CardFirstUse.RecordedAsync(db, card, day, ct);
        if (own is not null) await own.CommitAsync(ct);
        if (day == today) answer = answer with { UsesHereToday = answer.UsesHereToday + 1 };
        return new RecordUseResult(RecordStatus.Recorded, answer, use.Id, name, form.Adults, form.Children, form.Assistants, remaining);
    }

    /// <summary>A use this desk site already recorded under the key: answered again as it was, nothing recorded twice.</summary>
    private async Task<RecordUseResult?> ReplayAsync(DeskSite desk, string key, CancellationToken ct)
    {
        var use = await UseByKey(db, desk.DeskSiteId, key, ct);
        if (use is null) return null;
        var code = await db.Set<Card>().Where(c => c.Id == use.CardId).Select(c => c.Code).FirstAsync(ct);
        audit.Target(use.Id.Value).Subject(use.CardId.Value);
        var answer = new CardAnswer(LookupOutcome.Valid, "CultureCard.Api.Replayed", [], code, use.CardId);
        return new RecordUseResult(RecordStatus.Recorded, answer, use.Id, use.EventName, use.AdultTickets, use.ChildTickets, use.AssistantTickets);
    }

    private Result<RecordUseResult> Refused(CardAnswer answer)
    {
        audit.Outcome(AuditOutcome.Invalid); // nothing was recorded
        return new RecordUseResult(RecordStatus.Refused, answer, EventName: answer.EventName ?? "", QuotaRemaining: answer.QuotaRemaining);
    }
}
