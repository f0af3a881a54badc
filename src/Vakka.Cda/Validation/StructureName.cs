using System.Text;

namespace Vakka.Cda;

/// <summary>
/// The JSON root property Sosmeta derives from a structure name (SWA §4): lower case, ä/å → a, ö → o, any other run
/// of non-alphanumerics → "_". The derivation is uncertain for names with hyphens or commas, so a mismatch is only a
/// warning (design §b).
/// </summary>
internal static class StructureName
{
    public static string RootProperty(string name)
    {
        var result = new StringBuilder(name.Length);
        var pendingUnderscore = false;
        foreach (var c in name.ToLowerInvariant())
        {
            var mapped = c switch
            {
                'ä' or 'å' => 'a',
                'ö' => 'o',
                _ => c,
            };
            if (char.IsAsciiLetterOrDigit(mapped))
            {
                if (pendingUnderscore && result.Length > 0)
                {
                    result.Append('_');
                }

                result.Append(mapped);
                pendingUnderscore = false;
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        return result.ToString();
    }
}
