using Vakka.Platform.Finnish;

namespace Vakka.Tests.Platform;

public class FinnishCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    // Published Finnish holiday calendars (almanakka), written out by hand rather than computed.
    public static TheoryData<int, string[]> PublishedCalendars => new()
    {
        {
            2023,
            [
                "2023-01-01 NewYearsDay", "2023-01-06 Epiphany", "2023-04-07 GoodFriday", "2023-04-09 EasterSunday",
                "2023-04-10 EasterMonday", "2023-05-01 MayDay", "2023-05-18 AscensionDay", "2023-05-28 WhitSunday",
                "2023-06-23 MidsummerEve", "2023-06-24 MidsummerDay", "2023-11-04 AllSaintsDay", "2023-12-06 IndependenceDay",
                "2023-12-24 ChristmasEve", "2023-12-25 ChristmasDay", "2023-12-26 BoxingDay",
            ]
        },
        {
            2024,
            [
                "2024-01-01 NewYearsDay", "2024-01-06 Epiphany", "2024-03-29 GoodFriday", "2024-03-31 EasterSunday",
                "2024-04-01 EasterMonday", "2024-05-01 MayDay", "2024-05-09 AscensionDay", "2024-05-19 WhitSunday",
                "2024-06-21 MidsummerEve", "2024-06-22 MidsummerDay", "2024-11-02 AllSaintsDay", "2024-12-06 IndependenceDay",
                "2024-12-24 ChristmasEve", "2024-12-25 ChristmasDay", "2024-12-26 BoxingDay",
            ]
        },
        {
            2025,
            [
                "2025-01-01 NewYearsDay", "2025-01-06 Epiphany", "2025-04-18 GoodFriday", "2025-04-20 EasterSunday",
                "2025-04-21 EasterMonday", "2025-05-01 MayDay", "2025-05-29 AscensionDay", "2025-06-08 WhitSunday",
                "2025-06-20 MidsummerEve", "2025-06-21 MidsummerDay", "2025-11-01 AllSaintsDay", "2025-12-06 IndependenceDay",
                "2025-12-24 ChristmasEve", "2025-12-25 ChristmasDay", "2025-12-26 BoxingDay",
            ]
        },
        {
            2026,
            [
                "2026-01-01 NewYearsDay", "2026-01-06 Epiphany", "2026-04-03 GoodFriday", "2026-04-05 EasterSunday",
                "2026-04-06 EasterMonday", "2026-05-01 MayDay", "2026-05-14 AscensionDay", "2026-05-24 WhitSunday",
                "2026-06-19 MidsummerEve", "2026-06-20 MidsummerDay", "2026-10-31 AllSaintsDay", "2026-12-06 IndependenceDay",
                "2026-12-24 ChristmasEve", "2026-12-25 ChristmasDay", "2026-12-26 BoxingDay",
            ]
        },
        {
            2027,
            [
                "2027-01-01 NewYearsDay", "2027-01-06 Epiphany", "2027-03-26 GoodFriday", "2027-03-28 EasterSunday",
                "2027-03-29 EasterMonday", "2027-05-01 MayDay", "2027-05-06 AscensionDay", "2027-05-16 WhitSunday",
                "2027-06-25 MidsummerEve", "2027-06-26 MidsummerDay", "2027-11-06 AllSaintsDay", "2027-12-06 IndependenceDay",
                "2027-12-24 ChristmasEve", "2027-12-25 ChristmasDay", "2027-12-26 BoxingDay",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(PublishedCalendars))]
    public void HolidaysOf_matches_published_calendar(int year, string[] expected)
    {
        var actual = FinnishCalendar.HolidaysOf(year)
            .Select(h => $"{h.Date:yyyy-MM-dd} {h.Key["Holiday.".Length..]}")
            .ToArray();
        Assert.Equal(expected, actual);
        Assert.All(FinnishCalendar.HolidaysOf(year), h => Assert.StartsWith("Holiday.", h.Key));
    }

    [Theory]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")] // latest possible date
    [InlineData(2285, "2285-03-22")] // earliest possible date
    [InlineData(1818, "1818-03-22")]
    [InlineData(1961, "1961-04-02")]
    public void EasterSunday_uses_gregorian_computus(int year, string expected)
    {
        Assert.Equal(D(expected), FinnishCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData("2024-06-22")]
    [InlineData("2025-06-21")]
    [InlineData("2026-06-20")]
    public void Midsummer_day_is_the_saturday_between_20_and_26_june(string iso)
    {
        var d = D(iso);
        Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek);
        Assert.Contains(new Holiday(d, FinnishCalendar.Keys.MidsummerDay), FinnishCalendar.HolidaysOf(d.Year));
        Assert.Contains(new Holiday(d.AddDays(-1), FinnishCalendar.Keys.MidsummerEve), FinnishCalendar.HolidaysOf(d.Year));
    }

    [Theory]
    [InlineData("2024-11-02")]
    [InlineData("2025-11-01")]
    [InlineData("2026-10-31")]
    public void All_saints_day_is_the_saturday_between_31_october_and_6_november(string iso)
    {
        var d = D(iso);
        Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek);
        Assert.Contains(new Holiday(d, FinnishCalendar.Keys.AllSaintsDay), FinnishCalendar.HolidaysOf(d.Year));
    }

    [Fact]
    public void Floating_holidays_stay_in_their_windows_for_many_years()
    {
        for (var year = 1991; year <= 2100; year++)
        {
            var byKey = FinnishCalendar.HolidaysOf(year).ToDictionary(h => h.Key, h => h.Date);
            Assert.Equal(15, byKey.Count);

            var eve = byKey[FinnishCalendar.Keys.MidsummerEve];
            Assert.Equal(DayOfWeek.Friday, eve.DayOfWeek);
            Assert.InRange(eve, new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));

            var midsummer = byKey[FinnishCalendar.Keys.MidsummerDay];
            Assert.Equal(DayOfWeek.Saturday, midsummer.DayOfWeek);
            Assert.InRange(midsummer, new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));

            var allSaints = byKey[FinnishCalendar.Keys.AllSaintsDay];
            Assert.Equal(DayOfWeek.Saturday, allSaints.DayOfWeek);
            Assert.InRange(allSaints, new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));

            var easter = byKey[FinnishCalendar.Keys.EasterSunday];
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
            Assert.Equal(DayOfWeek.Friday, byKey[FinnishCalendar.Keys.GoodFriday].DayOfWeek);
            Assert.Equal(DayOfWeek.Monday, byKey[FinnishCalendar.Keys.EasterMonday].DayOfWeek);
            Assert.Equal(DayOfWeek.Thursday, byKey[FinnishCalendar.Keys.AscensionDay].DayOfWeek);
            Assert.Equal(DayOfWeek.Sunday, byKey[FinnishCalendar.Keys.WhitSunday].DayOfWeek);
        }
    }

    [Fact]
    public void Holidays_are_ordered_and_the_list_is_read_only()
    {
        var list = FinnishCalendar.HolidaysOf(2026);
        Assert.Equal(list.OrderBy(h => h.Date), list);
        Assert.Throws<NotSupportedException>(() => ((IList<Holiday>)list).Add(new Holiday(D("2026-07-01"), "X")));
        Assert.Same(list, FinnishCalendar.HolidaysOf(2026)); // cached
    }

    [Fact]
    public void May_day_and_ascension_day_can_coincide()
    {
        // Easter 2008 was 23 March, so Ascension Day fell on 1 May.
        var onMayFirst = FinnishCalendar.HolidaysOf(2008).Where(h => h.Date == D("2008-05-01")).Select(h => h.Key);
        Assert.Equal(new[] { FinnishCalendar.Keys.MayDay, FinnishCalendar.Keys.AscensionDay }, onMayFirst);
        Assert.Equal(1, FinnishCalendar.WorkingDaysBetween(D("2008-04-30"), D("2008-05-02")));
        Assert.Equal(D("2008-05-02"), FinnishCalendar.AddWorkingDays(D("2008-04-30"), 1));
    }

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-01-06", true)]
    [InlineData("2026-04-03", true)]  // Good Friday
    [InlineData("2026-04-04", false)] // Easter Saturday is not a holiday (but is a Saturday)
    [InlineData("2026-04-05", true)]
    [InlineData("2026-04-06", true)]
    [InlineData("2026-05-01", true)]
    [InlineData("2026-05-14", true)]
    [InlineData("2026-06-19", true)]  // Midsummer Eve
    [InlineData("2026-06-20", true)]
    [InlineData("2026-10-31", true)]
    [InlineData("2026-11-01", false)] // the fixed date is not All Saints' Day
    [InlineData("2026-12-06", true)]
    [InlineData("2026-12-24", true)]
    [InlineData("2026-12-31", false)] // New Year's Eve is an ordinary working day
    [InlineData("2026-04-30", false)] // May Day Eve is an ordinary working day
    [InlineData("2026-04-12", false)] // an ordinary Sunday is not a named holiday
    [InlineData("2026-06-24", false)] // the old fixed Midsummer date
    public void IsHoliday(string iso, bool expected)
    {
        Assert.Equal(expected, FinnishCalendar.IsHoliday(D(iso)));
    }

    [Fact]
    public void HolidayOn_returns_the_key()
    {
        Assert.Equal(FinnishCalendar.Keys.IndependenceDay, FinnishCalendar.HolidayOn(D("2025-12-06"))?.Key);
        Assert.Null(FinnishCalendar.HolidayOn(D("2025-12-05")));
    }

    [Theory]
    [InlineData("2026-04-02", true)]  // Maundy Thursday is a working day
    [InlineData("2026-04-03", false)] // Good Friday
    [InlineData("2026-04-04", false)] // Saturday
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2026-04-07", true)]
    [InlineData("2026-04-11", false)] // Saturday
    [InlineData("2026-04-12", false)] // Sunday
    [InlineData("2026-06-18", true)]
    [InlineData("2026-06-19", false)] // Midsummer Eve
    [InlineData("2026-06-22", true)]
    [InlineData("2025-12-23", true)]
    [InlineData("2025-12-24", false)]
    [InlineData("2025-12-26", false)]
    [InlineData("2025-12-29", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-02", true)]
    [InlineData("2024-12-06", false)] // Independence Day on a Friday
    [InlineData("2025-01-06", false)] // Epiphany on a Monday
    public void IsWorkingDay(string iso, bool expected)
    {
        Assert.Equal(expected, FinnishCalendar.IsWorkingDay(D(iso)));
    }

    [Theory]
    // Easter 2026: Good Friday 3.4., Easter Monday 6.4.
    [InlineData("2026-04-02", 2, "2026-04-08")] // Thursday + 2 → Wednesday
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-01", 1, "2026-04-02")]
    [InlineData("2026-04-03", 1, "2026-04-07")] // starting on a holiday
    [InlineData("2026-04-04", 1, "2026-04-07")] // starting on a Saturday
    [InlineData("2026-04-02", 5, "2026-04-13")]
    // Ascension Day 14.5.2026
    [InlineData("2026-05-13", 1, "2026-05-15")]
    // Midsummer: Eve is a Friday
    [InlineData("2026-06-18", 1, "2026-06-22")]
    [InlineData("2025-06-19", 1, "2025-06-23")]
    [InlineData("2025-06-19", 2, "2025-06-24")]
    // Christmas 2025: 24.–26.12. Wed–Fri, then New Year's Day Thursday and Epiphany Tuesday
    [InlineData("2025-12-23", 1, "2025-12-29")]
    [InlineData("2025-12-23", 2, "2025-12-30")]
    [InlineData("2025-12-23", 3, "2025-12-31")]
    [InlineData("2025-12-23", 4, "2026-01-02")]
    [InlineData("2025-12-23", 5, "2026-01-05")]
    [InlineData("2025-12-23", 6, "2026-01-07")]
    // Independence Day 2024 on a Friday, Christmas 2024 Tue–Thu
    [InlineData("2024-12-05", 1, "2024-12-09")]
    [InlineData("2024-12-20", 2, "2024-12-27")]
    // Zero: the start itself if it is a working day, otherwise the next one
    [InlineData("2026-04-02", 0, "2026-04-02")]
    [InlineData("2026-04-03", 0, "2026-04-07")]
    [InlineData("2026-04-04", 0, "2026-04-07")]
    [InlineData("2025-12-24", 0, "2025-12-29")]
    [InlineData("2026-06-19", 0, "2026-06-22")]
    // Negative: counting backwards, start not counted
    [InlineData("2026-04-08", -2, "2026-04-02")]
    [InlineData("2026-04-07", -1, "2026-04-02")]
    [InlineData("2026-04-06", -1, "2026-04-02")]
    [InlineData("2025-12-29", -1, "2025-12-23")]
    [InlineData("2026-01-07", -1, "2026-01-05")]
    [InlineData("2026-01-07", -3, "2025-12-31")]
    [InlineData("2026-06-22", -1, "2026-06-18")]
    public void AddWorkingDays(string start, int n, string expected)
    {
        Assert.Equal(D(expected), FinnishCalendar.AddWorkingDays(D(start), n));
    }

    [Theory]
    [InlineData("2026-04-02", "2026-04-08", 2)]
    [InlineData("2026-04-08", "2026-04-02", -2)]
    [InlineData("2026-04-02", "2026-04-02", 0)]
    [InlineData("2026-04-02", "2026-04-06", 0)] // Good Friday .. Easter Monday: none
    [InlineData("2026-04-03", "2026-04-07", 1)]
    [InlineData("2025-12-23", "2026-01-07", 6)]
    [InlineData("2025-12-31", "2026-12-31", 252)] // all of 2026
    [InlineData("2024-12-31", "2025-12-31", 251)] // all of 2025
    [InlineData("2023-12-31", "2024-12-31", 252)] // all of 2024 (leap year)
    [InlineData("2022-12-31", "2023-12-31", 251)] // all of 2023
    [InlineData("2026-12-31", "2027-12-31", 253)] // all of 2027
    public void WorkingDaysBetween(string fromExclusive, string toInclusive, int expected)
    {
        Assert.Equal(expected, FinnishCalendar.WorkingDaysBetween(D(fromExclusive), D(toInclusive)));
    }

    [Fact]
    public void WorkingDaysBetween_agrees_with_day_by_day_count()
    {
        var first = D("2023-12-01");
        for (var offset = 0; offset < 800; offset += 7)
        {
            var from = first.AddDays(offset % 61);
            var to = from.AddDays(offset / 3);
            var expected = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                if (FinnishCalendar.IsWorkingDay(d))
                {
                    expected++;
                }
            }

            Assert.Equal(expected, FinnishCalendar.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void AddWorkingDays_and_WorkingDaysBetween_round_trip()
    {
        for (var start = D("2025-12-15"); start <= D("2026-01-15"); start = start.AddDays(1))
        {
            for (var n = -15; n <= 15; n++)
            {
                var result = FinnishCalendar.AddWorkingDays(start, n);
                Assert.True(FinnishCalendar.IsWorkingDay(result), $"{start} {n} → {result}");
                if (n != 0)
                {
                    Assert.Equal(n, FinnishCalendar.WorkingDaysBetween(start, result));
                }
            }
        }
    }

    [Fact]
    public void Weekends_are_never_working_days()
    {
        for (var d = D("2023-01-01"); d <= D("2027-12-31"); d = d.AddDays(1))
        {
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Assert.False(FinnishCalendar.IsWorkingDay(d));
            }
            else
            {
                Assert.Equal(!FinnishCalendar.IsHoliday(d), FinnishCalendar.IsWorkingDay(d));
            }
        }
    }

    [Fact]
    public void Concurrent_use_is_safe()
    {
        var results = new IReadOnlyList<Holiday>[200];
        Parallel.For(0, results.Length, i => results[i] = FinnishCalendar.HolidaysOf(2200 + (i % 20)));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Same(FinnishCalendar.HolidaysOf(2200 + (i % 20)), results[i]);
        }
    }

    [Fact]
    public void Unsupported_years_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FinnishCalendar.HolidaysOf(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => FinnishCalendar.HolidaysOf(10000));
        Assert.Throws<ArgumentOutOfRangeException>(() => FinnishCalendar.EasterSunday(0));
    }

    [Fact]
    public void Every_holiday_key_has_texts()
    {
        ValidationTexts.AssertHasTexts(typeof(FinnishCalendar.Keys));
        foreach (var holiday in FinnishCalendar.HolidaysOf(2026))
        {
            ValidationTexts.AssertHasText(holiday.Key);
        }
    }
}
