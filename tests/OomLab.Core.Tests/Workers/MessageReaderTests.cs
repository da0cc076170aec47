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

    [Theory]
    [InlineData(1000)]
    [InlineData(64 * 1024)]
    public async Task A_line_over_the_limit_is_reported_once_cut_short_and_the_next_line_is_read(int chunk)
    {
        const int length = 3 * 1024 * 1024;
        const string completed = "{\"type\":\"completed\",\"invocationId\":\"b\",\"durationTicks\":5,\"outputs\":[]}\n";
        var reader = new MessageReader<WorkerMessage>(new FloodStream(length, "\n" + completed, chunk), WorkerJsonContext.Default.WorkerMessage);

        var flood = await reader.ReadAsync();
        var next = await reader.ReadAsync();
        var end = await reader.ReadAsync();

        flood!.Value.Message.ShouldBeNull();
        flood.Value.Line!.Length.ShouldBeLessThan(1024);
        flood.Value.Line.ShouldStartWith(new string('x', 100));
        next!.Value.Message.ShouldBeOfType<CompletedMessage>().InvocationId.ShouldBe("b");
        end.ShouldBeNull();
        reader.Capacity.ShouldBeLessThanOrEqualTo(ProtocolLimits.MaxLineBytes + 1);
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public async Task A_line_at_the_limit_is_read_and_one_byte_more_is_not(int length, bool tooLong)
    {
        // A log message padded so that its whole line is exactly `length` bytes.
        const string head = "{\"type\":\"log\",\"invocationId\":\"a\",\"level\":2,\"message\":\"";
        var line = head + new string('m', length - head.Length - 2) + "\"}";
        var text = line + "\n{\"type\":\"completed\",\"invocationId\":\"b\",\"durationTicks\":5,\"outputs\":[]}\n";
        var reader = new MessageReader<WorkerMessage>(new TrickleStream(Encoding.UTF8.GetBytes(text), 7), WorkerJsonContext.Default.WorkerMessage, maxLineBytes: 1000);

        var first = await reader.ReadAsync();
        var second = await reader.ReadAsync();

        Encoding.UTF8.GetByteCount(line).ShouldBe(length);
        first!.Value.Line.ShouldBe(tooLong ? ProtocolMessages.LineTooLong(line[..ProtocolLimits.ReportedPrefixBytes], 1000) : null);
        (first.Value.Message as LogMessage)?.Message.Length.ShouldBe(length - head.Length - 2);
        (first.Value.Message is null).ShouldBe(tooLong);
        second!.Value.Message.ShouldBeOfType<CompletedMessage>().InvocationId.ShouldBe("b");
        (await reader.ReadAsync()).ShouldBeNull();
        reader.Capacity.ShouldBeLessThanOrEqualTo(1001);
    }

    [Fact]
    public void A_worker_cuts_a_text_too_long_for_one_line_and_says_so()
    {
        var huge = new string('\u0001', 10 * ProtocolLimits.MaxTextChars);

        var clipped = ProtocolLimits.Clip(huge);
        var line = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new FailedMessage("a", "System.Exception", clipped, clipped, 1), WorkerJsonContext.Default.WorkerMessage);

        clipped.ShouldEndWith(ProtocolMessages.Clipped(huge.Length));
        clipped.Length.ShouldBe(ProtocolLimits.MaxTextChars + ProtocolMessages.Clipped(huge.Length).Length);
        line.Length.ShouldBeLessThan(ProtocolLimits.MaxLineBytes, "a failed message with both texts escaped as \\uXXXX still fits one line");
        ProtocolLimits.Clip("short").ShouldBe("short");
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    /// <summary><c>length</c> bytes of 'x' with no newline, then <c>tail</c>, made as they are read (never held whole).</summary>
    private sealed class FloodStream(long length, string tail, int chunk) : Stream
    {
        private readonly byte[] tailBytes = Encoding.UTF8.GetBytes(tail);
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + tailBytes.Length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(Math.Min(buffer.Length, chunk), Length - position);
            for (var i = 0; i < n; i++, position++)
            {
                buffer[i] = position < length ? (byte)'x' : tailBytes[position - length];
            }

            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
