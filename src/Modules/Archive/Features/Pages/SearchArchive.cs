using System.ComponentModel.DataAnnotations;
using Vakka.Archive.Features.Documents;
using Vakka.Platform.Access;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Pages;

/// <summary>The search form of /archive (posted, so that the henkilötunnus never goes in an address). Dates are Helsinki days.</summary>
public sealed class SearchForm
{
    [Display(Name = "Archive.Search.Client"), StringLength(20, ErrorMessage = "Validation.TooLong")]
    public string? Client { get; set; }
    [Display(Name = "Archive.Field.ServiceTask")]
    public string? ServiceTask { get; set; }
    [Display(Name = "Archive.Field.Case"), StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? CaseId { get; set; }
    /// <summary>"1506:19005" (code system short name and code), from the code lists.</summary>
    [Display(Name = "Archive.Field.DocumentType")]
    public string? DocumentType { get; set; }
    [Display(Name = "Archive.Search.TimeField")]
    public string TimeField { get; set; } = "effectiveTime";
    [Display(Name = "Archive.Search.From")]
    public DateOnly? From { get; set; }
    [Display(Name = "Archive.Search.To")]
    public DateOnly? To { get; set; }
    [Display(Name = "Archive.Status.current")]
    public bool Current { get; set; } = true;
    [Display(Name = "Archive.Status.replaced")]
    public bool Replaced { get; set; }
    [Display(Name = "Archive.Search.IncludeVoided")]
    public bool IncludeVoided { get; set; }
    [Display(Name = "Archive.Search.IncludeDestroyed")]
    public bool IncludeDestroyed { get; set; }
    public string? Cursor { get; set; }
}

/// <summary>A field error of the search form: the form field and a text key with its arguments.</summary>
public sealed record SearchError(string Field, string Key, params object[] Args);

public sealed record SearchResult(QueryPage? Page, IReadOnlyList<SearchError> Errors);

/// <summary>
/// The archivist's search: the form becomes the API's <see cref="QueryRequest"/> and runs through the same
/// <see cref="QueryDocuments"/> (one engine: the same filters, statuses, one-year rule and keyset cursor). The form's
/// own checks come first so that a wrong henkilötunnus gets its precise message (check character, date…).
/// </summary>
internal sealed class SearchArchive(QueryDocuments query)
{
    public const int PageSize = 50;
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public async Task<SearchResult> HandleAsync(Actor actor, SearchForm form, CancellationToken ct)
    {
        var errors = new List<SearchError>();
        var client = string.IsNullOrWhiteSpace(form.Client) ? null : form.Client.Trim().ToUpperInvariant();
        if (client is not null && !PersonalIdentityCode.TryParse(client, out _, out var hetuError)) errors.Add(new(nameof(form.Client), hetuError));
        if (form.From is { } f && form.To is { } t && f > t) errors.Add(new(nameof(form.To), "Archive.Search.RangeReversed"));
        if (errors.Count > 0) return new SearchResult(null, errors);

        var statuses = new List<string>();
        if (form.Current) statuses.Add("current");
        if (form.Replaced) statuses.Add("replaced");
        if (form.IncludeVoided) statuses.Add("voided");
        if (form.IncludeDestroyed) statuses.Add("destroyed");
        var request = new QueryRequest(Client: client, ServiceTask: Blank(form.ServiceTask), CaseId: Blank(form.CaseId) is { } c ? CaseOf(c) : null,
            DocumentType: TypeOf(form.DocumentType), From: form.From is { } from ? Utc(from) : null, To: form.To is { } to ? Utc(to.AddDays(1)) : null,
            TimeField: form.TimeField, Status: statuses.Count > 0 ? statuses : null, Limit: PageSize, Cursor: Blank(form.Cursor));
        var outcome = await query.HandleAsync(actor, request, ct);
        return outcome.Value is { } page ? new SearchResult(page, []) : new SearchResult(null, outcome.Errors.Select(ErrorOf).ToList());
    }

    /// <summary>"root^extension" or "extension" alone (the case number within the archivist's organisations).</summary>
    private static CaseRef CaseOf(string text) => text.Split('^', 2) is [var root, var ext] ? new CaseRef(root.Trim(), ext.Trim()) : new CaseRef(null, text);

    private static CodeRef? TypeOf(string? value) => Blank(value)?.Split(':', 2) is [var system, var code]
        ? new CodeRef(system == "1505" ? Vakka.Cda.CdaConstants.DocumentGroupSystem : Vakka.Cda.CdaConstants.DocumentTypeSystem, code)
        : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Helsinki);

    private static SearchError ErrorOf(ArchiveError error) => error.Code switch
    {
        ArchiveCodes.QueryTooBroad => new("", "Archive.Search.TooBroad"),
        ArchiveCodes.QueryRangeInvalid => new(nameof(SearchForm.To), "Archive.Search.RangeReversed"),
        ArchiveCodes.QueryCursorInvalid => new("", "Archive.Search.CursorInvalid"),
        _ => new("", "Archive.Search.ValueInvalid"),
    };
}
