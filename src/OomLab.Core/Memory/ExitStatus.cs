namespace OomLab.Memory;

/// <summary>How a worker process ended, in shell terms: signal deaths are 128 + the signal number.</summary>
/// <param name="ExitCode">The code as a shell reports it: 137 after SIGKILL.</param>
/// <param name="Signal">The signal that ended the process, or null when it exited by itself.</param>
internal readonly record struct ExitStatus(int ExitCode, int? Signal)
{
    /// <summary>SIGKILL's number on Linux.</summary>
    public const int SigKill = 9;

    /// <summary>The exit code a SIGKILLed process reports: 128 + 9.</summary>
    public const int KilledExitCode = 128 + SigKill;

    /// <summary>
    /// Builds the status from what .NET reports. On Unix .NET already maps a signal death to 128 + signal;
    /// when the host knows it sent SIGKILL but sees a raw code (a wrapper reported -1 or 9), it maps it here.
    /// </summary>
    public static ExitStatus From(int reportedExitCode, bool killedByHost)
    {
        if (reportedExitCode > 128 && reportedExitCode < 128 + 65)
        {
            return new(reportedExitCode, reportedExitCode - 128);
        }

        return killedByHost ? new(KilledExitCode, SigKill) : new(reportedExitCode, null);
    }
}
