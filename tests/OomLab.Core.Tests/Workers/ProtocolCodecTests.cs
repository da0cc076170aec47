using System.Buffers;
using System.Text;
using System.Text.Json;
using OomLab.Workers.Protocol;

namespace OomLab.Tests.Workers;

public sealed class ProtocolCodecTests
{
    public static TheoryData<object> HotMessages() => new()
    {
        new InvokeMessage("id-1", "a/b \"c\" é.txt", "/root/input/a/b.txt", 4096, "/root/output/.staging/3", "input", TrackBlobRead: false),
        new LogMessage("id-1", 4, "Streamed 4096 bytes of <a&b>\n"),
        new DependencyMessage("id-1", "Azure blob", "input", "GET a.txt", 1234, true, "200", new Dictionary<string, string> { ["ContentLengthBytes"] = "4096" }),
        new DependencyMessage("id-1", "HTTP", "api", "GET /", 5, false, "500", null),
        new CompletedMessage("id-1", 98765, ["a.txt", "a.txt.result.json"]),
        new CompletedMessage("id-1", 0, []),
    };

    [Theory]
    [MemberData(nameof(HotMessages))]
    public void Writes_the_same_bytes_as_the_serializer_and_reads_them_back(object message)
    {
        var expected = message is HostMessage host
            ? JsonSerializer.SerializeToUtf8Bytes(host, WorkerJsonContext.Default.HostMessage)
            : JsonSerializer.SerializeToUtf8Bytes((WorkerMessage)message, WorkerJsonContext.Default.WorkerMessage);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ProtocolCodec.TryWrite(writer, message).ShouldBeTrue();
        }

        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(Encoding.UTF8.GetString(expected));
        var read = message is HostMessage
            ? (object?)ProtocolCodec.TryRead<HostMessage>(expected)
            : ProtocolCodec.TryRead<WorkerMessage>(expected);
        var again = read is HostMessage h
            ? JsonSerializer.SerializeToUtf8Bytes(h, WorkerJsonContext.Default.HostMessage)
            : JsonSerializer.SerializeToUtf8Bytes(read.ShouldBeAssignableTo<WorkerMessage>()!, WorkerJsonContext.Default.WorkerMessage);
        Encoding.UTF8.GetString(again).ShouldBe(Encoding.UTF8.GetString(expected));
    }

    [Theory]
    [InlineData("{\"type\":\"shutdown\"}")]
    [InlineData("{\"type\":\"completed\",\"invocationId\":\"a\",\"durationTicks\":1,\"outputs\":[\"x\"],\"extra\":1}")]
    [InlineData("{\"type\":\"completed\",\"invocationId\":\"a\",\"outputs\":[\"x\"]}")]
    [InlineData("{\"type\":\"log\",\"invocationId\":null,\"level\":2,\"message\":\"m\"}")]
    [InlineData("{\"invocationId\":\"a\",\"type\":\"log\",\"level\":2,\"message\":\"m\"}")]
    public void Leaves_other_and_unusual_messages_to_the_serializer(string json)
    {
        ProtocolCodec.TryRead<WorkerMessage>(Encoding.UTF8.GetBytes(json)).ShouldBeNull();
        ProtocolCodec.TryRead<HostMessage>(Encoding.UTF8.GetBytes(json)).ShouldBeNull();
    }
}
