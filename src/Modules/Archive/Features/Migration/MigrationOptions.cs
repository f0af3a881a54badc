using Microsoft.Extensions.Options;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Migration;

/// <summary>Settings of the legacy migration (section "Archive:Migration").</summary>
public sealed class MigrationOptions
{
    public const string Section = "Archive:Migration";

    /// <summary>
    /// The folder whose sub-folders are the source exports the migration page offers (each with metadata.csv or
    /// metadata.jsonl, content/ and optionally mapping.csv). Relative paths are relative to the app's content root;
    /// unset, it is <c>migration</c> in the data folder. Browsers never name a path: they pick one of these sub-folders.
    /// </summary>
    public string? ImportRoot { get; set; }

    /// <summary>Arcs under the registrar's OID for the documents a run makes (<c>&lt;arc&gt;.&lt;run&gt;.&lt;record&gt;</c>) and for old case numbers.</summary>
    public string DocumentOidArc { get; set; } = "10.0.91";
    public string CaseOidArc { get; set; } = "10.0.93";

    /// <summary>Records per transaction: a crash loses at most one batch, which rolls back.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>The background job works this long, then plans its continuation (the job runner's lease is not renewed).</summary>
    public TimeSpan SliceDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest content file (text or PDF) accepted.</summary>
    public long MaxContentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Failures listed on a run's page (all of them are in its CSV).</summary>
    public int FailuresShown { get; set; } = 200;
}

internal sealed class MigrationOptionsValidation : IValidateOptions<MigrationOptions>
{
    public ValidateOptionsResult Validate(string? name, MigrationOptions o)
    {
        var problems = new List<string>();
        if (!IsArc(o.DocumentOidArc)) problems.Add("Archive:Migration:DocumentOidArc must be OID arcs such as 10.0.91.");
        if (!IsArc(o.CaseOidArc)) problems.Add("Archive:Migration:CaseOidArc must be OID arcs such as 10.0.93.");
        if (o.BatchSize is < 1 or > 50_000) problems.Add("Archive:Migration:BatchSize must be between 1 and 50000.");
        if (o.SliceDuration <= TimeSpan.Zero) problems.Add("Archive:Migration:SliceDuration must be positive.");
        if (o.MaxContentBytes is < 1 or > int.MaxValue) problems.Add("Archive:Migration:MaxContentBytes must be between 1 and 2147483647.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsArc(string? arc) => !string.IsNullOrWhiteSpace(arc) && Oid.TryParse("1.2." + arc, out _, out _);
}
