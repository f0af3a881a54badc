using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Features.ApiKeys;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.ApiKeys;

public sealed class IndexModel(ManageApiKeys keys, ISiteDirectory sites, AccessControl access) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public SiteId? SiteId { get; set; }
    [BindProperty] public NewApiKeyForm Input { get; set; } = new();
    public IReadOnlyList<SiteInfo> Sites { get; private set; } = [];
    public SiteInfo? Site { get; private set; }
    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];
    public string? NewKey { get; private set; }

    [Requires(CultureCardAction.ManageApiKeys), Audited(CultureCardAudit.ApiKeyList)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(ct) ? Page() : StatusCode(403);
    }

    [Requires(CultureCardAction.ManageApiKeys, Target = "siteId"), Audited(CultureCardAudit.ApiKeyCreate)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return StatusCode(403);
        if (!ModelState.IsValid) return Page();
        var result = await keys.CreateAsync(await ActorAsync(), SiteId!.Value, Input, ct);
        if (Failure(result) is { } failed) return failed;
        NewKey = result.Value;
        Keys = await keys.ListAsync(SiteId.Value, ct);
        Input = new();
        return Page();
    }

    [Requires(CultureCardAction.ManageApiKeys, Target = "siteId"), Audited(CultureCardAudit.ApiKeyRevoke)]
    public async Task<IActionResult> OnPostRevokeAsync(Guid key, CancellationToken ct)
    {
        if ((await keys.RevokeAsync(SiteId!.Value, key, ct)).Kind == Platform.Results.ResultKind.NotFound) return NotFound();
        Flash = "CultureCard.ApiKeys.Revoked";
        return Redirect($"/culturecard/apikeys?siteId={SiteId}");
    }

    /// <summary>The venues and intermediaries the actor manages keys for; the chosen one must be among them.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        var list = new List<SiteInfo>();
        foreach (var area in (await sites.AreasAsync(ct)).Where(a => a.IsActive))
        foreach (var s in (await sites.InAreaAsync(area.Id, ct)).Where(s => s.IsActive && s.Type is SiteType.Venue or SiteType.TicketIntermediary))
            if (await access.HasAsync(actor, CultureCardAction.ManageApiKeys, s.Id.Value, ct)) list.Add(s);
        Sites = list;
        Site = SiteId is { } id ? list.FirstOrDefault(s => s.Id == id) : null;
        if (SiteId is not null && Site is null) return false;
        if (Site is not null) Keys = await keys.ListAsync(Site.Id, ct);
        return true;
    }
}
