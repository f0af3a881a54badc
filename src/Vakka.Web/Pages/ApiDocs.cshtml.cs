using Microsoft.AspNetCore.Mvc.RazorPages;
using Vakka.Platform.Web;

namespace Vakka.Web.Pages;

public sealed class ApiDocsModel : PageModel
{
    [Anonymous, NoAudit("public API description")]
    public void OnGet() { }
}
