using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OomLab.Workers.Protocol;

/// <summary>Writes protocol messages as newline-delimited JSON; safe to call from many threads.</summary>
internal sealed class MessageWriter<T>(Stream output, JsonTypeInfo<T> typeInfo) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await JsonSerializer.SerializeAsync(output, message, typeInfo, cancellationToken);
            output.WriteByte((byte)'\n');
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
