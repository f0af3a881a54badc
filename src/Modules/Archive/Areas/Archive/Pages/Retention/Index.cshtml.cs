using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Vakka.Archive.Access;
using Vakka.Archive.Audit;
using Vakka.Archive.Features.Documents;
using Vakka.Archive.Features.Retention;
using Vakka.Platform.Audit;
using Vakka.Platform.Web;

namespace Vakka.Archive.Areas.Archive.Pages.Retention;

public sealed class DeathForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Archive.Retention.Client")]
    public string? Client { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Archive.Retention.DeathDate")]
    public string? Date { get; set; }
}

public sealed class ProposeForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Archive.Retention.EndedBefore")]
    public string? EndedBefore { get; set; }
}

/// <summary>
/// /archive/retention: the registrar's ended retention by rule and its gaps, a client's date of death (the
/// henkilötunnus in a POST form only), destruction proposals with approve and reject (never on one's own), and the
/// record of executed destructions. Every handler declares its action and audit event.
/// </summary>
public sealed class IndexModel(Destruction destruction, RecordRetentionEvent events) : VakkaPageModel
{
    [BindProperty(SupportsGet = true)] public string? Registrar { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Proposal { get; set; }
    [BindProperty] public DeathForm Death { get; set; } = new();
    [BindProperty] public ProposeForm Propose { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public RetentionOverview? Overview { get; private set; }
    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];
    public ProposalView? Selected { get; private set; }
    public Guid? Me { get; private set; }

    [Requires(ArchiveAction.ViewRetention), Audited(ArchiveAudit.RetentionRead)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(ct);
    }

    [Requires(ArchiveAction.RecordRetentionEvent), Audited(ArchiveAudit.RetentionEventRecord)]
    public async Task<IActionResult> OnPostDeathAsync(CancellationToken ct)
    {
        if (!ValidFor(nameof(Death))) return await InvalidAsync(ct);
        var outcome = await events.DeathAsync(await ActorAsync(), new DeathRequest(Death.Client?.Trim(), Death.Date), ct);
        if (!outcome.IsOk) return await RefusedAsync(outcome.Errors, "Death", ct);
        Flash = "Archive.Retention.DeathRecorded";
        return Redirect(Here());
    }

    [Requires(ArchiveAction.ProposeDestruction), Audited(ArchiveAudit.DestructionPropose)]
    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!ValidFor(nameof(Propose))) return await InvalidAsync(ct);
        var outcome = await destruction.ProposeAsync(await ActorAsync(), new ProposeRequest(Propose.EndedBefore, Registrar), ct);
        if (outcome.Value is not { } proposal) return await RefusedAsync(outcome.Errors, "Propose", ct);
        Flash = "Archive.Retention.Proposed";
        return Redirect(Here(proposal.Id));
    }

    [Requires(ArchiveAction.DecideDestruction, Target = "id"), Audited(ArchiveAudit.DestructionDecide)]
    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    [Requires(ArchiveAction.DecideDestruction, Target = "id"), Audited(ArchiveAudit.DestructionDecide)]
    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await destruction.DecideAsync(await ActorAsync(), id, approve, new DecideRequest(Reason), ct);
        if (!outcome.IsOk)
        {
            Proposal = id;
            return await RefusedAsync(outcome.Errors, "", ct);
        }
        Flash = approve ? "Archive.Retention.Approved" : "Archive.Retention.Rejected";
        return Redirect(Here(id));
    }

    /// <summary>The page has several forms: only the posted one's fields are validated.</summary>
    private bool ValidFor(string form)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        return ModelState.IsValid;
    }

    private string Here(Guid? proposal = null)
    {
        var query = new List<string>();
        if (Registrar is not null) query.Add("registrar=" + Uri.EscapeDataString(Registrar));
        if (proposal is not null) query.Add($"proposal={proposal}");
        return "/archive/retention" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        Audit.Outcome(AuditOutcome.Invalid);
        return await LoadAsync(ct);
    }

    /// <summary>The use case's machine codes as field errors in the user's language (the form keeps what was typed).</summary>
    private async Task<IActionResult> RefusedAsync(IReadOnlyList<ArchiveError> errors, string form, CancellationToken ct)
    {
        foreach (var error in errors)
        {
            var field = error.Path is { Length: > 0 } path && form.Length > 0 ? $"{form}.{char.ToUpperInvariant(path[0])}{path[1..]}" : "";
            if (field is "Death.Client" or "Death.Date" or "Propose.EndedBefore") ModelState.AddModelError(field, ArchiveProblems.Message(error, Texts));
            else ModelState.AddModelError("", ArchiveProblems.Message(error, Texts));
        }
        return await InvalidAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var actor = await ActorAsync();
        var overview = await destruction.OverviewAsync(actor, Registrar, ct);
        if (overview.Value is not { } value) return StatusCode(overview.Status);
        Overview = value;
        Me = actor.AccountId?.Value;
        Proposals = await destruction.ListAsync(new Vakka.Platform.Ids.OrganisationId(value.RegistrarId), ct);
        if (Proposal is { } id && Proposals.Any(p => p.Id == id)) Selected = (await destruction.ReadAsync(id, ct)).Value;
        return Page();
    }
}
