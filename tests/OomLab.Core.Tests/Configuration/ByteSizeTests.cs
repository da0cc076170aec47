using OomLab.Configuration;

namespace OomLab.Tests.Configuration;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("0", 0L)]
    [InlineData("4KiB", 4096L)]
    [InlineData("4 KiB", 4096L)]
    [InlineData("6MiB", 6L * 1024 * 1024)]
    [InlineData("224MiB", 224L * 1024 * 1024)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("2TiB", 2L << 40)]
    [InlineData("100MB", 100_000_000L)]
    [InlineData("1KB", 1000L)]
    [InlineData("3.5GB", 3_500_000_000L)]
    [InlineData("1.5KiB", 1536L)]
    [InlineData("10B", 10L)]
    [InlineData("64mib", 64L * 1024 * 1024)]
    [InlineData(" 2gb ", 2_000_000_000L)]
    public void Parses_decimal_and_binary_units(string text, long bytes)
    {
        ByteSize.Parse(text).Bytes.ShouldBe(bytes);
        ByteSize.TryParse(text, out var size).ShouldBeTrue();
        size.Bytes.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("MiB")]
    [InlineData("abc")]
    [InlineData("-4KiB")]
    [InlineData("4 XB")]
    [InlineData("4KiBs")]
    [InlineData("1e3")]
    [InlineData("99999999999TiB")]
    public void Refuses_what_is_not_a_size(string text)
    {
        ByteSize.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeEmpty();
        Should.Throw<FormatException>(() => ByteSize.Parse(text)).Message.ShouldBe(error);
    }

    [Fact]
    public void Error_names_the_text_and_the_units()
    {
        ByteSize.TryParse("lots", out _, out var error);
        error.ShouldBe(ByteSizeMessages.NotASize("lots"));
    }

    [Theory]
    [InlineData(4096L, "4KiB")]
    [InlineData(224L * 1024 * 1024, "224MiB")]
    [InlineData(1536L, "1536B")]
    [InlineData(0L, "0B")]
    public void Formats_back_to_a_parseable_text(long bytes, string text)
    {
        new ByteSize(bytes).ToString().ShouldBe(text);
        ByteSize.Parse(text).Bytes.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("4KiB", 4096L, 4096L)]
    [InlineData("6MiB..12MiB", 6L << 20, 12L << 20)]
    [InlineData("1KB..1KiB", 1000L, 1024L)]
    public void Parses_a_size_or_a_range(string text, long min, long max)
    {
        ByteSizeRange.TryParse(text, out var range, out _).ShouldBeTrue();
        range.Min.Bytes.ShouldBe(min);
        range.Max.Bytes.ShouldBe(max);
    }

    [Theory]
    [InlineData("12MiB..6MiB")]
    [InlineData("..6MiB")]
    [InlineData("6MiB..")]
    [InlineData("6MiB..x")]
    public void Refuses_bad_ranges(string text) => ByteSizeRange.TryParse(text, out _, out _).ShouldBeFalse();

    [Fact]
    public void Range_samples_stay_within_bounds_and_repeat_with_the_seed()
    {
        var range = new ByteSizeRange(ByteSize.FromMiB(6), ByteSize.FromMiB(12));
        var first = Enumerable.Range(0, 1000).Select(_ => range.Sample(new Random(42))).ToArray();
        var random = new Random(7);
        var samples = Enumerable.Range(0, 1000).Select(_ => range.Sample(random)).ToArray();

        samples.ShouldAllBe(s => s >= range.Min && s <= range.Max);
        samples.Distinct().Count().ShouldBeGreaterThan(900);
        first.Distinct().ShouldHaveSingleItem();
    }
}
