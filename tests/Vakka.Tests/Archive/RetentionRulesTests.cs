using Vakka.Archive.Domain.Retention;

namespace Vakka.Tests.Archive;

/// <summary>The retention rules of laki 703/2023 (social-welfare-archive.md §7) as design §d decides them.</summary>
public sealed class RetentionRulesTests
{
    private static readonly DateOnly AdultBirth = new(1981, 1, 1);   // 010181-900C
    private static readonly DateOnly ChildBirth = new(2016, 5, 1);   // 010516B903X
    private static readonly DateOnly Written = new(2024, 3, 15);
    private static readonly CaseFacts[] NoOtherCases = [];

    private static readonly RetentionRules Default = new(new RetentionOptions());

    private static readonly RetentionRules Configured = new(new RetentionOptions
    {
        ServiceTaskRules = new()
        {
            ["901"] = ConfiguredServiceTask.LapsiperheidenPalvelut,
            ["902"] = ConfiguredServiceTask.TyoikaistenPalvelut,
            ["903"] = ConfiguredServiceTask.IakkaidenPalvelut,
            ["904"] = ConfiguredServiceTask.PerheoikeudellisetPalvelut,
        },
        DocumentTypeRules =
        [
            new() { Code = "91001", Rule = RetentionRuleId.Tositteet, StartsFrom = RetentionStart.DocumentDate },
            new() { Code = "91002", Rule = RetentionRuleId.Asiakasmaksupaatokset, StartsFrom = RetentionStart.CaseClosed },
            new() { Code = "91003", Rule = RetentionRuleId.Tositteet },
        ],
    });

    private static DocumentFacts Document(string? serviceTask, string typeCode = "19005", DocumentTypeSystem system = DocumentTypeSystem.Type1506,
        DateOnly? written = null, DateOnly? subjectBirth = null) =>
        new(system, typeCode, serviceTask, written ?? Written, subjectBirth);

    private static ClientFacts Adult(DateOnly? died = null) => new(AdultBirth, died);

    private static CaseFacts Closed(string serviceTask, DateOnly on) => new(serviceTask, on);

    private static CaseFacts Open(string serviceTask) => new(serviceTask, null);

    private static void AssertEnds(RetentionDecision decision, RetentionRuleId rule, DateOnly trigger, DateOnly end)
    {
        Assert.Equal(rule, decision.Rule?.Id);
        Assert.Equal(trigger, decision.TriggerDate);
        Assert.Equal(end, decision.RetentionEnd);
        Assert.Null(decision.Gap);
    }

    private static void AssertUnknown(RetentionDecision decision, RetentionRuleId rule, RetentionGap gap)
    {
        Assert.Equal(rule, decision.Rule?.Id);
        Assert.Null(decision.TriggerDate);
        Assert.Null(decision.RetentionEnd);
        Assert.Equal(gap, decision.Gap);
        Assert.False(decision.HasEndedBefore(new DateOnly(2999, 1, 1)));
    }

