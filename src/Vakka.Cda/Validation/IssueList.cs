namespace Vakka.Cda;

/// <summary>The issues of one validation, with the "report missing only when nothing else was said here" rule.</summary>
internal sealed class IssueList(IEnumerable<CdaIssue> initial)
{
    private readonly List<CdaIssue> _issues = [.. initial];

    public IReadOnlyList<CdaIssue> Items => _issues;

    public void Error(string code, string path, string reason) => _issues.Add(new CdaIssue(code, path, reason));

    public void Warning(string code, string path, string reason) => _issues.Add(CdaIssue.Warning(code, path, reason));

    /// <summary>True when an issue concerns <paramref name="path"/> or something inside it.</summary>
    public bool Concerns(string path) =>
        _issues.Any(i => i.Path == path || i.Path.StartsWith(path + "/", StringComparison.Ordinal));

    /// <summary>Reports <paramref name="code"/> when <paramref name="present"/> is false and the reader reported nothing at the path.</summary>
    public bool Require(bool present, string code, string path, string reason)
    {
        if (!present && !Concerns(path))
        {
            Error(code, path, reason);
        }

        return present;
    }
}
