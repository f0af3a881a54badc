using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vakka.Platform.Web;

namespace Vakka.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? TraceId { get; private set; }
    public string TitleKey => Code switch { 401 or 403 => "Error.Forbidden.Title", 404 => "Error.NotFound.Title", 429 => "Error.TooMany.Title", 400 => "Error.BadRequest.Title", _ => "Error.Server.Title" };
    public string TextKey => Code switch { 401 or 403 => "Error.Forbidden.Text", 404 => "Error.NotFound.Text", 429 => "Error.TooMany.Text", 400 => "Error.BadRequest.Text", _ => "Error.Server.Text" };

    [Anonymous, NoAudit("error page")]
    public void OnGet(int? code) => Show(code);

    [Anonymous, NoAudit("error page (re-executed for a failed form post)")]
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? 500;
        Response.StatusCode = Code;
        if (Code >= 500) TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
    }
}
