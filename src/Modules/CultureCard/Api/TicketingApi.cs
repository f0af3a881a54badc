using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.ApiKeys;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform.Localisation;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Api;

/// <summary>
/// The ticketing API for venues' and ticket intermediaries' own systems: check a card, record a use (with an
/// idempotency key), cancel a use. Callers authenticate with their site's API key (<c>X-Api-Key</c>); a signed-in desk
/// account may call it too. Refusals carry a machine code and a message for the end user in Finnish, Swedish and English.
/// </summary>
public static class TicketingApi
{
    public sealed record Messages(string Fi, string Sv, string En);

    public sealed record CardCheck(string Code, string Status, bool Valid, Messages Message, string? CardType, DateOnly? ValidUntil,
        int ChildrenAllowed, string? EventId, string? EventName, int? QuotaRemaining, int UsesHereToday);

    /// <param name="VenueId">A ticket intermediary names the venue it records for (it may leave it out if it serves one venue only).</param>
    public sealed record UseRequest(string? Code, Guid? EventId, string? EventName, UseCategory? Category, DateOnly? UseDate,
        int Children, int Assistants, bool ConfirmRepeat, Guid? VenueId = null);

    public sealed record UseResponse(Guid UseId, string Code, string EventName, int Adults, int Children, int Assistants, int? QuotaRemaining);

    public sealed record Refusal(string Status, Messages Message, string? PreviousUseAt = null);

    public static IEndpointRouteBuilder MapCultureCardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/culturecard").Declared().WithTags("Kaikukortti ticketing")
            .RequireAuthorization(new AuthorizeAttribute
            {
                AuthenticationSchemes = $"{ApiKeyHandler.SchemeName},{IdentityConstants.ApplicationScheme}",
            });

        api.MapGet("/cards/{code}", async (string code, Guid? eventId, Guid? venueId, CurrentActor current, DeskSites desks, LookupCard lookup,
                TextCatalog texts, IStringLocalizer localizer, CancellationToken ct) =>
            {
                var choice = await desks.ChooseAsync(await current.GetAsync(ct), CultureCardAction.LookupCard, VenueOf(venueId), ct);
                if (choice.Desk is not { } desk) return NoDesk(choice, venueId, localizer);
                var result = await lookup.HandleAsync(desk, new LookupCard.Query(code, eventId is { } e ? new EventId(e) : null), ct);
                if (!result.IsOk) return result.ToProblem(localizer);
                var a = result.Value;
                return TypedResults.Ok(new CardCheck(a.Code, a.MachineCode, a.IsValid, MessagesOf(texts, a.MessageKey, a.MessageArgs),
                    a.CardType?.ToString(), a.ValidUntil, a.ChildrenAllowed, a.EventId?.ToString(), a.EventName, a.QuotaRemaining, a.UsesHereToday));
            })
            .WithSummary("Check a card (a ticket intermediary adds venueId): its status (CARD_VALID, CARD_EXPIRED, CARD_ENDED, CARD_NOT_FOUND, CHECK_CHARACTER_INVALID, NOT_IN_NETWORK, QUOTA_FULL), children allowed and the event's remaining quota")
            .Produces<CardCheck>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .Requires(CultureCardAction.LookupCard).Audited(CultureCardAudit.CardLookup);

