using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Cards;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Cards;

public sealed class IndexModel(ListCards list, CardClock clock) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public CardStatus? Status { get; set; }
    public IReadOnlyList<CardRow> Rows { get; private set; } = [];
    public bool CanRegister { get; private set; }

    public CardState StateOf(CardRow row) => row.Status == CardStatus.Ended ? CardState.Ended
        : clock.Today > row.ValidUntil ? CardState.Expired : clock.Today < row.IssuedOn ? CardState.NotYetValid : CardState.Valid;

    [Requires(CultureCardAction.ListCards), Audited(CultureCardAudit.CardList)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await list.HandleAsync(await ActorAsync(), new ListCards.Query(Code, Status), ct);
        foreach (var row in Rows) Audit.Subject(row.Id.Value);
        CanRegister = (await PermittedAsync(null, CultureCardAction.RegisterCard)).Count > 0;
    }
}
