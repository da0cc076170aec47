using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OomLab.Workers.Protocol;

/// <summary>
/// Writes protocol messages as newline-delimited JSON; safe to call from many threads. Each message is
/// serialized into a reused buffer and reaches the stream in one write with its newline; a caller that knows
/// more messages follow can hold the flush (<c>flush: false</c>) so a burst costs one write.
/// </summary>
internal sealed class MessageWriter<T>(Stream output, JsonTypeInfo<T> typeInfo) : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private Utf8JsonWriter? json;

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default) =>
        await WriteAsync(message, flush: true, cancellationToken);

    /// <summary>Adds <paramref name="message"/>; writes what is buffered when <paramref name="flush"/> or when the buffer is large.</summary>
    public async Task WriteAsync(T message, bool flush, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (json is null)
            {
                json = new Utf8JsonWriter(buffer);
            }
            else
            {
                json.Reset(buffer);
            }

            if (!ProtocolCodec.TryWrite(json, message!))
            {
                JsonSerializer.Serialize(json, message, typeInfo);
            }

            json.Flush();
            buffer.Write("\n"u8);
            if (flush || buffer.WrittenCount >= FlushThreshold)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                await output.FlushAsync(cancellationToken);
                buffer.ResetWrittenCount();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        json?.Dispose();
        gate.Dispose();
    }
}
