using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using OomLab.Report;
using OomLab.Telemetry;

// Whole-report measurements (not BenchmarkDotNet: each case is one file written or one page opened, end to end).
//   generate <bundle|telemetry.db> [runs]   report size and generation time (in process: first run, then median of the rest)
//   load <report.html> [runs]               time to load in headless Chromium (navigation timing: DOMContentLoaded, load)
//   synth <telemetry.db> <hours> [workers]  a long run's telemetry: Private Bytes every 0.25 s per worker, a request every 0.5 s
var invariant = CultureInfo.InvariantCulture;
switch (args)
{
    case ["generate", var source, .. var rest]:
    {
        var runs = rest.Length > 0 ? int.Parse(rest[0], invariant) : 5;
        var output = Path.Combine(Path.GetTempPath(), $"oomlab-report-bench-{Environment.ProcessId}.html");
        var times = new List<double>();
        ReportWritten? written = null;
        for (var i = 0; i < runs; i++)
        {
            written = ReportWriter.Write(source, output);
            times.Add(written.Elapsed.TotalMilliseconds);
        }

        var html = File.ReadAllText(output);
        Console.WriteLine(string.Create(invariant,
            $"{source}: {written!.Bytes / 1024.0:0.0} KiB, first {times[0]:0} ms, median of the rest {Median(times.Skip(1)):0} ms; " +
            $"{written.Model.Memory.Sum(s => s.Points.Count)} Private Bytes readings -> {LinePoints(html)} line points, {written.Model.Markers.Count} markers"));
        Console.WriteLine(output);
        break;
    }

    case ["load", var page, .. var rest]:
    {
        var runs = rest.Length > 0 ? int.Parse(rest[0], invariant) : 5;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var loads = new List<(double Dom, double Load)>();
        for (var i = 0; i < runs; i++)
        {
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1600 } });
            var tab = await context.NewPageAsync();
            await tab.GotoAsync(new Uri(Path.GetFullPath(page)).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
            var timing = await tab.EvaluateAsync<double[]>("""
                () => { const n = performance.getEntriesByType('navigation')[0];
                        return [n.domContentLoadedEventEnd, n.loadEventEnd]; }
                """);
            loads.Add((timing[0], timing[1]));
        }

        Console.WriteLine(string.Create(invariant,
            $"{page}: DOMContentLoaded {Median(loads.Select(l => l.Dom)):0} ms, load {Median(loads.Select(l => l.Load)):0} ms (median of {runs})"));
        break;
    }

    case ["synth", var path, var hoursText, .. var rest]:
    {
        var hours = double.Parse(hoursText, invariant);
        var workers = rest.Length > 0 ? int.Parse(rest[0], invariant) : 4;
        var t0 = new DateTimeOffset(2026, 4, 5, 1, 30, 0, TimeSpan.Zero);
        var started = Stopwatch.GetTimestamp();
        await using (var writer = TelemetryWriter.Open(path, new TelemetryIdentity("func-oom-lab-001", "vm")))
        {
            var random = new Random(1);
            var end = t0.AddHours(hours);
            var n = 0;
            for (var time = t0; time < end; time = time.AddMilliseconds(250), n++)
            {
                var total = 0.0;
                for (var w = 0; w < workers; w++)
                {
                    var value = (50 + (40 * Math.Sin((n / 2000.0) + w)) + random.Next(0, 30)) * 1024 * 1024;
                    total += value;
                    writer.Emit(new PerformanceCounterTelemetry(time, "Process", "Private Bytes", $"worker-{w + 1}", value));
                }

                writer.Emit(new PerformanceCounterTelemetry(time, "Process", "Private Bytes", "_Total", total));
                if (n % 2 == 0)
                {
                    var ok = random.Next(100) > 2;
                    writer.Emit(new RequestTelemetry(time, $"op-{n}", "BlobBufferProcessor", ok, ok ? "200" : "500", TimeSpan.FromMilliseconds(100 + random.Next(900)), $"op-{n}",
                        new Dictionary<string, string> { ["BlobName"] = $"input/blob-{n % 5000}.csv" }));
                }

                if (n % 2400 == 0 && n > 0)
                {
                    writer.Emit(new TraceTelemetry(time, "Worker process exited with code 137", SeverityLevel.Error,
                        Properties: new Dictionary<string, string> { ["WorkerId"] = "worker-1", ["CeilingBytes"] = (512L * 1024 * 1024).ToString(invariant) }));
                    writer.Emit(new TraceTelemetry(time.AddSeconds(1), "Restarting worker process after unexpected exit", SeverityLevel.Warning));
                }

                if (n % 4096 == 0)
                {
                    await writer.FlushAsync();
                }
            }
        }

        Console.WriteLine(string.Create(invariant, $"{path}: {hours} h, {workers} workers, in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, {new FileInfo(path).Length / (1024.0 * 1024):0} MiB"));
        break;
    }

    default:
        Console.Error.WriteLine("usage: generate <bundle|telemetry.db> [runs] | load <report.html> [runs] | synth <telemetry.db> <hours> [workers]");
        return 2;
}

return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}

// Points drawn in the memory chart's lines: the M and L commands of each line's path.
static int LinePoints(string html) =>
    System.Text.RegularExpressions.Regex.Matches(html, "<path class=\"line[^\"]*\" data-series=\"[^\"]*\" d=\"([^\"]*)\"")
        .Sum(m => m.Groups[1].Value.Count(c => c is 'M' or 'L'));
