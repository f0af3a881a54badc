using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Platform.Web;

namespace Vakka.Web.Pages.Admin;

/// <summary>The auditor's view: search the audit log by actor, target, event, outcome and time; verify the hash chain.</summary>
public sealed class AuditModel(VakkaDb db, AuditLog auditLog, IAccountDirectory accounts) : VakkaPageModel
{
    public const int PageSize = 200;
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public string? Event { get; set; }
    [BindProperty(SupportsGet = true)] public AuditOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditRecord> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UserNames { get; private set; } = new Dictionary<Guid, string>();
    public AuditVerification? Verification { get; private set; }
    public bool UnknownActor { get; private set; }

    [Requires(PlatformAction.SearchAuditLog), Audited(PlatformAudit.AuditLogSearch)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await SearchAsync(ct);
        return Page();
    }

    [Requires(PlatformAction.VerifyAuditLog), Audited(PlatformAudit.AuditLogVerify)]
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        // Rows of the last second or so are not chained yet: the result says how many (the sealer chains them).
        Verification = await auditLog.VerifyAsync(ct);
        await SearchAsync(ct);
        return Page();
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        var q = db.Set<AuditRecord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actorId = Guid.TryParse(Actor, out var g) ? g : await accounts.FindIdAsync(Actor, ct);
            if (actorId is null) UnknownActor = true;
            q = q.Where(r => r.ActorAccountId == actorId);
        }
        if (!string.IsNullOrWhiteSpace(Target))
        {
            var t = Target.Trim().ToLowerInvariant();
            q = q.Where(r => r.TargetIds.Contains(t) || r.SubjectIds.Contains(t));
        }
        if (!string.IsNullOrWhiteSpace(Event)) q = q.Where(r => r.EventCode.StartsWith(Event.Trim()));
        if (Outcome is { } outcome) q = q.Where(r => r.Outcome == outcome);
        if (From is { } from) q = q.Where(r => r.OccurredAt >= ToUtc(from));
        if (To is { } to) q = q.Where(r => r.OccurredAt < ToUtc(to.AddDays(1)));
        if (Before is { } before) q = q.Where(r => r.Seq < before);
        Rows = await q.OrderByDescending(r => r.Seq).Take(PageSize).ToListAsync(ct);
        UserNames = await accounts.UserNamesAsync(Rows.Where(r => r.ActorAccountId != null).Select(r => r.ActorAccountId!.Value), ct);
    }

    private static DateTime ToUtc(DateOnly day) => HelsinkiTime.ToUtc(day);
}
