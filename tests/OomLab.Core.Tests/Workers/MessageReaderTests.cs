using System.Text;
using OomLab.Workers.Protocol;

namespace OomLab.Tests.Workers;

public sealed class MessageReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64 * 1024)]
    public async Task Reads_every_line_whatever_the_pipe_hands_over_at_a_time(int chunk)
    {
        var longMessage = new string('x', 40_000);
        var text =
            "{\"type\":\"log\",\"invocationId\":\"a\",\"level\":2,\"message\":\"" + longMessage + "\"}\n" +
            "not json at all\r\n" +
            "{\"type\":\"completed\",\"invocationId\":\"b\",\"durationTicks\":5,\"outputs\":[\"b.txt\",\"b.txt.result.json\"]}";
        var reader = new MessageReader<WorkerMessage>(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), WorkerJsonContext.Default.WorkerMessage);

        var log = await reader.ReadAsync();
        var junk = await reader.ReadAsync();
        var completed = await reader.ReadAsync();
        var end = await reader.ReadAsync();

        log!.Value.Message.ShouldBe(new LogMessage("a", 2, longMessage));
        junk!.Value.Message.ShouldBeNull();
        junk.Value.Line.ShouldBe("not json at all");
        var outputs = completed!.Value.Message.ShouldBeOfType<CompletedMessage>().Outputs;
        outputs.ShouldBe(["b.txt", "b.txt.result.json"]);
        end.ShouldBeNull();
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