        api.MapPost("/uses", async (UseRequest body, HttpContext http, CurrentActor current, DeskSites desks, RecordUse record,
                TextCatalog texts, IStringLocalizer localizer, CancellationToken ct) =>
            {
                var actor = await current.GetAsync(ct);
                var choice = await desks.ChooseAsync(actor, CultureCardAction.RecordUse, VenueOf(body.VenueId), ct);
                if (choice.Desk is not { } desk) return NoDesk(choice, body.VenueId, localizer);
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                if (key.Length > 100) return Result.Invalid("idempotencyKey", "Validation.TooLong", "Idempotency-Key", 100).ToProblem(localizer);
                var form = new RecordUseForm
                {
                    Code = body.Code, EventId = body.EventId is { } e ? new EventId(e) : null, EventName = body.EventName, Category = body.Category,
                    UseDate = body.UseDate, Adults = 1, Children = body.Children, Assistants = body.Assistants, Method = InputMethod.Api,
                    ConfirmRepeat = body.ConfirmRepeat, IdempotencyKey = key.Length == 0 ? null : key,
                };
                var result = await record.HandleAsync(actor, desk, form, ct);
                if (!result.IsOk) return result.ToProblem(localizer);
                var r = result.Value;
                return r.Status switch
                {
                    RecordStatus.Recorded => TypedResults.Created($"/api/v1/culturecard/uses/{r.UseId}",
                        new UseResponse(r.UseId!.Value.Value, r.Answer.Code, r.EventName, r.Adults, r.Children, r.Assistants, r.QuotaRemaining)),
                    RecordStatus.NeedsConfirmation => TypedResults.Conflict(new Refusal("ALREADY_USED_HERE",
                        MessagesOf(texts, "CultureCard.Api.AlreadyUsedHere", []), r.PreviousUseAt?.ToString("o", CultureInfo.InvariantCulture))),
                    _ => TypedResults.UnprocessableEntity(new Refusal(r.Answer.MachineCode, MessagesOf(texts, r.Answer.MessageKey, r.Answer.MessageArgs))),
                };
            })
            .WithSummary("Record a use (a ticket intermediary names the venue in venueId): one adult (or the community card's employee), children up to the card's limit, assistants free. Send an Idempotency-Key header so that a retry records one use.")
            .Produces<UseResponse>(StatusCodes.Status201Created).Produces<Refusal>(StatusCodes.Status422UnprocessableEntity)
            .Produces<Refusal>(StatusCodes.Status409Conflict).ProducesValidationProblem()
            .Requires(CultureCardAction.RecordUse).Audited(CultureCardAudit.UseRecord);

        api.MapDelete("/uses/{id}", async (UseId id, CancelReason? reason, CurrentActor current, CancelUse cancel,
                IStringLocalizer localizer, CancellationToken ct) =>
            {
                var result = await cancel.HandleAsync(await current.GetAsync(ct), id, reason ?? CancelReason.Other, ct);
                return result.IsOk ? TypedResults.NoContent() : result.ToProblem(localizer);
            })
            .WithSummary("Cancel a use the same day (reason: WrongCard, WrongCounts, RecordedTwice, DidNotAttend, Other)")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .Requires(CultureCardAction.CancelUse, target: "id").Audited(CultureCardAudit.UseCancel);

        return endpoints;
    }

    private static Vakka.Platform.Ids.SiteId? VenueOf(Guid? id) => id is { } v ? new Vakka.Platform.Ids.SiteId(v) : null;

    /// <summary>No desk: an intermediary serving several venues that named none is asked to name one; anyone else is refused.</summary>
    private static IResult NoDesk(DeskChoice choice, Guid? venueId, IStringLocalizer texts) =>
        venueId is null && choice.Venues.Count > 1
            ? Result.Invalid("venueId", "CultureCard.Api.VenueRequired").ToProblem(texts)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: texts["CultureCard.Api.NoDesk"]);

    private static Messages MessagesOf(TextCatalog texts, string key, object[] args)
    {
        string In(string language)
        {
            var template = texts.Find(key, language) ?? key;
            var localised = args.Select(a => a is string s && texts.Find(s, language) is { } t ? t
                : a is DateOnly d ? d.ToString("d", CultureInfo.GetCultureInfo(LanguageCookie.CultureOf(language))) : a).ToArray();
            return string.Format(CultureInfo.GetCultureInfo(LanguageCookie.CultureOf(language)), template, localised);
        }
        return new Messages(In("fi"), In("sv"), In("en"));
    }
}
