using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>Binds a tabular expression; null when it cannot be bound (the error is reported).</summary>
    public QueryPlan? BindTabular(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case NameSyntax name:
                return BindTableName(name);
            case PipeSyntax pipe:
            {
                var input = BindTabular(pipe.Source);
                return input is null ? null : BindOperator(input, pipe.Operator);
            }

            case DataTableSyntax dataTable:
                return BindDataTable(dataTable);
            case PrintSyntax print:
                return BindProject(new ConstantTablePlan(OneRow, print.Span), print.Columns, extend: false, print.Span, "print_");
            case RangeSyntax range:
                return BindRange(range);
            case UnionSyntax union:
                return BindUnion([], union.Tables, union.Span);
            case CallSyntax call when IsFunction(call.Name):
                return Expand(call, BindTabular);
            case CallSyntax { Name: "materialize", Arguments.Count: 1 } call:
                return BindTabular(call.Arguments[0]);
            default:
                Report(syntax.Span, Messages.Expected("a tabular expression (a table, a let name, datatable, print, range or union)", "a scalar expression"));
                return null;
        }
    }

    private QueryPlan? BindTableName(NameSyntax name)
    {
        if (_lets.TryGetValue(name.Name, out var let))
        {
            if (let.Tabular is not null)
            {
                return let.Tabular;
            }

            if (let.Scalar is not null)
            {
                Report(name.Span, Messages.ExpectedTabular(name.Name));
            }

            return null;
        }

        if (_tables.TryGetTable(name.Name, out var table))
        {
            return new ConstantTablePlan(table, name.Span);
        }

        ReportUnknownName(name, _tables.TableNames, table: true);
        return null;
    }

    private QueryPlan? BindDataTable(DataTableSyntax syntax)
    {
        var types = new List<KqlType>();
        var failed = false;
        foreach (var column in syntax.Columns)
        {
            if (!KqlTypes.TryParse(column.TypeName, out var type))
            {
                Report(column.Span, Messages.Expected("a type (bool, int, long, real, string, datetime, timespan, dynamic)", $"'{column.TypeName}'"));
                failed = true;
            }

            types.Add(type);
        }

        if (syntax.Values.Count % Math.Max(1, syntax.Columns.Count) != 0)
        {
            Report(syntax.Span, Messages.InvalidArgument("datatable", $"{syntax.Values.Count} values do not fill rows of {syntax.Columns.Count} columns"));
            return null;
        }

        var rows = syntax.Values.Count / Math.Max(1, syntax.Columns.Count);
        _context.CheckBudget(syntax.Span, "datatable", rows, 16L * syntax.Columns.Count);
        var columns = types.Select(t => Column.Create(t, rows)).ToArray();
        for (var i = 0; i < syntax.Values.Count; i++)
        {
            var bound = BindScalar(syntax.Values[i], Scope.Empty);
            if (bound is BoundError)
            {
                failed = true;
                continue;
            }

            if (bound is not BoundConstant constant)
            {
                Report(syntax.Values[i].Span, Messages.ExpectedConstant("a datatable value"));
                failed = true;
                continue;
            }

            var c = i % syntax.Columns.Count;
            var value = constant.Value;
            if (!value.IsNull && value.Type != types[c] && !(value.Type.IsNumeric() && types[c].IsNumeric()) && types[c] is not (KqlType.Dynamic or KqlType.String))
            {
                Report(syntax.Values[i].Span, Messages.TypeMismatch($"column '{syntax.Columns[c].Name}' of type {types[c].Name()}", $"a {value.Type.Name()} value"));
                failed = true;
                continue;
            }

            columns[c].Set(i / syntax.Columns.Count, value.IsNull ? KqlValue.Null(types[c]) : value);
        }

        if (failed)
        {
            return null;
        }

        var table = new KqlTable(string.Empty, syntax.Columns.Select((c, i) => new KqlColumn(c.Name, columns[i])).ToList(), rows);
        return new ConstantTablePlan(table, syntax.Span);
    }

    private QueryPlan? BindRange(RangeSyntax syntax)
    {
        var from = BindScalar(syntax.From, Scope.Empty);
        var to = BindScalar(syntax.To, Scope.Empty);
        var step = BindScalar(syntax.Step, Scope.Empty);
        if (from is not BoundConstant f || to is not BoundConstant t || step is not BoundConstant s)
        {
            if (from is not BoundError && to is not BoundError && step is not BoundError)
            {
                Report(syntax.Span, Messages.ExpectedConstant("the bounds and step of range"));
            }

            return null;
        }

        return new RangePlan(syntax.Name, f.Value, t.Value, s.Value, syntax.Span);
    }

    private QueryPlan? BindUnion(IReadOnlyList<QueryPlan> first, IReadOnlyList<ExpressionSyntax> tables, TextSpan span)
    {
        var inputs = first.ToList();
        foreach (var table in tables)
        {
            var plan = BindTabular(table);
            if (plan is null)
            {
                return null;
            }

            inputs.Add(plan);
        }

        var columns = new List<(string Name, KqlType Type)>();
        foreach (var input in inputs)
        {
            foreach (var (name, type) in input.Schema.Columns)
            {
                var existing = columns.FindIndex(c => c.Name == name);
                if (existing < 0)
                {
                    columns.Add((name, type));
                }
                else if (columns[existing].Type != type)
                {
                    // Same name, different types: the column becomes dynamic (Kusto would split it by type; see docs/KQL.md).
                    columns[existing] = (name, KqlType.Dynamic);
                }
            }
        }

        return new UnionPlan(inputs, new Schema(columns), span);
    }
}
