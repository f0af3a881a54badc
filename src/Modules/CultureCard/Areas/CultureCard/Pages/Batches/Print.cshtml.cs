using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Batches;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Batches;

public sealed class PrintModel(PrintBatch print) : VakkaPageModel
{
    public PrintSheet Sheet { get; private set; } = default!;

    /// <param name="part">Which hundred cards of the batch (1 = the first hundred).</param>
    [Requires(CultureCardAction.ManageBatches), Audited(CultureCardAudit.BatchPrint)]
    public async Task<IActionResult> OnGetAsync(BatchId id, int? part, CancellationToken ct)
    {
        if (await print.HandleAsync(id, part ?? 1, ct) is not { } sheet) return NotFound();
        Sheet = sheet;
        Audit.Target(sheet.Id.Value);
        return Page();
    }
}
