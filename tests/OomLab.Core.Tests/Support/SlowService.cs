using System.Collections.Concurrent;
using System.Net;
using System.Text;
using OomLab.Hosting;

namespace OomLab.Tests.Support;

/// <summary>A real HTTP service on 127.0.0.1 that answers every POST with 200 after <c>delay</c>, counting the bodies it got.</summary>
internal sealed class SlowService : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly TimeSpan delay;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public SlowService(TimeSpan delay)
    {
        this.delay = delay;
        var port = LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}/orders");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>How many times each body was posted.</summary>
    public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        listener.Close();
        stop.Dispose();
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
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context), CancellationToken.None);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(stop.Token);
            Received.AddOrUpdate(body, 1, (_, n) => n + 1);
            await Task.Delay(delay, stop.Token);
            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
        }
    }
}
