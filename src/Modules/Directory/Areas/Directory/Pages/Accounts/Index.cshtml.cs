using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Accounts;

public sealed class IndexModel(ListAccounts list) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AccountKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Inactive { get; set; }
    public IReadOnlyList<AccountRow> Rows { get; private set; } = [];
    public bool CanCreatePersonal { get; private set; }
    public bool CanCreateSite { get; private set; }

    [Requires(DirectoryAction.ViewAccounts), Audited(DirectoryAudit.AccountList)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await list.HandleAsync(await ActorAsync(), new ListAccounts.Query(Q, Kind, null, Inactive), ct);
        foreach (var row in Rows) Audit.Target(row.Id);
        var permitted = await PermittedAsync(null, DirectoryAction.CreatePersonalAccount, DirectoryAction.CreateSiteAccount);
        CanCreatePersonal = permitted.Contains(DirectoryAction.CreatePersonalAccount);
        CanCreateSite = permitted.Contains(DirectoryAction.CreateSiteAccount);
    }
}
