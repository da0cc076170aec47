using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OomLab.Telemetry;
using OomLab.Workers.Rpc.Messages;

namespace OomLab.Workers.Rpc;

/// <summary>
/// A user's function app over the Functions host &lt;-&gt; language worker protocol: the host serves
/// <c>AzureFunctionsRpcMessages.FunctionRpc</c> on loopback (HTTP/2 without TLS, no message size limit), starts each
/// worker as the app's <c>worker.config.json</c> says with the host's arguments, and matches the worker's
/// <c>StartStream</c> to the process it started. The host reads each blob whole and sends its bytes, as the production
/// host does without deferred binding; those bytes count in <see cref="HeldBytes"/> until the invocation ends.
/// </summary>
internal sealed class RpcTransport(FunctionApp app, AppFunction function) : IWorkerTransport
{
    /// <summary>The largest gRPC message either side accepts: the production host's <c>int.MaxValue</c>.</summary>
    public const int MaxMessageLength = int.MaxValue;

    private readonly ConcurrentDictionary<string, RpcChannel> connecting = new(StringComparer.Ordinal);
    private WebApplication? server;
    private long held;

    public FunctionApp App { get; } = app;

    public AppFunction Function { get; } = function;

    public string Runtime => App.Language;

    /// <summary>The worker executable's name as the production host's exit messages give it: <c>dotnet</c>, <c>python</c>.</summary>
    public string ExecutableName => App.Language == "python" ? "python" : Path.GetFileName(App.Executable);

    /// <summary>
    /// The function wants deferred binding, and the reference is a storage account's blob (both workers read it with the
    /// Storage SDK) or a folder backend's file, which only oomlab's Python worker (its SDK-type blob client) reads; a .NET
    /// app's worker needs an account, so on the folder backend it gets the blob's bytes.
    /// </summary>
    public bool ReadsItself(BlobReference reference) =>
        Function.WantsDeferredBinding && (!reference.Uri.IsFile || App.Language == "python");

    public long HeldBytes => Interlocked.Read(ref held);


    public string GaveUpText => RpcMessages.RestartRetryCountExceeded(Runtime);

    public IEnumerable<string> ExitTexts(WorkerExit exit) =>
        [RpcMessages.LanguageWorkerExited(exit.ProcessId), RpcMessages.ExitedWithCode(ExecutableName, exit.Status.ExitCode)];

    /// <summary>Where workers dial in, <c>http://127.0.0.1:&lt;port&gt;/</c>; known after <see cref="StartAsync"/>.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (server is not null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = App.Directory, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
            grpc.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(this);
        var web = builder.Build();
        web.MapGrpcService<RpcService>();
        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the gRPC server has no address");
        Address = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        server = web;
    }

    /// <summary>
    /// The Functions host's restart policy for language workers (<c>RpcFunctionInvocationDispatcher</c>): a fixed delay
    /// before each restart (<c>ProcessRestartInterval</c>, 10 s unless <paramref name="restartDelay"/> says otherwise), and
    /// after 3 x the process count failures within 30 minutes the host gives up and recycles (here: the slot starts afresh
    /// after the same delay, standing for the platform's restart of the host).
    /// </summary>
    public WorkerPoolOptions WithRestartPolicy(WorkerPoolOptions options, TimeSpan? restartDelay)
    {
        ArgumentNullException.ThrowIfNull(options);
        var delay = restartDelay ?? TimeSpan.FromSeconds(10);
        return options with
        {
            RestartBackoffInitial = delay,
            RestartBackoffMax = delay,
            MaxFailures = 3 * options.WorkerCount,
            FailureWindow = TimeSpan.FromMinutes(30),
            RecyclePause = delay,
        };
    }

    public IWorkerChannel CreateChannel(string workerId, WorkerPoolOptions options)
    {
        var address = Address ?? throw new InvalidOperationException("the transport is not started");
        var channel = new RpcChannel(this, workerId, Guid.NewGuid().ToString(), address, options);
        connecting[channel.ConnectionId] = channel;
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is { } web)
        {
            server = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await web.StopAsync(timeout.Token);
            await web.DisposeAsync();
        }
    }

    internal void AddHeld(long bytes) => Interlocked.Add(ref held, bytes);

    internal void Forget(RpcChannel channel) => connecting.TryRemove(channel.ConnectionId, out _);

    /// <summary>Serves one worker's event stream: the first message must be <c>StartStream</c> naming a worker this host started.</summary>
    internal async Task AcceptAsync(
        IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            if (!await requests.MoveNext(cancellationToken))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            return;
        }

        var first = requests.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream || !connecting.TryRemove(first.StartStream.WorkerId, out var channel))
        {
            // As the production host does, a stream that does not open with a known worker's StartStream is ignored.
            SelfLog.Write(RpcMessages.StrayStream(first.ContentCase.ToString(), first.StartStream?.WorkerId));
            return;
        }

        await channel.ServeAsync(requests, responses, cancellationToken);
    }
}
