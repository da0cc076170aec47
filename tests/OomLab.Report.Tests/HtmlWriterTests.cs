namespace OomLab.Report.Tests;

public sealed class HtmlWriterTests
{
    [Fact]
    public void Text_and_attribute_values_are_escaped()
    {
        var html = new HtmlWriter();

        html.Element("td", "<img src=x onerror=alert(1)>", ("title", "\"><script>alert(1)</script>"), ("data-n", 1.26), ("open", true), ("hidden", false), ("id", null));

        html.ToString().ShouldBe("<td title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" data-n=\"1.3\" open>&lt;img src=x onerror=alert(1)&gt;</td>");
    }

    [Theory]
    [InlineData("img src=x")]
    [InlineData("a><script")]
    [InlineData("")]
    [InlineData("on\"click")]
    public void Tag_and_attribute_names_must_be_identifiers(string name)
    {
        var html = new HtmlWriter();

        Should.Throw<ArgumentException>(() => html.Open(name));
        Should.Throw<ArgumentException>(() => html.Element("p", "x", (name, "v")));
    }

    [Fact]
    public void Scopes_close_elements_in_order_and_unclosed_ones_are_refused()
    {
        var html = new HtmlWriter();
        using (html.Open("ul", ("class", "legend")))
        using (html.Open("li"))
        {
            html.Text("a < b");
        }

        html.ToString().ShouldBe("<ul class=\"legend\"><li>a &lt; b</li></ul>");
        var unclosed = new HtmlWriter();
        unclosed.Open("div");
        Should.Throw<InvalidOperationException>(unclosed.ToString);
    }

    [Fact]
    public void Empty_elements_are_self_closed_for_svg()
    {
        var html = new HtmlWriter();

        html.Empty("line", ("x1", 0.04), ("x2", 12.0));

        html.ToString().ShouldBe("<line x1=\"0\" x2=\"12\"/>");
    }
}
