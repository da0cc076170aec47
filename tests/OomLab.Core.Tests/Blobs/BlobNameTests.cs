using OomLab.Blobs;

namespace OomLab.Tests.Blobs;

public sealed class BlobNameTests
{
    [Theory]
    [InlineData("a.txt")]
    [InlineData("folder/sub/a.txt")]
    [InlineData("name with spaces.csv")]
    [InlineData("unicodé/файл.bin")]
    [InlineData("a..b")]
    [InlineData("...")]
    public void Accepts_names_that_stay_inside_the_container(string value)
    {
        BlobName.TryCreate(value, out var name, out var error).ShouldBeTrue(error);
        name.Value.ShouldBe(value);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "", BlobMessages.EmptyName },
        { "..", BlobMessages.DotSegment("..") },
        { "../etc/passwd", BlobMessages.DotSegment("..") },
        { "a/../../b", BlobMessages.DotSegment("..") },
        { "./a", BlobMessages.DotSegment(".") },
        { "/etc/passwd", BlobMessages.Absolute },
        { "a\0b", BlobMessages.ControlCharacter('\0') },
        { "a\nb", BlobMessages.ControlCharacter('\n') },
        { "a\u001bb", BlobMessages.ControlCharacter('\u001b') },
        { "a\u007fb", BlobMessages.ControlCharacter('\u007f') },
        { "a//b", BlobMessages.EmptySegment },
        { "a/", BlobMessages.EmptySegment },
        { "a\\..\\b", BlobMessages.Backslash },
        { new string('x', 1025), BlobMessages.NameTooLong(1025) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_names_that_could_escape_or_mislead(string value, string reason)
    {
        BlobName.TryCreate(value, out _, out var error).ShouldBeFalse();
        error.ShouldBe(reason);
        var exception = Should.Throw<InvalidBlobNameException>(() => BlobName.Create(value));
        exception.Message.ShouldBe(BlobMessages.InvalidName(value, reason));
        exception.Message.ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("input", true)]
    [InlineData("output-2", true)]
    [InlineData("in", false)]
    [InlineData("Input", false)]
    [InlineData("-input", false)]
    [InlineData("in--put", false)]
    [InlineData("in_put", false)]
    public void Container_names_follow_Azure_rules(string value, bool valid) =>
        ContainerName.TryCreate(value, out _).ShouldBe(valid);
}
