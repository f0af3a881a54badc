using System.Globalization;
using System.Text;
using Vakka.Cda;
using Vakka.Platform.Finnish;

namespace Vakka.Archive.Features.Migration;

/// <summary>
/// Generates a legacy export in the migration's input format (design §g.1, §h): <c>metadata.csv</c>, the text files under
/// <c>content/</c> (sharded in sub-folders of 1,000), and a <c>mapping.csv</c> of 390 rows (130 old document types in
/// three old services, as the Vaasa pilot's table had, seed 001), dated from 2008 on. Clients have test henkilötunnus
/// values (individual numbers 900–999). Deterministic for a seed. <paramref name="Faulty"/> is the share of records
/// made wrong on purpose (an unmapped type, a wrong check character, a missing file), so a dry run has something to report.
/// </summary>
public sealed record LegacyVolume(int Documents, int Clients, int TextBytes = 2000, double Faulty = 0, int Seed = 2026, int FromYear = 2008, int ToYear = 2026);

public static class LegacyGenerator
{
    public static readonly string[] OldServices = ["AIK", "LAS", "VAM"];

    private static readonly string[] OldTypeStems =
    [
        "Asiakaskertomus", "Muistio", "Tapaaminen", "Puhelu", "Kotikäynti", "Päätös", "Hakemus", "Selvitys", "Suunnitelma", "Arvio",
        "Lausunto", "Ilmoitus", "Sopimus", "Kirje", "Yhteenveto", "Tarkistus", "Palaveri", "Neuvottelu", "Lähete", "Tiedote",
        "Työnohjaus", "Seuranta", "Loppuarvio", "Alkuarvio", "Kartoitus", "Verkostokokous",
    ];

    private static readonly string[] Words =
    [
        "asiakas", "tapasi", "työntekijän", "toimistolla", "kertoi", "tilanteestaan", "sovittiin", "seuraavasta", "tapaamisesta", "perhe",
        "tukea", "arjessa", "palvelutarve", "arvioitiin", "yhdessä", "asunto", "toimeentulo", "koulu", "terveys", "verkosto", "päätös",
        "haettu", "myönnetty", "jatketaan", "suunnitelman", "mukaisesti", "puhelimitse", "sovittu", "kotikäynti", "viikolla", "lapsi",
        "huoltaja", "yhteistyö", "hyvin", "sujunut", "tarvitsee", "lisää", "ohjausta", "asiointiin", "ja", "on", "ei", "että", "myös",
    ];

    /// <summary>Writes the export into <paramref name="folder"/> (created; must be empty); returns how many records were written.</summary>
    public static int Write(string folder, Oid registrar, LegacyVolume volume, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFileSystemEntries(folder).Any()) throw new IOException($"{folder} is not empty.");
        var random = new Random(volume.Seed);
        var types = CodeLists.Instance.DocumentTypes.Entries.Where(e => e.StructureOid is not null).OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();
        var tasks = CodeLists.Instance.ServiceTasks.Entries.Select(e => e.Code).Order(StringComparer.Ordinal).ToArray();
        var oldTypes = Enumerable.Range(0, 130).Select(i => $"{OldTypeStems[i % OldTypeStems.Length]}-{i / OldTypeStems.Length + 1}").ToArray();

        using (var mapping = new StreamWriter(Path.Combine(folder, "mapping.csv"), false, new UTF8Encoding(false)))
        {
            mapping.Write(string.Join(',', MappingTable.Columns) + "\n");
            foreach (var oldType in oldTypes)
            {
                var type = types[random.Next(types.Length)].Code;
                foreach (var service in OldServices)
                {
                    var task = service switch { "LAS" => "10", "VAM" => "20", _ => tasks[random.Next(tasks.Length)] };
                    mapping.Write($"{oldType},{service},{type},{task},,,,\n");
                }
            }
        }

        var clients = Enumerable.Range(0, volume.Clients).Select(TestHetu).ToArray();
        var unit = $"{registrar.Value}.10.3";
        var today = volume.ToYear;
        var text = new StringBuilder(volume.TextBytes + 100);
        string? shardMade = null;
        using var metadata = new StreamWriter(Path.Combine(folder, LegacyMetadata.CsvName), false, new UTF8Encoding(false), 1 << 16);
        metadata.Write("old_document_id,client_hetu,old_document_type,old_service,created_at,completed_on,case_id,case_closed_on,author_id,unit_oid,title,content_path\n");
        for (var n = 1; n <= volume.Documents; n++)
        {
            if ((n & 1023) == 0) ct.ThrowIfCancellationRequested();
            var client = random.Next(clients.Length);
            var hetu = clients[client];
            var oldType = oldTypes[random.Next(oldTypes.Length)];
            var service = OldServices[random.Next(OldServices.Length)];
            var year = volume.FromYear + random.Next(Math.Max(1, today - volume.FromYear));
            var created = new DateTime(year, 1 + random.Next(12), 1 + random.Next(28), 8 + random.Next(9), random.Next(60), 0);
            // One case per client and old service (a client has one to three); about two thirds of them are closed, on a
            // date of their own (the same on each of the case's records).
            var caseId = $"{service}-{client}";
            var caseHash = (uint)((client * 3 + Array.IndexOf(OldServices, service)) ^ volume.Seed) * 2654435761u;
            var closed = caseHash % 3 > 0 ? $"{today - 1 - (int)(caseHash / 3 % 8)}-06-30" : "";
            var shard = $"{n / 1_000_000:D2}/{n / 1000 % 1000:D3}";
            var path = $"{shard}/{n:D8}.txt";

            var fault = volume.Faulty > 0 && random.NextDouble() < volume.Faulty ? random.Next(3) : -1;
            if (fault == 0) oldType = "Tuntematon-" + random.Next(5);
            if (fault == 1) hetu = hetu[..10] + (hetu[10] == 'A' ? 'B' : 'A');
            metadata.Write($"EFF-{n:D8},{hetu},{oldType},{service},{created:yyyy-MM-ddTHH:mm:ss},{created:yyyy-MM-dd},{caseId},{closed},,{unit},,{path}\n");

            if (fault == 2) continue; // the file is missing
            var directory = Path.Combine(folder, LegacyMetadata.ContentFolder, shard);
            if (shardMade != shard) Directory.CreateDirectory(directory);
            shardMade = shard;
            text.Clear();
            text.Append(oldType).Append(' ').Append(created.ToString("d.M.yyyy", CultureInfo.InvariantCulture)).Append('\n');
            while (text.Length < volume.TextBytes)
            {
                text.Append(Words[random.Next(Words.Length)]);
                text.Append(random.Next(12) == 0 ? ".\n" : " ");
            }
            File.WriteAllText(Path.Combine(directory, $"{n:D8}.txt"), text.ToString(), Encoding.UTF8);
        }
        return volume.Documents;
    }

    /// <summary>A valid test henkilötunnus (individual number 900–999), distinct for each <paramref name="i"/> below 3.6 million.</summary>
    public static string TestHetu(int i)
    {
        var individual = 900 + i % 100;
        var dayIndex = i / 100;
        var birth = new DateOnly(1930, 1, 1).AddDays(dayIndex % 32_000);
        var sign = birth.Year >= 2000 ? 'A' : '-';
        var digits = int.Parse($"{birth:ddMMyy}{individual:D3}", CultureInfo.InvariantCulture);
        return $"{birth:ddMMyy}{sign}{individual:D3}{"0123456789ABCDEFHJKLMNPRSTUVWXY"[digits % 31]}";
    }
}
