using OomLab.Kql.Binding;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql;

/// <summary>
/// Runs KQL queries over an <see cref="ITableSource"/>: lex and parse (all syntax errors), bind (names
/// and types, all binding errors), then evaluate column-at-a-time. Problems in the query come back as
/// diagnostics on the <see cref="KqlResult"/>, never as exceptions.
/// </summary>
public static class KqlEngine
{
    /// <summary>Runs <paramref name="query"/> against <paramref name="tables"/>.</summary>
    /// <param name="query">The query text: statements separated by <c>;</c>.</param>
    /// <param name="tables">Where table names resolve.</param>
    /// <param name="options">Budgets and clock; <see cref="KqlOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops a long query; throws <see cref="OperationCanceledException"/>.</param>
    public static KqlResult Execute(string query, ITableSource tables, KqlOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tables);
        var source = new SourceText(query);
        var diagnostics = new DiagnosticBag(source);
        var context = new EvalContext(options ?? KqlOptions.Default, cancellationToken);
        try
        {
            var syntax = new Parser(query, diagnostics).ParseQuery();
            var bound = new Binder(diagnostics, tables, context, source).Bind(syntax);
            if (diagnostics.HasErrors)
            {
                return new KqlResult(diagnostics.Items, []);
            }

            var results = new List<KqlTable>();
            foreach (var plan in bound.Results)
            {
                var table = plan.Execute(context);
                var name = results.Count == 0 ? "PrimaryResult" : $"Table_{results.Count}";
                results.Add(Materialize(table, name));
            }

            return new KqlResult([], results);
        }
        catch (KqlRuntimeException ex)
        {
            diagnostics.Report(ex.Span, ex.Diagnostic);
            return new KqlResult(diagnostics.Items, []);
        }
    }

    /// <summary>Parses and binds <paramref name="query"/> without running it; returns the diagnostics (empty when valid).</summary>
    public static IReadOnlyList<KqlDiagnostic> Check(string query, ITableSource tables, KqlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tables);
        var source = new SourceText(query);
        var diagnostics = new DiagnosticBag(source);
        var context = new EvalContext(options ?? KqlOptions.Default, CancellationToken.None);
        try
        {
            var syntax = new Parser(query, diagnostics).ParseQuery();
            new Binder(diagnostics, tables, context, source).Bind(syntax);
        }
        catch (KqlRuntimeException ex)
        {
            diagnostics.Report(ex.Span, ex.Diagnostic);
        }

        return diagnostics.Items;
    }

    /// <summary>The names that the <c>let</c> statements of <paramref name="query"/> bind, in order (statements that do not parse are left out).</summary>
    public static IReadOnlyList<string> LetNames(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var diagnostics = new DiagnosticBag(new SourceText(query));
        return [.. new Parser(query, diagnostics).ParseQuery().Statements.OfType<LetSyntax>().Select(let => let.Name.Name)];
    }

    private static KqlTable Materialize(KqlTable table, string name) =>
        new(name, table.Columns.Select(c => new KqlColumn(c.Name, c.Data.Materialize())).ToList(), table.RowCount, table.Render);
}
