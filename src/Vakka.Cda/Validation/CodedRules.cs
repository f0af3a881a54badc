namespace Vakka.Cda;

/// <summary>The shared rule of a coded element: present, of the list's code system, and in the list (or uncoded).</summary>
internal static class CodedRules
{
    /// <param name="notCoded">Warning code for an uncoded list, or null when the list is always closed.</param>
    public static void Check(Coded? value, CodeList list, string path, IssueList issues,
        string missing, string? systemInvalid, string unknown, string? notCoded = null)
    {
        if (!issues.Require(value is not null && (value.HasCode || value.NullFlavor is not null), missing, path, $"{path} is required."))
        {
            return;
        }

        var systemOk = list.Oid is null || value!.CodeSystem is null && !value.HasCode || CdaConstants.IsCodeSystem(value!.CodeSystem, list.Oid);
        if (!systemOk)
        {
            issues.Error(systemInvalid ?? unknown, CdaPaths.Attribute(path, "codeSystem"), $"The code system must be {list.Oid}; found '{value!.CodeSystem}'.");
            return;
        }

        if (list.Mode == CodeListMode.Uncoded && list.Entries.Count == 0)
        {
            issues.Warning(notCoded ?? unknown, path, $"No official code list is loaded for {list.Key}; the value was accepted as sent.");
            return;
        }

        if (!value!.HasCode)
        {
            if (list.Mode == CodeListMode.Closed)
            {
                issues.Require(false, missing, CdaPaths.Attribute(path, "code"), $"{path} needs a code; a nullFlavor is not accepted here.");
            }

            return;
        }

        if (!list.Contains(value.Code))
        {
            issues.Error(unknown, CdaPaths.Attribute(path, "code"), $"Code '{value.Code}' is not in the code list {list.Key} ({list.Oid}).");
        }
    }
}
