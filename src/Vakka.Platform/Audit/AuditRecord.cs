using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vakka.Platform.Audit;

public enum AuditOutcome { Success, Invalid, Denied, NotFound, Conflict, Failed }

/// <summary>
/// One row of the audit log: who did what to which ids, when and with what outcome. Never names,
/// henkilötunnus or free text. The row is written with the change it describes; the sealer then chains it: its place
/// in the chain (<see cref="ChainIndex"/>, contiguous), the previous row's hash and its own hash over all its fields.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>Given by the database when the row is inserted.</summary>
    public long Seq { get; set; }
    /// <summary>The row's place in the chain, 1, 2, 3… without gaps; null until sealed (within seconds).</summary>
    public long? ChainIndex { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorAccountId { get; set; }
    public Guid? ActorSiteId { get; set; }
    /// <summary>Another system acting with a site's API key (then there is no account).</summary>
    public Guid? ActorApiKeyId { get; set; }
    public string EventCode { get; set; } = "";
    public string? ActionCode { get; set; }
    public AuditOutcome Outcome { get; set; }
    /// <summary>Ids of the records acted on, comma-separated.</summary>
    public string TargetIds { get; set; } = "";
    /// <summary>Ids of the people or cards whose data was involved (client, card), comma-separated.</summary>
    public string SubjectIds { get; set; } = "";
    public string? TraceId { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The canonical text the hash covers; any change to a field changes the hash.</summary>
    public string Canonical() => string.Join('|',
        Seq.ToString(CultureInfo.InvariantCulture),
        ChainIndex?.ToString(CultureInfo.InvariantCulture) ?? "",
        OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        ActorAccountId?.ToString() ?? "",
        ActorSiteId?.ToString() ?? "",
        EventCode,
        ActionCode ?? "",
        Outcome.ToString(),
        TargetIds,
        SubjectIds,
        TraceId ?? "",
        PreviousHash ?? "",
        ActorApiKeyId?.ToString() ?? "");

    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>Database timestamps keep microseconds (PostgreSQL); the hash must survive the round trip.</summary>
    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
}
