namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// Configuration section <c>Archive:Retention</c>. Both tables are empty by default: the reference gives neither the
/// service-task codes of four services nor the document types of vouchers and payment decisions, and nothing is guessed.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Service-task code (1.2.246.537.6.1221) → service, e.g. <c>"Archive:Retention:ServiceTaskRules:30": "IakkaidenPalvelut"</c>.</summary>
    public Dictionary<string, ConfiguredServiceTask> ServiceTaskRules { get; set; } = [];

    /// <summary>Document types that follow a rule of their own, ahead of the service task.</summary>
    public List<DocumentTypeRetentionRule> DocumentTypeRules { get; set; } = [];

    /// <summary>What is wrong with the settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var code in ServiceTaskRules.Keys.Where(RetentionRules.FixedServiceTaskCodes.Contains))
            problems.Add($"ServiceTaskRules: service task {code} has a rule of its own in the reference and cannot be mapped.");
        foreach (var row in DocumentTypeRules)
        {
            if (string.IsNullOrWhiteSpace(row.Code))
                problems.Add("DocumentTypeRules: a row has no Code.");
            if (row.Rule is not (RetentionRuleId.Tositteet or RetentionRuleId.Asiakasmaksupaatokset))
                problems.Add($"DocumentTypeRules: {row.TypeSystem}:{row.Code} names {row.Rule}; only Tositteet and Asiakasmaksupaatokset are document-type rules.");
        }
        foreach (var duplicate in DocumentTypeRules.GroupBy(r => (r.TypeSystem, r.Code)).Where(g => g.Count() > 1))
            problems.Add($"DocumentTypeRules: {duplicate.Key.TypeSystem}:{duplicate.Key.Code} appears more than once.");
        return problems;
    }
}
