using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vakka.Directory.Access;
using Vakka.Directory.Domain;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Accounts;

/// <summary>
/// Creates a personal account (admins) or a site account shared by one Kaikukortti site (admins, and the area
/// coordinator for sites of their own area). A site account gets the role that matches its site's type. The new
/// account holder gets an e-mail with a link to set the password.
/// </summary>
public sealed class CreateAccount(VakkaDb db, UserManager<Account> users, AccessControl access, TimeProvider clock,
    AuditContext audit, ILookupNormalizer normalizer, AccountInvitation invitation)
{
    public async Task<Result<AccountId>> HandlePersonalAsync(NewAccountForm form, string publicBaseUrl, CancellationToken ct)
    {
        var v = await form.ValidateNewAsync(db, normalizer, ct);
        if (!v.IsValid) return Result<AccountId>.From(v.ToResult());
        return await CreateAsync(form, AccountKind.Personal, null, null, publicBaseUrl, ct);
    }

    public async Task<Result<AccountId>> HandleSiteAsync(Actor actor, SiteId? siteId, NewAccountForm form, string publicBaseUrl, CancellationToken ct)
    {
        var v = await form.ValidateNewAsync(db, normalizer, ct);
        var site = siteId is { } id ? await db.Set<Site>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.IsActive, ct) : null;
        Role? role = site?.Type switch
        {
            SiteType.Distributor => Role.DistributorSite,
            SiteType.Venue => Role.VenueSite,
            SiteType.TicketIntermediary => Role.TicketIntermediary,
            _ => null,
        };
        if (site is null) v.Add("SiteId", "Directory.Account.SiteMissing");
        else if (!await access.HasAsync(actor, DirectoryAction.CreateSiteAccount, site.Id.Value, ct)) v.Add("SiteId", "Directory.Account.SiteNotYours");
        else if (role is null) v.Add("SiteId", "Directory.Account.SiteTypeHasNoAccounts");
        if (!v.IsValid) return Result<AccountId>.From(v.ToResult());
        audit.Target(site!.Id.Value);
        return await CreateAsync(form, AccountKind.Site, site.Id, role, publicBaseUrl, ct, actor.AccountId);
    }

    private async Task<Result<AccountId>> CreateAsync(NewAccountForm form, AccountKind kind, SiteId? siteId, Role? role,
        string publicBaseUrl, CancellationToken ct, AccountId? grantedBy = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = form.UserName!.Trim(),
            Email = form.Email!.Trim(),
            EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(),
            Kind = kind,
            SiteId = siteId,
            PreferredLanguage = string.IsNullOrEmpty(form.PreferredLanguage) ? null : form.PreferredLanguage,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(account);
        }
        catch (DbUpdateException ex) when (DbExtensions.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear(); // the same user name was taken at the same moment
            return Result<AccountId>.From(Result.Invalid(nameof(form.UserName), "Directory.Account.UserNameTaken"));
        }
        if (!created.Succeeded) return Result<AccountId>.From(IdentityErrors.ToResult(created));
        if (role is { } r && siteId is { } site)
        {
            db.Add(new RoleAssignmentRow
            {
                Id = Guid.CreateVersion7(), AccountId = account.Id, Role = r, ScopeKind = ScopeKind.Site, ScopeId = site.Value,
                GrantedAt = now, GrantedBy = grantedBy?.Value,
            });
            await db.SaveChangesAsync(ct);
        }
        await invitation.PlanAsync(account, publicBaseUrl, isNewAccount: true, ct);
        await db.SaveChangesAsync(ct);
        audit.Target(account.Id);
        return new AccountId(account.Id);
    }
}

internal static class IdentityErrors
{
    /// <summary>Identity's own errors, mapped to the form's fields and our texts.</summary>
    public static Result ToResult(IdentityResult result) => result.Errors.Any(e => e.Code == "ConcurrencyFailure") ? Result.Conflict() : Result.Invalid(result.Errors.Select(e => e.Code switch
    {
        "DuplicateUserName" => new FieldError("UserName", "Directory.Account.UserNameTaken"),
        "InvalidUserName" => new FieldError("UserName", "Directory.Account.UserNameFormat"),
        "InvalidEmail" => new FieldError("Email", "Validation.EmailAddress.Format"),
        "ConcurrencyFailure" => new FieldError("", "Validation.ConcurrentEdit"),
        "PasswordTooShort" => new FieldError("NewPassword", "Directory.Password.TooShort", 12),
        "PasswordRequiresUniqueChars" => new FieldError("NewPassword", "Directory.Password.TooSimple"),
        "PasswordRequiresDigit" or "PasswordRequiresLower" or "PasswordRequiresUpper" or "PasswordRequiresNonAlphanumeric"
            => new FieldError("NewPassword", "Directory.Password.TooSimple"),
        "InvalidToken" => new FieldError("", "Directory.Password.LinkExpired"),
        "PasswordMismatch" => new FieldError("CurrentPassword", "Directory.Password.CurrentWrong"),
        _ => new FieldError("", "Directory.Account.SaveFailed"),
    }).ToArray());
}
