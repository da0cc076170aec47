using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

/// <summary>
/// Resolves names and types every expression, producing query plans. Errors are reported to the
/// diagnostic bag and binding goes on (a failed expression becomes a <see cref="BoundError"/>), so a
/// query with several mistakes reports them together. Let names take precedence over column names.
/// Split by aspect: statements and names here; expressions, operators, summarize and join in partial files.
/// </summary>
internal sealed partial class Binder
{
    private DiagnosticBag _diagnostics;
    private readonly ITableSource _tables;
    private readonly EvalContext _context;
    private readonly SourceText _source;
    private readonly Dictionary<string, LetValue> _lets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _laterLets = new(StringComparer.Ordinal);

    public Binder(DiagnosticBag diagnostics, ITableSource tables, EvalContext context, SourceText source)
    {
        _diagnostics = diagnostics;
        _tables = tables;
        _context = context;
        _source = source;
    }

    public BoundQuery Bind(QuerySyntax query)
    {
        foreach (var statement in query.Statements)
        {
            if (statement is LetSyntax let)
            {
                _laterLets.TryAdd(let.Name.Name, _source.Locate(let.Span.Start).Line);
            }
        }

        var results = new List<QueryPlan>();
        foreach (var statement in query.Statements)
        {
            switch (statement)
            {
                case LetSyntax let:
                    BindLet(let);
                    break;
                case ExpressionStatementSyntax expression:
                    if (BindTabular(expression.Expression) is { } plan)
                    {
                        results.Add(plan);
                    }

                    break;
            }
        }

        return new BoundQuery(results);
    }

    private void BindLet(LetSyntax let)
    {
        var name = let.Name.Name;
        if (let.Value is FunctionSyntax function)
        {
            DefineFunction(name, function);
            _lets.Remove(name);
        }
        else if (IsTabularSyntax(let.Value))
        {
            var plan = BindTabular(let.Value);
            _lets[name] = new LetValue(null, plan is null ? null : new CachedPlan(plan, let.Value.Span, Text[..let.Value.Span.End]));
        }
        else
        {
            _lets[name] = new LetValue(BindScalar(let.Value, Scope.Empty), null);
        }

        _laterLets.Remove(name);
    }

    private bool IsTabularSyntax(ExpressionSyntax syntax) => syntax switch
    {
        PipeSyntax or DataTableSyntax or PrintSyntax or RangeSyntax or UnionSyntax => true,
        CallSyntax call when IsFunction(call.Name) => IsTabularFunction(call.Name),
        CallSyntax { Name: "materialize", Arguments.Count: 1 } => true,
        NameSyntax name => _lets.TryGetValue(name.Name, out var let) ? let.Tabular is not null || let.Scalar is null : _tables.TryGetTable(name.Name, out _),
        _ => false,
    };

    private void Report(TextSpan span, DiagnosticMessage message) => _diagnostics.Report(span, message);

    private void ReportUnknownName(NameSyntax name, IEnumerable<string> candidates, bool table)
    {
        if (_laterLets.TryGetValue(name.Name, out var line))
        {
            Report(name.Span, Messages.UsedBeforeDefinition(name.Name, line));
            return;
        }

        var all = candidates.Concat(_lets.Keys);
        var suggestion = Suggestions.Closest(name.Name, all);
        Report(name.Span, table ? Messages.UnknownTable(name.Name, suggestion) : Messages.UnknownColumn(name.Name, suggestion));
    }
}
