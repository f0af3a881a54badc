namespace Vakka.Platform.Finnish;

/// <summary>The database keeps UTC; people see Finnish time (Europe/Helsinki), whatever the server's zone.</summary>
public static class HelsinkiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateOnly day, TimeOnly time = default) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));
}

/// <summary>Showing stored UTC times in pages: Helsinki time, formatted in the user's language.</summary>
public static class TimeDisplay
{
    public static string Local(this DateTime utc, string format = "g") =>
        HelsinkiTime.ToLocal(utc).ToString(format, System.Globalization.CultureInfo.CurrentCulture);

    public static string Local(this DateTime? utc, string format = "g") => utc is { } t ? t.Local(format) : "–";
}
