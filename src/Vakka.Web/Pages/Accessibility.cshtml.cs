using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vakka.Platform.Web;

namespace Vakka.Web.Pages;

/// <summary>The accessibility statement (saavutettavuusseloste) the Finnish law on digital services requires.</summary>
public sealed class AccessibilityModel : PageModel
{
    [Anonymous, NoAudit("public statement")]
    public void OnGet() { }
}
