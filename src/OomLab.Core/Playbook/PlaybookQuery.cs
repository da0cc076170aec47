using OomLab.Kql;

namespace OomLab.Playbook;

/// <summary>
/// Runs a query or rule from the playbook with a preamble of <c>let</c> statements before it, and maps any
/// KQL diagnostic back to the playbook file's line and column.
/// </summary>
internal static class PlaybookQuery
{
    /// <summary>Runs <paramref name="body"/> as a query after <paramref name="preamble"/>.</summary>
    public static KqlResult Run(string preamble, PlaybookText body, string source, ITableSource tables, KqlOptions options, CancellationToken cancellationToken)
    {
        var text = preamble + body.Value;
        var result = KqlEngine.Execute(text, tables, options, cancellationToken);
        return result.Succeeded ? result : throw Located(result.Diagnostics[0], preamble, body, source);
    }

    /// <summary>Runs <paramref name="rule"/> as <c>print v = (rule)</c> and returns the value (null when null).</summary>
    public static object? Evaluate(string preamble, PlaybookText rule, string source, ITableSource tables, KqlOptions options, CancellationToken cancellationToken)
    {
        var print = new PlaybookText("print v = (" + rule.Value + ")", rule.Key, rule.Line, rule.Column - "print v = (".Length);
        var result = Run(preamble, print, source, tables, options, cancellationToken);
        var table = result.Table;
        return table.RowCount == 0 ? null : table.Columns[0].GetValue(0);
    }

    /// <summary>Checks <paramref name="body"/> (a query, or a rule when <paramref name="isRule"/>) without running it.</summary>
    public static void Check(string preamble, PlaybookText body, string source, ITableSource tables, bool isRule)
    {
        var checkedBody = isRule ? new PlaybookText("print v = (" + body.Value + ")", body.Key, body.Line, body.Column - "print v = (".Length) : body;
        var diagnostics = KqlEngine.Check(preamble + checkedBody.Value, tables);
        if (diagnostics.Count > 0)
        {
            throw Located(diagnostics[0], preamble, checkedBody, source);
        }
    }

    /// <summary>Whether a rule's value counts as holding: true, or a non-zero number. Null is false.</summary>
    public static bool Holds(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0 && !double.IsNaN(d),
        _ => false,
    };

    /// <summary>A rule's value as a number, or null.</summary>
    public static double? Number(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d when double.IsFinite(d) => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    private static PlaybookException Located(KqlDiagnostic diagnostic, string preamble, PlaybookText body, string source)
    {
        var preambleLines = preamble.Count(c => c == '\n');
        var bodyLine = diagnostic.Line - preambleLines;
        if (bodyLine < 1)
        {
            // The problem is in the shared prelude or in a signal value, not in this text.
            return new PlaybookException(source, body.Line, Math.Max(1, body.Column), body.Key, $"{diagnostic.Code}: {diagnostic.Message} (in the prelude or the names before this rule)");
        }

        var line = body.Line + bodyLine - 1;
        var column = bodyLine == 1 ? Math.Max(1, body.Column + diagnostic.Column - 1) : diagnostic.Column;
        return new PlaybookException(source, line, column, body.Key, $"{diagnostic.Code}: {diagnostic.Message}");
    }
}
