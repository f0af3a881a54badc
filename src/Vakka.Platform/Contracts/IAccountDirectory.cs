using Vakka.Platform.Access;

namespace Vakka.Platform;

public sealed record AccountSummary(string DisplayName, IReadOnlyList<(Role Role, string? ScopeName)> Roles);

/// <summary>What other parts need to know about accounts, implemented by the Directory module.</summary>
public interface IAccountDirectory
{
    Task<AccountSummary> DescribeAsync(Actor actor, CancellationToken ct);
    /// <summary>The id of the account with this user name, or null.</summary>
    Task<Guid?> FindIdAsync(string userName, CancellationToken ct);
    /// <summary>User names (sign-in names, not personal names) of these accounts, for audit views.</summary>
    Task<IReadOnlyDictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid> ids, CancellationToken ct);
}
