using static OomLab.Kql.Tests.Support.QueryRunner;

namespace OomLab.Kql.Tests;

/// <summary>Bad queries give located diagnostics with stable codes, several at once, never an exception.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("requests | where durationn > 1s", Messages.UnknownColumnCode, 1, 18, "unknown column or name 'durationn'; did you mean 'duration'?")]
    [InlineData("request | take 1", Messages.UnknownTableCode, 1, 1, "unknown table 'request'; did you mean 'requests'?")]
    [InlineData("print strlenn(\"a\")", Messages.UnknownFunctionCode, 1, 7, "unknown function 'strlenn'; did you mean 'strlen'?")]
    [InlineData("requests | wher success", Messages.UnknownOperatorCode, 1, 12, "unknown query operator 'wher'; did you mean 'where'?")]
    [InlineData("requests | where name > 1", Messages.TypeMismatchCode, 1, 23, "operator '>' cannot be applied to string and long")]
    [InlineData("requests | where duration", Messages.TypeMismatchCode, 1, 18, "where cannot be applied to a timespan predicate (a bool is required)")]
    [InlineData("print 1 + \"a\"", Messages.TypeMismatchCode, 1, 9, "operator '+' cannot be applied to long and string")]
    [InlineData("requests | where (success == true", Messages.UnbalancedCode, 1, 18, "'(' is never closed: expected ')'")]
    [InlineData("requests | where success == true)", Messages.UnbalancedCode, 1, 33, "')' has no matching opening bracket")]
    [InlineData("let a = b;\nlet b = 1;\nprint a", Messages.UsedBeforeDefinitionCode, 1, 9, "'b' is used before its let statement on line 2")]
    [InlineData("print 99999999999999999999999", Messages.LiteralOutOfRangeCode, 1, 7, "the literal '99999999999999999999999' is out of range for long")]
    [InlineData("print 1e999", Messages.LiteralOutOfRangeCode, 1, 7, "the literal '1e999' is out of range for real")]
    [InlineData("print \"abc", Messages.UnterminatedStringCode, 1, 7, "unterminated string literal")]
    [InlineData("print datetime(2026-13-45)", Messages.InvalidLiteralCode, 1, 7, "'2026-13-45' is not a valid datetime literal")]
    [InlineData("requests | project count()", Messages.AggregateContextCode, 1, 20, "aggregate function count() can only be used in summarize")]
    [InlineData("requests | summarize n = count() by name | extend x = duration", Messages.UnknownColumnCode, 1, 55, "unknown column or name 'duration'")]
    [InlineData("requests | summarize x = duration", Messages.AggregateContextCode, 1, 26, "'duration' must be a group key or appear inside an aggregate function")]
    [InlineData("requests | join kind=sideways (traces) on operation_Id", Messages.InvalidArgumentCode, 1, 17, "join: unknown kind 'sideways'; expected one of innerunique, inner, leftouter, rightouter, fullouter, leftanti, anti, leftantisemi, rightanti, rightantisemi, leftsemi, rightsemi")]
    [InlineData("print substring(\"a\")", Messages.ArgumentCountCode, 1, 7, "substring() expects 2 to 3 argument(s) but got 1")]
    [InlineData("requests | take now()", Messages.ExpectedConstantCode, 1, 17, "the row count of take (a non-negative long) must be a constant")]
    [InlineData("print x = 1 ^ 2", Messages.UnexpectedCharacterCode, 1, 13, "unexpected character '^'")]
    [InlineData("let f = (x:long) { x + nope };\nprint f(1)", Messages.InvalidArgumentCode, 2, 7, "in the body of f(): unknown column or name 'nope'")]
    [InlineData("let f = (x:long, y:long = 2) { x + y };\nprint f()", Messages.ArgumentCountCode, 2, 7, "f() expects 2 argument(s) but got 0")]
    [InlineData("let f = (x:long) { g(x) };\nlet g = (x:long) { f(x) };\nprint f(1)", Messages.InvalidArgumentCode, 3, 7, "f: a user-defined function cannot call itself")]
    [InlineData("print x = 1 | evaluate bag_unpack(x)", Messages.TypeMismatchCode, 1, 35, "bag_unpack() cannot be applied to long (a dynamic property bag is required)")]
    [InlineData("print s = 'a' | parse kind=fuzzy s with x", Messages.InvalidArgumentCode, 1, 17, "parse: kind must be simple, regex or relaxed, not 'fuzzy'")]
    [InlineData("print s = 'a' | evaluate bag_unpak(s)", Messages.UnknownFunctionCode, 1, 26, "unknown function 'bag_unpak'; did you mean 'bag_unpack'?")]
    [InlineData("range x from 1 to 3 step 1 | summarize (a, b, c) = percentiles(x, 50, 90)", Messages.ArgumentCountCode, 1, 40, "percentiles() gives 2 column(s) but 3 name(s) are given for them")]
    public void Bad_query_reports_a_located_error(string query, string code, int line, int column, string message)
    {
        var result = Run(query);
        result.Succeeded.ShouldBeFalse();
        result.Tables.ShouldBeEmpty();
        var diagnostic = result.Diagnostics[0];
        (diagnostic.Code, diagnostic.Line, diagnostic.Column, diagnostic.Message).ShouldBe((code, line, column, message));
    }

    [Fact]
    public void Several_errors_are_reported_together()
    {
        var result = Run("requests | where foo == 1 | project bar, name\n| summarize count() by baz");
        result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).ShouldBe(
        [
            (Messages.UnknownColumnCode, 1, 18),
            (Messages.UnknownColumnCode, 1, 37),
            (Messages.UnknownColumnCode, 2, 24),
        ]);
    }

    [Fact]
    public void A_syntax_error_in_one_operator_does_not_hide_errors_in_the_next()
    {
        var result = Run("requests | where x == | project nope");
        result.Diagnostics.Count.ShouldBeGreaterThanOrEqualTo(2);
        result.Diagnostics.Select(d => d.Code).ShouldBe([Messages.ExpectedCode, Messages.UnknownColumnCode]);
    }

    [Fact]
    public void Format_shows_the_line_and_a_caret_under_the_span()
    {
        const string query = "requests\n| where durationn > 1s";
        var diagnostic = Run(query).Diagnostics.Single();
        diagnostic.Format(query, "q.kql").ShouldBe(
            "q.kql:2:9: error KQL020: unknown column or name 'durationn'; did you mean 'duration'?\n" +
            "| where durationn > 1s\n" +
            "        ^~~~~~~~~");
    }

    [Fact]
    public void Check_reports_without_running()
    {
        KqlEngine.Check("requests | take 1", Support.LabFixture.Tables()).ShouldBeEmpty();
        KqlEngine.Check("requests | take", Support.LabFixture.Tables()).Single().Code.ShouldBe(Messages.ExpectedCode);
    }

    [Fact]
    public void LetNames_lists_the_let_statements_in_order_and_skips_ones_that_do_not_parse()
    {
        KqlEngine.LetNames("let a = requests | take 1; let ['b c'] = 2; let broken = ; print x = 1; let d = a | count").ShouldBe(["a", "b c", "d"]);
        KqlEngine.LetNames("requests | count").ShouldBeEmpty();
    }
}
