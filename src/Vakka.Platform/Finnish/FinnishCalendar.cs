using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Vakka.Platform.Finnish;

/// <summary>A Finnish public holiday or customary day off. <paramref name="Key"/> is a localisation key such as "Holiday.NewYearsDay".</summary>
public readonly record struct Holiday(DateOnly Date, string Key);

/// <summary>
/// Finnish public holidays and working days.
/// </summary>
/// <remarks>
/// Holidays: New Year's Day 1.1., Epiphany 6.1., Good Friday, Easter Sunday, Easter Monday, May Day 1.5.,
/// Ascension Day (Easter + 39), Whit Sunday (Easter + 49), Midsummer Eve (Friday 19–25 June), Midsummer Day
/// (Saturday 20–26 June), All Saints' Day (Saturday 31 Oct – 6 Nov), Independence Day 6.12., Christmas Eve 24.12.,
/// Christmas Day 25.12. and Boxing Day 26.12. Midsummer Eve and Christmas Eve are not statutory holidays but are
/// treated as days off. These rules have been in force since 1991; they are applied to every year (proleptically),
/// so results for earlier years do not reflect the historical calendar.
/// Working days are Monday–Friday that are not holidays; Saturdays and Sundays are never working days.
/// <see cref="IsHoliday"/> is true only for the days listed by <see cref="HolidaysOf"/>, not for every Sunday.
/// Easter is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
/// Two holidays may fall on the same day (1.5.2008 was both May Day and Ascension Day); both are listed.
/// Years <see cref="MinYear"/>–<see cref="MaxYear"/> are supported; other years throw <see cref="ArgumentOutOfRangeException"/>.
/// All members are pure and thread-safe; holiday lists are cached per year.
/// </remarks>
public static class FinnishCalendar
{
    /// <summary>Localisation keys of the holidays.</summary>
    public static class Keys
    {
        public const string NewYearsDay = "Holiday.NewYearsDay";
        public const string Epiphany = "Holiday.Epiphany";
        public const string GoodFriday = "Holiday.GoodFriday";
        public const string EasterSunday = "Holiday.EasterSunday";
        public const string EasterMonday = "Holiday.EasterMonday";
        public const string MayDay = "Holiday.MayDay";
        public const string AscensionDay = "Holiday.AscensionDay";
        public const string WhitSunday = "Holiday.WhitSunday";
        public const string MidsummerEve = "Holiday.MidsummerEve";
        public const string MidsummerDay = "Holiday.MidsummerDay";
        public const string AllSaintsDay = "Holiday.AllSaintsDay";
        public const string IndependenceDay = "Holiday.IndependenceDay";
        public const string ChristmasEve = "Holiday.ChristmasEve";
        public const string ChristmasDay = "Holiday.ChristmasDay";
        public const string BoxingDay = "Holiday.BoxingDay";
    }

    /// <summary>First year supported (the Gregorian Easter algorithm is defined from 1583).</summary>
    public const int MinYear = 1583;

    /// <summary>Last year supported (<see cref="DateOnly.MaxValue"/>).</summary>
    public const int MaxYear = 9999;

    private static readonly ConcurrentDictionary<int, ReadOnlyCollection<Holiday>> Cache = new();

    /// <summary>Easter Sunday of <paramref name="year"/> (Gregorian calendar).</summary>
    public static DateOnly EasterSunday(int year)
    {
        CheckYear(year);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The holidays of <paramref name="year"/>, ordered by date.</summary>
    public static IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        CheckYear(year);
        return Cache.GetOrAdd(year, static y => Compute(y));
    }

    /// <summary>True when <paramref name="date"/> is one of the holidays in <see cref="HolidaysOf"/>.</summary>
    public static bool IsHoliday(DateOnly date) => HolidayOn(date) is not null;

