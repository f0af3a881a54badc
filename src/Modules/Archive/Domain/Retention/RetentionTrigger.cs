namespace Vakka.Archive.Domain.Retention;

/// <summary>The event a retention period runs from.</summary>
public enum RetentionTrigger
{
    /// <summary>The client's death.</summary>
    ClientDeath,

    /// <summary>The closing of the case (asia) the document belongs to.</summary>
    CaseClosed,

    /// <summary>The closing of the client's last case of the service task, once none of them is open ("the need has ended").</summary>
    LastCaseClosed,

    /// <summary>The birth of the child the matter concerns.</summary>
    ChildBirth,

    /// <summary>Not stated by the reference: the start comes from the document-type override table, or it is unknown.</summary>
    Configured,
}
