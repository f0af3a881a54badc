namespace Vakka.Archive.Domain.Retention;

/// <summary>Where a document-type override's period starts; the reference states no start for vouchers and payment decisions.</summary>
public enum RetentionStart
{
    /// <summary>The document's effective time.</summary>
    DocumentDate,

    /// <summary>The closing of the document's case.</summary>
    CaseClosed,
}
