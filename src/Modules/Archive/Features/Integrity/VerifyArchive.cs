using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Features.Integrity;

public sealed record VerifyFinding(Guid DocumentId, string DocumentOid, VerifyProblem Problem);

public sealed record VerifyReport(Guid RunId, long Checked, long Mismatches, long Missing, IReadOnlyList<VerifyFinding> Findings)
{
    public bool Intact => Mismatches == 0 && Missing == 0;
}

/// <summary>
/// The integrity check (design §c; operator command <c>archive verify [--organisation OID]</c>): reads every
/// non-destroyed version's stored bytes in document-id order, in batches, recomputes the SHA-256 taken when it was
/// archived, and records the run in ar_verify_run with one ar_verify_mismatch row per document whose bytes differ or
/// are missing.
/// </summary>
public sealed class VerifyArchive(VakkaDb db, TimeProvider clock)
{
    public const int BatchSize = 200;

    public async Task<VerifyReport> RunAsync(OrganisationId? organisation, CancellationToken ct, int batchSize = BatchSize)
    {
        var run = new VerifyRun { Id = Guid.CreateVersion7(), OrganisationId = organisation, StartedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(run);
        await db.SaveChangesAsync(ct);

        var documents = db.Set<ArchivedDocument>().AsNoTracking().Where(d => d.DestroyedAt == null);
        if (organisation is { } org) documents = documents.Where(d => d.RegistrarOrgId == org);
        var findings = new List<VerifyFinding>();
        ArchivedDocumentId? after = null;
        while (true)
        {
            // Keyset on the primary key: the next batch starts after the last id read (UUIDv7: archive order).
            var page = documents;
            if (after is { } last) page = page.Where(d => d.Id > last);
            var batch = await (from d in page
                               join c in db.Set<DocumentContent>() on d.Id equals c.DocumentId into contents
                               from c in contents.DefaultIfEmpty()
                               orderby d.Id
                               select new { d.Id, d.DocumentOid, d.Sha256, Bytes = c == null ? null : c.Bytes })
                .Take(batchSize).ToListAsync(ct);
            foreach (var row in batch)
            {
                run.Checked++;
                var actual = row.Bytes is null ? null : SHA256.HashData(row.Bytes);
                if (actual is not null && actual.AsSpan().SequenceEqual(row.Sha256)) continue;
                var problem = actual is null ? VerifyProblem.ContentMissing : VerifyProblem.HashMismatch;
                if (problem == VerifyProblem.ContentMissing) run.Missing++;
                else run.Mismatches++;
                findings.Add(new VerifyFinding(row.Id.Value, row.DocumentOid, problem));
                db.Add(new VerifyMismatch
                {
                    Id = Guid.CreateVersion7(), RunId = run.Id, DocumentId = row.Id, DocumentOid = row.DocumentOid, Problem = problem,
                    Expected = row.Sha256, Actual = actual,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(run);
            if (batch.Count < batchSize) break;
            after = batch[^1].Id;
        }
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new VerifyReport(run.Id, run.Checked, run.Mismatches, run.Missing, findings);
    }
}
