namespace Vakka.Platform.Access;

public enum PlatformAction { ViewHome, SearchAuditLog, VerifyAuditLog, ViewJobs, RetryJob }

public enum PlatformAudit { AuditLogSearch, AuditLogVerify, JobList, JobRetry }

/// <summary>The platform's own pages: the audit log belongs to auditors, the job queue to system administrators.</summary>
internal sealed class PlatformAccessRules : IAccessRules
{
    public Type ActionType => typeof(PlatformAction);

    public void Declare(AccessRuleBuilder r)
    {
        r.Action(PlatformAction.ViewHome).AllowAuthenticated();
        r.Action(PlatformAction.SearchAuditLog).Allow(Role.Auditor);
        r.Action(PlatformAction.VerifyAuditLog).Allow(Role.Auditor);
        r.Action(PlatformAction.ViewJobs).Allow(Role.SystemAdmin);
        r.Action(PlatformAction.RetryJob).Allow(Role.SystemAdmin);
    }
}
