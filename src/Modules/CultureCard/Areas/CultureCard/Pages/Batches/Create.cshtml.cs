using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Batches;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Batches;

public sealed class CreateModel(CreateBatch create, ListBatches list) : VakkaPageModel
{
    [BindProperty] public BatchForm Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    [Requires(CultureCardAction.ManageBatches), NoAudit("an empty form")]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAreasAsync(ct);

    [Requires(CultureCardAction.ManageBatches), Audited(CultureCardAudit.BatchCreate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAreasAsync(ct);
        var created = await create.HandleAsync(Input, await ActorAsync(), ct);
        // The handler checks every field (the annotations only mark them required): its messages replace theirs.
        if (!created.IsOk) ModelState.Clear();
        if (Failure(created) is { } failed) return failed;
        Flash = "CultureCard.Batches.Created";
        return Redirect($"/culturecard/batches/print/{created.Value}");
    }

    private async Task LoadAreasAsync(CancellationToken ct) =>
        Areas = (await list.AreasAsync(ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
}
