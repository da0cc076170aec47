using System.Diagnostics;
using System.Net;
using OomLab.Telemetry;
using OomLab.Workers;

namespace OomLab.Hosting;

/// <summary>
/// A function host for one HTTP-triggered function: listens on 127.0.0.1, spools each request body to a file,
/// runs one invocation per request on the worker pool (never more than <c>MAX_CONCURRENT_INVOCATIONS</c> at
/// once), and answers with the function's status code and body (200 when it says none) when the invocation succeeds,
/// 500 when it fails or its worker dies. oomlab's functions read the body through <see cref="Sdk.BlobContext.OpenRead"/>;
/// a function app's get it in the invocation (<see cref="HttpExchange"/>). It is not recorded as a blob dependency. HTTP
/// invocations are not retried, as on the platform. With <see cref="FunctionHostOptions.StopWhenIdleFor"/> the host stops
/// once no request has arrived or run for that long.
/// </summary>
internal sealed partial class HttpTriggerHost
{
    private readonly FunctionHostOptions options;
    private readonly ITelemetrySink sink;
    private readonly TimeProvider time;
    private readonly int port;
    private int inFlight;
    private long succeeded;
    private long failed;
    private long lost;
    private long lastActivity = Stopwatch.GetTimestamp();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Requests answered so far: the function succeeded, failed, or its worker died under it.</summary>
    public (long Succeeded, long Failed, long WorkerLost) Answered => (Interlocked.Read(ref succeeded), Interlocked.Read(ref failed), Interlocked.Read(ref lost));

    /// <summary>Completes once the workers are ready and the listener accepts requests at <see cref="Url"/>.</summary>
    public Task Listening => listening.Task;

    /// <summary>The running worker pool, once started; null before.</summary>
    public WorkerPool? Workers { get; private set; }

    /// <summary>Where the function is served: <c>http://127.0.0.1:&lt;port&gt;/api/&lt;function&gt;</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{port}/api/{options.HttpRoute ?? options.FunctionName}");

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
        Interlocked.Exchange(ref lastActivity, Stopwatch.GetTimestamp());
        listening.TrySetResult();
        Trace(HostTraces.JobHostStarted);
        Trace(HostTraces.Started(Stopwatch.GetElapsedTime(startedAt)));

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(options.Settings.MaxConcurrentInvocations);
        var heartbeat = HeartbeatAsync(pool, stopping.Token);
        var idleWatch = options.StopWhenIdleFor is { } idle ? StopWhenIdleAsync(idle, stopping) : Task.CompletedTask;
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
            await idleWatch;
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
        var status = (int)HttpStatusCode.ServiceUnavailable;
        Interlocked.Increment(ref inFlight);
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
            await RespondAsync(context, status, Path.Combine(staging, HttpExchange.ResponseBodyFile));
            TryDelete(body, staging);
            Interlocked.Exchange(ref lastActivity, Stopwatch.GetTimestamp());
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task<int> InvokeAsync(
        HttpListenerRequest http, string invocationId, string body, long length, string staging, WorkerPool pool, CancellationToken cancellationToken)
    {
        var url = http.Url?.ToString() ?? Url.ToString();
        var request = new InvocationRequest(
            invocationId, http.Url?.AbsolutePath.TrimStart('/') ?? "api", body, length, staging, TrackBlobRead: false, Http: Exchange(http, url));
        var startedAt = time.GetUtcNow();
        LogFunction(startedAt, "Information", Executing(invocationId), invocationId);
        var outcome = await pool.InvokeAsync(request, cancellationToken);
        var call = new HttpCall(startedAt, invocationId, http.HttpMethod, url, length);
        switch (outcome)
        {
            case InvocationSucceeded done:
                RecordSuccess(call, done);
                Interlocked.Increment(ref succeeded);
                return done.HttpStatus ?? (int)HttpStatusCode.OK;
            case InvocationFailed threw:
                RecordFailure(call, threw);
                Interlocked.Increment(ref failed);
                return (int)HttpStatusCode.InternalServerError;
            case InvocationWorkerLost died:
                RecordWorkerLost(call, died);
                Interlocked.Increment(ref lost);
                return (int)HttpStatusCode.InternalServerError;
            default:
                return (int)HttpStatusCode.InternalServerError;
        }
    }

    private static HttpExchange Exchange(HttpListenerRequest http, string url)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in http.Headers.AllKeys.OfType<string>())
        {
            headers[key] = http.Headers[key] ?? string.Empty;
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in http.QueryString.AllKeys.OfType<string>())
        {
            query[key] = http.QueryString[key] ?? string.Empty;
        }

        return new HttpExchange(http.HttpMethod, url, headers, query);
    }

    /// <summary>Cancels <paramref name="stopping"/> once no request has been running or arrived for <paramref name="idle"/>.</summary>
    private async Task StopWhenIdleAsync(TimeSpan idle, CancellationTokenSource stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(idle.TotalMilliseconds / 4, 10, 250)));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                if (Volatile.Read(ref inFlight) == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastActivity)) >= idle)
                {
                    await stopping.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
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

    private static async Task RespondAsync(HttpListenerContext context, int status, string bodyFile)
    {
        try
        {
            context.Response.StatusCode = status;
            if (File.Exists(bodyFile))
            {
                await using var body = new FileStream(bodyFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                context.Response.ContentLength64 = body.Length;
                await body.CopyToAsync(context.Response.OutputStream);
            }
            else
            {
                context.Response.ContentLength64 = 0;
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
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
