namespace Vakka.Archive.Domain.Retention;

/// <summary>
/// The retention table of laki 703/2023, in force from 1.1.2024 and also retroactively, as the reference quotes
/// Kansallisarkisto (social-welfare-archive.md §7,
/// https://kansallisarkisto.fi/sosiaalihuollon-asiakirjojen-sailytysaikojen-maarittely).
/// </summary>
public static class RetentionRuleCatalog
{
    private const string Perheoikeudelliset =
        "Perheoikeudelliset palvelut | matters concerning a child 120 y from the child's birth; others 10 y from closing the asia";

    public static readonly RetentionRule Asiakkuusasiakirja = new(RetentionRuleId.Asiakkuusasiakirja, "asiakkuusasiakirja",
        RetentionTrigger.ClientDeath, 2, "Asiakkuusasiakirja and client basic data | 2 y from the client's death");

    public static readonly RetentionRule LapsiperheidenPalvelut = new(RetentionRuleId.LapsiperheidenPalvelut, "lapsiperheiden-palvelut",
        RetentionTrigger.CaseClosed, 30, "Lapsiperheiden palvelut | 30 y from closing the asia");

    public static readonly RetentionRule TyoikaistenPalvelut = new(RetentionRuleId.TyoikaistenPalvelut, "tyoikaisten-palvelut",
        RetentionTrigger.CaseClosed, 10, "Työikäisten palvelut | 10 y from closing the asia");

    public static readonly RetentionRule IakkaidenPalvelut = new(RetentionRuleId.IakkaidenPalvelut, "iakkaiden-palvelut",
        RetentionTrigger.CaseClosed, 10, "Iäkkäiden palvelut | 10 y from closing the asia");

    public static readonly RetentionRule Paihdehuolto = new(RetentionRuleId.Paihdehuolto, "paihdehuolto",
        RetentionTrigger.CaseClosed, 10, "Päihdehuolto | 10 y from closing the asia");

    public static readonly RetentionRule Vammaispalvelut = new(RetentionRuleId.Vammaispalvelut, "vammaispalvelut",
        RetentionTrigger.LastCaseClosed, 10, "Vammaispalvelut | 10 y from closing the last asia, once the need has ended");

    public static readonly RetentionRule Lastensuojelu = new(RetentionRuleId.Lastensuojelu, "lastensuojelu",
        RetentionTrigger.ClientDeath, 2, "Lastensuojelu | 2 y from the client's death");

    public static readonly RetentionRule PerheoikeudellisetLapsi = new(RetentionRuleId.PerheoikeudellisetLapsi, "perheoikeudelliset-lapsi",
        RetentionTrigger.ChildBirth, 120, Perheoikeudelliset);

    public static readonly RetentionRule PerheoikeudellisetMuut = new(RetentionRuleId.PerheoikeudellisetMuut, "perheoikeudelliset-muut",
        RetentionTrigger.CaseClosed, 10, Perheoikeudelliset);

    public static readonly RetentionRule Tositteet = new(RetentionRuleId.Tositteet, "tositteet",
        RetentionTrigger.Configured, 3, "Tositteet (vouchers) | 3 y");

    public static readonly RetentionRule Asiakasmaksupaatokset = new(RetentionRuleId.Asiakasmaksupaatokset, "asiakasmaksupaatokset",
        RetentionTrigger.Configured, 12,
        "Asiakasmaksupäätökset and income-statement documents | 12 y (start point tied to the decision's validity — confirm exact wording)");

    public static IReadOnlyList<RetentionRule> All { get; } =
    [
        Asiakkuusasiakirja, LapsiperheidenPalvelut, TyoikaistenPalvelut, IakkaidenPalvelut, Paihdehuolto, Vammaispalvelut,
        Lastensuojelu, PerheoikeudellisetLapsi, PerheoikeudellisetMuut, Tositteet, Asiakasmaksupaatokset,
    ];

    public static RetentionRule Of(RetentionRuleId id) => All.Single(r => r.Id == id);
}
