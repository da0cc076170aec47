using OomLab.Blobs;

namespace OomLab.Tests.Blobs;

public sealed class BlobVersionTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4096, 639_112_345_678_901_234)]
    [InlineData(long.MaxValue, 1)]
    public void A_token_parses_back_to_its_version(long length, long ticks)
    {
        var version = new BlobVersion(length, ticks);

        BlobVersion.TryParse(version.Token, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1000")]
    [InlineData("-8dc4b2a1f0e3c11")]
    [InlineData("1000-")]
    [InlineData("zz-10")]
    public void Text_that_is_not_a_token_does_not_parse(string token) => BlobVersion.TryParse(token, out _).ShouldBeFalse();
}
