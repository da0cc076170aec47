using System.Globalization;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Binds <c>summarize</c> in two passes: every aggregate call becomes a slot computed per group;
    /// each output is then bound over the grouped table (keys, slots, earlier outputs).
    /// </summary>
    private QueryPlan BindSummarize(QueryPlan input, SummarizeSyntax syntax)
    {
        var inputScope = new Scope(input.Schema);
        var keyNames = new List<string>();
        var keys = new List<BoundExpression>();
        var unnamed = 1;
        foreach (var key in syntax.Keys)
        {
            keys.Add(BindScalar(key.Expression, inputScope));
            var name = key.Name ?? InferKeyName(key.Expression) ?? "Column" + (unnamed++).ToString(CultureInfo.InvariantCulture);
            keyNames.Add(keyNames.Contains(name) ? Unique(name, keyNames) : name);
        }

        // Pass 1: slots for the aggregate calls, in order of appearance.
        var slots = new List<SummarizeSlot>();
        var slotColumns = new List<(string Name, KqlType Type)>();
        var slotOf = new Dictionary<CallSyntax, int>(ReferenceEqualityComparer.Instance);
        var multiOutputs = new Dictionary<NamedExpressionSyntax, List<(string Name, int Column)>>(ReferenceEqualityComparer.Instance);
        foreach (var aggregate in syntax.Aggregates)
        {
            if (aggregate.Expression is CallSyntax { Name: "percentiles" or "arg_max" or "arg_min" } multi)
            {
                multiOutputs[aggregate] = BindMultiAggregate(multi, input, inputScope, slots, slotColumns, keyNames);
                continue;
            }

            foreach (var call in AggregateCalls(aggregate.Expression))
            {
                if (call.Name is "percentiles" or "arg_max" or "arg_min")
                {
                    Report(call.Span, Messages.InvalidArgument(call.Name, "must be a whole summarize expression, not part of one"));
                    continue;
                }

                var bound = BindAggregate(call, inputScope);
                if (bound is null)
                {
                    continue;
                }

                slotOf[call] = keys.Count + slotColumns.Count;
                slots.Add(bound.Value.Slot);
                slotColumns.Add(("\0" + bound.Value.Name, bound.Value.Type));
            }
        }

        // Pass 2: outputs over keys, slot columns and the outputs before each.
        var grouped = new List<(string Name, KqlType Type)>();
        grouped.AddRange(keyNames.Select((n, i) => (n, keys[i].Type)));
        grouped.AddRange(slotColumns);
        var outputNames = new List<string>(keyNames);
        var outputs = new List<BoundExpression>();
        unnamed = 1;
        foreach (var aggregate in syntax.Aggregates)
        {
            if (multiOutputs.TryGetValue(aggregate, out var columns))
            {
                if (aggregate.Names is { } names && names.Count != columns.Count)
                {
                    Report(aggregate.NameSpan, Messages.NameCount(((CallSyntax)aggregate.Expression).Name, columns.Count, names.Count));
                }

                foreach (var (index, (inferred, column)) in columns.Index())
                {
                    var name = aggregate.Names is { } given && index < given.Count ? given[index] : inferred;
                    var unique = outputNames.Contains(name) ? Unique(name, outputNames) : name;
                    outputNames.Add(unique);
                    outputs.Add(new BoundColumnReference(column, unique, grouped[column].Type, aggregate.Span));
                    grouped.Add((unique, grouped[column].Type));
                }

                continue;
            }

            var visible = new Schema(grouped.Select(c => c.Name.Length > 0 && c.Name[0] == '\0' ? (string.Empty, c.Type) : c).ToList());
            var scope = new Scope(visible, call => SlotReference(call, slotOf, grouped), input.Schema);
            var bound = BindScalar(aggregate.Expression, scope);
            var outputName = aggregate.Name
                ?? (aggregate.Expression is CallSyntax direct && slotOf.TryGetValue(direct, out var slot) ? grouped[slot].Name[1..] : null)
                ?? InferName(aggregate.Expression)
                ?? "Column" + (unnamed++).ToString(CultureInfo.InvariantCulture);
            outputName = outputNames.Contains(outputName) ? Unique(outputName, outputNames) : outputName;
            outputNames.Add(outputName);
            outputs.Add(bound);
            grouped.Add((outputName, bound.Type));
        }

        var schema = new Schema(outputNames.Select((n, i) => (n, i < keys.Count ? keys[i].Type : outputs[i - keys.Count].Type)).ToList());
        return new SummarizePlan(input, schema, keys, slots, outputs, syntax.Span);
    }

    private static BoundExpression SlotReference(CallSyntax call, Dictionary<CallSyntax, int> slotOf, List<(string Name, KqlType Type)> grouped) =>
        slotOf.TryGetValue(call, out var column)
            ? new BoundColumnReference(column, grouped[column].Name, grouped[column].Type, call.Span)
            : new BoundError(call.Span);

    /// <summary>A <c>by</c> key keeps its column's name, also through <c>bin(T, 5m)</c> and <c>floor(T, 1h)</c>.</summary>
    private static string? InferKeyName(ExpressionSyntax syntax) => syntax switch
    {
        CallSyntax { Name: "bin" or "floor" or "bin_at", Arguments.Count: >= 2 } call => InferName(call.Arguments[0]),
        _ => InferName(syntax),
    };

    private static IEnumerable<CallSyntax> AggregateCalls(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case CallSyntax call when AggregateFunctions.IsAggregate(call.Name):
                yield return call;
                yield break;
            case CallSyntax call:
                foreach (var argument in call.Arguments)
                {
                    foreach (var inner in AggregateCalls(argument))
                    {
                        yield return inner;
                    }
                }

                break;
            case BinarySyntax binary:
                foreach (var inner in AggregateCalls(binary.Left).Concat(AggregateCalls(binary.Right)))
                {
                    yield return inner;
                }

                break;
            case UnarySyntax unary:
                foreach (var inner in AggregateCalls(unary.Operand))
                {
                    yield return inner;
                }

                break;
            case BetweenSyntax between:
                foreach (var inner in AggregateCalls(between.Value).Concat(AggregateCalls(between.Low)).Concat(AggregateCalls(between.High)))
                {
                    yield return inner;
                }

                break;
            case MemberSyntax member:
                foreach (var inner in AggregateCalls(member.Target))
                {
                    yield return inner;
                }

                break;
            case IndexSyntax index:
                foreach (var inner in AggregateCalls(index.Target))
                {
                    yield return inner;
                }

                break;
        }
    }

    private (SummarizeSlot Slot, string Name, KqlType Type)? BindAggregate(CallSyntax call, Scope inputScope)
    {
        var function = AggregateFunctions.Find(call.Name)!;
        var arguments = call.Arguments.Select(a => a is StarSyntax ? ReportStar(a) : BindScalar(a, inputScope)).ToList();
        if (arguments.Any(a => a is BoundError))
        {
            return null;
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            Report(call.Span, Messages.ArgumentCount(call.Name, Arity(function.MinArguments, function.MaxArguments), arguments.Count));
            return null;
        }

        foreach (var index in function.ConstantArguments)
        {
            if (index < arguments.Count && arguments[index] is not BoundConstant)
            {
                Report(call.Arguments[index].Span, Messages.ExpectedConstant($"argument {index + 1} of {call.Name}()"));
                return null;
            }
        }

        var type = function.ResultType(arguments.Select(a => a.Type).ToArray());
        if (type is null)
        {
            Report(call.Span, Messages.TypeMismatch($"{call.Name}()", TypeList([.. arguments])));
            return null;
        }

        var argumentName = function.NameIncludesArgument && call.Arguments.Count > 0
            ? string.Join("_", call.Arguments.Take(function.NamedArguments).Select(a => InferName(a) ?? string.Empty))
            : null;
        argumentName = argumentName is { Length: 0 } ? null : argumentName;
        var name = function.NamePrefix == string.Empty && argumentName is not null
            ? argumentName
            : (function.NamePrefix is { Length: > 0 } prefix ? prefix : call.Name) + "_" + argumentName;

        if (function.NameSuffixArguments)
        {
            foreach (var argument in arguments.Skip(1))
            {
                name += "_" + ((BoundConstant)argument).Value.ToText().Replace('.', '_');
            }
        }

        return (new AggregateSlot(function, arguments, type.Value), name, type.Value);
    }

    private List<(string Name, int Column)> BindMultiAggregate(
        CallSyntax call, QueryPlan input, Scope inputScope, List<SummarizeSlot> slots, List<(string Name, KqlType Type)> slotColumns, List<string> keyNames)
    {
        var keyCount = keyNames.Count;
        var outputs = new List<(string, int)>();
        if (call.Name == "percentiles")
        {
            if (call.Arguments.Count < 2)
            {
                Report(call.Span, Messages.ArgumentCount("percentiles", "at least 2", call.Arguments.Count));
                return outputs;
            }

            foreach (var p in call.Arguments.Skip(1))
            {
                var single = new CallSyntax("percentile", call.NameSpan, [call.Arguments[0], p], call.Span);
                if (BindAggregate(single, inputScope) is { } bound)
                {
                    outputs.Add((bound.Name, keyCount + slotColumns.Count));
                    slots.Add(bound.Slot);
                    slotColumns.Add(("\0" + bound.Name, bound.Type));
                }
            }

            return outputs;
        }

        if (call.Arguments.Count < 1 || call.Arguments[0] is StarSyntax)
        {
            Report(call.Span, Messages.ArgumentCount(call.Name, "at least 1", call.Arguments.Count));
            return outputs;
        }

        var key = BindScalar(call.Arguments[0], inputScope);
        if (key is BoundError)
        {
            return outputs;
        }

        var keyName = InferName(call.Arguments[0]) ?? (call.Name == "arg_max" ? "max_" : "min_");
        var returned = new List<(string Name, BoundExpression Expression)>();
        foreach (var argument in call.Arguments.Skip(1))
        {
            if (argument is StarSyntax)
            {
                returned.AddRange(input.Schema.Columns
                    .Select((c, i) => (c.Name, (BoundExpression)new BoundColumnReference(i, c.Name, c.Type, argument.Span)))
                    .Where(c => c.Name != keyName && !keyNames.Contains(c.Name)));
                continue;
            }

            var bound = BindScalar(argument, inputScope);
            if (bound is not BoundError)
            {
                returned.Add((InferName(argument) ?? "Column1", bound));
            }
        }

        var first = keyCount + slotColumns.Count;
        slots.Add(new ArgExtremeSlot(key, returned.Select(r => r.Expression).ToList(), call.Name == "arg_max" ? 1 : -1));
        slotColumns.Add(("\0" + keyName, key.Type));
        outputs.Add((keyName, first));
        for (var i = 0; i < returned.Count; i++)
        {
            slotColumns.Add(("\0" + returned[i].Name, returned[i].Expression.Type));
            outputs.Add((returned[i].Name, first + 1 + i));
        }

        return outputs;
    }
}
