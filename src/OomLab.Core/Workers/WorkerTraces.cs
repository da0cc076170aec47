using System.Globalization;

namespace OomLab.Workers;

/// <summary>Lifecycle messages in <c>traces</c>, worded as the Functions host words them (the seed's queries match them).</summary>
internal static class WorkerTraces
{
    public const string Started = "Worker process started";

    public const string Restarting = "Restarting worker process after unexpected exit";

    public static string Exited(int exitCode) => string.Create(CultureInfo.InvariantCulture, $"Worker process exited with code {exitCode}");

    public static string GaveUp(string workerId, int failures, TimeSpan window, TimeSpan pause) =>
        string.Create(CultureInfo.InvariantCulture, $"Worker process {workerId} exited unexpectedly {failures} times within {window:c}; giving up and recycling in {pause:c}");

    public static string Killed(string workerId, long privateBytes, long totalPrivateBytes, long ceilingBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"Killing worker process {workerId} (Private Bytes {privateBytes}): instance Private Bytes {totalPrivateBytes} exceed the memory ceiling {ceilingBytes}");
}
