using Vakka.CultureCard.Features.Shared;
using Vakka.CultureCard.Features.Statistics;
using Vakka.Platform.Data;

namespace Vakka.CultureCard.Features.Demo;

/// <summary>
/// A generated Kaikukortti register as the desk would have left it: the cards and uses, the demo intermediary's venues,
/// each card's first use and the statistics rollup. Used by the start-up demo and by <c>culturecard generate</c>.
/// </summary>
public sealed class DemoRegister(VakkaDb db, CardDemoData cards, NetworkDemoData network, RefreshStatistics statistics)
{
    /// <summary>Generates the register if the database has no cards; false when nothing was generated.</summary>
    public async Task<bool> LoadIfEmptyAsync(CardDemoData.Volume volume, ICardBulkWriter writer, CancellationToken ct)
    {
        var generated = await cards.LoadIfEmptyAsync(volume, writer, ct);
        await network.LoadIfEmptyAsync(generated, ct);
        if (!generated) return false;
        await CardFirstUse.RecomputeAllAsync(db, ct);
        await statistics.HandleAsync(ct);
        return true;
    }
}
