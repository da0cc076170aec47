using OomLab.Tests.Support;
using OomLab.Workers;
using OomLab.Workers.Protocol;

namespace OomLab.Tests.Workers;

public sealed class WorkerBlobContextTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly List<WorkerMessage> sent = [];

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Reading_the_blob_records_one_Azure_blob_dependency_with_its_length()
    {
        var context = Context(Some.Blob(dir.Path, "in.bin", 1000));

        await using (var stream = context.OpenRead())
        {
            await stream.CopyToAsync(Stream.Null);
        }

        await context.CompleteAsync();
        var dependency = sent.OfType<DependencyMessage>().ShouldHaveSingleItem();
        dependency.DependencyType.ShouldBe("Azure blob");
        dependency.Target.ShouldBe("input");
        dependency.Name.ShouldBe("GET in.bin");
        dependency.Success.ShouldBeTrue();
        dependency.Properties!["ContentLengthBytes"].ShouldBe("1000");
    }

    [Fact]
    public async Task Outputs_left_open_are_closed_and_listed_in_creation_order()
    {
        var context = Context(Some.Blob(dir.Path, "in.bin", 10));
        await context.CreateOutput("b/second.txt").WriteAsync(new byte[] { 1, 2 });
        await context.CreateOutput("first.txt").WriteAsync(new byte[] { 3 });

        var outputs = await context.CompleteAsync();

        outputs.ShouldBe(["b/second.txt", "first.txt"]);
        File.ReadAllBytes(dir.Combine("out", "b", "second.txt")).ShouldBe(new byte[] { 1, 2 });
        sent.OfType<DependencyMessage>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/passwd")]
    public void An_output_name_that_escapes_is_refused(string name)
    {
        var context = Context(Some.Blob(dir.Path, "in.bin", 10));

        Should.Throw<ArgumentException>(() => context.CreateOutput(name)).Message.ShouldStartWith(WorkerErrors.InvalidOutputName(name));
        File.Exists(dir.Combine("escape.txt")).ShouldBeFalse();
    }

    private WorkerBlobContext Context(string input) =>
        new(new InvokeMessage("inv-1", Path.GetFileName(input), input, new FileInfo(input).Length, dir.Combine("out"), "input"), sent.Add);
}
