using Microsoft.EntityFrameworkCore;
using Vakka.Platform.Data;
using Vakka.Platform.Jobs;

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
        r.Action(PlatformAction.RetryJob).Allow(Role.SystemAdmin).Targets<JobTargets>();
    }
}

/// <summary>A job exists or not; it lies on no organisation, area or site.</summary>
internal sealed class JobTargets(VakkaDb db) : ITargetScopes
{
    public async Task<IReadOnlyList<Scope>> ScopesOfAsync(Guid target, CancellationToken ct) =>
        await db.Set<JobRecord>().AnyAsync(j => j.Id == target, ct) ? [Scope.Global] : [];
}
