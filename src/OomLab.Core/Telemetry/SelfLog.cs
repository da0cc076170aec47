namespace OomLab.Telemetry;

/// <summary>
/// Where telemetry reports its own failures, so that they are visible without ever reaching the work.
/// Off by default; the CLI points it at standard error with <c>--verbose</c> or <c>OOMLAB_SELFLOG</c> (see <c>SelfLogOutput</c>).
/// </summary>
internal static class SelfLog
{
    private static volatile Action<string>? output;

    /// <summary>Sets where messages go; null turns self-logging off.</summary>
    public static void Enable(Action<string>? writer) => output = writer;

    /// <summary>Writes a message; never throws.</summary>
    public static void Write(string message)
    {
        try
        {
            output?.Invoke(message);
        }
#pragma warning disable CA1031 // The self-log is the last resort: it must not fail the caller.
        catch
        {
        }
#pragma warning restore CA1031
    }
}
