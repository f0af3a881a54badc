namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// The rows of the retention table of laki 703/2023 (reference §7). The ids are Vakka's own; <see cref="RetentionRule.Key"/>
/// is the same id as in the code-list file <c>retention-rules-703-2023.csv</c>.
/// </summary>
public enum RetentionRuleId
{
    Asiakkuusasiakirja,
    LapsiperheidenPalvelut,
    TyoikaistenPalvelut,
    IakkaidenPalvelut,
    Paihdehuolto,
    Vammaispalvelut,
    Lastensuojelu,
    PerheoikeudellisetLapsi,
    PerheoikeudellisetMuut,
    Tositteet,
    Asiakasmaksupaatokset,
}
