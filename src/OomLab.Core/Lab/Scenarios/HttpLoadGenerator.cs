using System.Text;

namespace OomLab.Lab.Scenarios;

/// <summary>
/// Sends a scenario's HTTP load: each request a POST of order lines (JSON, one per line) copied from one
/// pregenerated buffer, so that sending costs little. Responses are awaited but not judged: the host's
/// telemetry is the record.
/// </summary>
internal sealed class HttpLoadGenerator(Uri endpoint, LabClock clock, int seed) : IDisposable
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Requests sent so far.</summary>
    public int Sent => Volatile.Read(ref sent);

    private int sent;

    public async Task RunAsync(IReadOnlyList<HttpLoad> loads, CancellationToken cancellationToken = default)
    {
        if (loads.Count == 0)
        {
            return;
        }

        var body = Body((int)loads.Max(l => l.Sizes.Max.Bytes));
        await Task.WhenAll(loads.Select((load, i) => RunAsync(load, body, seed * 1000 + i, cancellationToken)));
    }

    private async Task RunAsync(HttpLoad load, byte[] body, int loadSeed, CancellationToken cancellationToken)
    {
        await clock.WaitUntilAsync(load.Start, cancellationToken);
        var random = new Random(loadSeed);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var requests = new List<Task>();
        for (var n = 0; n < load.Count; n++)
        {
            var due = TimeSpan.FromSeconds(n / load.Rate) - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var size = (int)load.Sizes.Sample(random).Bytes;
            requests.Add(PostAsync(body, size, cancellationToken));
        }

        await Task.WhenAll(requests);
    }

    public void Dispose() => client.Dispose();

    private async Task PostAsync(byte[] body, int size, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref sent);
        try
        {
            using var content = new ByteArrayContent(body, 0, size);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
            using var response = await client.PostAsync(endpoint, content, cancellationToken);
        }
        catch (HttpRequestException)
        {
            // The host went away mid-request (a restart): the request is lost, as a client would see it.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static byte[] Body(int size)
    {
        var body = new byte[size];
        var offset = 0;
        for (var order = 1; offset < size; order++)
        {
            var line = Encoding.ASCII.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"orderId\":{order},\"sku\":\"SKU-{order % 997:D5}\",\"qty\":{order % 9 + 1}}}\n"));
            var take = Math.Min(line.Length, size - offset);
            line.AsSpan(0, take).CopyTo(body.AsSpan(offset));
            offset += take;
        }

        return body;
    }
}
