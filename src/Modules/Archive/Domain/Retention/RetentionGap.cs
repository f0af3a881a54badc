namespace Vakka.Archive.Domain.Retention;

/// <summary>Why a document has no retention end. Such a document is never listed for destruction.</summary>
public enum RetentionGap
{
    /// <summary>No rule applies: neither the document type nor the service task maps to a row of the law's table.</summary>
    NoRule,

    /// <summary>The rule runs from the client's death, and no death has been reported.</summary>
    ClientDeathNotKnown,

    /// <summary>The rule runs from the case's closing, and the document names no case.</summary>
    NoCase,

    /// <summary>The rule runs from the case's closing, and the case is still open.</summary>
    CaseOpen,

    /// <summary>Vammaispalvelut: a case of the service task is still open, so the need has not ended.</summary>
    ServiceTaskCaseOpen,

    /// <summary>A document-type override whose start point has not been configured (the reference does not state it).</summary>
    StartNotConfigured,
}
