using Vakka.CultureCard.Domain;
using Vakka.Platform.Finnish;
using Vakka.Platform.Ids;

namespace Vakka.Tests.CultureCard;

/// <summary>The ticket desk's rules on their own: a card's answer, the tickets of one use, its date, the quota, a second use, cancelling.</summary>
public sealed class DeskRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 16);
    private static readonly AreaId Home = AreaId.New();
    private static readonly AreaId Elsewhere = AreaId.New();
    private static readonly NetworkFacts AtHome = new(CardAreaActive: true, CardAreaLocalOnly: false, VenueAreaId: Home);

    private static Card Personal(int children = 2, Action<Card>? tweak = null)
    {
        var card = new Card
        {
            Id = CardId.New(), Code = CardCode.NewCode(), Type = CardType.Personal, AreaId = Home, IssuingSiteId = SiteId.New(),
            IssuedOn = Today.AddMonths(-2), ValidUntil = Today.AddMonths(10), Status = CardStatus.Active, BirthYear = 1980,
            PostalCode = "00530", ChildrenCount = children,
        };
        tweak?.Invoke(card);
        return card;
    }

    private static Card Community(int group) => Personal(0, c => { c.Type = CardType.Community; c.GroupSize = group; c.BirthYear = null; });

    // ---- The answer about a card ----

    [Fact]
    public void A_card_within_its_validity_at_a_venue_of_the_network_is_valid_through_its_last_day()
    {
        var card = Personal();
        Assert.Equal(LookupOutcome.Valid, DeskRules.Standing(card, Today, AtHome));
        Assert.Equal(LookupOutcome.Valid, DeskRules.Standing(card, card.ValidUntil, AtHome));
        Assert.Equal(LookupOutcome.Expired, DeskRules.Standing(card, card.ValidUntil.AddDays(1), AtHome));
    }

    [Fact]
    public void An_ended_card_is_ended_even_when_it_has_also_expired_or_is_outside_the_network()
    {
        var card = Personal(tweak: c => { c.Status = CardStatus.Ended; c.ValidUntil = Today.AddDays(-3); });
        Assert.Equal(LookupOutcome.Ended, DeskRules.Standing(card, Today, AtHome));
        Assert.Equal(LookupOutcome.Ended, DeskRules.Standing(card, Today, new NetworkFacts(false, true, Elsewhere)));
    }

    [Fact]
    public void A_local_only_card_is_valid_in_its_own_area_and_not_in_another()
    {
        var card = Personal();
        Assert.Equal(LookupOutcome.Valid, DeskRules.Standing(card, Today, new NetworkFacts(true, true, Home)));
        Assert.Equal(LookupOutcome.NotInNetwork, DeskRules.Standing(card, Today, new NetworkFacts(true, true, Elsewhere)));
        Assert.Equal(LookupOutcome.Valid, DeskRules.Standing(card, Today, new NetworkFacts(true, false, Elsewhere)));
    }

    [Fact]
    public void A_card_of_an_area_that_left_the_network_or_at_a_venue_outside_it_is_not_valid_there_even_before_expiring()
    {
        var card = Personal(tweak: c => c.ValidUntil = Today.AddDays(-1));
        Assert.Equal(LookupOutcome.NotInNetwork, DeskRules.Standing(card, Today, new NetworkFacts(false, false, Home)));
        Assert.Equal(LookupOutcome.NotInNetwork, DeskRules.Standing(card, Today, new NetworkFacts(true, false, null)));
    }

    [Fact]
    public void An_unknown_ID_is_told_apart_by_its_check_character_its_format_and_whether_it_was_printed()
    {
        var code = CardCode.NewCode();
        var wrongCheck = code[..^1] + CardCode.Alphabet[(CardCode.Alphabet.IndexOf(code[^1]) + 1) % CardCode.Alphabet.Length];

        Assert.Equal((LookupOutcome.NotFound, "CultureCard.Refusal.NotFound"), DeskRules.Unregistered(code, printedInBatch: false));
        Assert.Equal((LookupOutcome.NotFound, "CultureCard.Refusal.NotRegistered"), DeskRules.Unregistered(code, printedInBatch: true));
        Assert.Equal((LookupOutcome.CheckCharacterInvalid, "CultureCard.Refusal.CheckCharacterInvalid"), DeskRules.Unregistered(wrongCheck, false));
        Assert.Equal((LookupOutcome.NotFound, "CultureCard.Refusal.NotFound"), DeskRules.Unregistered("HKI12345", false)); // a legacy series
        Assert.Equal((LookupOutcome.NotFound, "CultureCard.Refusal.Malformed"), DeskRules.Unregistered("AB", false));
        Assert.Equal((LookupOutcome.NotFound, "CultureCard.Refusal.Malformed"), DeskRules.Unregistered("<SCRIPT>", false));
        Assert.Equal((LookupOutcome.NotFound, "CultureCard.Refusal.Malformed"), DeskRules.Unregistered(new string('A', 500), false));
    }

    [Fact]
    public void Every_outcome_has_its_own_machine_code()
    {
        var codes = Enum.GetValues<LookupOutcome>().Select(o => o.MachineCode()).ToList();
        Assert.Equal(["CARD_VALID", "CARD_EXPIRED", "CARD_ENDED", "CARD_NOT_FOUND", "CHECK_CHARACTER_INVALID", "NOT_IN_NETWORK", "QUOTA_FULL"], codes);
    }

    // ---- Tickets of one use ----

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(-1, false)]
    public void A_personal_card_gives_children_tickets_up_to_its_registered_children(int children, bool allowed)
    {
        var v = DeskRules.CheckTickets(Personal(children: 2), adults: 1, children, assistants: 0);
        Assert.Equal(allowed, v.IsValid);
        if (!allowed) Assert.Equal("Children", Assert.Single(v.Errors).Field);
        if (children > 2) Assert.Equal(["CultureCard.Desk.TooManyChildren"], v.Errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void One_use_has_exactly_one_adult_ticket_whatever_the_card(int adults)
    {
        var personal = DeskRules.CheckTickets(Personal(), adults, 0, 0);
        var community = DeskRules.CheckTickets(Community(8), adults, 0, 0);
        Assert.Equal("CultureCard.Desk.AdultsPersonal", Assert.Single(personal.Errors).Key);
        Assert.Equal("CultureCard.Desk.AdultsCommunity", Assert.Single(community.Errors).Key);
        Assert.True(DeskRules.CheckTickets(Community(8), 1, 0, 0).IsValid);
    }

    [Fact]
    public void A_community_card_takes_a_group_up_to_its_size()
    {
        Assert.True(DeskRules.CheckTickets(Community(8), 1, 8, 0).IsValid);
        var tooBig = DeskRules.CheckTickets(Community(8), 1, 9, 0);
        Assert.Equal("CultureCard.Desk.GroupTooBig", Assert.Single(tooBig.Errors).Key);
        Assert.Equal(8, Assert.Single(tooBig.Errors).Args[0]);
    }

    [Fact]
    public void Assistants_are_free_and_apart_but_neither_negative_nor_a_slip_of_the_finger()
    {
        var card = Personal(children: 0);
        Assert.True(DeskRules.CheckTickets(card, 1, 0, 2).IsValid);
        Assert.Equal("CultureCard.Desk.NotNegative", Assert.Single(DeskRules.CheckTickets(card, 1, 0, -1).Errors).Key);
        Assert.Equal("CultureCard.Desk.TooManyAssistants", Assert.Single(DeskRules.CheckTickets(card, 1, 0, DeskRules.MaxAssistants + 1).Errors).Key);
    }

    // ---- The day of a use ----

    [Fact]
    public void A_use_is_today_or_back_within_the_area_limit_never_in_the_future_nor_before_the_card_was_issued()
    {
        var card = Personal(tweak: c => c.IssuedOn = Today.AddDays(-10));
        Assert.True(DeskRules.CheckDate(Today, Today, 30, card).IsValid);
        Assert.True(DeskRules.CheckDate(Today.AddDays(-10), Today, 30, card).IsValid);
        Assert.Equal("CultureCard.Desk.DateInFuture", Assert.Single(DeskRules.CheckDate(Today.AddDays(1), Today, 30, card).Errors).Key);
        Assert.Equal("CultureCard.Desk.DateBeforeIssue", Assert.Single(DeskRules.CheckDate(Today.AddDays(-11), Today, 30, card).Errors).Key);

        var old = Personal(tweak: c => c.IssuedOn = Today.AddYears(-1));
        Assert.True(DeskRules.CheckDate(Today.AddDays(-7), Today, 7, old).IsValid);
        var tooOld = Assert.Single(DeskRules.CheckDate(Today.AddDays(-8), Today, 7, old).Errors);
        Assert.Equal(("UseDate", "CultureCard.Desk.DateTooOld", 7), (tooOld.Field, tooOld.Key, (int)tooOld.Args[0]));
    }

    // ---- The quota ----

    [Theory]
    [InlineData(null, 1000, 5, true, null)]
    [InlineData(10, 7, 3, true, 3)]
    [InlineData(10, 8, 3, false, 2)]
    [InlineData(10, 10, 1, false, 0)]
    [InlineData(10, 12, 1, false, 0)] // the quota was lowered after tickets were given: none left, never negative
    public void The_quota_counts_adult_and_child_tickets_together(int? quota, int taken, int requested, bool allows, int? remaining)
    {
        Assert.Equal(allows, DeskRules.QuotaAllows(quota, taken, requested));
        Assert.Equal(remaining, DeskRules.Remaining(quota, taken));
    }

    // ---- A second use at the same event ----

    [Fact]
    public void A_second_use_is_the_same_event_or_the_same_name_on_the_same_day_and_a_cancelled_use_does_not_count()
    {
        var eventId = EventId.New();
        var earlier = new CardUse { EventId = eventId, EventName = "Konsertti", UseDate = Today };
        Assert.True(DeskRules.IsSameVisit(earlier, eventId, "Other name", Today.AddDays(1)));
        Assert.True(DeskRules.IsSameVisit(earlier, null, "  konsertti ", Today));
        Assert.False(DeskRules.IsSameVisit(earlier, null, "Konsertti", Today.AddDays(-1)));
        Assert.False(DeskRules.IsSameVisit(earlier, EventId.New(), "Teatteri", Today));
        earlier.CancelledAt = DateTime.UtcNow;
        Assert.False(DeskRules.IsSameVisit(earlier, eventId, "Konsertti", Today));
    }

    // ---- Cancelling ----

    [Fact]
    public void A_use_can_be_cancelled_on_the_Finnish_day_it_was_recorded_and_only_once()
    {
        // Recorded at 23:30 Helsinki time (21:30 UTC in winter): 00:10 the next morning is already another day.
        var recordedAt = HelsinkiTime.ToUtc(Today, new TimeOnly(23, 30));
        CardUse Use() => new() { RecordedAt = recordedAt };

        var sameEvening = Use();
        Assert.True(DeskRules.Cancel(sameEvening, recordedAt.AddMinutes(20), null, CancelReason.WrongCounts).IsOk);
        Assert.Equal(CancelReason.WrongCounts, sameEvening.CancelReason);
        Assert.Equal("CultureCard.Desk.AlreadyCancelled", Assert.Single(DeskRules.Cancel(sameEvening, recordedAt.AddMinutes(25), null, CancelReason.Other).Errors).Key);

        var nextMorning = Use();
        var refused = DeskRules.Cancel(nextMorning, recordedAt.AddMinutes(40), null, CancelReason.WrongCard);
        Assert.Equal("CultureCard.Desk.CancelSameDayOnly", Assert.Single(refused.Errors).Key);
        Assert.False(nextMorning.IsCancelled);
    }

    [Theory]
    [InlineData("00530", "00")]
    [InlineData("33720", "33")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void The_statistics_postal_area_is_the_first_two_digits(string? postalCode, string? area) =>
        Assert.Equal(area, DeskRules.PostalArea(postalCode));
}
