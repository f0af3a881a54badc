using Microsoft.AspNetCore.Mvc;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Web;

namespace Vakka.Web.Pages;

public sealed class IndexModel(Navigation navigation, IAccountDirectory accounts) : VakkaPageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<NavItem> Menu { get; private set; } = [];
    public IReadOnlyList<(Role Role, string? ScopeName)> Roles { get; private set; } = [];

    [Requires(PlatformAction.ViewHome), NoAudit("the signed-in account's own start page")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        Menu = (await navigation.ForCurrentAsync(ct)).SelectMany(g => g).ToList();
        var me = await accounts.DescribeAsync(actor, ct);
        DisplayName = me.DisplayName;
        Roles = me.Roles;
        return Page();
    }
}