    [Fact]
    public void The_asiakkuusasiakirja_is_kept_2_years_from_the_clients_death()
    {
        var decision = Default.Decide(Document("15", typeCode: "1", system: DocumentTypeSystem.Group1505),
            Adult(died: new DateOnly(2030, 6, 10)), Closed("15", new DateOnly(2025, 1, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Asiakkuusasiakirja, new DateOnly(2030, 6, 10), new DateOnly(2032, 6, 10));
        Assert.Equal("asiakkuusasiakirja", decision.Rule!.Key);
    }

    [Fact]
    public void Code_1_of_the_1506_list_is_not_the_asiakkuusasiakirja()
    {
        var decision = Default.Decide(Document(null, typeCode: "1"), Adult(died: new DateOnly(2030, 6, 10)), null, NoOtherCases);
        Assert.Null(decision.Rule);
        Assert.Equal(RetentionGap.NoRule, decision.Gap);
    }

    [Fact]
    public void Lastensuojelu_is_kept_2_years_from_the_clients_death_not_from_the_case()
    {
        var decision = Default.Decide(Document("10"), Adult(died: new DateOnly(2090, 2, 3)), Closed("10", new DateOnly(2030, 1, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Lastensuojelu, new DateOnly(2090, 2, 3), new DateOnly(2092, 2, 3));
    }

    [Fact]
    public void Paihdehuolto_is_kept_10_years_from_closing_the_case()
    {
        var decision = Default.Decide(Document("15"), Adult(), Closed("15", new DateOnly(2025, 8, 31)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Paihdehuolto, new DateOnly(2025, 8, 31), new DateOnly(2035, 8, 31));
    }

    [Fact]
    public void Vammaispalvelut_are_kept_10_years_from_closing_the_last_case_of_the_service_task()
    {
        CaseFacts[] others = [Closed("20", new DateOnly(2027, 4, 30)), Closed("15", new DateOnly(2029, 1, 1)), Closed("20", new DateOnly(2019, 1, 1))];
        var decision = Default.Decide(Document("20"), Adult(), Closed("20", new DateOnly(2024, 12, 31)), others);
        // The Päihdehuolto case closed later is not a case of the service task.
        AssertEnds(decision, RetentionRuleId.Vammaispalvelut, new DateOnly(2027, 4, 30), new DateOnly(2037, 4, 30));
    }

    [Fact]
    public void Vammaispalvelut_with_a_case_of_the_service_task_still_open_have_no_end()
    {
        CaseFacts[] others = [Open("20"), Closed("20", new DateOnly(2020, 1, 1))];
        var decision = Default.Decide(Document("20"), Adult(), Closed("20", new DateOnly(2024, 12, 31)), others);
        AssertUnknown(decision, RetentionRuleId.Vammaispalvelut, RetentionGap.ServiceTaskCaseOpen);
    }

    [Fact]
    public void An_open_case_of_another_service_task_does_not_hold_back_vammaispalvelut()
    {
        var decision = Default.Decide(Document("20"), Adult(), Closed("20", new DateOnly(2024, 12, 31)), [Open("15")]);
        AssertEnds(decision, RetentionRuleId.Vammaispalvelut, new DateOnly(2024, 12, 31), new DateOnly(2034, 12, 31));
    }

    [Fact]
    public void Lapsiperheiden_palvelut_mapped_in_configuration_are_kept_30_years_from_closing_the_case()
    {
        var decision = Configured.Decide(Document("901"), Adult(), Closed("901", new DateOnly(2026, 3, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.LapsiperheidenPalvelut, new DateOnly(2026, 3, 1), new DateOnly(2056, 3, 1));
    }

    [Fact]
    public void Tyoikaisten_palvelut_mapped_in_configuration_are_kept_10_years_from_closing_the_case()
    {
        var decision = Configured.Decide(Document("902"), Adult(), Closed("902", new DateOnly(2026, 3, 2)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.TyoikaistenPalvelut, new DateOnly(2026, 3, 2), new DateOnly(2036, 3, 2));
    }

    [Fact]
    public void Iakkaiden_palvelut_mapped_in_configuration_are_kept_10_years_from_closing_the_case()
    {
        var decision = Configured.Decide(Document("903"), Adult(), Closed("903", new DateOnly(2026, 3, 3)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.IakkaidenPalvelut, new DateOnly(2026, 3, 3), new DateOnly(2036, 3, 3));
    }

    [Fact]
    public void A_family_law_matter_of_a_minor_client_is_kept_120_years_from_the_clients_birth()
    {
        var decision = Configured.Decide(Document("904"), new ClientFacts(ChildBirth), Closed("904", new DateOnly(2025, 1, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.PerheoikeudellisetLapsi, ChildBirth, new DateOnly(2136, 5, 1));
    }

    [Fact]
    public void A_family_law_matter_with_a_minor_subject_is_kept_120_years_from_the_subjects_birth()
    {
        var decision = Configured.Decide(Document("904", subjectBirth: new DateOnly(2023, 9, 9)), Adult(), null, NoOtherCases);
        AssertEnds(decision, RetentionRuleId.PerheoikeudellisetLapsi, new DateOnly(2023, 9, 9), new DateOnly(2143, 9, 9));
    }

    [Fact]
    public void A_subject_who_turns_18_the_day_after_the_document_is_still_a_child()
    {
        var decision = Configured.Decide(Document("904", subjectBirth: new DateOnly(2006, 3, 16)), Adult(), null, NoOtherCases);
        AssertEnds(decision, RetentionRuleId.PerheoikeudellisetLapsi, new DateOnly(2006, 3, 16), new DateOnly(2126, 3, 16));
    }

    [Fact]
    public void A_family_law_matter_between_adults_is_kept_10_years_from_closing_the_case()
    {
        // The subject turned 18 the day before the document: no longer a child.
        var decision = Configured.Decide(Document("904", subjectBirth: new DateOnly(2006, 3, 14)), Adult(),
            Closed("904", new DateOnly(2025, 6, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.PerheoikeudellisetMuut, new DateOnly(2025, 6, 1), new DateOnly(2035, 6, 1));
    }

    [Fact]
    public void Vouchers_in_the_override_table_are_kept_3_years_from_the_configured_start()
    {
        var decision = Configured.Decide(Document("902", typeCode: "91001"), Adult(), Closed("902", new DateOnly(2030, 1, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Tositteet, Written, new DateOnly(2027, 3, 15));
    }

    [Fact]
    public void Payment_decisions_in_the_override_table_are_kept_12_years_from_the_configured_start()
    {
        var decision = Configured.Decide(Document("903", typeCode: "91002"), Adult(), Closed("903", new DateOnly(2026, 10, 5)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Asiakasmaksupaatokset, new DateOnly(2026, 10, 5), new DateOnly(2038, 10, 5));
    }

    [Fact]
    public void The_override_table_wins_over_the_service_task()
    {
        // Lastensuojelu would wait for the client's death; the voucher rule runs from the document's date.
        var decision = Configured.Decide(Document("10", typeCode: "91001"), Adult(), Closed("10", new DateOnly(2025, 1, 1)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Tositteet, Written, new DateOnly(2027, 3, 15));
    }

    [Fact]
    public void An_override_without_a_start_has_no_end()
    {
        var decision = Configured.Decide(Document("15", typeCode: "91003"), Adult(), Closed("15", new DateOnly(2025, 1, 1)), NoOtherCases);
        AssertUnknown(decision, RetentionRuleId.Tositteet, RetentionGap.StartNotConfigured);
    }

    [Fact]
    public void Without_configuration_the_other_service_tasks_and_document_types_have_no_rule()
    {
        foreach (var document in new[] { Document("901"), Document("904", subjectBirth: ChildBirth), Document("15", typeCode: "91001") with { ServiceTaskCode = "902" } })
        {
            var decision = Default.Decide(document, Adult(died: new DateOnly(2030, 1, 1)), Closed("901", new DateOnly(2025, 1, 1)), NoOtherCases);
            Assert.Equal(RetentionDecision.NoRule(), decision);
        }
    }

    [Fact]
    public void A_document_without_a_service_task_or_a_known_type_has_no_rule_and_no_end()
    {
        var decision = Configured.Decide(Document(null), Adult(died: new DateOnly(2030, 1, 1)), Closed("15", new DateOnly(2025, 1, 1)), NoOtherCases);
        Assert.Null(decision.Rule);
        Assert.Null(decision.TriggerDate);
        Assert.Null(decision.RetentionEnd);
        Assert.Equal(RetentionGap.NoRule, decision.Gap);
        Assert.False(decision.HasEndedBefore(new DateOnly(2999, 1, 1)));
    }

    [Fact]
    public void An_open_case_leaves_the_trigger_unknown_and_the_document_is_never_destroyed()
    {
        AssertUnknown(Default.Decide(Document("15"), Adult(), Open("15"), NoOtherCases), RetentionRuleId.Paihdehuolto, RetentionGap.CaseOpen);
        AssertUnknown(Default.Decide(Document("15"), Adult(), null, NoOtherCases), RetentionRuleId.Paihdehuolto, RetentionGap.NoCase);
    }

    [Fact]
    public void A_death_not_yet_reported_leaves_the_trigger_unknown()
    {
        AssertUnknown(Default.Decide(Document("10"), Adult(), Closed("10", new DateOnly(2025, 1, 1)), NoOtherCases),
            RetentionRuleId.Lastensuojelu, RetentionGap.ClientDeathNotKnown);
        AssertUnknown(Default.Decide(Document(null, typeCode: "1", system: DocumentTypeSystem.Group1505), Adult(), null, NoOtherCases),
            RetentionRuleId.Asiakkuusasiakirja, RetentionGap.ClientDeathNotKnown);
    }

    [Fact]
    public void A_trigger_on_29_February_ends_on_28_February()
    {
        var decision = Default.Decide(Document("15"), Adult(), Closed("15", new DateOnly(2028, 2, 29)), NoOtherCases);
        AssertEnds(decision, RetentionRuleId.Paihdehuolto, new DateOnly(2028, 2, 29), new DateOnly(2038, 2, 28));
        var child = Configured.Decide(Document("904"), new ClientFacts(new DateOnly(2024, 2, 29)), null, NoOtherCases);
        Assert.Equal(new DateOnly(2144, 2, 29), child.RetentionEnd); // 2144 is a leap year: the date stays
    }

    [Fact]
    public void Retention_has_ended_only_after_its_last_day()
    {
        var decision = Default.Decide(Document("15"), Adult(), Closed("15", new DateOnly(2025, 8, 31)), NoOtherCases);
        Assert.False(decision.HasEndedBefore(new DateOnly(2035, 8, 31)));
        Assert.True(decision.HasEndedBefore(new DateOnly(2035, 9, 1)));
    }

    [Fact]
    public void Codes_are_compared_without_surrounding_spaces()
    {
        var decision = Configured.Decide(Document(" 903 ", typeCode: " 19005 "), Adult(), Closed("903", new DateOnly(2026, 3, 3)), NoOtherCases);
        Assert.Equal(RetentionRuleId.IakkaidenPalvelut, decision.Rule?.Id);
    }

    [Fact]
    public void Settings_that_remap_the_laws_own_codes_or_name_a_service_task_rule_are_refused()
    {
        var options = new RetentionOptions
        {
            ServiceTaskRules = new() { ["10"] = ConfiguredServiceTask.IakkaidenPalvelut },
            DocumentTypeRules = [new() { Code = "91001", Rule = RetentionRuleId.Paihdehuolto }, new() { Code = "", Rule = RetentionRuleId.Tositteet }],
        };
        Assert.Equal(3, options.Problems().Count);
        Assert.Throws<ArgumentException>(() => new RetentionRules(options));
        Assert.Empty(new RetentionOptions().Problems());
    }

    [Fact]
    public void The_catalog_holds_the_eleven_rows_of_the_law_with_their_periods()
    {
        var periods = RetentionRuleCatalog.All.ToDictionary(r => r.Key, r => (r.Trigger, r.PeriodYears));
        Assert.Equal(11, periods.Count);
        Assert.Equal(Enum.GetValues<RetentionRuleId>().Length, RetentionRuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal((RetentionTrigger.CaseClosed, 30), periods["lapsiperheiden-palvelut"]);
        Assert.Equal((RetentionTrigger.ChildBirth, 120), periods["perheoikeudelliset-lapsi"]);
        Assert.Equal((RetentionTrigger.Configured, 3), periods["tositteet"]);
        Assert.Equal((RetentionTrigger.Configured, 12), periods["asiakasmaksupaatokset"]);
    }
}
