using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Cards;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Localisation;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Cards;

public sealed class DetailsModel(GetCard get, ExtendCard extend, EndCard end, CardClock clock) : VakkaPageModel
{
    public CardDetails? Details { get; private set; }
    public IReadOnlySet<Enum> Can { get; private set; } = new HashSet<Enum>();

    [Requires(CultureCardAction.ViewCard, Target = "id"), Audited(CultureCardAudit.CardRead)]
    public async Task<IActionResult> OnGetAsync(CardId id, CancellationToken ct) => await ShowAsync(id, ct) ? Page() : NotFound();

    [Requires(CultureCardAction.ExtendCard, Target = "id"), Audited(CultureCardAudit.CardExtend)]
    public async Task<IActionResult> OnPostExtendAsync(CardId id, int version, CancellationToken ct)
    {
        Audit.Subject(id.Value);
        var result = await extend.HandleAsync(await ActorAsync(), id, version, ct);
        if (!result.IsOk) return await ShowAsync(id, ct) ? Failure(result, "")! : NotFound();
        Flash = "CultureCard.Card.Extended";
        return Redirect($"/culturecard/cards/details/{id}");
    }

    [Requires(CultureCardAction.EndCard, Target = "id"), Audited(CultureCardAudit.CardEnd)]
    public async Task<IActionResult> OnPostEndAsync(CardId id, EndReason? reason, int version, CancellationToken ct)
    {
        Audit.Subject(id.Value);
        var result = await end.HandleAsync(await ActorAsync(), id, reason, version, ct);
        if (!result.IsOk) return await ShowAsync(id, ct) ? Failure(result, "")! : NotFound();
        Flash = "CultureCard.Card.Ended";
        return Redirect($"/culturecard/cards/details/{id}");
    }

    private async Task<bool> ShowAsync(CardId id, CancellationToken ct)
    {
        Details = await get.HandleAsync(id, clock.Today, TextCatalog.LanguageOf(CultureInfo.CurrentUICulture), ct);
        if (Details is null) return false;
        Audit.Subject(id.Value);
        Can = await PermittedAsync(id.Value, CultureCardAction.ExtendCard, CultureCardAction.ChangeCard, CultureCardAction.EndCard,
            CultureCardAction.ReplaceCard);
        if ((await PermittedAsync(null, CultureCardAction.RegisterCard)).Count > 0)
            Can = new HashSet<Enum>(Can) { CultureCardAction.RegisterCard };
        return true;
    }
}
