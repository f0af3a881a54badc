namespace Vakka.Archive.Domain.Retention;

/// <summary>One row of the law's retention table: what starts the period, how long it is, and the reference's words.</summary>
/// <param name="Key">The rule id of <c>retention-rules-703-2023.csv</c> (stored with each document).</param>
/// <param name="Reference">The reference row verbatim (social-welfare-archive.md §7).</param>
public sealed record RetentionRule(RetentionRuleId Id, string Key, RetentionTrigger Trigger, int PeriodYears, string Reference)
{
    /// <summary>The last day of retention: the trigger date plus the period in years (29 February → 28 February).</summary>
    public DateOnly EndFrom(DateOnly trigger) => trigger.AddYears(PeriodYears);
}
