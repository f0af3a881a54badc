namespace Vakka.Archive.Audit;

/// <summary>
/// The Archive audit events (design §e). Targets are document ids, subjects are person ids (ar_person), never the
/// henkilötunnus; a refused document has no subject (its henkilötunnus may be invalid); void reasons never go in.
/// A disclosure names the event and its documents as targets and the person as subject; the recipient, the basis and
/// the consent reference stay in ar_disclosure.
/// </summary>
public enum ArchiveAudit
{
    DocumentArchive, DocumentVersion, DocumentVoid, DocumentQuery, DocumentRetrieve, DocumentMetadataRead, DocumentHistoryRead,
    DisclosureRecord, DisclosureExport,
    // The archivist's pages
    ArchiveSearch, DocumentView, DocumentDisplay, DocumentDownload,
    RetentionEventRecord, RetentionRead, DestructionPropose, DestructionDecide,
    StatisticsRead, StatisticsExport, ReconciliationRun, ReconciliationRead,
    // Legacy migration: the page, the mapping table, starting a dry run or a run, a run's report and failures
    MigrationRead, MappingExport, MappingImport, MigrationStart, MigrationFailuresExport,
    // Client-system keys: the list (target: the organisation), a key created or revoked (targets: the organisation and the key)
    ClientSystemList, ClientSystemCreate, ClientSystemRevoke,
}
