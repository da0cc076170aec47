using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary><c>strcat</c> and <c>tostring</c> over whole columns give, row by row, what they give for one value.</summary>
public sealed class StringKernelTests
{
    private const string Header = "datatable(s:string, n:long, r:real, d:dynamic)";

    private static readonly string[] RowValues =
    [
        """ "a", 1, 1.5, dynamic({"k":"7","p":"x"}) """,
        """ "", long(null), real(null), dynamic({"k":7}) """,
        """ "é", -5, 0.25, dynamic(null) """,
        """ "a", 1, 1.5, dynamic({"k":"7","p":"x"}) """,
        """ "a", 1, 1.5, dynamic({"k":"7","p":"x"}) """,
        """ "b", 1, 1.5, dynamic({"k":"7","p":"x"}) """,
        """ "b", 2, 1e300, dynamic([1,"two"]) """,
    ];

    [Theory]
    [InlineData("strcat(s, \"/\", tostring(d.k))", "a/7", "/7", "é/", "a/7", "a/7", "b/7", "b/")]
    [InlineData("strcat(s, n, r)", "a11.5", "", "é-50.25", "a11.5", "a11.5", "b11.5", "b21E+300")]
    [InlineData("strcat(d.k, \"-\", d.p)", "7-x", "7-", "-", "7-x", "7-x", "7-x", "-")]
    [InlineData("tostring(d)", """{"k":"7","p":"x"}""", """{"k":7}""", "", """{"k":"7","p":"x"}""", """{"k":"7","p":"x"}""", """{"k":"7","p":"x"}""", """[1,"two"]""")]
    [InlineData("tostring(d.k)", "7", "7", "", "7", "7", "7", "")]
    [InlineData("tostring(n)", "1", "", "-5", "1", "1", "1", "2")]
    [InlineData("tostring(s)", "a", "", "é", "a", "a", "b", "b")]
    public void Column_values_are_the_values_of_each_row(string expression, params string[] expected)
    {
        Rows(Table($"{Header}[{string.Join(",", RowValues)}] | project x = {expression}")).ShouldBe(expected);
        for (var row = 0; row < expected.Length; row++)
        {
            Rows(Table($"{Header}[{RowValues[row]}] | project x = {expression}")).ShouldBe([expected[row]], $"row {row}");
        }
    }
}
