using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Accounts;

public sealed class RoleForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Role.Role")]
    public Role? Role { get; set; }

    [Display(Name = "Directory.Role.Scope")]
    public string? Scope { get; set; }

    /// <summary>Scopes are posted as "Kind:guid" ("Site:0199…"), or "Global".</summary>
    public static string Encode(Scope scope) => scope.Kind == ScopeKind.Global ? "Global" : $"{scope.Kind}:{scope.Id}";

    public static bool TryDecode(string? text, out Scope scope)
    {
        scope = Platform.Access.Scope.Global;
        if (text is null or "Global") return text is not null;
        var parts = text.Split(':', 2);
        if (parts.Length == 2 && Enum.TryParse<ScopeKind>(parts[0], out var kind) && kind != ScopeKind.Global
            && Guid.TryParse(parts[1], out var id) && id != Guid.Empty)
        {
            scope = new Scope(kind, id);
            return true;
        }
        return false;
    }
}

/// <summary>
/// Gives a role on a scope. The role must fit the scope kind and the account kind (site accounts hold only their
/// own site's Kaikukortti role); an area coordinator may give site roles on their own area's sites only.
/// </summary>
public sealed class AssignRole(VakkaDb db, AccessControl access, TimeProvider clock, AuditContext audit)
{
    public async Task<Result> HandleAsync(Actor actor, Guid accountId, RoleForm form, CancellationToken ct)
    {
        var account = await db.Set<Account>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Result.NotFound();
        if (form.Role is not { } role) return Result.Invalid(nameof(form.Role), "Validation.Required");
        if (!RoleForm.TryDecode(form.Scope, out var scope)) return Result.Invalid(nameof(form.Scope), "Validation.Required");

        if (RoleScopes.IsServiceRole(role))
            return Result.Invalid(nameof(form.Role), "Directory.Role.ServiceRoleOnly");
        if (!RoleScopes.AllowedScopes(role).Contains(scope.Kind))
            return Result.Invalid(nameof(form.Scope), "Directory.Role.ScopeNotAllowed");
        if (account.Kind == AccountKind.Site &&
            (!RoleScopes.IsSiteAccountRole(role) || scope != Scope.Site(account.SiteId!.Value.Value)
             || role != await SiteRoleAsync(account.SiteId.Value, ct)))
            return Result.Invalid(nameof(form.Role), "Directory.Role.SiteAccountOwnSiteOnly");
        if (account.Kind == AccountKind.Personal && RoleScopes.IsSiteAccountRole(role))
            return Result.Invalid(nameof(form.Role), "Directory.Role.SiteRoleNeedsSiteAccount");
        if (!await ScopeExistsAsync(scope, ct))
            return Result.Invalid(nameof(form.Scope), "Directory.Role.ScopeMissing");
        if (!await access.HasAsync(actor, DirectoryAction.AssignAnyRole, null, ct) &&
            (!RoleScopes.IsSiteAccountRole(role) || !await access.HasAsync(actor, DirectoryAction.UpdateSite, scope.Id, ct)))
            return Result.Invalid(nameof(form.Role), "Directory.Role.NotYoursToGive");
        if (await db.Set<RoleAssignmentRow>().AnyAsync(r => r.AccountId == accountId && r.Role == role
                && r.ScopeKind == scope.Kind && r.ScopeId == (scope.Kind == ScopeKind.Global ? null : scope.Id) && r.RevokedAt == null, ct))
            return Result.Invalid(nameof(form.Role), "Directory.Role.AlreadyHeld");

        db.Add(new RoleAssignmentRow
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, Role = role, ScopeKind = scope.Kind,
            ScopeId = scope.Kind == ScopeKind.Global ? null : scope.Id,
            GrantedAt = clock.GetUtcNow().UtcDateTime, GrantedBy = actor.AccountId?.Value,
        });
        await db.SaveChangesAsync(ct);
        audit.Target(accountId);
        return Result.Ok();
    }

    /// <summary>The one Kaikukortti role that matches the site's type (a venue's account is never a distributor).</summary>
    private async Task<Role?> SiteRoleAsync(SiteId site, CancellationToken ct) =>
        await db.Set<Site>().Where(s => s.Id == site).Select(s => s.Type).FirstOrDefaultAsync(ct) switch
        {
            SiteType.Distributor => Role.DistributorSite,
            SiteType.Venue => Role.VenueSite,
            SiteType.TicketIntermediary => Role.TicketIntermediary,
            _ => null,
        };

    private async Task<bool> ScopeExistsAsync(Scope scope, CancellationToken ct) => scope.Kind switch
    {
        ScopeKind.Global => true,
        ScopeKind.Organisation => await db.Set<Organisation>().AnyAsync(o => o.Id == new OrganisationId(scope.Id) && o.IsActive, ct),
        ScopeKind.Area => await db.Set<Area>().AnyAsync(a => a.Id == new AreaId(scope.Id) && a.IsActive, ct),
        ScopeKind.Site => await db.Set<Site>().AnyAsync(s => s.Id == new SiteId(scope.Id) && s.IsActive, ct),
        _ => false,
    };
}

/// <summary>Ends a role assignment; the row stays as history.</summary>
public sealed class RevokeRole(VakkaDb db, AccessControl access, TimeProvider clock)
{
    public async Task<Result> HandleAsync(Actor actor, Guid accountId, Guid assignmentId, CancellationToken ct)
    {
        var row = await db.Set<RoleAssignmentRow>().FirstOrDefaultAsync(r => r.Id == assignmentId && r.AccountId == accountId && r.RevokedAt == null, ct);
        if (row is null) return Result.NotFound();
        if (!await access.HasAsync(actor, DirectoryAction.AssignAnyRole, null, ct) &&
            (!RoleScopes.IsSiteAccountRole(row.Role) || !await access.HasAsync(actor, DirectoryAction.UpdateSite, row.ScopeId, ct)))
            return Result.Invalid("Role", "Directory.Role.NotYoursToGive");
        if (row.AccountId == actor.AccountId?.Value && row.Role == Role.SystemAdmin)
            return Result.Invalid("Role", "Directory.Role.CannotRevokeOwnAdmin");
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        row.RevokedBy = actor.AccountId?.Value;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
