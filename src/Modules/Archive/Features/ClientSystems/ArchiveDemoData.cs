using Microsoft.EntityFrameworkCore;
using Vakka.Archive.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.ClientSystems;

/// <summary>
/// Demo data only (DemoData:Enabled): a client-system key for the demo organisation Helsingin kaupunki, so that the
/// archive API can be tried at once. The key is public (printed at start-up and in the module README): never use
/// demo data in production.
/// </summary>
public sealed class ArchiveDemoData(VakkaDb db, IOrganisationDirectory organisations, TimeProvider clock)
{
    public const string DemoOrganisationOid = "1.2.246.10.2012566";
    public const string DemoKey = "vka_demo_helsinki_asiakastietojarjestelma_2026";

    /// <summary>Adds the demo key when the demo organisation exists and has no client system yet; true when added.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await organisations.FindByOidAsync(Oid.Parse(DemoOrganisationOid), ct) is not { } org) return false;
        if (await db.Set<ClientSystem>().AnyAsync(c => c.OrganisationId == org.Id, ct)) return false;
        db.Add(new ClientSystem
        {
            Id = ClientSystemId.New(), OrganisationId = org.Id, Name = "Demo: asiakastietojärjestelmä", KeyPrefix = DemoKey[..10],
            KeyHash = ArchiveKeyHandler.Hash(DemoKey), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
