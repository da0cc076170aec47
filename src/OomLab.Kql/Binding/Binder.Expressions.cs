using System.Text.Json;
using OomLab.Kql.Evaluation;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Binding;

internal sealed partial class Binder
{
    private static readonly KqlTable OneRow = new(string.Empty, [], 1);

    public BoundExpression BindScalar(ExpressionSyntax syntax, Scope scope) => Fold(BindScalarCore(syntax, scope));

    /// <summary>Evaluates a node whose inputs are all constants once, at bind time (so <c>ago(1h)</c> is a constant).</summary>
    private BoundExpression Fold(BoundExpression bound)
    {
        if (bound is BoundConstant or BoundError || !bound.IsFoldable || !bound.Children.All(c => c is BoundConstant))
        {
            return bound;
        }

        var value = bound.Evaluate(_context, OneRow).Get(0);
        return new BoundConstant(value, bound.Span);
    }

    private BoundExpression BindScalarCore(ExpressionSyntax syntax, Scope scope)
    {
        switch (syntax)
        {
            case LiteralSyntax literal:
                return BindLiteral(literal);
            case NameSyntax name:
                return BindName(name, scope);
            case BinarySyntax binary:
                return BindBinary(binary, scope);
            case UnarySyntax unary:
                return BindUnary(unary, scope);
            case CallSyntax call when IsFunction(call.Name):
                return Expand(call, body => BindScalar(body, scope)) ?? new BoundError(call.Span);
            case CallSyntax call:
                return BindCall(call, scope);
            case MemberSyntax member:
                return BindAccess(member.Target, new BoundConstant(KqlValue.FromString(member.Member), member.Span), member.Span, scope);
            case IndexSyntax index:
                return BindAccess(index.Target, BindScalar(index.Index, scope), index.Span, scope);
            case BetweenSyntax between:
                return BindBetween(between, scope);
            case ListOperatorSyntax list:
                return BindList(list, scope);
            default:
                Report(syntax.Span, Messages.Expected("a scalar expression", "a tabular expression"));
                return new BoundError(syntax.Span);
        }
    }

