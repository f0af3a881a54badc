using System.Globalization;
using Vakka.Platform.Finnish;

namespace Vakka.Cda;

/// <summary>
/// HL7 TS values as the Finnish header uses them: <c>yyyyMMddHHmmss</c> in Finnish time without an offset (SWA §2).
/// The reader also accepts an explicit <c>±hhmm</c> offset [Vakka decision] and shorter precisions down to a day.
/// </summary>
public static class CdaTime
{
    /// <summary>Formats as Helsinki local time, <c>yyyyMMddHHmmss</c>.</summary>
    public static string Format(DateTimeOffset value)
    {
        var local = TimeZoneInfo.ConvertTime(value, HelsinkiTime.Zone);
        return local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a TS value; without an offset the value is Helsinki local time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var offsetAt = s.IndexOfAny(['+', '-']);
        var local = offsetAt < 0 ? s : s[..offsetAt];
        string[] formats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMddHH", "yyyyMMdd"];
        if (!DateTime.TryParseExact(local, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return false;
        }

        if (offsetAt < 0)
        {
            if (HelsinkiTime.Zone.IsInvalidTime(dateTime))
            {
                return false;
            }

            value = new DateTimeOffset(dateTime, HelsinkiTime.Zone.GetUtcOffset(dateTime));
            return true;
        }

        var offset = s[offsetAt..];
        if (offset.Length != 5
            || !int.TryParse(offset.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(offset.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }

        var span = new TimeSpan(hours, minutes, 0);
        value = new DateTimeOffset(dateTime, offset[0] == '-' ? -span : span);
        return true;
    }
}
