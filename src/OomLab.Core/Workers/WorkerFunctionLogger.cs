using OomLab.Sdk;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <summary>Forwards a function's log lines to the host as <see cref="LogMessage"/>s.</summary>
internal sealed class WorkerFunctionLogger(string invocationId, Action<WorkerMessage> send) : IFunctionLogger
{
    public void Log(LogLevel level, string message) => send(new LogMessage(invocationId, (int)level, ProtocolLimits.Clip(message ?? string.Empty)));
}
