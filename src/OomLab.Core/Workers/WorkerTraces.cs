using System.Globalization;

namespace OomLab.Workers;

/// <summary>Lifecycle messages in <c>traces</c>, worded as the Functions host words them (the seed's queries match them).</summary>
internal static class WorkerTraces
{
    public const string Started = "Worker process started";

    public const string Restarting = "Restarting worker process after unexpected exit";

    /// <summary>How every exit trace starts; the seed's queries match on it (<c>has "Worker process exited"</c>).</summary>
    public const string ExitedPrefix = "Worker process exited";

    /// <summary>The exit trace of a worker that was SIGKILLed (over the ceiling, or by the kernel's OOM killer).</summary>
    public const string ExitedAfterKill = ExitedPrefix + " with code 137";

    public static string Exited(int exitCode) => string.Create(CultureInfo.InvariantCulture, $"{ExitedPrefix} with code {exitCode}");

    /// <summary>True for an exit trace, whatever its code.</summary>
    public static bool IsExited(string message) => message.StartsWith(ExitedPrefix, StringComparison.Ordinal);

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
