using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Jobs;
using Vakka.Platform.Web;

namespace Vakka.Web.Pages.Admin;

/// <summary>Background jobs for system administrators: counts by status, the failed ones, and a retry.</summary>
public sealed class JobsModel(VakkaDb db, TimeProvider clock) : VakkaPageModel
{
    public IReadOnlyDictionary<JobStatus, int> Counts { get; private set; } = new Dictionary<JobStatus, int>();
    public IReadOnlyList<JobRecord> Failed { get; private set; } = [];

    [Requires(PlatformAction.ViewJobs), NoAudit("job metadata only: kinds, times and technical errors, no personal data")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Counts = await db.Set<JobRecord>().GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Failed = await db.Set<JobRecord>().AsNoTracking().Where(j => j.Status == JobStatus.Failed)
            .OrderByDescending(j => j.CompletedAt).Take(200).ToListAsync(ct);
        return Page();
    }

    [Requires(PlatformAction.RetryJob, Target = "id"), Audited(PlatformAudit.JobRetry)]
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Set<JobRecord>().Where(j => j.Id == id && j.Status == JobStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Pending).SetProperty(j => j.RunAt, now)
                .SetProperty(j => j.Attempts, 0).SetProperty(j => j.CompletedAt, (DateTime?)null), ct);
        if (updated == 0) return NotFound();
        Flash = "Jobs.Retried";
        return RedirectToPage();
    }
}
