using System.Globalization;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    private QueryPlan? BindOperator(QueryPlan input, QueryOperatorSyntax syntax)
    {
        var scope = new Scope(input.Schema);
        switch (syntax)
        {
            case WhereSyntax where:
            {
                var predicate = BindScalar(where.Predicate, scope);
                if (predicate is BoundError)
                {
                    return input;
                }

                if (predicate.Type != KqlType.Bool)
                {
                    Report(where.Predicate.Span, Messages.TypeMismatch("where", $"a {predicate.Type.Name()} predicate (a bool is required)"));
                    return input;
                }

                if (predicate is BoundConstant { Value: { IsNull: false, Bool: true } })
                {
                    return input;
                }

                return new FilterPlan(input, predicate, where.Span);
            }

            case ProjectSyntax project:
                return BindProject(input, project.Columns, project.IsExtend, project.Span, "Column");
            case ProjectAwaySyntax away:
            {
                var drop = new HashSet<int>();
                foreach (var name in away.Columns)
                {
                    var ordinal = input.Schema.IndexOf(name.Name);
                    if (ordinal < 0)
                    {
                        ReportUnknownName(name, input.Schema.Columns.Select(c => c.Name), table: false);
                    }

                    drop.Add(ordinal);
                }

                return Reorder(input, Enumerable.Range(0, input.Schema.Columns.Count).Where(i => !drop.Contains(i)).Select(i => (i, input.Schema.Columns[i].Name)), away.Span);
            }

            case ProjectRenameSyntax rename:
            {
                var names = input.Schema.Columns.Select(c => c.Name).ToArray();
                foreach (var (newName, oldName) in rename.Renames)
                {
                    var ordinal = input.Schema.IndexOf(oldName.Name);
                    if (ordinal < 0)
                    {
                        ReportUnknownName(oldName, input.Schema.Columns.Select(c => c.Name), table: false);
                        continue;
                    }

                    names[ordinal] = newName.Name;
                }

                return Reorder(input, names.Select((n, i) => (i, n)), rename.Span);
            }

            case SummarizeSyntax summarize:
                return BindSummarize(input, summarize);
            case SortSyntax sort:
            {
                var keys = sort.Keys.Select(k => BindSortKey(k, scope)).ToList();
                return keys.Any(k => k is null) ? input : new SortPlan(input, keys!, null, sort.Span);
            }

            case TopSyntax top:
            {
                var count = BindCount(top.Count, "top");
                var key = BindSortKey(top.Key, scope);
                return count is null || key is null ? input : new SortPlan(input, [key], count, top.Span);
            }

            case TakeSyntax take:
            {
                var count = BindCount(take.Count, "take");
                return count is null ? input : new TakePlan(input, count.Value, take.Span);
            }

            case DistinctSyntax distinct:
            {
                var keys = distinct.Columns.Count == 0
                    ? input.Schema.Columns.Select((c, i) => new NamedExpressionSyntax(c.Name, default, new NameSyntax(c.Name, distinct.Span))).ToList()
                    : distinct.Columns.Select(c => new NamedExpressionSyntax(null, default, c)).ToList();
                return BindSummarize(input, new SummarizeSyntax([], keys, distinct.Span));
            }

            case CountSyntax count:
            {
                var call = new CallSyntax("count", count.Span, [], count.Span);
                return BindSummarize(input, new SummarizeSyntax([new NamedExpressionSyntax("Count", count.Span, call)], [], count.Span));
            }

            case JoinSyntax join:
                return BindJoin(input, join);
            case RenderSyntax render:
                return new RenderPlan(input, new KqlRenderHint(render.Chart, render.Properties), render.Span);
            case MvExpandSyntax mvExpand:
                return BindMvExpand(input, mvExpand);
            case MvApplySyntax mvApply:
            {
                var row = new RowSourcePlan(input.Schema, mvApply.Span);
                QueryPlan? subquery = BindMvExpand(row, mvApply.Expand);
                foreach (var op in mvApply.Operators)
                {
                    subquery = subquery is null ? null : BindOperator(subquery, op);
                }

                return subquery is null ? null : new MvApplyPlan(input, row, subquery, MvApplyPlan.OutputSchema(input.Schema, subquery.Schema), mvApply.Span);
            }

            case ParseSyntax parse:
                return BindParse(input, parse);
            case EvaluateSyntax evaluate:
                return BindEvaluate(input, evaluate);
            case MakeSeriesSyntax makeSeries:
                return BindMakeSeries(input, makeSeries);
            case GetSchemaSyntax getSchema:
                return new ConstantTablePlan(SchemaTable(input.Schema), getSchema.Span);
            case ProjectReorderSyntax reorder:
            {
                var first = new List<int>();
                foreach (var name in reorder.Columns)
                {
                    var ordinal = input.Schema.IndexOf(name.Name);
                    if (ordinal < 0)
                    {
                        ReportUnknownName(name, input.Schema.Columns.Select(c => c.Name), table: false);
                    }
                    else if (!first.Contains(ordinal))
                    {
                        first.Add(ordinal);
                    }
                }

                var order = first.Concat(Enumerable.Range(0, input.Schema.Columns.Count).Where(i => !first.Contains(i)));
                return Reorder(input, order.Select(i => (i, input.Schema.Columns[i].Name)), reorder.Span);
            }

            case UnionOperatorSyntax union:
                return BindUnion([input], union.Tables, union.Span);
            default:
                return input;
        }
    }

    private QueryPlan Reorder(QueryPlan input, IEnumerable<(int Ordinal, string Name)> columns, TextSpan span)
    {
        var list = columns.Where(c => c.Ordinal >= 0).ToList();
        var schema = new Schema(list.Select(c => (c.Name, input.Schema.Columns[c.Ordinal].Type)).ToList());
        var expressions = list.Select(c => (BoundExpression)new BoundColumnReference(c.Ordinal, c.Name, input.Schema.Columns[c.Ordinal].Type, span)).ToList();
        return new ProjectPlan(input, schema, expressions, span);
    }

    private QueryPlan BindProject(QueryPlan input, IReadOnlyList<NamedExpressionSyntax> items, bool extend, TextSpan span, string unnamedPrefix)
    {
        var scope = new Scope(input.Schema);
        var names = new List<string>();
        var expressions = new List<BoundExpression>();
        if (extend)
        {
            for (var i = 0; i < input.Schema.Columns.Count; i++)
            {
                var (name, type) = input.Schema.Columns[i];
                names.Add(name);
                expressions.Add(new BoundColumnReference(i, name, type, span));
            }
        }

        var unnamed = unnamedPrefix == "print_" ? 0 : 1;
        foreach (var item in items)
        {
            var bound = BindScalar(item.Expression, scope);
            // print has no input columns to name a column after: parse-json-function.md's `print d` gives print_0.
            var name = item.Name ?? (unnamedPrefix == "print_" ? null : InferName(item.Expression)) ?? unnamedPrefix + (unnamed++).ToString(CultureInfo.InvariantCulture);
            var existing = names.IndexOf(name);
            if (existing >= 0 && extend)
            {
                expressions[existing] = bound;
                continue;
            }

            names.Add(existing >= 0 ? Unique(name, names) : name);
            expressions.Add(bound);
        }

        var schema = new Schema(names.Select((n, i) => (n, expressions[i].Type)).ToList());
        return new ProjectPlan(input, schema, expressions, span);
    }

    private static string Unique(string name, ICollection<string> taken)
    {
        for (var i = 1; ; i++)
        {
            var candidate = name + i.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The name KQL gives an unnamed column: a column keeps its name, <c>d.K</c> and <c>d["K"]</c> become <c>d_K</c>.</summary>
    private static string? InferName(ExpressionSyntax syntax) => syntax switch
    {
        NameSyntax name => name.Name,
        MemberSyntax member => InferName(member.Target) is { } t ? $"{t}_{member.Member}" : member.Member,
        IndexSyntax { Index: LiteralSyntax { Kind: LiteralKind.String or LiteralKind.Long } key } index =>
            InferName(index.Target) is { } t ? $"{t}_{key.Token.Text}" : key.Token.Text,
        _ => null,
    };

    private BoundSortKey? BindSortKey(SortKeySyntax key, Scope scope)
    {
        var bound = BindScalar(key.Expression, scope);
        return bound is BoundError ? null : new BoundSortKey(bound, key.Descending, key.NullsFirst ?? !key.Descending);
    }

    private long? BindCount(ExpressionSyntax syntax, string what)
    {
        var bound = BindScalar(syntax, Scope.Empty);
        if (bound is BoundConstant { Value: { IsNull: false } v } && v.Type.IsInteger() && v.Long >= 0)
        {
            return v.Long;
        }

        if (bound is not BoundError)
        {
            Report(syntax.Span, Messages.ExpectedConstant($"the row count of {what} (a non-negative long)"));
        }

        return null;
    }

    private QueryPlan BindMvExpand(QueryPlan input, MvExpandSyntax syntax)
    {
        var scope = new Scope(input.Schema);
        var columns = input.Schema.Columns.ToList();
        var items = new List<(int, BoundExpression, KqlType)>();
        foreach (var item in syntax.Items)
        {
            var bound = BindScalar(item.Column.Expression, scope);
            if (bound is BoundError)
            {
                continue;
            }

            var type = KqlType.Dynamic;
            if (item.TypeName is not null && !KqlTypes.TryParse(item.TypeName, out type))
            {
                Report(item.Column.Span, Messages.Expected("a type name", $"'{item.TypeName}'"));
            }

            var name = item.Column.Name ?? InferName(item.Column.Expression) ?? "Column1";
            var ordinal = columns.FindIndex(c => c.Name == name);
            if (ordinal < 0)
            {
                ordinal = columns.Count;
                columns.Add((name, type));
            }
            else
            {
                columns[ordinal] = (name, type);
            }

            items.Add((ordinal, bound, type));
        }

        var limit = syntax.Limit is null ? long.MaxValue : BindCount(syntax.Limit, "mv-expand limit") ?? long.MaxValue;
        if (syntax.IndexName is { } index)
        {
            columns.Add((columns.Any(c => c.Name == index) ? Unique(index, columns.Select(c => c.Name).ToList()) : index, KqlType.Long));
        }

        return new MvExpandPlan(input, items, limit, new Schema(columns), syntax.Span) { BagsAsArrays = syntax.BagsAsArrays, WithIndex = syntax.IndexName is not null };
    }
}
