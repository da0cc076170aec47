using System.Text.Json.Nodes;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// <c>evaluate</c> plugins. Only <c>bag_unpack</c>, whose output columns depend on the data: its input runs while
    /// binding (as <c>toscalar</c> does) and the result is a table known from then on.
    /// </summary>
    private QueryPlan BindEvaluate(QueryPlan input, EvaluateSyntax syntax)
    {
        if (syntax.Plugin != "bag_unpack")
        {
            Report(syntax.PluginSpan, Messages.UnknownFunction(syntax.Plugin, Suggestions.Closest(syntax.Plugin, ["bag_unpack"])));
            return input;
        }

        var positional = syntax.Arguments.Where(a => a.Name is null).ToList();
        var named = syntax.Arguments.Where(a => a.Name is not null).ToDictionary(a => a.Name!, a => a.Expression, StringComparer.Ordinal);
        if (positional.Count is < 1 or > 2)
        {
            Report(syntax.Span, Messages.ArgumentCount("bag_unpack", "1 or 2", positional.Count));
            return input;
        }

        var scope = new Scope(input.Schema);
        var bag = BindScalar(positional[0].Expression, scope);
        var prefix = positional.Count > 1 ? Constant(BindScalar(positional[1].Expression, scope))?.ToKqlString() ?? string.Empty : string.Empty;
        var conflict = named.TryGetValue("columnsConflict", out var c) ? Constant(BindScalar(c, scope))?.ToKqlString() ?? "error" : "error";
        var ignored = named.TryGetValue("ignoredProperties", out var i) && Constant(BindScalar(i, scope))?.Dynamic is JsonArray list
            ? list.Select(n => n?.ToString() ?? string.Empty).ToHashSet(StringComparer.Ordinal)
            : [];
        if (bag is BoundError || _diagnostics.HasErrors)
        {
            return input;
        }

        if (bag.Type != KqlType.Dynamic)
        {
            Report(positional[0].Expression.Span, Messages.TypeMismatch("bag_unpack()", bag.Type.Name() + " (a dynamic property bag is required)"));
            return input;
        }

        var table = input.Execute(_context);
        var cells = bag.Evaluate(_context, table);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < table.RowCount; r++)
        {
            if (cells.Get(r).Dynamic is JsonObject obj)
            {
                keys.UnionWith(obj.Select(p => p.Key).Where(k => !ignored.Contains(k)));
            }
        }

        // bag-unpack-plugin.md: the bag's column goes; one dynamic column per key, sorted by name, after the others.
        var source = positional[0].Expression is NameSyntax column ? column.Name : null;
        var columns = table.Columns.Where(k => k.Name != source).ToList();
        foreach (var key in keys)
        {
            var name = prefix + key;
            var existing = columns.FindIndex(k => k.Name == name);
            if (existing >= 0 && conflict == "keep_source")
            {
                continue;
            }

            if (existing >= 0 && conflict != "replace_source")
            {
                Report(syntax.Span, Messages.InvalidArgument("bag_unpack", $"the bag's key '{key}' is also a column's name; use columnsConflict='replace_source' or 'keep_source'"));
                return input;
            }

            var values = new object?[table.RowCount];
            for (var r = 0; r < table.RowCount; r++)
            {
                values[r] = cells.Get(r).Dynamic is JsonObject obj && obj.TryGetPropertyValue(key, out var v) ? v?.DeepClone() : null;
            }

            var unpacked = new KqlColumn(name, new DynamicColumn(values));
            if (existing >= 0)
            {
                columns[existing] = unpacked;
            }
            else
            {
                columns.Add(unpacked);
            }
        }

        return new ConstantTablePlan(new KqlTable(string.Empty, columns, table.RowCount), syntax.Span);
    }

    private static KqlValue? Constant(BoundExpression expression) => expression is BoundConstant constant ? constant.Value : null;

    // getschema-operator.md: ColumnName, ColumnOrdinal, DataType (the .NET type), ColumnType (the KQL type).
    private static KqlTable SchemaTable(Schema schema)
    {
        var columns = schema.Columns;
        string DataType(KqlType type) => type switch
        {
            KqlType.Bool => "System.Boolean",
            KqlType.Int => "System.Int32",
            KqlType.Long => "System.Int64",
            KqlType.Real => "System.Double",
            KqlType.String => "System.String",
            KqlType.DateTime => "System.DateTime",
            KqlType.TimeSpan => "System.TimeSpan",
            _ => "System.Object",
        };

        return new KqlTable(string.Empty, [
            new KqlColumn("ColumnName", new StringColumn(columns.Select(c => c.Name).ToArray())),
            new KqlColumn("ColumnOrdinal", new Int64Column(KqlType.Int, Enumerable.Range(0, columns.Count).Select(i => (long)i).ToArray(), null)),
            new KqlColumn("DataType", new StringColumn(columns.Select(c => DataType(c.Type)).ToArray())),
            new KqlColumn("ColumnType", new StringColumn(columns.Select(c => c.Type.Name()).ToArray())),
        ], columns.Count);
    }
}
