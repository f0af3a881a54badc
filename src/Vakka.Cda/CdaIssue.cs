namespace Vakka.Cda;

/// <summary>Whether an issue refuses the document or only goes into the receipt.</summary>
public enum CdaSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One finding about a document: a machine code from <see cref="CdaIssueCodes"/>, the XPath (or "line:position"
/// for XML errors) it concerns, and an English reason (localised messages come with the Archive module).
/// </summary>
public sealed record CdaIssue(string Code, string Path, string Reason, CdaSeverity Severity = CdaSeverity.Error)
{
    public static CdaIssue Warning(string code, string path, string reason) => new(code, path, reason, CdaSeverity.Warning);

    public override string ToString() => $"{Severity} {Code} at {Path}: {Reason}";
}
