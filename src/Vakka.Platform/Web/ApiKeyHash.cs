using System.Security.Cryptography;
using System.Text;

namespace Vakka.Platform.Web;

/// <summary>
/// How every API key is stored: the lower-case hex SHA-256 of the key as given (keys are long and random, so no salt
/// is needed). CultureCard's site keys and the Archive's organisation keys both look keys up by this hash.
/// </summary>
public static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
