using System.Globalization;
using OomLab.Sdk;

namespace OomLab.Functions;

/// <summary>
/// An HTTP-triggered order intake that buffers the whole request body before parsing it: the body is copied
/// into a <see cref="MemoryStream"/>, then to a byte array, then split into order lines. Memory grows with the
/// body's size (about three times it at the peak) times the requests in flight: large bodies exhaust it.
/// </summary>
[Function("ProcessOrderHttpTrigger")]
public sealed class ProcessOrderHttpTrigger : IBlobFunction
{
    /// <inheritdoc />
    public async Task RunAsync(BlobContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var memory = new MemoryStream();
        await using (var body = context.OpenRead())
        {
            await body.CopyToAsync(memory, cancellationToken);
        }

        var content = memory.ToArray();
        var orders = 0;
        long quantity = 0;
        foreach (var line in content.AsSpan().Split((byte)'\n'))
        {
            var order = content.AsSpan(line);
            if (!order.IsEmpty)
            {
                orders++;
                quantity += order[^1] % 10;
            }
        }

        context.Logger.Log(LogLevel.Information, string.Create(
            CultureInfo.InvariantCulture, $"Parsed {orders} orders ({quantity} items) from a {content.Length}-byte request body buffered in memory"));
    }
}
