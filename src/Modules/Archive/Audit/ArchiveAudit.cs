namespace Vakka.Archive.Audit;

/// <summary>
/// The Archive audit events (design §e). Targets are document ids, subjects are person ids (ar_person), never the
/// henkilötunnus; a refused document has no subject (its henkilötunnus may be invalid); void reasons never go in.
/// </summary>
public enum ArchiveAudit
{
    DocumentArchive, DocumentVersion, DocumentVoid, DocumentQuery, DocumentRetrieve, DocumentMetadataRead, DocumentHistoryRead,
    // The archivist's pages
    ArchiveSearch, DocumentView, DocumentDisplay, DocumentDownload,
}
