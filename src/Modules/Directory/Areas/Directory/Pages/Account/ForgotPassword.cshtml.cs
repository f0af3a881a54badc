using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vakka.Directory.Audit;
using Vakka.Directory.Features.Accounts;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

/// <summary>Sends a password link to an active account. The answer is the same whether or not the account exists.</summary>
public sealed class ForgotPasswordModel(UserManager<Domain.Account> users, AccountInvitation invitation,
    IOptions<SecurityOptions> security, Platform.Data.VakkaDb db) : VakkaPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Forgot.UserNameOrEmail")]
        public string? UserNameOrEmail { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

    [Anonymous, NoAudit("the form itself")]
    public void OnGet() { }

    [Anonymous, Audited(DirectoryAudit.PasswordResetRequest)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var name = Input.UserNameOrEmail!.Trim();
        var account = await users.FindByNameAsync(name) ?? (name.Contains('@') ? await users.FindByEmailAsync(name) : null);
        if (account is { IsActive: true, Email: not null })
        {
            Audit.Actor(account.Id);
            await invitation.PlanAsync(account, security.Value.PublicUrl ?? $"{Request.Scheme}://{Request.Host}", isNewAccount: false, ct);
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }
}
