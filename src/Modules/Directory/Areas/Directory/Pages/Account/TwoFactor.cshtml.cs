using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Account;

/// <summary>Sets up TOTP two-factor sign-in with an authenticator app (required for administrators and auditors).</summary>
public sealed class TwoFactorModel(UserManager<Domain.Account> users, SignInManager<Domain.Account> signIn,
    IOptions<SecurityOptions> security) : VakkaPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "TwoFactor.Code")]
        public string? Code { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    public bool Enabled { get; private set; }
    public bool CanDisable { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [Requires(DirectoryAction.ManageOwnAccount), Audited(DirectoryAudit.TwoFactorSetupRead)]
    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ? Page() : NotFound();

    [Requires(DirectoryAction.ManageOwnAccount), Audited(DirectoryAudit.TwoFactorEnable)]
    public async Task<IActionResult> OnPostEnableAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return NotFound();
        Audit.Target(me.Id);
        var code = (Input.Code ?? "").Replace(" ", "").Replace("-", "");
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(me, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            if (ModelState.IsValid) ModelState.AddModelError("Input.Code", Texts["TwoFactor.CodeWrong"]);
            Audit.Outcome(Platform.Audit.AuditOutcome.Invalid);
            await ShowAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(me, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(me, 10))?.ToList() ?? [];
        await signIn.SignInWithClaimsAsync(me, isPersistent: false, [new Claim("amr", "mfa")]);
        Enabled = true;
        return Page();
    }

    [Requires(DirectoryAction.ManageOwnAccount), Audited(DirectoryAudit.TwoFactorDisable)]
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return NotFound();
        Audit.Target(me.Id);
        if (!await MayDisableAsync()) return StatusCode(403);
        await users.SetTwoFactorEnabledAsync(me, false);
        await users.ResetAuthenticatorKeyAsync(me);
        await signIn.RefreshSignInAsync(me);
        Flash = "TwoFactor.Disabled";
        return RedirectToPage("Settings");
    }

    private async Task<bool> MayDisableAsync()
    {
        var actor = await ActorAsync();
        return !security.Value.RequireTwoFactorForPrivilegedRoles || !DirectoryModule.PrivilegedRoles.Any(actor.HasAnywhere);
    }

    private async Task<bool> ShowAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        Enabled = me.TwoFactorEnabled;
        CanDisable = await MayDisableAsync();
        if (Enabled) return true;
        var key = await users.GetAuthenticatorKeyAsync(me);
        if (string.IsNullOrEmpty(key))
        {
            // Making the key changes the account's security stamp; the session is checked against it every minute
            // and would end there, so it is reissued with the new stamp.
            await users.ResetAuthenticatorKeyAsync(me);
            await signIn.RefreshSignInAsync(me);
            key = await users.GetAuthenticatorKeyAsync(me);
        }
        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Vakka")}:{Uri.EscapeDataString(me.UserName!)}?secret={key}&issuer=Vakka&digits=6";
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(qr).GetGraphic(5);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        return true;
    }
}
