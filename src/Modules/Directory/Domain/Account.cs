using Microsoft.AspNetCore.Identity;
using Vakka.Platform.Access;
using Vakka.Platform.Ids;

namespace Vakka.Directory.Domain;

public enum AccountKind { Personal, Site }

/// <summary>
/// A sign-in account. Personal accounts belong to one person (social welfare asks who saw what); site accounts
/// are shared by the staff of one Kaikukortti site, as the service requires. Never deleted, only deactivated.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public AccountId AccountId => new(Id);
    public string DisplayName { get; set; } = "";
    public AccountKind Kind { get; set; }
    public SiteId? SiteId { get; set; }
    public bool IsActive { get; set; } = true;
    public string? PreferredLanguage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>A role held by an account: globally, or on an organisation, area or site. Revoked, never deleted.</summary>
public sealed class RoleAssignmentRow
{
    public Guid Id { get; set; }
    /// <summary>The account's Identity key (a Guid, so that the foreign key matches dir_account.id).</summary>
    public Guid AccountId { get; set; }
    public Role Role { get; set; }
    public ScopeKind ScopeKind { get; set; }
    public Guid? ScopeId { get; set; }
    public DateTime GrantedAt { get; set; }
    public Guid? GrantedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }

    public Scope Scope => ScopeKind == ScopeKind.Global ? Scope.Global : new Scope(ScopeKind, ScopeId ?? Guid.Empty);
}
