using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Vakka.Directory.Domain;
using Vakka.Platform.Email;
using Vakka.Platform.Jobs;
using Vakka.Platform.Localisation;

namespace Vakka.Directory.Features.Accounts;

/// <summary>
/// Sends a link to set a password (new accounts and "forgot password"). The message is planned as a job in the
/// same transaction, so it is sent only if the change commits, and retried if the mail server is down.
/// </summary>
public sealed class AccountInvitation(UserManager<Account> users, JobPlanner jobs, TextCatalog texts)
{
    public async Task PlanAsync(Account account, string publicBaseUrl, bool isNewAccount, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var url = QueryHelpers.AddQueryString($"{publicBaseUrl.TrimEnd('/')}/account/reset-password",
            new Dictionary<string, string?> { ["account"] = account.Id.ToString(), ["token"] = token });
        var language = account.PreferredLanguage ?? TextCatalog.LanguageOf(CultureInfo.CurrentUICulture);
        var prefix = isNewAccount ? "Email.Invitation" : "Email.PasswordReset";
        var body = string.Format(CultureInfo.InvariantCulture, texts.Find($"{prefix}.Body", language) ?? "{0}", url, account.UserName);
        await jobs.PlanAsync(SendEmailJob.JobKind,
            new EmailMessage(account.Email!, texts.Find($"{prefix}.Subject", language) ?? "Vakka", body), ct: ct);
    }
}
