using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Cards;
using Vakka.Platform.Data;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Cards;

public sealed class ReplaceModel(ReplaceCard replace, VakkaDb db) : VakkaPageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), Display(Name = "CultureCard.Card.NewCode")]
    public string? NewCode { get; set; }
    [BindProperty] public int Version { get; set; }
    public CardId Id { get; private set; }
    public string Code { get; private set; } = "";

    [Requires(CultureCardAction.ReplaceCard, Target = "id"), NoAudit("a form showing only the card's ID")]
    public async Task<IActionResult> OnGetAsync(CardId id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        return Page();
    }

    [Requires(CultureCardAction.ReplaceCard, Target = "id"), Audited(CultureCardAudit.CardReplace)]
    public async Task<IActionResult> OnPostAsync(CardId id, CancellationToken ct)
    {
        var version = Version;
        if (!await LoadAsync(id, ct)) return NotFound();
        Audit.Subject(id.Value);
        if (!ModelState.IsValid) return Page();
        var result = await replace.HandleAsync(await ActorAsync(), id, NewCode, version, ct);
        if (Failure(result, "") is { } failed) return failed;
        Flash = "CultureCard.Card.Replaced";
        return Redirect($"/culturecard/cards/details/{result.Value}");
    }

    private async Task<bool> LoadAsync(CardId id, CancellationToken ct)
    {
        var card = await db.Set<Card>().AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Code, c.Version }).FirstOrDefaultAsync(ct);
        if (card is null) return false;
        (Id, Code) = (id, card.Code);
        if (Request.Method == "GET") Version = card.Version;
        return true;
    }
}
