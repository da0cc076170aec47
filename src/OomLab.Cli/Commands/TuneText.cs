using System.Globalization;
using System.Text;
using OomLab.Capacity;
using OomLab.Memory;

namespace OomLab.Cli.Commands;

/// <summary>What <c>oomlab tune</c> prints: a line per run, then per plan the recommendation and the settings to paste.</summary>
internal static class TuneText
{
    public static string Trial(CapacityTrial trial, MemoryCeiling ceiling) => Invariant(
        $"  concurrency {trial.Concurrency,3}: peak {MemoryText.Format(trial.PeakBytes)} ({(double)trial.PeakBytes / ceiling.Bytes:P0} of the ceiling), {trial.Succeeded}/{trial.Inputs} done, {Outcome(trial)} in {trial.Elapsed.TotalSeconds:0.0} s");

    public static string Result(string label, CapacityResult result)
    {
        var text = new StringBuilder();
        var settings = result.Settings;
        text.AppendLine(Invariant($"{label}: ceiling {result.Ceiling.Description}, headroom {result.HeadroomFraction:P0} ({MemoryText.Format(result.HeadroomBytes)})"));
        text.AppendLine(Invariant($"  measured peak per invocation: {MemoryText.Format(result.PerInvocationBytes)} ({result.PerInvocationBytes} bytes)"));
        if (result.Best is { } best)
        {
            text.AppendLine(Invariant($"  recommended concurrency: {settings.Concurrency} (measured at {best.Concurrency}: peak {MemoryText.Format(best.PeakBytes)}, margin {MemoryText.Format(result.MarginBytes)} under the headroom, {MemoryText.Format(result.Ceiling.Bytes - best.PeakBytes)} under the ceiling)"));
            if (settings.Concurrency > best.Concurrency)
            {
                text.AppendLine(Invariant($"  (the sample's {best.Inputs} inputs all fit at once: {settings.Concurrency} is extrapolated from the peak per invocation; add inputs to measure it)"));
            }
        }
        else
        {
            text.AppendLine(Invariant($"  not even one invocation fits under the headroom: stream the input, guard its size or scale up; settings below are the least (1)"));
        }

        text.AppendLine(result.Above is { } above
            ? Invariant($"  one step above ({above.Concurrency}): {Outcome(above)}, peak {MemoryText.Format(above.PeakBytes)}")
            : "  one step above: not run (the sample has too few inputs)");
        text.AppendLine("  host.json:");
        foreach (var line in settings.HostJson().Split('\n'))
        {
            text.Append("    ").AppendLine(line.TrimEnd('\r'));
        }

        text.AppendLine("  app settings:");
        foreach (var (key, value) in settings.AppSettings())
        {
            text.Append("    ").Append(key).Append('=').AppendLine(value);
        }

        return text.ToString();
    }

    private static string Outcome(CapacityTrial trial) =>
        trial.Exits137 > 0 ? Invariant($"killed over the ceiling ({trial.Exits137} exits 137)")
        : trial.OutOfMemory > 0 ? Invariant($"OutOfMemoryException ({trial.OutOfMemory})")
        : trial.Succeeded < trial.Inputs ? "not every input done"
        : "no kill";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
