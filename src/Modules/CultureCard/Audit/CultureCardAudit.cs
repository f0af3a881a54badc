namespace Vakka.CultureCard.Audit;

/// <summary>The CultureCard audit events. Card ids go in as subjects: "who looked at this card" is answerable.</summary>
public enum CultureCardAudit
{
    BatchList, BatchCreate, BatchPrint, LegacyImport,
    LifeSituationList, LifeSituationUpdate, AreaRulesRead, AreaRulesUpdate,
    CardRegister, CardList, CardRead, CardExtend, CardChange, CardEnd, CardReplace,
    DeskOpen, CardLookup, UseRecord, UseCancel, EventList, EventSave, TodayRead,
    StatisticsRead, StatisticsExport, NetworkRead, ApiKeyList, ApiKeyCreate, ApiKeyRevoke, VenueServe, VenueUnserve,
}
