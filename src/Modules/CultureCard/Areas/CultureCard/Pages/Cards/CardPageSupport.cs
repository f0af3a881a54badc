using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Access;
using Vakka.Platform.Data;
using Vakka.Platform.Localisation;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Cards;

/// <summary>Choices shown on the card forms, in the user's language.</summary>
public sealed class CardChoices(VakkaDb db, ISiteDirectory sites, AccessControl access)
{
    public static IReadOnlyList<SelectListItem> Enum<T>(IStringLocalizer texts, string prefix) where T : struct, System.Enum =>
        System.Enum.GetValues<T>().Select(v => new SelectListItem(texts[$"{prefix}.{v}"], v.ToString())).ToList();

    public async Task<IReadOnlyList<SelectListItem>> LifeSituationsAsync(CancellationToken ct)
    {
        var language = TextCatalog.LanguageOf(CultureInfo.CurrentUICulture);
        return (await db.Set<LifeSituation>().AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Order).ToListAsync(ct))
            .Select(l => new SelectListItem(l.Name(language), l.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Distributor sites the actor may register cards for (an area coordinator's area; empty for a site account).</summary>
    public async Task<IReadOnlyList<SelectListItem>> SitesAsync(Actor actor, CancellationToken ct)
    {
        if (actor.SiteId is not null) return [];
        var result = new List<SelectListItem>();
        foreach (var area in (await sites.AreasAsync(ct)).Where(a => a.IsActive))
        foreach (var site in (await sites.InAreaAsync(area.Id, ct)).Where(s => s.IsActive && s.Type == SiteType.Distributor))
            if (await access.HasAsync(actor, CultureCardAction.RegisterCard, site.Id.Value, ct))
                result.Add(new SelectListItem($"{site.Name} ({area.Name})", site.Id.ToString()));
        return result;
    }
}

/// <summary>What the shared holder-fields partial needs from a page.</summary>
public interface IHolderFieldsPage
{
    Features.Cards.HolderForm Input { get; }
    IReadOnlyList<SelectListItem> Genders { get; }
    IReadOnlyList<SelectListItem> LifeSituations { get; }
    int GroupMax { get; }
}
