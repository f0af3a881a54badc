using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Vakka.CultureCard.Access;
using Vakka.CultureCard.Audit;
using Vakka.CultureCard.Domain;
using Vakka.CultureCard.Features.Cards;
using Vakka.CultureCard.Features.Shared;
using Vakka.Platform;
using Vakka.Platform.Ids;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.Cards;

public sealed class RegisterModel(RegisterCard register, CardChoices choices, CardClock clock, AreaRulesReader rules,
    ISiteDirectory sites) : VakkaPageModel, IHolderFieldsPage
{
    [BindProperty] public RegisterCardForm Input { get; set; } = new();
    HolderForm IHolderFieldsPage.Input => Input;
    public IReadOnlyList<SelectListItem> Types { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Genders { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LifeSituations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Sites { get; private set; } = [];
    public int GroupMax { get; private set; }
    public int BackdateDays { get; private set; }

    [Requires(CultureCardAction.RegisterCard), NoAudit("an empty form")]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Type = CardType.Personal;
        Input.IssuedOn = clock.Today;
        await LoadAsync(ct);
    }

    [Requires(CultureCardAction.RegisterCard), Audited(CultureCardAudit.CardRegister)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var result = await register.HandleAsync(await ActorAsync(), Input, ct);
        if (Failure(result) is { } failed) return failed;
        Flash = "CultureCard.Cards.Registered";
        return Redirect($"/culturecard/cards/details/{result.Value}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        Types = CardChoices.Enum<CardType>(Texts, "CultureCard.CardType");
        Genders = CardChoices.Enum<Gender>(Texts, "CultureCard.Gender");
        LifeSituations = await choices.LifeSituationsAsync(ct);
        Sites = await choices.SitesAsync(actor, ct);
        var site = actor.SiteId is { } own ? await sites.GetAsync(new SiteId(own), ct) : null;
        var areaRules = site?.AreaId is { } area ? await rules.ForAsync(area, ct) : AreaRules.Default(default);
        GroupMax = areaRules.CommunityGroupMax;
        BackdateDays = areaRules.IssueBackdateDays;
    }
}
