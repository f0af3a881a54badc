using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Platform.Audit;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Directory.Features.Accounts;

/// <summary>
/// The operator's way in on a new installation (a command, not a page): a personal account with the system
/// administrator role, and a link to set its password (printed, not e-mailed, since e-mail may not work yet).
/// </summary>
public sealed class CreateFirstAdministrator(VakkaDb db, UserManager<Account> users, IOptions<SecurityOptions> security, TimeProvider clock,
    AuditLog audit)
{
    public sealed record Outcome(string? Link, string? Problem);

    public async Task<Outcome> HandleAsync(string userName, string email, string displayName, CancellationToken ct)
    {
        if (!NewAccountForm.IsValidUserName(userName)) return new(null, "the user name may have 3-100 letters, digits and . - _ @");
        if (!EmailAddress.TryParse(email, out var address, out _)) return new(null, "the e-mail address is not valid");
        if (await users.FindByNameAsync(userName) is not null) return new(null, "the user name is taken");

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = address.Value, EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(),
            Kind = AccountKind.Personal, CreatedAt = now, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded) return new(null, string.Join(", ", created.Errors.Select(e => e.Description)));
        db.Add(new RoleAssignmentRow { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = Role.SystemAdmin, ScopeKind = ScopeKind.Global, GrantedAt = now });
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord
        {
            EventCode = ActionCode.Of(DirectoryAudit.AccountCreate), ActionCode = "Command.AdminCreate",
            Outcome = AuditOutcome.Success, TargetIds = account.Id.ToString(),
        }, ct);

        var token = await users.GeneratePasswordResetTokenAsync(account);
        var baseUrl = security.Value.PublicUrl ?? "http://localhost:5080";
        return new(QueryHelpers.AddQueryString($"{baseUrl.TrimEnd('/')}/account/reset-password",
            new Dictionary<string, string?> { ["account"] = account.Id.ToString(), ["token"] = token }), null);
    }
}
