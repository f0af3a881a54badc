using System.Globalization;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Areas.Archive.Pages;

/// <summary>What the archive's pages show of codes and times: code-list names with their codes, Helsinki times.</summary>
public static class ArchivePageTexts
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>"19005 Merkintä tapaamisesta…" (the code-list name is Finnish, as the national code list gives it).</summary>
    public static string DocumentType(string system, string code)
    {
        var list = system == CdaConstants.DocumentGroupSystem ? CodeLists.Instance.DocumentGroups : CodeLists.Instance.DocumentTypes;
        return list.Find(code) is { } entry ? $"{code} {entry.Name}" : code;
    }

    public static string ServiceTask(string code) => CodeLists.Instance.ServiceTasks.Find(code) is { } entry ? $"{code} {entry.Name}" : code;

    public static string AuthorRole(string code) => CodeLists.Instance.AuthorRoles.Find(code) is { } entry ? $"{code} {entry.Name}" : code;

    public static string Confidentiality(string code) => CodeLists.Instance.Confidentiality.Find(code) is { } entry ? $"{code} {entry.Name}" : code;

    /// <summary>The client's henkilötunnus as pages show it: "010181-****".</summary>
    public static string Masked(string hetu) => PersonalIdentityCode.TryParse(hetu, out var code, out _) ? code.Masked : "***********";

    /// <summary>A UTC time as Helsinki local time, "2025-03-12 14:30".</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Helsinki).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
