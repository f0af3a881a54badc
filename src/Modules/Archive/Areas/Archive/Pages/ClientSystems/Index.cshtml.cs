using Microsoft.AspNetCore.Mvc;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Platform;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.ClientSystems;

/// <summary>
/// /archive/clientsystems: an organisation's client-system keys (name, first characters, created by and at, last
/// used, revoked), a new key shown once, and revoking a key after a confirmation step (?revoke=&lt;key&gt; shows it; the
/// posted form revokes). The organisation's archivists manage their own organisation's keys; a system administrator
/// chooses any organisation from the list. The posts name the organisation as the gate's target (another
/// organisation's archivist: 403).
/// </summary>
public sealed class IndexModel(ManageClientSystems keys) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public OrganisationId? Organisation { get; set; }
    /// <summary>The key whose revocation is to be confirmed.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Revoke { get; set; }
    [BindProperty] public NewClientSystemForm Input { get; set; } = new();

    public IReadOnlyList<OrganisationInfo> Organisations { get; private set; } = [];
    public OrganisationInfo? Chosen { get; private set; }
    public IReadOnlyList<ClientSystemRow> Keys { get; private set; } = [];
    public ClientSystemRow? Revoking => Revoke is { } id ? Keys.FirstOrDefault(k => k.Id == id && k.RevokedAt is null) : null;
    public string? NewKey { get; private set; }

    public string Here => Chosen is { } org ? $"/archive/clientsystems?organisation={org.Id}" : "/archive/clientsystems";

    [Requires(ArchiveAction.ManageClientSystems), Audited(ArchiveAudit.ClientSystemList)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(ct) ?? Page();
    }

    [Requires(ArchiveAction.ManageClientSystems, Target = "organisation"), Audited(ArchiveAudit.ClientSystemCreate)]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        Revoke = null;
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var created = await keys.CreateAsync(await ActorAsync(), Chosen!.Id, Input, ct);
        if (Failure(created) is { } failed) return failed;
        NewKey = created.Value;
        Keys = await keys.ListAsync(Chosen.Id, ct);
        Input = new();
        ModelState.Clear();
        return Page();
    }

    [Requires(ArchiveAction.ManageClientSystems, Target = "organisation"), Audited(ArchiveAudit.ClientSystemRevoke)]
    public async Task<IActionResult> OnPostRevokeAsync(Guid key, CancellationToken ct)
    {
        if ((await keys.RevokeAsync(Organisation!.Value, key, ct)).Kind == ResultKind.NotFound) return NotFound();
        Flash = "Archive.ClientSystems.Revoked";
        return Redirect($"/archive/clientsystems?organisation={Organisation}");
    }

    /// <summary>
    /// The organisations the actor manages keys for, and the chosen one (the only one, when there is one) with its
    /// keys; null when all is well, else 403 for an organisation not among them.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Organisations = await keys.OrganisationsAsync(await ActorAsync(), ct);
        Chosen = Organisation is { } id ? Organisations.FirstOrDefault(o => o.Id == id) : Organisations.Count == 1 ? Organisations[0] : null;
        if (Organisation is not null && Chosen is null) return StatusCode(403);
        if (Chosen is { } org) Keys = await keys.ListAsync(org.Id, ct);
        return null;
    }
}
