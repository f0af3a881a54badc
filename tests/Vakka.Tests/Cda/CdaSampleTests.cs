using Vakka.Cda;

namespace Vakka.Tests.Cda;

public class CdaSampleTests
{
    [Fact]
    public void The_design_sample_reads_and_validates_without_errors()
    {
        var bytes = CdaTestData.Sample();
        var read = CdaReader.Read(bytes);
        var issues = CdaValidator.Validate(read, CodeLists.Instance);

        Assert.True(CdaTestData.Errors(issues).Count == 0, CdaTestData.Describe(issues));
        Assert.NotNull(read.Header);
        Assert.Equal("010181-900C", read.Header.Client?.Value);
        Assert.Equal("19005", read.Header.DocumentType?.Code);
        Assert.Equal("2025-17", read.Header.CaseId?.Extension);
        Assert.Equal("1.2.246.10.2012566", read.Header.Registrar?.Value);
        Assert.Equal(CdaBodyKind.XhtmlJson, read.Body.Kind);
        var body = Assert.IsType<XhtmlJsonBody>(read.Body.Content);
        Assert.StartsWith("{", System.Text.Encoding.UTF8.GetString(body.Json.Span), StringComparison.Ordinal);
        Assert.Equal(
            [CdaIssueCodes.ProcessPhaseNotCoded, CdaIssueCodes.RecordStatusNotCoded, CdaIssueCodes.RetentionClassNotCoded],
            issues.Where(i => i.Severity == CdaSeverity.Warning).Select(i => i.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shipped_code_lists_carry_their_oids_and_general_types()
    {
        var lists = CodeLists.Instance;

        Assert.Equal(198, lists.DocumentTypes.Entries.Count);
        Assert.Equal("1.2.246.537.6.1506", lists.DocumentTypes.Oid);
        Assert.Equal("Asiakaskertomusmerkintä", lists.DocumentTypes.Find("19005")?.GeneralType);
        Assert.Equal(["1", "2", "8", "9"], lists.DocumentGroups.Entries.Select(e => e.Code).Order());
        Assert.Equal("1.2.246.537.6.1221", lists.ServiceTasks.Oid);
        Assert.True(lists.ServiceTasks.Contains("15"));
        Assert.Equal(["KIR", "KOR", "MIT"], lists.AuthorRoles.Entries.Select(e => e.Code).Order());
        Assert.True(lists.Confidentiality.Contains("5"));
        Assert.Equal(CodeListMode.Uncoded, lists.ProcessPhases.Mode);
        Assert.Equal(16, lists.GeneralTypes.Count);
        Assert.All(lists.DocumentTypes.Entries, e => Assert.Contains(e.GeneralType, lists.GeneralTypes));
    }
}
