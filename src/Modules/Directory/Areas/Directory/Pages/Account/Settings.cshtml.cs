using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

public sealed class SettingsModel(UserManager<Domain.Account> users) : VakkaPageModel
{
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public AccountKind Kind { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    [Requires(DirectoryAction.ManageOwnAccount), NoAudit("the account's own details")]
    public async Task<IActionResult> OnGetAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return NotFound();
        (UserName, DisplayName, Email, Kind, TwoFactorEnabled) = (me.UserName!, me.DisplayName, me.Email, me.Kind, me.TwoFactorEnabled);
        return Page();
    }
}
