using System.Net;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// A real downstream HTTP service on 127.0.0.1 with limited capacity (see <see cref="SaturatingServiceOptions"/>):
/// under light load it answers 202 after its service time; under heavy load requests queue, latency rises, and
/// those that cannot queue or wait too long get 503.
/// </summary>
internal sealed class SaturatingService : IAsyncDisposable
{
    private readonly SaturatingServiceOptions options;
    private readonly HttpListener listener = new();
    private readonly SemaphoreSlim servers;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int waiting;

    private SaturatingService(SaturatingServiceOptions options, int port)
    {
        this.options = options;
        servers = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        Url = new Uri($"http://127.0.0.1:{port}{options.Path}");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>The service's endpoint.</summary>
    public Uri Url { get; }

    /// <summary>Starts the service on a free loopback port.</summary>
    public static SaturatingService Start(SaturatingServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SaturatingService(options, Hosting.LoopbackPort.Free());
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
        }

        listener.Close();
        stop.Dispose();
        servers.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(stop.Token);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context), CancellationToken.None);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        try
        {
            await context.Request.InputStream.CopyToAsync(Stream.Null, stop.Token);
            if (Interlocked.Increment(ref waiting) <= options.QueueLimit + options.Concurrency
                && await servers.WaitAsync(options.QueueTimeout, stop.Token))
            {
                try
                {
                    await Task.Delay(options.ServiceTime, stop.Token);
                    status = HttpStatusCode.Accepted;
                }
                finally
                {
                    servers.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
            Respond(context, status);
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
            // The caller gave up (its timeout): nobody is left to answer.
        }
    }
}
