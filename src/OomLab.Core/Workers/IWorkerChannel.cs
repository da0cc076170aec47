using System.Diagnostics;
using OomLab.Workers.Protocol;

namespace OomLab.Workers;

/// <summary>
/// The conversation with one worker process. The pool starts the process from <see cref="StartInfo"/>, then calls
/// <see cref="RunAsync"/>, which delivers the worker's messages (as oomlab's protocol records, whatever the wire) until
/// the worker can no longer be heard; the pool then waits for the process to exit.
/// </summary>
internal interface IWorkerChannel
{
    /// <summary>How to start the process; standard output and error are redirected.</summary>
    ProcessStartInfo StartInfo { get; }

    /// <summary>
    /// Talks to <paramref name="process"/> until its messages end: each message goes to <paramref name="onMessage"/>,
    /// each line of output that is not protocol to <paramref name="onOutput"/>. Returns when the worker is gone or can
    /// no longer be understood (then it has been killed); never throws for what the worker did.
    /// </summary>
    Task RunAsync(Process process, Action<WorkerMessage> onMessage, Action<string> onOutput);

    /// <summary>Sends one invocation; its outcome arrives as a <see cref="CompletedMessage"/> or <see cref="FailedMessage"/>.</summary>
    void Invoke(InvocationRequest request);

    /// <summary>Tells the worker an invocation was given up (its timeout passed); a worker that cannot be told ignores it.</summary>
    void Cancel(string invocationId);

    /// <summary>Asks the worker to finish what it runs and exit; nothing is sent after it.</summary>
    void Shutdown();
}