    private BoundExpression BindLiteral(LiteralSyntax literal)
    {
        var token = literal.Token;
        switch (literal.Kind)
        {
            case LiteralKind.Long:
                return new BoundConstant(KqlValue.FromLong(token.LongValue), literal.Span);
            case LiteralKind.Real:
                return new BoundConstant(KqlValue.FromReal(token.RealValue), literal.Span);
            case LiteralKind.String:
                return new BoundConstant(KqlValue.FromString(token.Text), literal.Span);
            case LiteralKind.Bool:
                return new BoundConstant(KqlValue.FromBool(token.Text == "true"), literal.Span);
            case LiteralKind.Timespan:
                return new BoundConstant(KqlValue.FromLong(token.LongValue, KqlType.TimeSpan), literal.Span);
        }

        var separator = token.Text.IndexOf('\0', StringComparison.Ordinal);
        var word = token.Text[..separator];
        var inner = token.Text[(separator + 1)..].Trim();

        // datetime('12-02-2022') (todatetime-function.md) and timespan("1d") quote the literal's text.
        if (word != "dynamic" && inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
        {
            inner = inner[1..^1];
        }

        switch (word)
        {
            case "datetime":
                if (inner == "null")
                {
                    return new BoundConstant(KqlValue.Null(KqlType.DateTime), literal.Span);
                }

                if (Literals.TryParseDateTime(inner, out var ticks))
                {
                    return new BoundConstant(KqlValue.FromLong(ticks, KqlType.DateTime), literal.Span);
                }

                Report(literal.Span, Messages.InvalidLiteral("datetime", inner));
                return new BoundError(literal.Span);
            case "timespan" or "time":
                if (inner == "null")
                {
                    return new BoundConstant(KqlValue.Null(KqlType.TimeSpan), literal.Span);
                }

                if (Literals.TryParseTimeSpan(inner, out var span))
                {
                    return new BoundConstant(KqlValue.FromLong(span, KqlType.TimeSpan), literal.Span);
                }

                Report(literal.Span, Messages.InvalidLiteral("timespan", inner));
                return new BoundError(literal.Span);
            default:
                try
                {
                    var node = inner == "null" ? null : System.Text.Json.Nodes.JsonNode.Parse(Literals.SingleQuotesToJson(inner), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
                    return new BoundConstant(KqlValue.FromDynamic(node), literal.Span);
                }
                catch (JsonException)
                {
                    Report(literal.Span, Messages.InvalidLiteral("dynamic", inner));
                    return new BoundError(literal.Span);
                }
        }
    }

    private BoundExpression BindName(NameSyntax name, Scope scope)
    {
        if (_lets.TryGetValue(name.Name, out var let))
        {
            if (let.Scalar is { } scalar)
            {
                return scalar is BoundConstant c ? new BoundConstant(c.Value, name.Span) : scalar;
            }

            Report(name.Span, Messages.ExpectedScalar(name.Name));
            return new BoundError(name.Span);
        }

        var ordinal = scope.Row.IndexOf(name.Name);
        if (ordinal >= 0)
        {
            var column = scope.Row.Columns[ordinal];
            return new BoundColumnReference(ordinal, column.Name, column.Type, name.Span);
        }

        if (scope.UngroupedInput?.IndexOf(name.Name) >= 0)
        {
            Report(name.Span, Messages.NotAggregated(name.Name));
            return new BoundError(name.Span);
        }

        if (name.Name is "null")
        {
            return new BoundConstant(KqlValue.Null(KqlType.Dynamic), name.Span);
        }

        ReportUnknownName(name, scope.Row.Columns.Select(c => c.Name).Where(n => n.Length > 0 && n[0] != '\0'), table: false);
        return new BoundError(name.Span);
    }

    private static string TypeList(params BoundExpression[] operands) => string.Join(" and ", operands.Select(o => o.Type.Name()));

    private BoundExpression BindBinary(BinarySyntax syntax, Scope scope)
    {
        var left = BindScalar(syntax.Left, scope);
        var right = BindScalar(syntax.Right, scope);
        if (left is BoundError || right is BoundError)
        {
            return new BoundError(syntax.Span);
        }

        var op = syntax.Operator;
        switch (op)
        {
            case "+" or "-" or "*" or "/" or "%":
            {
                var kind = op switch
                {
                    "+" => BinaryOperator.Add,
                    "-" => BinaryOperator.Subtract,
                    "*" => BinaryOperator.Multiply,
                    "/" => BinaryOperator.Divide,
                    _ => BinaryOperator.Modulo,
                };
                var type = BoundArithmetic.ResultType(kind, left.Type, right.Type);
                if (type is null)
                {
                    Report(syntax.OperatorSpan, Messages.TypeMismatch($"operator '{op}'", TypeList(left, right)));
                    return new BoundError(syntax.Span);
                }

                return new BoundArithmetic(kind, left, right, type.Value, syntax.Span);
            }

            case "==" or "!=" or "<" or "<=" or ">" or ">=":
            {
                if (!BoundComparison.CanCompare(left.Type, right.Type))
                {
                    Report(syntax.OperatorSpan, Messages.TypeMismatch($"operator '{op}'", TypeList(left, right)));
                    return new BoundError(syntax.Span);
                }

                var kind = op switch
                {
                    "==" => BinaryOperator.Equal,
                    "!=" => BinaryOperator.NotEqual,
                    "<" => BinaryOperator.Less,
                    "<=" => BinaryOperator.LessOrEqual,
                    ">" => BinaryOperator.Greater,
                    _ => BinaryOperator.GreaterOrEqual,
                };
                return new BoundComparison(kind, left, right, syntax.Span);
            }

            case "and" or "or":
                if (left.Type is not (KqlType.Bool) || right.Type is not (KqlType.Bool))
                {
                    Report(syntax.OperatorSpan, Messages.TypeMismatch($"operator '{op}'", TypeList(left, right)));
                    return new BoundError(syntax.Span);
                }

                return new BoundLogical(op == "and", left, right, syntax.Span);
        }

        var negated = op[0] == '!';
        var name = negated ? op[1..] : op;
        StringOperator? stringOp = name switch
        {
            "=~" or "~" => StringOperator.EqualsIgnoreCase,
            "has" => StringOperator.Has,
            "has_cs" => StringOperator.HasCs,
            "contains" => StringOperator.Contains,
            "contains_cs" => StringOperator.ContainsCs,
            "startswith" => StringOperator.StartsWith,
            "startswith_cs" => StringOperator.StartsWithCs,
            "endswith" => StringOperator.EndsWith,
            "endswith_cs" => StringOperator.EndsWithCs,
            "hasprefix" => StringOperator.HasPrefix,
            "hassuffix" => StringOperator.HasSuffix,
            "matches regex" => StringOperator.MatchesRegex,
            _ => null,
        };
        if (stringOp is null)
        {
            Report(syntax.OperatorSpan, Messages.Expected("an operator", $"'{op}'"));
            return new BoundError(syntax.Span);
        }

        if (right.Type is not (KqlType.String or KqlType.Dynamic))
        {
            Report(syntax.OperatorSpan, Messages.TypeMismatch($"operator '{op}'", TypeList(left, right)));
            return new BoundError(syntax.Span);
        }

        return new BoundStringPredicate(stringOp.Value, negated, left, right, syntax.Span);
    }

    private BoundExpression BindUnary(UnarySyntax syntax, Scope scope)
    {
        var operand = BindScalar(syntax.Operand, scope);
        if (operand is BoundError)
        {
            return operand;
        }

        if (!(operand.Type.IsNumeric() || operand.Type == KqlType.TimeSpan))
        {
            Report(syntax.Span, Messages.TypeMismatch($"unary '{syntax.Operator}'", operand.Type.Name()));
            return new BoundError(syntax.Span);
        }

        if (syntax.Operator == "+")
        {
            return operand;
        }

        var zero = new BoundConstant(operand.Type == KqlType.Real ? KqlValue.FromReal(0) : KqlValue.FromLong(0, operand.Type == KqlType.Int ? KqlType.Int : operand.Type), syntax.Span);
        return Fold(new BoundArithmetic(BinaryOperator.Subtract, zero, operand, operand.Type, syntax.Span));
    }

    private BoundExpression BindAccess(ExpressionSyntax targetSyntax, BoundExpression key, TextSpan span, Scope scope)
    {
        var target = BindScalar(targetSyntax, scope);
        if (target is BoundError || key is BoundError)
        {
            return new BoundError(span);
        }

        if (target.Type != KqlType.Dynamic)
        {
            Report(span, Messages.TypeMismatch("member access", target.Type.Name()));
            return new BoundError(span);
        }

        return new BoundDynamicAccess(target, key, span);
    }

    private BoundExpression BindBetween(BetweenSyntax syntax, Scope scope)
    {
        var value = BindScalar(syntax.Value, scope);
        var low = BindScalar(syntax.Low, scope);
        var high = BindScalar(syntax.High, scope);
        if (value is BoundError || low is BoundError || high is BoundError)
        {
            return new BoundError(syntax.Span);
        }

        if (value.Type == KqlType.DateTime && high.Type == KqlType.TimeSpan)
        {
            high = Fold(new BoundArithmetic(BinaryOperator.Add, low, high, KqlType.DateTime, syntax.High.Span));
        }

        if (!BoundComparison.CanCompare(value.Type, low.Type) || !BoundComparison.CanCompare(value.Type, high.Type))
        {
            Report(syntax.Span, Messages.TypeMismatch("between", $"{value.Type.Name()} and {low.Type.Name()} .. {high.Type.Name()}"));
            return new BoundError(syntax.Span);
        }

        return new BoundBetween(value, low, high, syntax.Negated, syntax.Span);
    }

    private BoundExpression BindList(ListOperatorSyntax syntax, Scope scope)
    {
        var value = BindScalar(syntax.Value, scope);
        var items = new List<BoundExpression>();
        QueryPlan? table = null;
        var failed = value is BoundError;
        foreach (var item in syntax.Items)
        {
            if (IsTabularSyntax(item))
            {
                table = BindTabular(item);
                failed |= table is null;
                continue;
            }

            var bound = BindScalar(item, scope);
            if (bound is BoundError)
            {
                failed = true;
            }
            else if (bound is not BoundConstant)
            {
                Report(item.Span, Messages.ExpectedConstant($"the list of '{syntax.Operator}'"));
                failed = true;
            }

            items.Add(bound);
        }

        return failed ? new BoundError(syntax.Span) : new BoundListPredicate(syntax.Operator, value, items, table, syntax.Span);
    }

    private BoundExpression BindCall(CallSyntax call, Scope scope)
    {
        if (call.Name == "pack_all" && call.Arguments.Count <= 1)
        {
            // pack-all-function.md: a property bag of the row's columns, bag_pack("a", a, "b", b, ...); pack_all(true)
            // leaves out the columns whose value is null or empty.
            var ignoreEmpty = call.Arguments.Count == 1 && BindScalar(call.Arguments[0], scope) is BoundConstant { Value: { IsNull: false, Bool: true } };
            var pairs = scope.Row.Columns.SelectMany((c, i) => new BoundExpression[]
            {
                new BoundConstant(KqlValue.FromString(c.Name), call.Span), new BoundColumnReference(i, c.Name, c.Type, call.Span),
            }).ToList();
            return pairs.Count == 0
                ? new BoundConstant(KqlValue.FromDynamic(new System.Text.Json.Nodes.JsonObject()), call.Span)
                : new BoundCall(ScalarFunctions.Find(ignoreEmpty ? "\0pack_nonempty" : "bag_pack")!, pairs, KqlType.Dynamic, call.Span);
        }

        if (AggregateFunctions.IsAggregate(call.Name))
        {
            if (scope.Aggregates is null)
            {
                Report(call.NameSpan, Messages.AggregateOutsideSummarize(call.Name));
                return new BoundError(call.Span);
            }

            return scope.Aggregates(call);
        }

        if (call.Arguments is [NameSyntax { Name: "null" }] && KqlTypes.TryParse(call.Name, out var nullType) && call.Name is not ("date" or "time"))
        {
            return new BoundConstant(KqlValue.Null(nullType), call.Span);
        }

        if (call.Name == "toscalar")
        {
            return BindToScalar(call);
        }

        var function = ScalarFunctions.Find(call.Name) ?? (KqlTypes.TryParse(call.Name, out var castType) && call.Arguments.Count == 1 ? CastFunction(castType) : null);
        if (function is null)
        {
            Report(call.NameSpan, Messages.UnknownFunction(call.Name, Suggestions.Closest(call.Name, ScalarFunctions.Names.Concat(AggregateFunctions.Names))));
            foreach (var argument in call.Arguments)
            {
                if (argument is not StarSyntax)
                {
                    BindScalar(argument, scope);
                }
            }

            return new BoundError(call.Span);
        }

        var arguments = call.Arguments.Select(a => a is StarSyntax ? ReportStar(a) : BindScalar(a, scope)).ToList();
        if (arguments.Any(a => a is BoundError))
        {
            return new BoundError(call.Span);
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            Report(call.Span, Messages.ArgumentCount(call.Name, Arity(function.MinArguments, function.MaxArguments), arguments.Count));
            return new BoundError(call.Span);
        }

        var type = function.ResultType(arguments.Select(a => a.Type).ToArray());
        if (type is null)
        {
            Report(call.Span, Messages.TypeMismatch($"{call.Name}()", TypeList([.. arguments])));
            return new BoundError(call.Span);
        }

        return new BoundCall(function, arguments, type.Value, call.Span);
    }

    private static string Arity(int min, int max) => min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : max >= 64 ? $"at least {min}" : $"{min} to {max}";

    private BoundExpression ReportStar(ExpressionSyntax star)
    {
        Report(star.Span, Messages.Expected("an expression", "'*'"));
        return new BoundError(star.Span);
    }

    private static ScalarFunction? CastFunction(KqlType type) => type switch
    {
        KqlType.Long or KqlType.Int => ScalarFunctions.Find(type == KqlType.Int ? "toint" : "tolong"),
        KqlType.Real => ScalarFunctions.Find("toreal"),
        KqlType.String => ScalarFunctions.Find("tostring"),
        KqlType.Bool => ScalarFunctions.Find("tobool"),
        _ => null,
    };

    private BoundExpression BindToScalar(CallSyntax call)
    {
        if (call.Arguments.Count != 1)
        {
            Report(call.Span, Messages.ArgumentCount("toscalar", "1", call.Arguments.Count));
            return new BoundError(call.Span);
        }

        if (call.Arguments[0] is LiteralSyntax)
        {
            // toscalar-function.md: toscalar(2) is 2.
            return BindScalar(call.Arguments[0], new Scope(new Schema([])));
        }

        var plan = BindTabular(call.Arguments[0]);
        if (plan is null || _diagnostics.HasErrors)
        {
            return new BoundError(call.Span);
        }

        var table = plan.Execute(_context);
        var value = table.Columns.Count == 0 || table.RowCount == 0 ? KqlValue.Null(table.Columns.Count == 0 ? KqlType.Dynamic : table.Columns[0].Type) : table.Columns[0].Data.Get(0);
        return new BoundConstant(value, call.Span);
    }
}
