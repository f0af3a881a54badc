namespace Vakka.Cda;

/// <summary>Rules of hl7fi:localHeader (design §a #26–#32, §b stage C).</summary>
internal static class LocalHeaderRules
{
    public static void Check(CdaHeader h, ICodeLists lists, IssueList issues)
    {
        if (!issues.Require(h.HasLocalHeader, CdaIssueCodes.LocalHeaderMissing, CdaPaths.LocalHeader, "hl7fi:localHeader is required."))
        {
            return;
        }

        CodedRules.Check(h.ServiceTask, lists.ServiceTasks, CdaPaths.ServiceTask, issues,
            CdaIssueCodes.ServiceTaskMissing, CdaIssueCodes.ServiceTaskSystemInvalid, CdaIssueCodes.ServiceTaskUnknown);
        CodedRules.Check(h.ProcessPhase, lists.ProcessPhases, CdaPaths.ProcessPhase, issues,
            CdaIssueCodes.ProcessPhaseMissing, null, CdaIssueCodes.ProcessPhaseUnknown, CdaIssueCodes.ProcessPhaseNotCoded);
        CodedRules.Check(h.RetentionClass, lists.RetentionClasses, CdaPaths.RetentionClass, issues,
            CdaIssueCodes.RetentionClassMissing, null, CdaIssueCodes.RetentionClassUnknown, CdaIssueCodes.RetentionClassNotCoded);
        CodedRules.Check(h.RecordStatus, lists.RecordStatuses, CdaPaths.RecordStatus, issues,
            CdaIssueCodes.RecordStatusMissing, null, CdaIssueCodes.RecordStatusUnknown, CdaIssueCodes.RecordStatusNotCoded);

        if (issues.Require(h.CompletionTime is not null, CdaIssueCodes.CompletionTimeMissing, CdaPaths.CompletionTime, "The completion time (hl7fi:declaredTime) is required.")
            && h.EffectiveTime is { } created && h.CompletionTime < created)
        {
            issues.Error(CdaIssueCodes.CompletionTimeInvalid, CdaPaths.Attribute(CdaPaths.CompletionTime, "value"), "The completion time is earlier than the creation time.");
        }

        if (issues.Require(!string.IsNullOrWhiteSpace(h.GeneralType), CdaIssueCodes.GeneralTypeMissing, CdaPaths.GeneralType, "The general document type (hl7fi:documentType/@displayName) is required.")
            && h.DocumentType is { } type && HeaderRules.DocumentTypeList(type, lists)?.Find(type.Code) is { GeneralType: { } expected }
            && !string.Equals(expected, h.GeneralType, StringComparison.Ordinal))
        {
            issues.Error(CdaIssueCodes.GeneralTypeMismatch, CdaPaths.Attribute(CdaPaths.GeneralType, "displayName"), $"The general type of document type {type.Code} is '{expected}'.");
        }
    }
}
