namespace Vakka.Directory.Audit;

/// <summary>The Directory's audit events: one per page handler or endpoint, named EntityAction.</summary>
public enum DirectoryAudit
{
    OrganisationList, OrganisationRead, OrganisationCreate, OrganisationUpdate, OrganisationDeactivate, OrganisationActivate,
    AreaList, AreaRead, AreaCreate, AreaUpdate,
    SiteList, SiteRead, SiteCreate, SiteUpdate, SiteDeactivate, SiteActivate,
    AccountList, AccountRead, AccountCreate, AccountUpdate, AccountDeactivate, AccountActivate, RoleAssign, RoleRevoke,
    SignIn, SignInTwoFactor, SignOut, ExternalSignIn, PasswordResetRequest, PasswordReset, PasswordChange,
    TwoFactorSetupRead, TwoFactorEnable, TwoFactorDisable,
}
