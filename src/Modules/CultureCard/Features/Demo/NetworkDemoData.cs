using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;

namespace Vakka.CultureCard.Features.Demo;

/// <summary>
/// The demo's ticket intermediary sells the tickets of four venues, one of them in another area (as a national ticket
/// seller does), and about a fifth of those venues' generated uses are re-attributed to it as recorded through its API.
/// </summary>
public sealed class NetworkDemoData(VakkaDb db, ISiteDirectory directory, TimeProvider clock)
{
    public const string IntermediaryName = "Lipunmyynti Oy, asiakaspalvelu";
    public static readonly string[] ServedVenueNames =
        ["Helsingin kaupunginmuseo", "Kulttuurikeskus Stoa", "Tiedekeskus Heureka", "Museokeskus Vapriikki"];

    public async Task LoadIfEmptyAsync(bool attributeUses, CancellationToken ct)
    {
        if (await db.Set<ServedVenue>().AnyAsync(ct)) return;
        var intermediary = (await directory.ActiveOfTypeAsync(SiteType.TicketIntermediary, ct)).FirstOrDefault(s => s.Name == IntermediaryName);
        if (intermediary is null) return;
        var venues = (await directory.ActiveOfTypeAsync(SiteType.Venue, ct)).Where(v => ServedVenueNames.Contains(v.Name)).Select(v => v.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var venue in venues) db.Add(new ServedVenue { IntermediarySiteId = intermediary.Id, VenueSiteId = venue, AddedAt = now });
        await db.SaveChangesAsync(ct);
        if (!attributeUses) return;
        await db.Set<CardUse>().Where(u => venues.Contains(u.VenueSiteId) && u.RecordedAt.Second % 5 == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DeskSiteId, intermediary.Id).SetProperty(u => u.InputMethod, InputMethod.Api), ct);
    }
}
