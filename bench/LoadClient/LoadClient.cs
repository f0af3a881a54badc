using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Vakka.Bench;

/// <summary>
/// Open-model load at a fixed rate (what wrk2 does, which Debian does not ship): request i is due at start + i/rate,
/// is sent at that moment whether or not earlier requests have answered, and its latency is measured from the moment
/// it was due, so a stall of the server (or of this client) counts fully against the latency (no coordinated omission).
/// Modes (each request for a random line of the values file):
/// <list type="bullet">
/// <item><c>mixed</c>, <c>get</c>, <c>post</c> (Kaikukortti, <c>--codes</c>): GET /api/v1/culturecard/cards/{code} and
/// POST /api/v1/culturecard/uses (unique Idempotency-Key and event name, no children), alternating in <c>mixed</c>;</item>
/// <item><c>archive-query</c> (archive, <c>--clients</c>: henkilötunnus values): POST /api/v1/archive/documents/query
/// <c>{"client": …}</c>, the client's current documents, newest first (the API's default page of 100).</item>
/// </list>
/// Usage: LoadClient --url http://127.0.0.1:5090 --key API-KEY (--codes codes.txt | --clients clients.txt) [--rate 200] [--duration 60] [--warmup 5] [--mode mixed|get|post|archive-query]
/// </summary>
public static class LoadClient
{
    private const string Usage = "Usage: LoadClient --url http://127.0.0.1:5090 --key API-KEY (--codes codes.txt | --clients clients.txt) [--rate 200] [--duration 60] [--warmup 5] [--mode mixed|get|post|archive-query]";

    public static async Task<int> Main(string[] args)
    {
        var o = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) o[args[i]] = args[i + 1];
        var mode = o.GetValueOrDefault("--mode", "mixed");
        var archive = mode == "archive-query";
        if (!o.TryGetValue("--url", out var url) || !o.TryGetValue("--key", out var key) || !o.TryGetValue(archive ? "--clients" : "--codes", out var valuesFile)
            || mode is not ("mixed" or "get" or "post" or "archive-query"))
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }
        var rate = double.Parse(o.GetValueOrDefault("--rate", "200"), CultureInfo.InvariantCulture);
        var duration = double.Parse(o.GetValueOrDefault("--duration", "60"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(o.GetValueOrDefault("--warmup", "5"), CultureInfo.InvariantCulture);
        var values = File.ReadAllLines(valuesFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var run = $"{DateTime.UtcNow:HHmmss}-{Environment.ProcessId}";

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None, ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var total = (int)Math.Round((warmup + duration) * rate);
        var measuredFrom = (int)Math.Round(warmup * rate);
        var results = new Result[total];
        var pending = new List<Task>(total);
        var random = new Random(42);
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var late = 0L;

        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            while (true)
            {
                var wait = due - Stopwatch.GetTimestamp();
                if (wait <= 0) break;
                // Sleep while more than 1.2 ms remain (Linux wakes a 1 ms sleep after ~1.1 ms), then yield the core until
                // the request is due: the client must not spin on a core the app and PostgreSQL need (2 cores in all).
                if (wait > Stopwatch.Frequency * 12 / 10_000) Thread.Sleep(1); else Thread.Yield();
            }
            late = Math.Max(late, Stopwatch.GetTimestamp() - due);
            var request = Request(mode, i, values[random.Next(values.Length)], $"{run}-{i}");
            var index = i;
            pending.Add(Task.Run(() => SendAsync(http, request, due, results, index)));
        }
        await Task.WhenAll(pending);

        var measured = results[measuredFrom..];
        var seconds = (double)(measured.Max(r => r.Done) - measured.Min(r => r.Due)) / Stopwatch.Frequency;
        Console.WriteLine(FormattableString.Invariant(
            $"Open model: {rate:0} requests/s for {duration:0} s after {warmup:0} s warm-up (mode {mode}); {measured.Length} requests measured over {seconds:0.0} s; scheduler at most {late * 1000.0 / Stopwatch.Frequency:0.0} ms late"));
        Print("all ", measured);
        var kinds = measured.Select(r => r.Kind).Distinct().ToList();
        if (kinds.Count > 1)
            foreach (var kind in kinds) Print(kind, measured.Where(r => r.Kind == kind).ToArray());
        var errors = measured.Count(r => !r.Ok);
        foreach (var g in measured.Where(r => !r.Ok).GroupBy(r => r.Error).Take(5)) Console.WriteLine($"  error x{g.Count()}: {g.Key}");
        return errors == 0 ? 0 : 2;
    }

    /// <summary>Request <paramref name="i"/> of the mode, for one value of the file; <paramref name="unique"/> is unique in the run.</summary>
    private static Planned Request(string mode, int i, string value, string unique)
    {
        if (mode == "archive-query")
            return new Planned("QUERY", HttpMethod.Post, "/api/v1/archive/documents/query", $"{{\"client\":\"{value}\"}}", null, HttpStatusCode.OK);
        var post = mode == "post" || (mode == "mixed" && i % 2 == 1);
        return post
            ? new Planned("POST", HttpMethod.Post, "/api/v1/culturecard/uses",
                $"{{\"code\":\"{value}\",\"eventName\":\"bench {unique}\",\"category\":\"Culture\",\"children\":0,\"assistants\":0}}", unique, HttpStatusCode.Created)
            : new Planned("GET ", HttpMethod.Get, $"/api/v1/culturecard/cards/{value}", null, null, HttpStatusCode.OK);
    }

    private static void Print(string label, Result[] results)
    {
        var ms = results.Select(r => (r.Done - r.Due) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double P(double p) => ms.Length == 0 ? 0 : ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(p / 100 * ms.Length) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"{label}: n={ms.Length} errors={results.Count(r => !r.Ok)}  p50 {P(50):0.00} ms  p90 {P(90):0.00} ms  p99 {P(99):0.00} ms  p99.9 {P(99.9):0.00} ms  max {ms.LastOrDefault():0.00} ms"));
    }

    private static async Task SendAsync(HttpClient http, Planned planned, long due, Result[] results, int index)
    {
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(planned.Method, planned.Path);
            if (planned.Json is not null) request.Content = new StringContent(planned.Json, Encoding.UTF8, "application/json");
            if (planned.IdempotencyKey is not null) request.Headers.Add("Idempotency-Key", planned.IdempotencyKey);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != planned.Expected) error = $"{(int)response.StatusCode} {(body.Length > 200 ? body[..200] : body)}";
        }
        catch (Exception ex)
        {
            error = ex.GetType().Name + ": " + ex.Message;
        }
        results[index] = new Result(due, Stopwatch.GetTimestamp(), planned.Kind, error is null, error);
    }

    /// <summary>One request to send: its kind (a label in the output), method, path, JSON body, idempotency key and the status that counts as success.</summary>
    private sealed record Planned(string Kind, HttpMethod Method, string Path, string? Json, string? IdempotencyKey, HttpStatusCode Expected);

    private readonly record struct Result(long Due, long Done, string Kind, bool Ok, string? Error);
}
