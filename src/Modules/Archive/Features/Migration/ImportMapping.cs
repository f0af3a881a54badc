using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.Documents;
using Vakka.Cda;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Features.Migration;

/// <summary>
/// Replaces a registrar's mapping table with an uploaded CSV (design §g.2), as a whole and only when every row is
/// right: any problem and nothing changes. Refused while a run of the registrar is queued or running (its documents
/// would be built with two tables). The table is downloaded in the same format for editing.
/// </summary>
public sealed class ImportMapping(VakkaDb db, TimeProvider clock, AuditContext audit)
{
    public async Task<(MappingTable? Table, IReadOnlyList<MigrationProblem> Problems)> ImportAsync(Actor actor, OrganisationId registrar, byte[] csv,
        CancellationToken ct)
    {
        audit.Target(registrar.Value);
        if (await db.Set<MigrationRun>().AnyAsync(r => r.RegistrarOrgId == registrar && (r.Status == MigrationStatus.Queued || r.Status == MigrationStatus.Running), ct))
            return (null, [new MigrationProblem("MAPPING_IN_USE")]);
        var (table, problems) = MappingTable.Parse(csv, CodeLists.Instance);
        if (table is null) return (null, problems);

        await db.Set<MappingRow>().Where(r => r.RegistrarOrgId == registrar).ExecuteDeleteAsync(ct);
        db.AddRange(table.ToStored(registrar));
        var import = await db.Set<MappingImport>().FirstOrDefaultAsync(m => m.RegistrarOrgId == registrar, ct);
        if (import is null) db.Add(import = new MappingImport { RegistrarOrgId = registrar });
        import.Rows = table.Rows.Count;
        import.Sha256 = table.Sha256;
        import.ImportedBy = actor.AccountId;
        import.ImportedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (table, []);
    }

    /// <summary>The registrar's current table.</summary>
    public async Task<MappingTable> CurrentAsync(OrganisationId registrar, CancellationToken ct) =>
        MappingTable.FromStored(await db.Set<MappingRow>().AsNoTracking().Where(r => r.RegistrarOrgId == registrar).ToListAsync(ct));

    /// <summary>Who imported the current table and when; null while there is none.</summary>
    internal Task<MappingImport?> ImportedAsync(OrganisationId registrar, CancellationToken ct) =>
        db.Set<MappingImport>().AsNoTracking().FirstOrDefaultAsync(m => m.RegistrarOrgId == registrar, ct);

    /// <summary>A mapping problem in the user's language: "Line 12, document_type_code: the code is not in the code list."</summary>
    public static string Message(MigrationProblem problem, Microsoft.Extensions.Localization.IStringLocalizer texts)
    {
        var text = texts[$"Archive.Migration.Problem.{problem.Code}"];
        var reason = text.ResourceNotFound ? problem.Code : text.Value;
        var at = problem.Column is null ? "" : $"{problem.Column}: ";
        return problem.Line > 0 ? texts["Archive.Migration.AtLine", problem.Line, at + reason].Value : at + reason;
    }

    internal static int StatusOf(IReadOnlyList<MigrationProblem> problems) =>
        problems.Any(p => p.Code == "MAPPING_IN_USE") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
}
