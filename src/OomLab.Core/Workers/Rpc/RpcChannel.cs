using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Grpc.Core;
using OomLab.Memory;
using OomLab.Workers.Protocol;
using OomLab.Workers.Rpc.Messages;

namespace OomLab.Workers.Rpc;

/// <summary>
/// One language worker's event stream, seen from the host: the start sequence (<c>WorkerInitRequest</c>,
/// <c>FunctionsMetadataRequest</c>, <c>FunctionLoadRequest</c>), then invocations and their responses, with
/// <c>RpcLog</c> at any time. Its messages reach the pool as oomlab's protocol records, so the pool does not know
/// which protocol a worker speaks.
/// </summary>
internal sealed partial class RpcChannel : IWorkerChannel
{
    /// <summary>How long the worker has to answer <c>WorkerInitRequest</c>: the production host's <c>InitializationTimeout</c>.</summary>
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long indexing and loading may take: the production host's load timeout floor.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(1);

    private readonly RpcTransport transport;
    private readonly string workerId;
    private readonly WorkerPoolOptions options;
    private readonly Channel<StreamingMessage> outbox = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<IAsyncStreamReader<StreamingMessage>> connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource streamDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<StreamingMessage.ContentOneofCase, TaskCompletionSource<StreamingMessage>> replies = new();
    private readonly ConcurrentDictionary<string, Running> running = new(StringComparer.Ordinal);
    private Action<WorkerMessage> deliver = static _ => { };
    private Action<string> output = static _ => { };
    private IReadOnlyDictionary<string, string> capabilities = new Dictionary<string, string>();
    private string functionId = string.Empty;

    public RpcChannel(RpcTransport transport, string workerId, string connectionId, Uri address, WorkerPoolOptions options)
    {
        this.transport = transport;
        this.workerId = workerId;
        this.options = options;
        ConnectionId = connectionId;
        StartInfo = CreateStartInfo(transport.App, connectionId, address, options);
    }

    /// <summary>The worker id the process is given and must send back in <c>StartStream</c>.</summary>
    public string ConnectionId { get; }

    public ProcessStartInfo StartInfo { get; }

