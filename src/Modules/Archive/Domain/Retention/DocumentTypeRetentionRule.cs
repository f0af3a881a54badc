namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// One row of the document-type override table: documents of this type follow <see cref="Rule"/> whatever their
/// service task. Meant for vouchers (<see cref="RetentionRuleId.Tositteet"/>) and payment decisions
/// (<see cref="RetentionRuleId.Asiakasmaksupaatokset"/>), whose document types the reference does not name.
/// </summary>
public sealed class DocumentTypeRetentionRule
{
    public DocumentTypeSystem TypeSystem { get; set; } = DocumentTypeSystem.Type1506;

    public string Code { get; set; } = "";

    public RetentionRuleId Rule { get; set; }

    /// <summary>Where the period starts. Null: not decided, so the retention end stays unknown (never destroyed).</summary>
    public RetentionStart? StartsFrom { get; set; }
}
