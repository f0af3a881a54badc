namespace Vakka.Cda;

/// <summary>
/// Checks a read document against the rules of design §b stages C and D that the document alone decides:
/// required header elements, code lists, version rules (version 1: setId = id; RPLC exactly when version &gt; 1),
/// body parts. Returns the reader's issues followed by its own; the document is acceptable when none is an error.
/// Stage E (archive state: duplicates, consecutive versions, voids) belongs to the Archive module.
/// </summary>
public static class CdaValidator
{
    public static IReadOnlyList<CdaIssue> Validate(CdaReadResult read, ICodeLists codeLists, CdaValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(codeLists);
        options ??= CdaValidationOptions.Default;
        var issues = new IssueList(read.Issues);
        if (read.Header is not { } header)
        {
            return issues.Items; // a fatal stage A/B issue: nothing more to check
        }

        HeaderRules.Check(header, codeLists, options, issues);
        LocalHeaderRules.Check(header, codeLists, issues);
        VersionRules.Check(header, issues);
        BodyRules.Check(read.Body, header.DocumentType is { } t ? HeaderRules.DocumentTypeList(t, codeLists)?.Find(t.Code) : null, options, issues);
        return issues.Items;
    }

    /// <summary>Reads and validates in one call.</summary>
    public static IReadOnlyList<CdaIssue> Validate(ReadOnlyMemory<byte> document, ICodeLists codeLists, CdaValidationOptions? options = null, CdaReadOptions? readOptions = null) =>
        Validate(CdaReader.Read(document, readOptions), codeLists, options);
}
