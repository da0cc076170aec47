using System.Globalization;

namespace OomLab.Workers;

/// <summary>Lifecycle messages in <c>traces</c>, worded as the Functions host words them (the seed's queries match them).</summary>
internal static class WorkerTraces
{
    public const string Started = "Worker process started";

    public const string Restarting = "Restarting worker process after unexpected exit";

    public static string Exited(int exitCode) => string.Create(CultureInfo.InvariantCulture, $"Worker process exited with code {exitCode}");

    /// <summary>The production host's log when an invocation outlives <c>functionTimeout</c>.</summary>
    public static string TimeoutExceeded(TimeSpan timeout, string function, string invocationId) =>
        string.Create(CultureInfo.InvariantCulture, $"Timeout value of {timeout:c} exceeded by function 'Functions.{function}' (Id: '{invocationId}'). Initiating cancellation.");

    /// <summary>The message of the invocation's <c>FunctionTimeoutException</c>.</summary>
    public static string TimeoutFailure(TimeSpan timeout, string function) =>
        string.Create(CultureInfo.InvariantCulture, $"Timeout value of {timeout:c} was exceeded by function: Functions.{function}");

    public const string TimeoutExceptionType = "Microsoft.Azure.WebJobs.Host.FunctionTimeoutException";

    public static string RestartingForTimeout(string invocationId) =>
        $"A function timeout has occurred. Restarting worker process executing invocationId '{invocationId}'.";

    public const string RestartedForTimeout = "Restart of language worker process(es) completed.";

    public static string GaveUp(string workerId, int failures, TimeSpan window, TimeSpan pause) =>
        string.Create(CultureInfo.InvariantCulture, $"Worker process {workerId} exited unexpectedly {failures} times within {window:c}; giving up and recycling in {pause:c}");

    public static string Killed(string workerId, long privateBytes, long totalPrivateBytes, long ceilingBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"Killing worker process {workerId} (Private Bytes {privateBytes}): instance Private Bytes {totalPrivateBytes} exceed the memory ceiling {ceilingBytes}");
}
