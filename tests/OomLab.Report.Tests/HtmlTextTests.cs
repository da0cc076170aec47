namespace OomLab.Report.Tests;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain text 123", "plain text 123")]
    [InlineData("<img src=x onerror=alert(1)>.csv", "&lt;img src=x onerror=alert(1)&gt;.csv")]
    [InlineData("</script><script>alert(1)</script>", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;")]
    [InlineData("line\nbreak\ttab\r", "line\nbreak\ttab\r")]
    [InlineData("bell\u0007 nul\0 del\u007f", "bell nul del")]
    [InlineData("é ✓ 日本 🙂", "é ✓ 日本 🙂")]
    public void Escape_turns_markup_into_text(string? input, string expected) =>
        HtmlText.Escape(input).ShouldBe(expected);

    [Fact]
    public void Escaped_text_never_contains_a_markup_character_for_any_input()
    {
        var random = new Random(6);
        const string alphabet = "<>&\"' =/abc\n\u0001";
        for (var i = 0; i < 2_000; i++)
        {
            var input = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var escaped = HtmlText.Escape(input);

            escaped.IndexOfAny(['<', '>', '"', '\'', '\u0001']).ShouldBe(-1, input);
            System.Net.WebUtility.HtmlDecode(escaped).ShouldBe(input.Replace("\u0001", string.Empty, StringComparison.Ordinal));
        }
    }
}
