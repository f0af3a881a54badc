using System.ComponentModel.DataAnnotations;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Cards;

public sealed class RegisterCardForm : HolderForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.Card.Code")]
    public string? Code { get; set; }

    [Display(Name = "CultureCard.Card.IssuedOn")]
    public DateOnly? IssuedOn { get; set; }

    /// <summary>The distributor site registering (an area coordinator chooses one; a site account registers for itself).</summary>
    [Display(Name = "CultureCard.Card.IssuingSite")]
    public SiteId? SiteId { get; set; }
}

/// <summary>
/// A distributor site registers a card it hands out: the printed ID (scanned or typed), the card type and the holder's
/// statistics fields. Valid for the area's period from the issue date, which may be set back a few days for a card
/// first written on paper. An ID is registered once, also when two sites try at the same moment.
/// </summary>
public sealed class RegisterCard(VakkaDb db, AccessControl access, ISiteDirectory sites, AreaRulesReader rulesReader,
    CardHistory history, CardClock clock, AuditContext audit)
{
    public async Task<Result<CardId>> HandleAsync(Actor actor, RegisterCardForm form, CancellationToken ct)
    {
        var v = new Validation();
        var siteId = form.SiteId ?? (actor.SiteId is { } own ? new SiteId(own) : null);
        var site = siteId is { } id ? await sites.GetAsync(id, ct) : null;
        if (site is null || !site.IsActive || site.Type != SiteType.Distributor || site.AreaId is null)
            v.Add(nameof(form.SiteId), "CultureCard.Card.SiteNotDistributor");
        else if (!await access.HasAsync(actor, CultureCardAction.RegisterCard, site.Id.Value, ct))
            v.Add(nameof(form.SiteId), "CultureCard.Card.SiteNotYours");
        if (!v.IsValid) return Result<CardId>.From(v.ToResult());

        var area = site!.AreaId!.Value;
        var rules = await rulesReader.ForAsync(area, ct);
        var today = clock.Today;
        var (holder, postalCode) = await form.ValidateHolderAsync(db, rules, today.Year, ct);
        foreach (var e in holder.Errors) v.Add(e.Field, e.Key, e.Args);

        var issuedOn = form.IssuedOn ?? today;
        if (issuedOn > today) v.Add(nameof(form.IssuedOn), "CultureCard.Card.IssuedInFuture");
        else if (issuedOn < today.AddDays(-rules.IssueBackdateDays)) v.Add(nameof(form.IssuedOn), "CultureCard.Card.IssuedTooLongAgo", rules.IssueBackdateDays);

        var code = await CardCodeCheck.ForRegistrationAsync(db, form.Code, ct);
        if (code.ErrorKey is { } codeError) v.Add(nameof(form.Code), codeError);
        else if (code.Printed!.AreaId != area) v.Add(nameof(form.Code), "CultureCard.Card.PrintedForAnotherArea");
        if (!v.IsValid) return Result<CardId>.From(v.ToResult());

        var validUntil = Card.ValidUntilFor(issuedOn, rules);
        if (validUntil < today) return Result<CardId>.From(Result.Invalid(nameof(form.IssuedOn), "CultureCard.Card.PilotOver"));
        var card = new Card
        {
            Id = CardId.New(), Code = code.Code, AreaId = area, IssuingSiteId = site.Id, IssuedOn = issuedOn,
            ValidUntil = validUntil, Status = CardStatus.Active, CreatedAt = clock.UtcNow,
        };
        form.CopyTo(card, postalCode);
        db.Add(card);
        history.Add(card.Id, CardEventKind.Issued, actor, e => { e.BySite = site.Id; e.ValidUntil = validUntil; });
        if (await db.SaveOrConflictAsync(ct) is { IsOk: false })
            return Result<CardId>.From(Result.Invalid(nameof(form.Code), "CultureCard.Card.AlreadyRegistered"));
        audit.Target(site.Id.Value).Subject(card.Id.Value);
        return card.Id;
    }
}
