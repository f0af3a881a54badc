namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// The outcome for one document: the rule applied (null when none), the trigger date and the retention end (both null
/// when not known), and why there is no end. A document without an end is never destroyed.
/// </summary>
public sealed record RetentionDecision(RetentionRule? Rule, DateOnly? TriggerDate, DateOnly? RetentionEnd, RetentionGap? Gap)
{
    public static RetentionDecision NoRule() => new(null, null, null, RetentionGap.NoRule);

    public static RetentionDecision Unknown(RetentionRule rule, RetentionGap gap) => new(rule, null, null, gap);

    public static RetentionDecision Ends(RetentionRule rule, DateOnly trigger) => new(rule, trigger, rule.EndFrom(trigger), null);

    /// <summary>True when the retention ended before <paramref name="today"/> (the caller's date; there is no clock here).</summary>
    public bool HasEndedBefore(DateOnly today) => RetentionEnd is { } end && end < today;
}
