using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vakka.CultureCard.Features.Statistics;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Finnish;
using Vakka.Web;

namespace Vakka.Bench;

/// <summary>
/// Times each database query of the statistics dashboard (national scope and one area) and of the yearly national
/// table, with the app's own services and configuration (Database__Provider, ConnectionStrings__Default). Each
/// handler runs once to warm up, then --runs times (5); a query's time is from sending the command to disposing its
/// reader (server time, network and reading the rows: EF's diagnostic events,
/// taken when the command is sent and when its reader is disposed), and the figure printed is the median over the runs.
/// Usage: StatsRunner [--runs N] [--area "Area name"] [--year YYYY] [--sql file-for-the-query-texts]
/// </summary>
public static partial class StatsRunner
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.HostArgs });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.AddVakka();
        await using var app = builder.Build();

        using var timer = new CommandTimer();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<VakkaDb>();
        var today = HelsinkiTime.Today(TimeProvider.System);
        var year = options.Year ?? today.Year;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);

        var areas = await sp.GetRequiredService<ISiteDirectory>().AreasAsync(CancellationToken.None);
        var area = areas.FirstOrDefault(a => string.Equals(a.Name, options.Area, StringComparison.OrdinalIgnoreCase)) ?? areas.First(a => a.IsActive);
        var uses = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM cc_use").SingleAsync();
        var cards = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM cc_card").SingleAsync();
        Console.WriteLine(FormattableString.Invariant($"Register: {cards:N0} cards, {uses:N0} uses ({db.Provider}); period {from:yyyy-MM-dd}..{to:yyyy-MM-dd}; median of {options.Runs} runs after 1 warm-up"));

        var build = sp.GetRequiredService<BuildDashboard>();
        var yearly = sp.GetRequiredService<NationalYearlyTable>();
        var suites = new (string Name, Func<Task> Run)[]
        {
            ("dashboard national", () => build.HandleAsync(new StatisticsScope(ScopeLevel.National, null, null, "", false), from, to, today, CancellationToken.None)),
            ($"dashboard area {area.Name}", () => build.HandleAsync(new StatisticsScope(ScopeLevel.Area, area.Id, null, area.Name, false), from, to, today, CancellationToken.None)),
            ("yearly national table", () => yearly.HandleAsync(CancellationToken.None)),
        };

        using var sql = options.SqlFile is null ? null : new StreamWriter(options.SqlFile);
        var worst = 0.0;
        foreach (var (name, run) in suites)
        {
            var perRun = new List<List<(string Sql, double Ms)>>();
            var totals = new List<double>();
            for (var i = 0; i <= options.Runs; i++)
            {
                db.ChangeTracker.Clear();
                timer.Clear();
                var watch = Stopwatch.StartNew();
                await run();
                watch.Stop();
                if (i == 0) continue; // warm-up
                totals.Add(watch.Elapsed.TotalMilliseconds);
                perRun.Add(timer.Completed());
            }
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant($"{name}: whole handler {Median(totals),8:0.0} ms (min {totals.Min():0.0}, max {totals.Max():0.0})"));
            var count = perRun.Min(r => r.Count);
            for (var q = 0; q < count; q++)
            {
                var times = perRun.Select(r => r[q].Ms).ToList();
                var median = Median(times);
                worst = Math.Max(worst, median);
                var text = perRun[0][q].Sql;
                Console.WriteLine(FormattableString.Invariant($"  q{q + 1,-2} {median,8:0.0} ms  (min {times.Min(),7:0.0}, max {times.Max(),7:0.0})  {Summary(text)}"));
                sql?.WriteLine(FormattableString.Invariant($"-- {name} q{q + 1}: median {median:0.0} ms\n{text};\n"));
            }
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Slowest query (median): {worst:0.0} ms"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A one-line hint of a query: its main table, filters and grouping.</summary>
    private static string Summary(string sql)
    {
        var flat = Whitespace().Replace(sql, " ").Trim();
        var table = FromTable().Match(flat) is { Success: true } m ? m.Groups[1].Value : "?";
        var group = GroupBy().Match(flat) is { Success: true } g ? " GROUP BY " + g.Groups[1].Value.Trim() : "";
        var text = $"{table}{group}";
        return text.Length > 110 ? text[..110] + "…" : text;
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    [GeneratedRegex(@"FROM (?:""?)(\w+)")] private static partial Regex FromTable();
    [GeneratedRegex(@"GROUP BY (.+?)(?: ORDER BY| HAVING| LIMIT|\)|$)")] private static partial Regex GroupBy();

    private sealed record Options(int Runs, string? Area, int? Year, string? SqlFile, string[] HostArgs)
    {
        public static Options Parse(string[] args)
        {
            int runs = 5; string? area = "Pääkaupunkiseutu"; int? year = null; string? sql = null;
            var rest = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--area": area = args[++i]; break;
                    case "--year": year = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--sql": sql = args[++i]; break;
                    default: rest.Add(args[i]); break;
                }
            }
            return new Options(runs, area, year, sql, rest.ToArray());
        }
    }

    /// <summary>Listens to EF Core's diagnostics: each command's text and the time from sending it to disposing its reader.</summary>
    private sealed class CommandTimer : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable subscription;
        private readonly List<IDisposable> listeners = [];
        private readonly ConcurrentDictionary<Guid, (string Sql, long Start)> texts = new();
        private readonly List<(string Sql, double Ms)> completed = [];

        public CommandTimer() => subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public void Clear()
        {
            lock (completed) completed.Clear();
            texts.Clear();
        }

        public List<(string Sql, double Ms)> Completed()
        {
            lock (completed) return [.. completed];
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name) lock (listeners) listeners.Add(value.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            switch (value.Value)
            {
                case CommandEventData start when value.Key == RelationalEventId.CommandExecuting.Name:
                    texts[start.CommandId] = (Inline(start.Command), Stopwatch.GetTimestamp());
                    break;
                case DataReaderDisposingEventData done:
                    Add(done.CommandId);
                    break;
                case CommandExecutedEventData done when value.Key == RelationalEventId.CommandExecuted.Name && done.Result is not System.Data.Common.DbDataReader:
                    Add(done.CommandId);
                    break;
            }
        }

        /// <summary>The command's text with its parameters written in as literals, so that it can be run with EXPLAIN.</summary>
        private static string Inline(System.Data.Common.DbCommand command)
        {
            var text = command.CommandText;
            foreach (var p in command.Parameters.Cast<System.Data.Common.DbParameter>().OrderByDescending(p => p.ParameterName.Length))
            {
                var literal = p.Value switch
                {
                    null or DBNull => "NULL",
                    int or long or short or decimal or double => Convert.ToString(p.Value, CultureInfo.InvariantCulture)!,
                    bool b => b ? "TRUE" : "FALSE",
                    DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
                    DateTime t => $"TIMESTAMPTZ '{t:yyyy-MM-dd HH:mm:ss.ffffff}Z'",
                    Guid g => $"'{g}'::uuid",
                    Guid[] many => $"ARRAY[{string.Join(", ", many.Select(g => $"'{g}'"))}]::uuid[]",
                    _ => "'" + Convert.ToString(p.Value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'",
                };
                var name = p.ParameterName.StartsWith('@') ? p.ParameterName : "@" + p.ParameterName;
                text = text.Replace(name, literal, StringComparison.Ordinal);
            }
            return text;
        }

        private void Add(Guid command)
        {
            var end = Stopwatch.GetTimestamp();
            if (texts.TryRemove(command, out var started))
                lock (completed) completed.Add((started.Sql, Stopwatch.GetElapsedTime(started.Start, end).TotalMilliseconds));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            subscription.Dispose();
            lock (listeners) foreach (var l in listeners) l.Dispose();
        }
    }
}
