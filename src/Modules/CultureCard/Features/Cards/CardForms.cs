using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Results;

namespace Vakka.CultureCard.Features.Cards;

/// <summary>The holder's statistics fields, shared by registering and changing a card. Never a name, henkilötunnus or address.</summary>
public class HolderForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.Card.Type")]
    public CardType? Type { get; set; }

    [Display(Name = "CultureCard.Card.BirthYear")]
    public int? BirthYear { get; set; }

    [Display(Name = "CultureCard.Card.PostalCode")]
    public string? PostalCode { get; set; }

    [Display(Name = "CultureCard.Card.ChildrenCount")]
    public int? ChildrenCount { get; set; }

    [Display(Name = "CultureCard.Card.Gender")]
    public Gender? Gender { get; set; }

    [Display(Name = "CultureCard.Card.LifeSituation")]
    public int? LifeSituationId { get; set; }

    [Display(Name = "CultureCard.Card.GroupSize")]
    public int? GroupSize { get; set; }

    /// <summary>Checks the fields for the card type under the area's rules; returns the postal code as stored.</summary>
    internal async Task<(Validation Validation, string? PostalCode)> ValidateHolderAsync(VakkaDb db, AreaRules rules, int thisYear, CancellationToken ct)
    {
        var v = new Validation();
        string? postal = null;
        if (Type == CardType.Personal)
        {
            if (BirthYear is not { } year) v.Add(nameof(BirthYear), "Validation.Required");
            else if (!Card.BirthYearAllowed(year, thisYear)) v.Add(nameof(BirthYear), "CultureCard.Card.BirthYearTooYoung", thisYear - Card.MinimumAge);
            if (!Platform.Finnish.PostalCode.TryParse(PostalCode, out var parsed, out var postalError)) v.Add(nameof(PostalCode), postalError);
            else postal = parsed.Value;
            if (ChildrenCount is not { } children) v.Add(nameof(ChildrenCount), "CultureCard.Card.ChildrenRequired");
            else if (children is < 0 or > Card.MaxChildren) v.Add(nameof(ChildrenCount), "CultureCard.Card.ChildrenRange", Card.MaxChildren);
            if (LifeSituationId is { } situation && !await db.Set<LifeSituation>().AnyAsync(l => l.Id == situation && l.IsActive, ct))
                v.Add(nameof(LifeSituationId), "CultureCard.Card.LifeSituationUnknown");
        }
        else if (Type == CardType.Community)
        {
            if (GroupSize is not { } size) v.Add(nameof(GroupSize), "Validation.Required");
            else if (size < 1 || size > rules.CommunityGroupMax) v.Add(nameof(GroupSize), "CultureCard.Card.GroupSizeRange", rules.CommunityGroupMax);
        }
        return (v, postal);
    }

    internal void CopyTo(Card card, string? postalCode)
    {
        card.Type = Type!.Value;
        if (card.Type == CardType.Personal)
        {
            card.BirthYear = BirthYear;
            card.PostalCode = postalCode;
            card.ChildrenCount = ChildrenCount ?? 0;
            card.Gender = Gender;
            card.LifeSituationId = LifeSituationId;
            card.GroupSize = null;
        }
        else
        {
            card.BirthYear = null;
            card.PostalCode = null;
            card.ChildrenCount = 0;
            card.Gender = null;
            card.LifeSituationId = null;
            card.GroupSize = GroupSize;
        }
    }
}

/// <summary>Where a typed or scanned ID stands: usable for a new card, or why not.</summary>
internal static class CardCodeCheck
{
    public sealed record Outcome(string Code, CardCodeRecord? Printed, string? ErrorKey);

    /// <summary>Normalises the ID, checks its check character and that a batch printed it and no card has it yet.</summary>
    public static async Task<Outcome> ForRegistrationAsync(VakkaDb db, string? input, CancellationToken ct)
    {
        var code = CardCode.Normalise(input);
        if (code.Length == 0) return new(code, null, "Validation.Required");
        var printed = await db.Set<CardCodeRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (printed is null)
        {
            var check = CardCode.Verify(code);
            return new(code, null, check == CardCode.Check.CheckCharacter ? "CultureCard.Card.CheckCharacterWrong"
                : CardCode.IsLegacyFormat(code) || check == CardCode.Check.Valid ? "CultureCard.Card.NotPrinted" : "CultureCard.Card.CodeFormat");
        }
        if (await db.Set<Card>().AnyAsync(c => c.Code == code, ct)) return new(code, printed, "CultureCard.Card.AlreadyRegistered");
        return new(code, printed, null);
    }
}
