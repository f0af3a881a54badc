using Microsoft.AspNetCore.Identity;
using Vakka.Directory.Domain;
using Vakka.Platform.Results;

namespace Vakka.Directory.Features.Accounts;

public sealed class UpdateAccount(UserManager<Account> users)
{
    public async Task<Result> HandleAsync(Guid id, EditAccountForm form, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return Result.NotFound();
        var v = form.Validate(out var email);
        if (!v.IsValid) return v.ToResult();
        if (form.ConcurrencyStamp != account.ConcurrencyStamp) return Result.Conflict();

        account.DisplayName = form.DisplayName!.Trim();
        account.Email = email.Value;
        account.PreferredLanguage = string.IsNullOrEmpty(form.PreferredLanguage) ? null : form.PreferredLanguage;
        var updated = await users.UpdateAsync(account);
        return updated.Succeeded ? Result.Ok() : IdentityErrors.ToResult(updated);
    }
}

/// <summary>Accounts are never deleted. A deactivated account cannot sign in, and its open sessions end.</summary>
public sealed class SetAccountActive(UserManager<Account> users)
{
    public async Task<Result> HandleAsync(Guid id, bool active, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return Result.NotFound();
        account.IsActive = active;
        var updated = await users.UpdateAsync(account);
        if (!updated.Succeeded) return IdentityErrors.ToResult(updated);
        if (!active) await users.UpdateSecurityStampAsync(account);
        return Result.Ok();
    }
}

/// <summary>An administrator clears a lockout after too many wrong passwords.</summary>
public sealed class UnlockAccount(UserManager<Account> users)
{
    public async Task<Result> HandleAsync(Guid id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return Result.NotFound();
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return Result.Ok();
    }
}
