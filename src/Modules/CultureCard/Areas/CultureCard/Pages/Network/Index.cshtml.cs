using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.Network;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Network;

/// <summary>
/// The area coordinator's view of the network; the national coordinator chooses any area. The coordinator also decides
/// which ticket intermediaries serve the area's venues.
/// </summary>
public sealed class IndexModel(NetworkOverview overview, ServeVenue serve, StopServingVenue stop, ISiteDirectory sites, AccessControl access)
    : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public AreaId? AreaId { get; set; }
    public IReadOnlyList<AreaInfo> Areas { get; private set; } = [];
    public NetworkArea? Network { get; private set; }
    /// <summary>The coordinator may change which intermediaries serve the area's venues.</summary>
    public bool CanManage { get; private set; }

    /// <summary>The add form's choices, kept when it is shown again with an error (the venue is posted as venueId, the target).</summary>
    [BindProperty] public ServeForm Serve { get; set; } = new();

    public sealed class ServeForm
    {
        public SiteId? IntermediaryId { get; set; }
        public SiteId? VenueId { get; set; }
    }

    [Requires(CultureCardAction.ViewNetwork), Audited(CultureCardAudit.NetworkRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var chosen = await ChooseAreaAsync(ct);
        if (chosen is null) return AreaId is null ? Page() : StatusCode(403);
        Audit.Target(chosen.Id.Value);
        await LoadAsync(chosen, ct);
        return Page();
    }

    /// <summary>An intermediary starts serving one of the area's venues. The target is the venue: its area's coordinator decides.</summary>
    [Requires(CultureCardAction.ManageServedVenues, Target = "venueId"), Audited(CultureCardAudit.VenueServe)]
    public async Task<IActionResult> OnPostServeAsync(SiteId venueId, CancellationToken ct)
    {
        Serve.VenueId = venueId;
        var done = await serve.HandleAsync(await ActorAsync(), Serve.IntermediaryId, venueId, ct);
        if (done.IsOk)
        {
            Flash = "CultureCard.Network.ServeAdded";
            return Redirect($"/culturecard/network?areaId={AreaId}");
        }
        if (done.Kind is ResultKind.NotFound or ResultKind.Forbidden) return Failure(done)!;
        Failure(done, "Serve");
        var chosen = await ChooseAreaAsync(ct);
        if (chosen is null) return StatusCode(403);
        await LoadAsync(chosen, ct);
        return Page();
    }

    /// <summary>An intermediary stops serving a venue (the uses it recorded stay).</summary>
    [Requires(CultureCardAction.ManageServedVenues, Target = "venueId"), Audited(CultureCardAudit.VenueUnserve)]
    public async Task<IActionResult> OnPostStopAsync([FromQuery] SiteId venueId, [FromQuery] SiteId intermediaryId, CancellationToken ct)
    {
        var done = await stop.HandleAsync(intermediaryId, venueId, ct);
        if (!done.IsOk) return Failure(done)!;
        Flash = "CultureCard.Network.ServeRemoved";
        return Redirect($"/culturecard/network?areaId={AreaId}");
    }

    private async Task<AreaInfo?> ChooseAreaAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        var mine = new List<AreaInfo>();
        foreach (var a in (await sites.AreasAsync(ct)).Where(a => a.IsActive))
            if (await access.HasAsync(actor, CultureCardAction.ViewNetwork, a.Id.Value, ct)) mine.Add(a);
        Areas = mine;
        var chosen = AreaId is { } id ? mine.FirstOrDefault(a => a.Id == id) : mine.FirstOrDefault();
        if (chosen is not null) AreaId = chosen.Id;
        return chosen;
    }

    private async Task LoadAsync(AreaInfo area, CancellationToken ct)
    {
        Network = await overview.HandleAsync(area.Id, ct);
        var venue = Network?.Venues.FirstOrDefault()?.Site.Id.Value;
        CanManage = venue is { } v && (await PermittedAsync(v, CultureCardAction.ManageServedVenues)).Count > 0;
    }
}