    public async Task RunAsync(Process process, Action<WorkerMessage> onMessage, Action<string> onOutput)
    {
        deliver = onMessage;
        output = onOutput;
        var console = PumpOutputAsync(process, onOutput);
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(connected.Task, exited, Task.Delay(options.StartTimeout));
            if (first != connected.Task)
            {
                if (first != exited)
                {
                    Kill(process);
                }

                onOutput(first == exited ? RpcMessages.ExitedUnconnected : RpcMessages.NeverConnected(options.StartTimeout));
                return;
            }

            var requests = await connected.Task;
            var reading = ReadAsync(requests);
            using var stop = new CancellationTokenSource();
            var metrics = Task.CompletedTask;
            if (await StartWorkerAsync(process, exited) is { } failure)
            {
                onOutput(failure);
                Kill(process);
            }
            else
            {
                metrics = ReportMemoryAsync(process.Id, stop.Token);
            }

            await Task.WhenAny(reading, exited);
            await stop.CancelAsync();
            await metrics;
        }
        finally
        {
            transport.Forget(this);
            outbox.Writer.TryComplete();
            streamDone.TrySetResult();
            foreach (var id in running.Keys)
            {
                Release(id);
            }

            await console;
        }
    }

    /// <summary>The worker's stream, from the gRPC server: written from here until the channel ends.</summary>
    public async Task ServeAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (!connected.TrySetResult(requests))
        {
            return;
        }

        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The worker is gone; the read side notices and the pool sees the exit.
        }

        await streamDone.Task.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    public void Invoke(InvocationRequest request) => _ = InvokeAsync(request);

    public void Cancel(string invocationId)
    {
        Release(invocationId);
        if (Capable("HandlesInvocationCancelMessage"))
        {
            Send(new StreamingMessage { InvocationCancel = new Messages.InvocationCancel { InvocationId = invocationId } });
        }
    }

    public void Shutdown()
    {
        if (Capable("HandlesWorkerTerminateMessage"))
        {
            Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(options.ShutdownTimeout) } });
        }

        outbox.Writer.TryComplete();
    }

    private static ProcessStartInfo CreateStartInfo(FunctionApp app, string connectionId, Uri address, WorkerPoolOptions options)
    {
        var info = new ProcessStartInfo(app.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = app.Directory,
        };
        var requestId = Guid.NewGuid().ToString();
        var maxLength = RpcTransport.MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        string[] hostArguments =
        [
            "--host", address.Host, "--port", address.Port.ToString(CultureInfo.InvariantCulture), "--workerId", connectionId,
            "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", address.ToString(), "--functions-worker-id", connectionId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", maxLength,
        ];
        foreach (var argument in app.Arguments.Append(app.WorkerPath).Concat(app.WorkerArguments).Concat(hostArguments))
        {
            info.ArgumentList.Add(argument);
        }

        // The production host gives the worker its own environment (the app settings among it) plus these.
        foreach (var (key, value) in options.Environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = app.Language;
        info.Environment["FUNCTIONS_WORKER_PROCESS_COUNT"] = options.WorkerCount.ToString(CultureInfo.InvariantCulture);
        info.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Directory;
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Directory;
        info.Environment["AzureWebJobsScriptRoot"] = app.Directory;
        info.Environment["DOTNET_gcServer"] = "0";
        if (app.Language == "python")
        {
            // As the production host does for Python (DefaultWorkerProcessFactory.ApplyWorkerConcurrencyLimits).
            info.Environment.TryAdd("PYTHON_THREADPOOL_THREAD_COUNT", "1000");
            if (options.GcHeapHardLimitBytes > 0)
            {
                info.Environment[PythonApp.MemoryLimitVariable] = options.GcHeapHardLimitBytes.ToString(CultureInfo.InvariantCulture);

                // One malloc arena: glibc's per-thread arenas reserve 64 MiB of address space each, which the worker's
                // address-space cap would count while idle and then let fill unseen (docs/workers.md, "Python apps").
                info.Environment["MALLOC_ARENA_MAX"] = "1";
            }
        }

        if (options.GcHeapHardLimitBytes > 0)
        {
            info.Environment["DOTNET_GCHeapHardLimit"] = options.GcHeapHardLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        }

        return info;
    }

    /// <summary>The start sequence; returns why it failed, or null once the function is loaded and Ready is delivered.</summary>
    private async Task<string?> StartWorkerAsync(Process process, Task exited)
    {
        var init = await RequestAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = HostVersion,
                WorkerDirectory = transport.App.Directory,
                FunctionAppDirectory = transport.App.Directory,
            },
        }, StreamingMessage.ContentOneofCase.WorkerInitResponse, InitTimeout, exited);
        if (init is null)
        {
            return exited.IsCompleted ? null : RpcMessages.NoReply(nameof(WorkerInitRequest), InitTimeout);
        }

        if (init.WorkerInitResponse.Result is { Status: not StatusResult.Types.Status.Success } initResult)
        {
            return RpcMessages.Refused(nameof(WorkerInitRequest), Describe(initResult));
        }

        capabilities = init.WorkerInitResponse.Capabilities.ToDictionary(StringComparer.OrdinalIgnoreCase);
        if (transport.Function.IsHttp && Capable("HttpUri"))
        {
            return RpcMessages.HttpProxyUnsupported(transport.Function.Name);
        }

        var indexed = await RequestAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = transport.App.Directory },
        }, StreamingMessage.ContentOneofCase.FunctionMetadataResponse, LoadTimeout, exited);
        if (indexed is null)
        {
            return exited.IsCompleted ? null : RpcMessages.NoReply(nameof(FunctionsMetadataRequest), LoadTimeout);
        }

        var response = indexed.FunctionMetadataResponse;
        if (response.Result is { Status: not StatusResult.Types.Status.Success } indexResult)
        {
            return RpcMessages.Refused(nameof(FunctionsMetadataRequest), Describe(indexResult));
        }

        RpcFunctionMetadata metadata;
        if (response.UseDefaultMetadataIndexing || response.FunctionMetadataResults.Count == 0)
        {
            metadata = MetadataOf(transport.Function, Guid.NewGuid().ToString());
        }
        else if (response.FunctionMetadataResults.FirstOrDefault(f => f.Name.Equals(transport.Function.Name, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            metadata = found.Clone();
            if (string.IsNullOrEmpty(metadata.FunctionId))
            {
                metadata.FunctionId = Guid.NewGuid().ToString();
            }

            if (metadata.Bindings.Count == 0)
            {
                metadata.Bindings.Add(BindingsOf(transport.Function));
            }

            if (string.IsNullOrEmpty(metadata.Directory))
            {
                metadata.Directory = transport.App.Directory;
            }
        }
        else
        {
            return RpcMessages.FunctionNotIndexed(transport.Function.Name, response.FunctionMetadataResults.Select(f => f.Name));
        }

        functionId = metadata.FunctionId;
        var loaded = await RequestAsync(new StreamingMessage
        {
            FunctionLoadRequest = new FunctionLoadRequest { FunctionId = functionId, Metadata = metadata },
        }, StreamingMessage.ContentOneofCase.FunctionLoadResponse, LoadTimeout, exited);
        if (loaded is null)
        {
            return exited.IsCompleted ? null : RpcMessages.NoReply(nameof(FunctionLoadRequest), LoadTimeout);
        }

        if (loaded.FunctionLoadResponse.Result is { Status: not StatusResult.Types.Status.Success } loadResult)
        {
            return RpcMessages.Refused(nameof(FunctionLoadRequest), Describe(loadResult));
        }

        var sampler = new ProcessTreeSampler(process.Id);
        sampler.TrySample(out var privateBytes, out var workingSet);
        deliver(new ReadyMessage(process.Id, transport.Function.Name, privateBytes, workingSet, options.GcHeapHardLimitBytes));
        return null;
    }

    /// <summary>The worker's memory as AppMetrics rows, since a language worker reports none of its own.</summary>
    private async Task ReportMemoryAsync(int processId, CancellationToken cancellationToken)
    {
        var sampler = new ProcessTreeSampler(processId);
        using var timer = new PeriodicTimer(options.CounterInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (sampler.TrySample(out var privateBytes, out var workingSet))
                {
                    deliver(new MemoryMetricsMessage(workingSet, privateBytes));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static string HostVersion => $"oomlab {typeof(RpcChannel).Assembly.GetName().Version}";

    private async Task<StreamingMessage?> RequestAsync(StreamingMessage request, StreamingMessage.ContentOneofCase reply, TimeSpan timeout, Task exited)
    {
        var answer = replies.GetOrAdd(reply, _ => new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        request.RequestId = Guid.NewGuid().ToString();
        Send(request);
        var first = await Task.WhenAny(answer.Task, exited, Task.Delay(timeout));
        replies.TryRemove(reply, out _);
        return first == answer.Task ? await answer.Task : null;
    }

    private async Task ReadAsync(IAsyncStreamReader<StreamingMessage> requests)
    {
        try
        {
            while (await requests.MoveNext(CancellationToken.None))
            {
                Receive(requests.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
            // The stream ended with the worker.
        }
    }

    private void Receive(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                _ = CompleteAsync(message.InvocationResponse);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                Log(message.RpcLog);
                break;
            default:
                if (replies.TryGetValue(message.ContentCase, out var answer))
                {
                    answer.TrySetResult(message);
                }

                break;
        }
    }

    private void Log(RpcLog log)
    {
        if (string.IsNullOrEmpty(log.InvocationId) || log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric)
        {
            output(log.Exception is { } ex ? $"{log.Message} {ex.Message}" : log.Message);
            return;
        }

        var text = log.Exception is { Message.Length: > 0 } exception ? $"{log.Message}{Environment.NewLine}{exception.Message}" : log.Message;
        deliver(new LogMessage(log.InvocationId, (int)LevelOf(log.Level), text));
    }

    private static Sdk.LogLevel LevelOf(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace or RpcLog.Types.Level.Debug => Sdk.LogLevel.Verbose,
        RpcLog.Types.Level.Warning => Sdk.LogLevel.Warning,
        RpcLog.Types.Level.Error => Sdk.LogLevel.Error,
        RpcLog.Types.Level.Critical => Sdk.LogLevel.Critical,
        _ => Sdk.LogLevel.Information,
    };

    private bool Capable(string capability) =>
        capabilities.TryGetValue(capability, out var value) && (value.Length == 0 || !value.Equals("false", StringComparison.OrdinalIgnoreCase));

    private void Send(StreamingMessage message) => outbox.Writer.TryWrite(message);

    private static string Describe(StatusResult result) =>
        result.Exception is { } ex && !string.IsNullOrEmpty(ex.Message) ? ex.Message : result.Result;

    private static async Task PumpOutputAsync(Process process, Action<string> onOutput)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                onOutput(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static RpcFunctionMetadata MetadataOf(AppFunction function, string id)
    {
        var metadata = new RpcFunctionMetadata { Name = function.Name, FunctionId = id };
        metadata.RawBindings.Add(function.Bindings.Select(b => b.Json));
        metadata.Bindings.Add(BindingsOf(function));
        return metadata;
    }

    private static Dictionary<string, BindingInfo> BindingsOf(AppFunction function)
    {
        var bindings = new Dictionary<string, BindingInfo>(StringComparer.Ordinal);
        foreach (var binding in function.Bindings)
        {
            var info = new BindingInfo
            {
                Type = binding.Type,
                Direction = binding.Direction switch { "out" => BindingInfo.Types.Direction.Out, "inout" => BindingInfo.Types.Direction.Inout, _ => BindingInfo.Types.Direction.In },
                DataType = binding.DataType switch
                {
                    "string" => BindingInfo.Types.DataType.String,
                    "binary" => BindingInfo.Types.DataType.Binary,
                    "stream" => BindingInfo.Types.DataType.Stream,
                    _ => BindingInfo.Types.DataType.Undefined,
                },
            };
            foreach (var (key, value) in binding.Properties)
            {
                info.Properties[key] = value;
            }

            bindings[binding.Name] = info;
        }

        return bindings;
    }

    private sealed record Running(InvocationRequest Request, IReadOnlyDictionary<string, string> Tokens, long HeldBytes, long StartedAt);
}
