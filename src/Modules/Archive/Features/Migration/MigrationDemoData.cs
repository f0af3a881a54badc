using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Archive.Features.ClientSystems;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Migration;

/// <summary>
/// Demo data only: the sample legacy export shipped in the repository (<c>src/Modules/Archive/Sample/legacy</c>) written
/// into the import folder as <c>esimerkki-effica</c>, and its mapping table as the demo registrar's, so that an
/// archivist can make a dry run and a migration at once. The sample has records made wrong on purpose.
/// </summary>
public sealed class MigrationDemoData(VakkaDb db, MigrationRunner runner, ImportMapping mappings, IOrganisationDirectory organisations)
{
    public const string FolderName = "esimerkki-effica";
    private const string Prefix = "Sample/legacy/";

    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        var folder = Path.Combine(runner.ImportRoot, FolderName);
        var assembly = typeof(MigrationDemoData).Assembly;
        var added = false;
        if (!Directory.Exists(folder))
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                var path = Path.Combine(folder, name[Prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var source = assembly.GetManifestResourceStream(name)!;
                await using var target = File.Create(path);
                await source.CopyToAsync(target, ct);
            }
            added = true;
        }
        if (await organisations.FindByOidAsync(Oid.Parse(ArchiveDemoData.DemoOrganisationOid), ct) is { } org
            && !await db.Set<MappingRow>().AnyAsync(r => r.RegistrarOrgId == org.Id, ct) && File.Exists(Path.Combine(folder, "mapping.csv")))
        {
            var (table, _) = await mappings.ImportAsync(new Actor(null, null, []), org.Id, await File.ReadAllBytesAsync(Path.Combine(folder, "mapping.csv"), ct), ct);
            added |= table is not null;
        }
        return added;
    }
}
