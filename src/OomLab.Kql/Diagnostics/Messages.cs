namespace OomLab.Kql;

/// <summary>
/// Every message the engine reports, one named factory each; tests assert codes and these texts.
/// </summary>
internal static class Messages
{
    public const string UnexpectedCharacterCode = "KQL001";
    public const string UnterminatedStringCode = "KQL002";
    public const string LiteralOutOfRangeCode = "KQL003";
    public const string InvalidLiteralCode = "KQL004";
    public const string ExpectedCode = "KQL010";
    public const string UnbalancedCode = "KQL011";
    public const string UnknownOperatorCode = "KQL012";
    public const string UnknownColumnCode = "KQL020";
    public const string UnknownTableCode = "KQL021";
    public const string UnknownFunctionCode = "KQL022";
    public const string UsedBeforeDefinitionCode = "KQL023";
    public const string TypeMismatchCode = "KQL024";
    public const string ArgumentCountCode = "KQL025";
    public const string AggregateContextCode = "KQL026";
    public const string ExpectedConstantCode = "KQL027";
    public const string ExpectedTabularCode = "KQL028";
    public const string ExpectedScalarCode = "KQL029";
    public const string InvalidArgumentCode = "KQL030";
    public const string RowBudgetCode = "KQL090";
    public const string MemoryBudgetCode = "KQL091";
    public const string RuntimeErrorCode = "KQL092";

    public static DiagnosticMessage UnexpectedCharacter(char c) => new(UnexpectedCharacterCode, $"unexpected character '{c}'");

    public static DiagnosticMessage UnterminatedString() => new(UnterminatedStringCode, "unterminated string literal");

    public static DiagnosticMessage LiteralOutOfRange(string text, string type) =>
        new(LiteralOutOfRangeCode, $"the literal '{Shorten(text)}' is out of range for {type}");

    public static DiagnosticMessage InvalidLiteral(string kind, string text) =>
        new(InvalidLiteralCode, $"'{Shorten(text)}' is not a valid {kind} literal");

    public static DiagnosticMessage Expected(string expected, string found) =>
        new(ExpectedCode, $"expected {expected} but found {found}");

    public static DiagnosticMessage Unclosed(string open, string close) =>
        new(UnbalancedCode, $"'{open}' is never closed: expected '{close}'");

    public static DiagnosticMessage UnmatchedClose(string close) =>
        new(UnbalancedCode, $"'{close}' has no matching opening bracket");

    public static DiagnosticMessage UnknownOperator(string name, string? suggestion) =>
        new(UnknownOperatorCode, $"unknown query operator '{name}'{DidYouMean(suggestion)}");

    public static DiagnosticMessage UnknownColumn(string name, string? suggestion) =>
        new(UnknownColumnCode, $"unknown column or name '{name}'{DidYouMean(suggestion)}");

    public static DiagnosticMessage UnknownTable(string name, string? suggestion) =>
        new(UnknownTableCode, $"unknown table '{name}'{DidYouMean(suggestion)}");

    public static DiagnosticMessage UnknownFunction(string name, string? suggestion) =>
        new(UnknownFunctionCode, $"unknown function '{name}'{DidYouMean(suggestion)}");

    public static DiagnosticMessage UsedBeforeDefinition(string name, int line) =>
        new(UsedBeforeDefinitionCode, $"'{name}' is used before its let statement on line {line}");

    public static DiagnosticMessage TypeMismatch(string what, string types) =>
        new(TypeMismatchCode, $"{what} cannot be applied to {types}");

    public static DiagnosticMessage ArgumentCount(string function, string expected, int actual) =>
        new(ArgumentCountCode, $"{function}() expects {expected} argument(s) but got {actual}");

    public static DiagnosticMessage InFunction(string function, string message) =>
        new(InvalidArgumentCode, $"in the body of {function}(): {message}");

    public static DiagnosticMessage NameCount(string function, int columns, int names) =>
        new(ArgumentCountCode, $"{function}() gives {columns} column(s) but {names} name(s) are given for them");

    public static DiagnosticMessage AggregateOutsideSummarize(string function) =>
        new(AggregateContextCode, $"aggregate function {function}() can only be used in summarize");

    public static DiagnosticMessage NotAggregated(string name) =>
        new(AggregateContextCode, $"'{name}' must be a group key or appear inside an aggregate function");

    public static DiagnosticMessage ExpectedConstant(string what) => new(ExpectedConstantCode, $"{what} must be a constant");

    public static DiagnosticMessage ExpectedTabular(string name) => new(ExpectedTabularCode, $"'{name}' is a scalar, a tabular expression is expected here");

    public static DiagnosticMessage ExpectedScalar(string name) => new(ExpectedScalarCode, $"'{name}' is a table, a scalar expression is expected here");

    public static DiagnosticMessage InvalidArgument(string function, string reason) =>
        new(InvalidArgumentCode, $"{function}: {reason}");

    public static DiagnosticMessage RowBudgetExceeded(string where, long rows, long budget) =>
        new(RowBudgetCode, $"{where} would produce {rows:N0} rows, over the row budget of {budget:N0} (KqlOptions.MaxRows)");

    public static DiagnosticMessage MemoryBudgetExceeded(string where, long bytes, long budget) =>
        new(MemoryBudgetCode, $"{where} would use about {bytes / (1024 * 1024):N0} MiB, over the memory budget of {budget / (1024 * 1024):N0} MiB (KqlOptions.MaxMemoryBytes)");

    public static DiagnosticMessage RuntimeError(string what) => new(RuntimeErrorCode, what);

    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
