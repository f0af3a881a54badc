using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Cards;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Data;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Cards;

public sealed class EditModel(ChangeCard change, CardChoices choices, AreaRulesReader rules, VakkaDb db) : VakkaPageModel, IHolderFieldsPage
{
    [BindProperty] public ChangeCardForm Input { get; set; } = new();
    HolderForm IHolderFieldsPage.Input => Input;
    public CardId Id { get; private set; }
    public string Code { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Genders { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LifeSituations { get; private set; } = [];
    public int GroupMax { get; private set; }

    [Requires(CultureCardAction.ChangeCard, Target = "id"), Audited(CultureCardAudit.CardRead)]
    public async Task<IActionResult> OnGetAsync(CardId id, CancellationToken ct)
    {
        var card = await LoadAsync(id, ct);
        if (card is null) return NotFound();
        Input = ChangeCardForm.From(card);
        return Page();
    }

    [Requires(CultureCardAction.ChangeCard, Target = "id"), Audited(CultureCardAudit.CardChange)]
    public async Task<IActionResult> OnPostAsync(CardId id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (Failure(await change.HandleAsync(await ActorAsync(), id, Input, ct)) is { } failed) return failed;
        Flash = "Common.Saved";
        return Redirect($"/culturecard/cards/details/{id}");
    }

    private async Task<Card?> LoadAsync(CardId id, CancellationToken ct)
    {
        var card = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return null;
        Audit.Subject(id.Value);
        (Id, Code) = (id, card.Code);
        Genders = CardChoices.Enum<Gender>(Texts, "CultureCard.Gender");
        LifeSituations = await choices.LifeSituationsAsync(ct);
        GroupMax = (await rules.ForAsync(card.AreaId, ct)).CommunityGroupMax;
        return card;
    }
}
