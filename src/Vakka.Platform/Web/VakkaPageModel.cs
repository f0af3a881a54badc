using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Results;

namespace Vakka.Platform.Web;

/// <summary>Glue shared by page models: the current actor, texts, and mapping a handler's result onto the page.</summary>
public abstract class VakkaPageModel : PageModel
{
    protected IStringLocalizer Texts => HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();
    protected AuditContext Audit => HttpContext.RequestServices.GetRequiredService<AuditContext>();

    protected Task<Actor> ActorAsync() => HttpContext.RequestServices.GetRequiredService<CurrentActor>().GetAsync(HttpContext.RequestAborted);

    /// <summary>Which of these actions the actor may take on the target (to show buttons).</summary>
    protected async Task<IReadOnlySet<Enum>> PermittedAsync(Guid? target, params Enum[] actions) =>
        await HttpContext.RequestServices.GetRequiredService<AccessControl>()
            .PermittedAsync(await ActorAsync(), actions, target, HttpContext.RequestAborted);

    /// <summary>A message shown once after a redirect (saved, deactivated…), as a localisation key.</summary>
    [TempData] public string? Flash { get; set; }

    /// <summary>
    /// Puts a failed result's field errors into ModelState in the user's language (the form keeps what was typed)
    /// and returns the page, or the right status for NotFound/Forbidden. Returns null when the result is OK.
    /// </summary>
    protected IActionResult? Failure(Result result, string prefix = "Input")
    {
        switch (result.Kind)
        {
            case ResultKind.Ok: return null;
            case ResultKind.NotFound: return NotFound();
            case ResultKind.Forbidden: return StatusCode(403);
        }
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? "" : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            ModelState.AddModelError(key, Texts[error.Key, error.Args]);
        }
        Audit.Outcome(result.Kind == ResultKind.Conflict ? AuditOutcome.Conflict : AuditOutcome.Invalid);
        return Page();
    }
}
