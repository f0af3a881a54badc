using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vakka.CultureCard.Features.Desk;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Desk;

/// <summary>
/// The desk pages' common part: which venue's desk this is. A venue's account works its own desk; a ticket
/// intermediary's account names the venue it serves in the address (<c>?venueId=</c>), and every link and form of the
/// desk carries it on (<see cref="DeskLink"/>). An intermediary that has not chosen is sent to the venue list.
/// </summary>
public abstract class DeskPageModel : VakkaPageModel
{
    public const string VenuesPath = "/culturecard/desk/venues";

    [BindProperty(SupportsGet = true)] public SiteId? VenueId { get; set; }

    /// <summary>The desk, or null and the answer instead: the venue list for an intermediary still to choose, 403 otherwise.</summary>
    protected async Task<(DeskSite? Desk, IActionResult Refusal)> DeskAsync(Enum action, CancellationToken ct)
    {
        var desks = HttpContext.RequestServices.GetRequiredService<DeskSites>();
        var choice = await desks.ChooseAsync(await ActorAsync(), action, VenueId, ct);
        if (choice.Desk is { } desk)
        {
            Current = desk;
            Audit.Target(desk.Id.Value);
            return (desk, Page());
        }
        return (null, choice.IsIntermediary && VenueId is null && HttpMethods.IsGet(Request.Method) ? Redirect(VenuesPath) : StatusCode(403));
    }

    /// <summary>The desk this request works, once <see cref="DeskAsync"/> has found it.</summary>
    public DeskSite? Current { get; private set; }

    /// <summary>A desk address for this request's venue.</summary>
    public string Link(string path) => Current is null ? path : DeskLink(Current, path);

    /// <summary>A desk address for this desk's venue (an intermediary's addresses name the venue).</summary>
    public static string DeskLink(DeskSite desk, string path) =>
        desk.VenueRoute is { } venue ? $"{path}{(path.Contains('?') ? '&' : '?')}venueId={venue}" : path;
}