    /// <summary>The holiday on <paramref name="date"/>, or null.</summary>
    public static Holiday? HolidayOn(DateOnly date)
    {
        foreach (var holiday in HolidaysOf(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>True for Monday–Friday that is not a holiday.</summary>
    public static bool IsWorkingDay(DateOnly date)
        => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start itself is not counted):
    /// "two working days after Thursday 2.4.2026" is Wednesday 8.4.2026. For 0 the result is <paramref name="start"/> if it
    /// is a working day, otherwise the next working day. A negative value counts backwards the same way
    /// (−1 is the last working day before <paramref name="start"/>).
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays == 0)
        {
            var d = start;
            while (!IsWorkingDay(d))
            {
                d = d.AddDays(1);
            }

            return d;
        }

        var step = workingDays > 0 ? 1 : -1;
        var remaining = Math.Abs((long)workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>.
    /// When <paramref name="toInclusive"/> is earlier, the result is negative: minus the number of working days d with
    /// <paramref name="toInclusive"/> ≤ d &lt; <paramref name="fromExclusive"/>, so that
    /// <c>WorkingDaysBetween(s, AddWorkingDays(s, n)) == n</c> for every n ≠ 0.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive == fromExclusive)
        {
            return 0;
        }

        if (toInclusive < fromExclusive)
        {
            return -CountWorkingDays(toInclusive, fromExclusive.AddDays(-1));
        }

        return CountWorkingDays(fromExclusive.AddDays(1), toInclusive);
    }

    /// <summary>Working days in the closed range [first, last], first ≤ last.</summary>
    private static int CountWorkingDays(DateOnly first, DateOnly last)
    {
        // Whole weeks contain exactly five weekdays; holidays are subtracted per year from the cached lists.
        var totalDays = last.DayNumber - first.DayNumber + 1;
        var weekdays = (totalDays / 7) * 5;
        for (var d = first.AddDays(totalDays / 7 * 7); d <= last; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays++;
            }
        }

        var holidaysOnWeekdays = 0;
        for (var year = first.Year; year <= last.Year; year++)
        {
            DateOnly? previous = null;
            foreach (var holiday in HolidaysOf(year))
            {
                // The list is ordered by date and two holidays can share a day (May Day and Ascension Day in 2008).
                if (holiday.Date != previous
                    && holiday.Date >= first && holiday.Date <= last
                    && holiday.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    holidaysOnWeekdays++;
                }

                previous = holiday.Date;
            }
        }

        return weekdays - holidaysOnWeekdays;
    }

    private static ReadOnlyCollection<Holiday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var midsummerDay = FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday);
        var allSaintsDay = FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday);

        Holiday[] holidays =
        [
            new(new DateOnly(year, 1, 1), Keys.NewYearsDay),
            new(new DateOnly(year, 1, 6), Keys.Epiphany),
            new(easter.AddDays(-2), Keys.GoodFriday),
            new(easter, Keys.EasterSunday),
            new(easter.AddDays(1), Keys.EasterMonday),
            new(new DateOnly(year, 5, 1), Keys.MayDay),
            new(easter.AddDays(39), Keys.AscensionDay),
            new(easter.AddDays(49), Keys.WhitSunday),
            new(midsummerDay.AddDays(-1), Keys.MidsummerEve),
            new(midsummerDay, Keys.MidsummerDay),
            new(allSaintsDay, Keys.AllSaintsDay),
            new(new DateOnly(year, 12, 6), Keys.IndependenceDay),
            new(new DateOnly(year, 12, 24), Keys.ChristmasEve),
            new(new DateOnly(year, 12, 25), Keys.ChristmasDay),
            new(new DateOnly(year, 12, 26), Keys.BoxingDay),
        ];

        // Stable sort by date. Two holidays can fall on the same day (1.5.2008 was both May Day and Ascension Day);
        // both stay in the list in the order above.
        var ordered = holidays.OrderBy(h => h.Date).ToArray();
        return Array.AsReadOnly(ordered);
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek dayOfWeek)
        => date.AddDays(((int)dayOfWeek - (int)date.DayOfWeek + 7) % 7);

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
    }
}
