using Microsoft.AspNetCore.Mvc;
using Vakka.CultureCard.Features.LifeSituations;
using Vakka.Platform.Web;

namespace Vakka.CultureCard.Areas.CultureCard.Pages.LifeSituations;

/// <summary>What the create and edit pages share: the form (its fields are in _LifeSituationFields).</summary>
public abstract class LifeSituationPage : VakkaPageModel
{
    [BindProperty] public LifeSituationForm Input { get; set; } = new();
}
