using System.Diagnostics;
using System.Net;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <summary>
/// A function host for one HTTP-triggered function: listens on 127.0.0.1, spools each request body to a file,
/// runs one invocation per request on the worker pool (never more than <c>MAX_CONCURRENT_INVOCATIONS</c> at
/// once), and answers 200 when the invocation succeeds, 500 when it fails or its worker dies. The function reads
/// the body through <see cref="Sdk.BlobContext.OpenRead"/>; it is not recorded as a blob dependency. HTTP
/// invocations are not retried, as on the platform.
/// </summary>
internal sealed partial class HttpTriggerHost
{
    private readonly FunctionHostOptions options;
    private readonly ITelemetrySink sink;
    private readonly TimeProvider time;
    private readonly int port;

    /// <param name="options">The function, ceiling, settings and workers, as for a blob-triggered host.</param>
    /// <param name="port">The loopback port to listen on.</param>
    /// <param name="sink">Where telemetry goes.</param>
    /// <param name="timeProvider">Stamps telemetry (the lab clock).</param>
    public HttpTriggerHost(FunctionHostOptions options, int port, ITelemetrySink sink, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        this.options = options;
        this.port = port;
        this.sink = new HostLogMirror(new SafeFanOutSink(sink), static () => Environment.ProcessId);
        time = timeProvider;
    }

    /// <summary>The running worker pool, once started; null before.</summary>
    public WorkerPool? Workers { get; private set; }

    /// <summary>Where the function is served: <c>http://127.0.0.1:&lt;port&gt;/api/&lt;function&gt;</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{port}/api/{options.FunctionName}");

    private string SpoolDirectory => Path.Combine(options.Layout.StateDirectory, "http");

    /// <summary>Serves requests until <paramref name="cancellationToken"/> is cancelled; requests still running are answered 503.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var startedAt = Stopwatch.GetTimestamp();
        Trace(HostTraces.Starting(options.AppName, options.InstanceName, Environment.ProcessId));
        Directory.CreateDirectory(SpoolDirectory);
        var poolOptions = options.CreateWorkerPoolOptions();
        await using var pool = new WorkerPool(poolOptions, sink, time);
        await pool.StartAsync(cancellationToken);
        Workers = pool;

        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        Trace(HostTraces.JobHostStarted);
        Trace(HostTraces.Started(Stopwatch.GetElapsedTime(startedAt)));

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(options.Settings.MaxConcurrentInvocations);
        var heartbeat = HeartbeatAsync(pool, stopping.Token);
        var requests = new List<Task>();
        try
        {
            while (true)
            {
                var context = await listener.GetContextAsync().WaitAsync(stopping.Token);
                requests.RemoveAll(t => t.IsCompleted);
                requests.Add(Task.Run(() => HandleAsync(context, pool, slots, stopping.Token), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await stopping.CancelAsync();
            await Task.WhenAll(requests);
            await heartbeat;
            listener.Stop();
            Trace(HostTraces.Stopping);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task HandleAsync(HttpListenerContext context, WorkerPool pool, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        var body = Path.Combine(SpoolDirectory, invocationId + ".body");
        var staging = Path.Combine(SpoolDirectory, invocationId);
        var status = HttpStatusCode.ServiceUnavailable;
        try
        {
            long length;
            await using (var spool = new FileStream(body, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920, useAsync: true))
            {
                await context.Request.InputStream.CopyToAsync(spool, cancellationToken);
                length = spool.Length;
            }

            Directory.CreateDirectory(staging);
            await slots.WaitAsync(cancellationToken);
            try
            {
                status = await InvokeAsync(context.Request, invocationId, body, length, staging, pool, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the caller gets 503, as from a platform restart.
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException)
        {
            SelfLog.Write($"HTTP request {invocationId} could not be read: {ex.Message}");
        }
        finally
        {
            Respond(context, status);
            TryDelete(body, staging);
        }
    }

    private async Task<HttpStatusCode> InvokeAsync(
        HttpListenerRequest http, string invocationId, string body, long length, string staging, WorkerPool pool, CancellationToken cancellationToken)
    {
        var url = http.Url?.ToString() ?? Url.ToString();
        var request = new InvocationRequest(invocationId, http.Url?.AbsolutePath.TrimStart('/') ?? "api", body, length, staging, TrackBlobRead: false);
        var startedAt = time.GetUtcNow();
        LogFunction(startedAt, "Information", Executing(invocationId), invocationId);
        var outcome = await pool.InvokeAsync(request, cancellationToken);
        var call = new HttpCall(startedAt, invocationId, http.HttpMethod, url, length);
        switch (outcome)
        {
            case InvocationSucceeded succeeded:
                RecordSuccess(call, succeeded);
                return HttpStatusCode.OK;
            case InvocationFailed failed:
                RecordFailure(call, failed);
                return HttpStatusCode.InternalServerError;
            case InvocationWorkerLost lost:
                RecordWorkerLost(call, lost);
                return HttpStatusCode.InternalServerError;
            default:
                return HttpStatusCode.InternalServerError;
        }
    }

    private async Task HeartbeatAsync(WorkerPool pool, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (pool.ReadyCount == pool.Options.WorkerCount)
                {
                    Emit(new TraceTelemetry(time.GetUtcNow(), HostTraces.Heartbeat, SeverityLevel.Verbose));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static void Respond(HttpListenerContext context, HttpStatusCode status)
    {
        try
        {
            context.Response.StatusCode = (int)status;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The caller is gone.
        }
    }

    private static void TryDelete(string body, string staging)
    {
        try
        {
            File.Delete(body);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private sealed record HttpCall(DateTimeOffset StartedAt, string InvocationId, string Method, string Url, long BodyBytes);
}
