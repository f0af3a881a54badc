using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.Areas;
using Vakka.Directory.Features.Organisations;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Sites;

/// <summary>What the create and edit pages share: the form and its choices (the actor's own areas only).</summary>
public abstract class SiteFormPage(ListOrganisations organisations, ListAreas areas) : VakkaPageModel
{
    [BindProperty] public SiteForm Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Types { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Types = Enum.GetValues<SiteType>().Select(t => new SelectListItem(Texts[$"Directory.SiteType.{t}"], t.ToString())).ToList();
        Organisations = (await organisations.ChoicesAsync(ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
        Areas = (await areas.ChoicesAsync(await ActorAsync(), ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
    }
}
