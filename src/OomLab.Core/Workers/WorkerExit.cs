using OomLab.Memory;

namespace OomLab.Workers;

/// <summary>How a worker process ended, with what the host knew just before.</summary>
/// <param name="WorkerId">The slot, e.g. <c>worker-1</c>.</param>
/// <param name="ProcessId">The process id.</param>
/// <param name="Status">Exit code (137 after SIGKILL) and signal.</param>
/// <param name="KilledOverCeiling">True when the host killed it for exceeding the ceiling.</param>
/// <param name="LastReading">The last memory reading taken before it died (the one that triggered the kill), if any.</param>
/// <param name="InstancePrivateBytes">The instance's total Private Bytes in that last round of readings.</param>
/// <param name="Ceiling">The ceiling in force.</param>
/// <param name="InFlight">The invocations that were running on it.</param>
/// <param name="Uptime">How long it had run.</param>
internal sealed record WorkerExit(
    string WorkerId, int ProcessId, ExitStatus Status, bool KilledOverCeiling, MemoryReading? LastReading,
    long InstancePrivateBytes, MemoryCeiling Ceiling, IReadOnlyList<string> InFlight, TimeSpan Uptime)
{
    /// <summary>Whether the pool meant to stop it (shutdown), as opposed to a crash or a kill.</summary>
    public bool Expected { get; init; }

    /// <summary>Whether the pool killed it because an invocation outlived its timeout: restarted at once, never charged.</summary>
    public bool RestartedForTimeout { get; init; }

    /// <summary>The last lines the worker wrote to stderr (up to 20, joined by spaces), such as a runtime's fatal error; empty if none.</summary>
    public string StderrTail { get; init; } = string.Empty;
}
