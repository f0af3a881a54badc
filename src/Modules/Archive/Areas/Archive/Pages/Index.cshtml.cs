using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Pages;
using Vakka.Cda;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages;

/// <summary>/archive: the archivist's search. The form is posted, so that the henkilötunnus never goes in an address.</summary>
public sealed class IndexModel : VakkaPageModel
{
    private SearchArchive Search => HttpContext.RequestServices.GetRequiredService<SearchArchive>();

    [BindProperty] public SearchForm Input { get; set; } = new();
    public IReadOnlyList<DocumentMetadata>? Rows { get; private set; }
    public string? NextCursor { get; private set; }

    public IEnumerable<SelectListItem> ServiceTasks => CodeLists.Instance.ServiceTasks.Entries.OrderBy(e => e.Code.PadLeft(4, '0'), StringComparer.Ordinal)
        .Select(e => new SelectListItem($"{e.Code} {e.Name}", e.Code));

    public IEnumerable<SelectListItem> DocumentTypes =>
        CodeLists.Instance.DocumentGroups.Entries.Select(e => new SelectListItem($"{e.Name} ({e.Code})", $"1505:{e.Code}"))
            .Concat(CodeLists.Instance.DocumentTypes.Entries.OrderBy(e => e.Name, StringComparer.CurrentCulture)
                .Select(e => new SelectListItem($"{e.Name} ({e.Code})", $"1506:{e.Code}")));

    public IEnumerable<SelectListItem> TimeFields => new[] { "effectiveTime", "completedAt", "archivedAt" }
        .Select(f => new SelectListItem(Texts[$"Archive.TimeField.{f}"], f));

    [Requires(ArchiveAction.SearchArchive), Audited(ArchiveAudit.ArchiveSearch)]
    public void OnGet()
    {
    }

    [Requires(ArchiveAction.SearchArchive), Audited(ArchiveAudit.ArchiveSearch)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await Search.HandleAsync(await ActorAsync(), Input, ct);
        foreach (var error in result.Errors)
            ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{nameof(Input)}.{error.Field}", Texts[error.Key, error.Args]);
        if (result.Page is not { } page)
        {
            Audit.Outcome(AuditOutcome.Invalid);
            return Page();
        }
        Rows = page.Items;
        NextCursor = page.NextCursor;
        // The next page is asked with the button's cursor; the form's fields keep their values without the old cursor.
        ModelState.Remove($"{nameof(Input)}.{nameof(SearchForm.Cursor)}");
        return Page();
    }
}
