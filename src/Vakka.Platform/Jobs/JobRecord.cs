namespace Vakka.Platform.Jobs;

public enum JobStatus { Pending, Running, Succeeded, Failed }

/// <summary>A unit of background work, planned in the same transaction as the change that needs it.</summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>JSON payload: ids and settings, cleared once the job has succeeded.</summary>
    public string Payload { get; set; } = "{}";
    /// <summary>Planning the same key twice plans one job.</summary>
    public string? IdempotencyKey { get; set; }
    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime RunAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Exception type and a short technical message of the last failure (no personal data is put in job errors).</summary>
    public string? LastError { get; set; }
}

/// <summary>A named lease in the database, so that one node at a time does a thing (plans the scheduled jobs).</summary>
public sealed class LockRecord
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
