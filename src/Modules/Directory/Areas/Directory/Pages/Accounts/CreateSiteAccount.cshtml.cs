using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Vakka.Directory.Access;
using Vakka.Directory.Audit;
using Vakka.Directory.Domain;
using Vakka.Directory.Features.Accounts;
using Vakka.Directory.Features.Sites;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.Directory.Areas.Directory.Pages.Accounts;

/// <summary>A shared account for one Kaikukortti site (distributor, venue or ticket intermediary).</summary>
public sealed class CreateSiteAccountModel(CreateAccount create, ListSites sites, IOptions<SecurityOptions> security) : VakkaPageModel
{
    [BindProperty] public NewAccountForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true), Required(ErrorMessage = "Validation.Required"), Display(Name = "Directory.Account.Site")]
    public SiteId? Site { get; set; }

    public IReadOnlyList<SelectListItem> Sites { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Languages => AccountPages.Languages(Texts);

    [Requires(DirectoryAction.CreateSiteAccount), NoAudit("an empty form")]
    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadSitesAsync(ct);
    }

    [Requires(DirectoryAction.CreateSiteAccount), Audited(DirectoryAudit.AccountCreate)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        if (!ModelState.IsValid) return Page();
        var result = await create.HandleSiteAsync(await ActorAsync(), Site, Input, AccountPages.PublicUrl(Request, security.Value), ct);
        if (result.Errors.Any(e => e.Field == "SiteId"))
        {
            foreach (var e in result.Errors.Where(e => e.Field == "SiteId")) ModelState.AddModelError(nameof(Site), Texts[e.Key, e.Args]);
            return Failure(Platform.Results.Result.Invalid(result.Errors.Where(e => e.Field != "SiteId").ToArray()))!;
        }
        if (Failure(result) is { } failed) return failed;
        Flash = "Directory.Accounts.Created";
        return Redirect($"/directory/sites/details/{Site}");
    }

    private async Task LoadSitesAsync(CancellationToken ct)
    {
        var visible = await sites.HandleAsync(await ActorAsync(), new ListSites.Query(null, null, null, false), ct);
        Sites = visible.Where(s => s.Type is SiteType.Distributor or SiteType.Venue or SiteType.TicketIntermediary)
            .Select(s => new SelectListItem($"{s.Name} ({Texts[$"Directory.SiteType.{s.Type}"]}, {s.Municipality})", s.Id.ToString())).ToList();
    }
}
