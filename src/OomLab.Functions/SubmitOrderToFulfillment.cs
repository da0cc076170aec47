using System.Diagnostics;
using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// Forwards each small order file to the fulfilment service at <c>FULFILLMENT_URL</c> with an HTTP POST
/// (timeout <c>FULFILLMENT_TIMEOUT_MS</c>, default 2000 ms), recording the call as an <c>HTTP</c> dependency.
/// A failed call fails the invocation. Streams the file; memory stays small whatever the service does.
/// </summary>
[Function("SubmitOrderToFulfillment")]
public sealed class SubmitOrderToFulfillment : IBlobFunction, IDisposable
{
    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = new Uri(context.GetSetting("FULFILLMENT_URL") ?? throw new InvalidOperationException("app setting FULFILLMENT_URL is not set"));
        var timeout = TimeSpan.FromMilliseconds(
            int.TryParse(context.GetSetting("FULFILLMENT_TIMEOUT_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : 2000);
        await using var input = context.OpenRead();
        using var content = new StreamContent(input);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        string resultCode;
        var success = false;
        try
        {
            using var response = await client.PostAsync(url, content, timeoutSource.Token);
            resultCode = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            success = response.IsSuccessStatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            resultCode = "Timeout";
        }
        catch (HttpRequestException ex)
        {
            resultCode = ex.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "ConnectionError";
        }

        var duration = Stopwatch.GetElapsedTime(started);
        context.TrackDependency(new DependencyCall("HTTP", url.Authority, $"POST {url.AbsolutePath}", duration, success, resultCode));
        if (!success)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                $"Fulfilment service call POST {url.AbsolutePath} failed with {resultCode} after {(long)duration.TotalMilliseconds} ms"));
        }

        context.Logger.Log(LogLevel.Information, $"Submitted {context.BlobName} to fulfilment ({resultCode})");
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();
}
