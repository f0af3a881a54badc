namespace Vakka.Cda;

/// <summary>Fixed values and code-system OIDs of the header (design §a; SWA §2, §3, §12).</summary>
public static class CdaConstants
{
    public const string Realm = "FI";
    public const string TypeIdRoot = "2.16.840.1.113883.1.3";
    public const string TypeIdExtension = "POCD_HD000040";
    public const string HetuRoot = "1.2.246.21";
    public const string DocumentTypeSystem = "1.2.246.537.6.1506";
    public const string DocumentGroupSystem = "1.2.246.537.6.1505";
    public const string ServiceTaskSystem = "1.2.246.537.6.1221";
    public const string ProcessPhaseSystem = "1.2.246.537.6.1277";
    public const string ConfidentialitySystem = "1.2.246.777.5.99902.2006";
    public const string AuthorRoleSystem = "1.2.246.537.5.40006.2003";
    public const string MediaXhtml = "application/xhtml+xml";
    public const string MediaJson = "application/json";
    public const string MediaPdf = "application/pdf";

    /// <summary>Vakka limit on the title (design §a #6).</summary>
    public const int MaxTitleLength = 500;

    /// <summary>Vakka limit on the case id extension (design §b).</summary>
    public const int MaxCaseIdExtensionLength = 100;

    /// <summary>Default size limit (20 MiB) [Vakka decision, Q8: the reference gives none].</summary>
    public const long DefaultMaxDocumentBytes = 20L * 1024 * 1024;

    /// <summary>True when <paramref name="codeSystem"/> is <paramref name="baseOid"/> or it with a version suffix ("(\.\d+)*").</summary>
    public static bool IsCodeSystem(string? codeSystem, string baseOid)
    {
        if (codeSystem is null || !codeSystem.StartsWith(baseOid, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = codeSystem.AsSpan(baseOid.Length);
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != '.' || rest[^1] == '.')
        {
            return false;
        }

        var previousDot = false;
        foreach (var c in rest)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }

                previousDot = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                previousDot = false;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
