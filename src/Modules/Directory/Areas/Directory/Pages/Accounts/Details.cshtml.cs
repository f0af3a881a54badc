using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.Accounts;
using Vakka.Directory.Features.Areas;
using Vakka.Directory.Features.Organisations;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Access;
using Vakka.Platform.Results;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Accounts;

public sealed class DetailsModel(GetAccount get, UpdateAccount update, SetAccountActive setActive, UnlockAccount unlock,
    AssignRole assign, RevokeRole revoke, ListOrganisations organisations, ListAreas areas, ListSites sites) : VakkaPageModel
{
    [BindProperty] public EditAccountForm Input { get; set; } = new();
    [BindProperty] public RoleForm Role { get; set; } = new();
    public AccountDetails? Account { get; private set; }
    public bool CanUpdate { get; private set; }
    public bool CanDeactivate { get; private set; }
    public bool CanAssign { get; private set; }
    public bool CanRevoke { get; private set; }
    public bool CanUnlock { get; private set; }
    public IReadOnlyList<SelectListItem> RoleChoices { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ScopeChoices { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Languages => AccountPages.Languages(Texts);

    [Requires(DirectoryAction.ViewAccount, Target = "id"), Audited(DirectoryAudit.AccountRead)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Account!.Form;
        return Page();
    }

    [Requires(DirectoryAction.UpdateAccount, Target = "id"), Audited(DirectoryAudit.AccountUpdate)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ClearErrors("Role"); // the role form is not posted with the account details
        if (!ModelState.IsValid) return await ReshowAsync(id, ct);
        var result = await update.HandleAsync(id, Input, ct);
        if (!result.IsOk) { await LoadAsync(id, ct); return Failure(result)!; }
        return Done(id, "Common.Saved");
    }

    [Requires(DirectoryAction.AssignRole, Target = "id"), Audited(DirectoryAudit.RoleAssign)]
    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        ClearInputErrors();
        var result = await assign.HandleAsync(await ActorAsync(), id, Role, ct);
        if (!result.IsOk) { await LoadAsync(id, ct); Input = Account?.Form ?? Input; return Failure(result, "Role")!; }
        return Done(id, "Directory.Role.Assigned");
    }

    [Requires(DirectoryAction.RevokeRole, Target = "id"), Audited(DirectoryAudit.RoleRevoke)]
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid assignment, CancellationToken ct)
    {
        ClearInputErrors();
        var result = await revoke.HandleAsync(await ActorAsync(), id, assignment, ct);
        if (!result.IsOk) { await LoadAsync(id, ct); Input = Account?.Form ?? Input; return Failure(result, "Role")!; }
        return Done(id, "Directory.Role.Revoked");
    }

    [Requires(DirectoryAction.DeactivateAccount, Target = "id"), Audited(DirectoryAudit.AccountDeactivate)]
    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [Requires(DirectoryAction.DeactivateAccount, Target = "id"), Audited(DirectoryAudit.AccountActivate)]
    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    [Requires(DirectoryAction.UnlockAccount, Target = "id"), Audited(DirectoryAudit.AccountUpdate)]
    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct) =>
        (await unlock.HandleAsync(id, ct)).Kind == ResultKind.NotFound ? NotFound() : Done(id, "Directory.Account.Unlocked");

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        if ((await setActive.HandleAsync(id, active, ct)).Kind == ResultKind.NotFound) return NotFound();
        return Done(id, active ? "Common.Activated" : "Common.Deactivated");
    }

    private IActionResult Done(Guid id, string flash)
    {
        Flash = flash;
        return Redirect($"/directory/accounts/details/{id}");
    }

    private void ClearInputErrors() => ClearErrors("Input");

    /// <summary>Forgets the errors of a form that was not posted: the form itself ("Role" is required when absent) and its fields.</summary>
    private void ClearErrors(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task<IActionResult> ReshowAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Account = await get.HandleAsync(id, ct);
        if (Account is null) return false;
        var permitted = await PermittedAsync(id, DirectoryAction.UpdateAccount, DirectoryAction.DeactivateAccount,
            DirectoryAction.AssignRole, DirectoryAction.RevokeRole, DirectoryAction.UnlockAccount);
        CanUpdate = permitted.Contains(DirectoryAction.UpdateAccount);
        CanDeactivate = permitted.Contains(DirectoryAction.DeactivateAccount);
        CanAssign = permitted.Contains(DirectoryAction.AssignRole);
        CanRevoke = permitted.Contains(DirectoryAction.RevokeRole);
        CanUnlock = permitted.Contains(DirectoryAction.UnlockAccount);
        if (CanAssign) await LoadRoleChoicesAsync(ct);
        return true;
    }

    /// <summary>The roles and scopes this actor may give to this kind of account.</summary>
    private async Task LoadRoleChoicesAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        var any = (await PermittedAsync(null, DirectoryAction.AssignAnyRole)).Count > 0;
        var roles = Enum.GetValues<Role>().Where(r => Account!.Kind == AccountKind.Site ? RoleScopes.IsSiteAccountRole(r) : !RoleScopes.IsSiteAccountRole(r))
            .Where(r => any || RoleScopes.IsSiteAccountRole(r)).Where(r => !RoleScopes.IsServiceRole(r));
        RoleChoices = roles.Select(r => new SelectListItem(Texts[$"Role.{r}"], r.ToString())).ToList();

        var scopes = new List<SelectListItem>();
        if (Account!.Kind == AccountKind.Site && Account.SiteId is { } own)
            scopes.Add(new SelectListItem($"{Texts["Directory.Scope.Site"]}: {Account.SiteName}", RoleForm.Encode(Scope.Site(own.Value))));
        else if (any)
        {
            scopes.Add(new SelectListItem(Texts["Directory.Scope.Global"], "Global"));
            scopes.AddRange((await organisations.ChoicesAsync(ct)).Select(o => new SelectListItem($"{Texts["Directory.Scope.Organisation"]}: {o.Name}", RoleForm.Encode(Scope.Organisation(o.Id.Value)))));
            scopes.AddRange((await areas.ChoicesAsync(actor, ct)).Select(a => new SelectListItem($"{Texts["Directory.Scope.Area"]}: {a.Name}", RoleForm.Encode(Scope.Area(a.Id.Value)))));
            scopes.AddRange((await sites.HandleAsync(actor, new ListSites.Query(null, null, null, false), ct))
                .Select(s => new SelectListItem($"{Texts["Directory.Scope.Site"]}: {s.Name}", RoleForm.Encode(Scope.Site(s.Id.Value)))));
        }
        ScopeChoices = scopes;
    }
}
