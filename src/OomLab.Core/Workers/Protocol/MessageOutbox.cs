using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace OomLab.Workers.Protocol;

/// <summary>
/// One side's outgoing protocol messages, as newline-delimited JSON. <see cref="Post"/> never waits and is safe from any
/// thread; <see cref="SendAsync"/>, the only writer, serializes each message into a reused buffer and writes what is
/// waiting together, with one flush per burst: the invocations of a leased batch reach the worker in one write, a burst
/// of completions reaches the host in one. A line is never cut short: sending is not cancellable.
/// </summary>
internal sealed class MessageOutbox<T>(JsonTypeInfo<T> typeInfo)
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Channel<T> queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues <paramref name="message"/>; false once the outbox is complete.</summary>
    public bool Post(T message) => queue.Writer.TryWrite(message);

    /// <summary>No more messages: <see cref="SendAsync"/> returns once what was posted is written.</summary>
    public void Complete() => queue.Writer.TryComplete();

    /// <summary>
    /// Writes posted messages to <paramref name="output"/> until <see cref="Complete"/> and everything posted before
    /// it is written, or until the other side is gone (the stream fails or is closed: nobody is left to tell).
    /// </summary>
    public async Task SendAsync(Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer);
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync())
            {
                json.Reset(buffer);
                if (!ProtocolCodec.TryWrite(json, message!))
                {
                    JsonSerializer.Serialize(json, message, typeInfo);
                }

                json.Flush();
                buffer.Write("\n"u8);
                if (!queue.Reader.TryPeek(out _) || buffer.WrittenCount >= FlushThreshold)
                {
                    await output.WriteAsync(buffer.WrittenMemory);
                    await output.FlushAsync();
                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
    }
}
