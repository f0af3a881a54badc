using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.Archive.Domain;

/// <summary>A dry run reports what would happen and archives nothing; a run archives.</summary>
public enum MigrationKind { DryRun, Run }

public enum MigrationStatus { Queued, Running, Completed, Failed }

/// <summary>
/// One legacy migration (ar_migration_run, design §g.5): a source folder of one registrar, read in batches. The cursor
/// is the last record whose batch committed, so a run killed half-way resumes after it; the counters say how far it
/// got. <see cref="Number"/> is the run's number at the registrar and is part of the document OIDs it allocates.
/// </summary>
internal sealed class MigrationRun : IVersioned
{
    public const int MaxSourceSystemLength = 50;
    public const int MaxFolderLength = 200;

    public MigrationRunId Id { get; set; }
    public OrganisationId RegistrarOrgId { get; set; }
    public int Number { get; set; }
    public MigrationKind Kind { get; set; }
    public string Folder { get; set; } = "";
    public string SourceSystem { get; set; } = "";

    /// <summary>Hex SHA-256 of the metadata file when the run first read it: a resume refuses a changed file.</summary>
    public string? MetadataSha256 { get; set; }

    /// <summary>Hex SHA-256 of the mapping table the run was started with, and its row count.</summary>
    public string MappingSha256 { get; set; } = "";
    public int MappingRows { get; set; }

    public MigrationStatus Status { get; set; }
    public long Total { get; set; }

    /// <summary>Records (1-based) up to this one are done: their batch committed.</summary>
    public long Cursor { get; set; }

    /// <summary>Archived (a dry run: would be archived).</summary>
    public long Archived { get; set; }

    /// <summary>Archived already by an earlier run (the ledger has the old id): skipped, not a failure.</summary>
    public long Skipped { get; set; }
    public long Failed { get; set; }

    /// <summary>Why the run stopped as Failed (a file problem, never personal data): a machine code.</summary>
    public string? Problem { get; set; }

    public AccountId? StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public int Version { get; set; }

    public long Done => Archived + Skipped + Failed;
    public bool IsFinished => Status is MigrationStatus.Completed or MigrationStatus.Failed;
}

/// <summary>
/// The migration ledger (ar_migration_item): an old document archived, keyed by registrar, source system and old id.
/// A second run of the same source skips every old id found here, so migration is idempotent.
/// </summary>
internal sealed class MigrationItem
{
    public const int MaxOldIdLength = 100;

    public OrganisationId RegistrarOrgId { get; set; }
    public string SourceSystem { get; set; } = "";
    public string OldDocumentId { get; set; } = "";
    public ArchivedDocumentId DocumentId { get; set; }
    public MigrationRunId RunId { get; set; }
}

/// <summary>A record that could not be archived (ar_migration_failure): its position, old id and codes; never a henkilötunnus.</summary>
internal sealed class MigrationFailure
{
    public const int MaxCodesLength = 400;
    public const int MaxDetailLength = 500;

    public Guid Id { get; set; }
    public MigrationRunId RunId { get; set; }
    public long Record { get; set; }
    public string? OldDocumentId { get; set; }
    public string OldDocumentType { get; set; } = "";
    public string OldService { get; set; } = "";

    /// <summary>Machine codes, comma-separated (MAPPING_MISSING, HETU_CHECK_CHARACTER, a validation code…).</summary>
    public string Codes { get; set; } = "";

    /// <summary>The first problem's English detail (a path or a line), never a value from the record.</summary>
    public string? Detail { get; set; }
}

/// <summary>The report of a run per old document type and old service (ar_migration_group): the target and the counts.</summary>
internal sealed class MigrationGroup
{
    public MigrationRunId RunId { get; set; }
    public string OldDocumentType { get; set; } = "";
    public string OldService { get; set; } = "";
    public string? DocumentTypeCode { get; set; }
    public string? ServiceTaskCode { get; set; }
    public long Archived { get; set; }
    public long Skipped { get; set; }
    public long Failed { get; set; }
}

/// <summary>
/// One row of a registrar's mapping table (ar_mapping_row, design §g.2): an old document type and old service
/// (<c>*</c> = any) to the national document type, service task and the optional uncoded values.
/// </summary>
internal sealed class MappingRow
{
    public const int MaxOldLength = 100;
    public const int MaxNoteLength = 500;

    public OrganisationId RegistrarOrgId { get; set; }
    public string OldDocumentType { get; set; } = "";
    public string OldService { get; set; } = "";
    public string DocumentTypeCode { get; set; } = "";
    public string ServiceTaskCode { get; set; } = "";
    public string? ProcessPhaseCode { get; set; }
    public string? RetentionClassCode { get; set; }
    public string? RecordStatusCode { get; set; }
    public string? Note { get; set; }
    public int Line { get; set; }
}

/// <summary>Who imported a registrar's mapping table and when (ar_mapping_import, one row per registrar).</summary>
internal sealed class MappingImport
{
    public OrganisationId RegistrarOrgId { get; set; }
    public int Rows { get; set; }
    public string Sha256 { get; set; } = "";
    public AccountId? ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }
}
