namespace OomLab.Kql.Syntax;

internal sealed partial class Parser
{
    /// <summary>The operators this engine knows, for did-you-mean on a misspelt one.</summary>
    internal static readonly string[] OperatorNames =
    [
        "where", "filter", "project", "project-away", "project-rename", "project-keep", "extend",
        "summarize", "order", "sort", "top", "take", "limit", "distinct", "count", "join", "lookup",
        "render", "mv-expand", "union", "parse", "parse-where", "project-reorder", "evaluate", "getschema", "mv-apply", "make-series",
    ];

    private QueryOperatorSyntax ParseOperator()
    {
        var token = Current;
        if (token.Kind != TokenKind.Identifier)
        {
            throw Unexpected("a query operator after '|'");
        }

        _index++;
        switch (token.Text)
        {
            case "where" or "filter":
            {
                var predicate = ParseExpression();
                return new WhereSyntax(predicate, Span(token));
            }

            case "project" or "extend":
                return new ProjectSyntax(token.Text == "extend", ParseNamedList(), Span(token));
            case "project-keep":
                return new ProjectSyntax(false, ParseNameList().Select(n => new NamedExpressionSyntax(null, default, n)).ToList(), Span(token));
            case "project-away":
                return new ProjectAwaySyntax(ParseNameList(), Span(token));
            case "project-rename":
            {
                var renames = new List<(NameSyntax, NameSyntax)>();
                do
                {
                    var newName = ParseName("a new column name");
                    Expect(TokenKind.Equal, "'='");
                    renames.Add((newName, ParseName("an existing column name")));
                }
                while (Accept(TokenKind.Comma));
                return new ProjectRenameSyntax(renames, Span(token));
            }

            case "summarize":
                return ParseSummarize(token);
            case "order" or "sort":
            {
                ExpectWord("by");
                var keys = new List<SortKeySyntax>();
                do
                {
                    keys.Add(ParseSortKey());
                }
                while (Accept(TokenKind.Comma));
                return new SortSyntax(keys, Span(token));
            }

            case "top":
            {
                var count = ParseExpression();
                ExpectWord("by");
                var key = ParseSortKey();
                return new TopSyntax(count, key, Span(token));
            }

            case "take" or "limit":
                return new TakeSyntax(ParseExpression(), Span(token));
            case "distinct":
            {
                var columns = new List<ExpressionSyntax>();
                if (!Accept(TokenKind.Star))
                {
                    do
                    {
                        columns.Add(ParseExpression());
                    }
                    while (Accept(TokenKind.Comma));
                }

                return new DistinctSyntax(columns, Span(token));
            }

            case "count":
                return new CountSyntax(token.Span);
            case "join" or "lookup":
                return ParseJoin(token);
            case "render":
                return ParseRender(token);
            case "mv-expand":
                return ParseMvExpand(token);
            case "mv-apply":
            {
                var expand = ParseMvExpand(token);
                ExpectWord("on");
                var open = Expect(TokenKind.OpenParen, "'('");
                var operators = new List<QueryOperatorSyntax> { ParseOperator() };
                while (Accept(TokenKind.Pipe))
                {
                    operators.Add(ParseOperator());
                }

                ExpectClose(open);
                return new MvApplySyntax(expand, operators, Span(token));
            }

            case "parse":
                return ParseParse(token);
            case "evaluate":
            {
                while (Current.Kind == TokenKind.Identifier && Current.Text.StartsWith("hint.", StringComparison.Ordinal) && PeekToken().Kind == TokenKind.Equal)
                {
                    _index += 3;
                }

                var plugin = ParseName("a plugin name");
                var open = Expect(TokenKind.OpenParen, "'('");
                var arguments = Current.Kind == TokenKind.CloseParen ? [] : ParseNamedList();
                ExpectClose(open);
                return new EvaluateSyntax(plugin.Name, plugin.Span, arguments, Span(token));
            }

            case "make-series":
                return ParseMakeSeries(token);
            case "getschema":
                return new GetSchemaSyntax(token.Span);
            case "parse-where":
                return ParseParse(token) with { DropsUnmatched = true };
            case "project-reorder":
                return new ProjectReorderSyntax(ParseNameList(), Span(token));
            case "union":
                return new UnionOperatorSyntax(ParseUnionTables(), Span(token));
            default:
                throw new SyntaxError(token.Span, Messages.UnknownOperator(token.Text, Suggestions.Closest(token.Text, OperatorNames)));
        }
    }

    private TextSpan Span(Token first) => TextSpan.FromBounds(first.Start, Previous.End);

    private List<NameSyntax> ParseNameList()
    {
        var names = new List<NameSyntax>();
        do
        {
            names.Add(ParseName("a column name"));
        }
        while (Accept(TokenKind.Comma));
        return names;
    }

    private SummarizeSyntax ParseSummarize(Token token)
    {
        while (Current.Kind == TokenKind.Identifier && Current.Text.StartsWith("hint.", StringComparison.Ordinal))
        {
            _index += 3;
        }

        var aggregates = Current.IsWord("by") ? [] : ParseNamedList();
        var keys = new List<NamedExpressionSyntax>();
        if (AcceptWord("by"))
        {
            keys = ParseNamedList();
        }

        return new SummarizeSyntax(aggregates, keys, Span(token));
    }

    private SortKeySyntax ParseSortKey()
    {
        var expression = ParseExpression();
        var descending = true;
        if (AcceptWord("asc"))
        {
            descending = false;
        }
        else
        {
            AcceptWord("desc");
        }

        bool? nullsFirst = null;
        if (AcceptWord("nulls"))
        {
            if (AcceptWord("first"))
            {
                nullsFirst = true;
            }
            else
            {
                ExpectWord("last");
                nullsFirst = false;
            }
        }

        return new SortKeySyntax(expression, descending, nullsFirst);
    }

    private JoinSyntax ParseJoin(Token token)
    {
        string? kind = null;
        TextSpan kindSpan = default;
        while (Current.Kind == TokenKind.Identifier && PeekToken().Kind == TokenKind.Equal)
        {
            var option = _tokens[_index];
            var value = PeekToken(2);
            _index += 3;
            if (option.Text == "kind")
            {
                kind = value.Text;
                kindSpan = option.Span.Cover(value.Span);
            }
        }

        ExpressionSyntax right;
        if (Current.Kind == TokenKind.OpenParen)
        {
            var open = _tokens[_index++];
            right = ParsePipeExpression();
            ExpectClose(open);
        }
        else
        {
            right = ParseName("a table or '(' after join");
        }

        ExpectWord("on");
        var conditions = new List<JoinConditionSyntax>();
        do
        {
            conditions.Add(ParseJoinCondition());
        }
        while (Accept(TokenKind.Comma));
        return new JoinSyntax(token.Text == "lookup", kind, kindSpan, right, conditions, Span(token));
    }

    private JoinConditionSyntax ParseJoinCondition()
    {
        var expression = ParseExpression();
        if (expression is NameSyntax name)
        {
            return new JoinConditionSyntax(name, name);
        }

        if (expression is BinarySyntax { Operator: "==" } binary
            && SideOf(binary.Left) is var (leftSide, leftName)
            && SideOf(binary.Right) is var (rightSide, rightName)
            && leftSide != rightSide)
        {
            return leftSide == "$left" ? new JoinConditionSyntax(leftName, rightName) : new JoinConditionSyntax(rightName, leftName);
        }

        throw new SyntaxError(expression.Span, Messages.Expected("a column name or '$left.a == $right.b'", "an expression"));
    }

    private static (string Side, NameSyntax Name)? SideOf(ExpressionSyntax expression) =>
        expression is MemberSyntax { Target: NameSyntax { Name: "$left" or "$right" } side } member
            ? (side.Name, new NameSyntax(member.Member, TextSpan.FromBounds(member.Span.End - member.Member.Length, member.Span.End)))
            : null;

    private RenderSyntax ParseRender(Token token)
    {
        var chart = ParseName("a chart type").Name;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (AcceptWord("with"))
        {
            var open = Expect(TokenKind.OpenParen, "'('");
            while (Current.Kind == TokenKind.Identifier)
            {
                var key = _tokens[_index++].Text;
                Expect(TokenKind.Equal, "'='");
                var value = ParseExpression();
                properties[key] = value is LiteralSyntax literal ? literal.Token.Text : value is NameSyntax n ? n.Name : "";
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            ExpectClose(open);
        }

        return new RenderSyntax(chart, properties, Span(token));
    }

    private MvExpandSyntax ParseMvExpand(Token token)
    {
        var bagsAsArrays = false;
        string? indexName = null;
        while (Current.Kind == TokenKind.Identifier && PeekToken().Kind == TokenKind.Equal && Current.Text is "bagexpansion" or "with_itemindex" or "kind")
        {
            var option = Current.Text;
            var value = PeekToken(2).Text;
            _index += 3;
            if (option == "with_itemindex")
            {
                indexName = value;
            }
            else
            {
                bagsAsArrays = value == "array";
            }
        }

        var items = new List<MvExpandItemSyntax>();
        do
        {
            var column = ParseNamed();
            string? typeName = null;
            if (AcceptWord("to"))
            {
                ExpectWord("typeof");
                var open = Expect(TokenKind.OpenParen, "'('");
                typeName = ParseName("a type name").Name;
                ExpectClose(open);
            }

            items.Add(new MvExpandItemSyntax(column, typeName));
        }
        while (Accept(TokenKind.Comma));
        ExpressionSyntax? limit = null;
        if (AcceptWord("limit"))
        {
            limit = ParseExpression();
        }

        return new MvExpandSyntax(items, limit, Span(token)) { BagsAsArrays = bagsAsArrays, IndexName = indexName };
    }

    private ParseSyntax ParseParse(Token token)
    {
        var kind = "simple";
        string? flags = null;
        while (Current.Kind == TokenKind.Identifier && Current.Text is "kind" or "flags" && PeekToken().Kind == TokenKind.Equal)
        {
            var option = Current.Text;
            _index += 2;
            var value = Current.Text;
            _index++;
            if (option == "kind")
            {
                kind = value;
            }
            else
            {
                flags = value;
            }
        }

        var source = ParseExpression();
        ExpectWord("with");
        var elements = new List<ParseElementSyntax>();
        while (Current.Kind is TokenKind.Star or TokenKind.StringLiteral or TokenKind.Identifier)
        {
            var start = Current;
            if (Accept(TokenKind.Star))
            {
                elements.Add(new ParseElementSyntax(null, null, null, start.Span));
            }
            else if (Current.Kind == TokenKind.StringLiteral)
            {
                _index++;
                elements.Add(new ParseElementSyntax(start.Text, null, null, start.Span));
            }
            else
            {
                var name = ParseName("a column name");
                string? type = null;
                if (Accept(TokenKind.Colon))
                {
                    type = ParseName("a type name").Name;
                }

                elements.Add(new ParseElementSyntax(null, name.Name, type, TextSpan.FromBounds(start.Start, Previous.End)));
            }

            Accept(TokenKind.Comma);
        }

        return new ParseSyntax(kind, flags, source, elements, Span(token));
    }

    private MakeSeriesSyntax ParseMakeSeries(Token token)
    {
        var nonEmpty = false;
        if (Current.IsWord("kind") && PeekToken().Kind == TokenKind.Equal)
        {
            nonEmpty = PeekToken(2).Text == "nonempty";
            _index += 3;
        }

        var aggregates = new List<(NamedExpressionSyntax, ExpressionSyntax?)>();
        do
        {
            var aggregate = ParseNamed();
            ExpressionSyntax? fallback = null;
            if (Current.IsWord("default") && PeekToken().Kind == TokenKind.Equal)
            {
                _index += 2;
                fallback = ParseExpression();
            }

            aggregates.Add((aggregate, fallback));
        }
        while (Accept(TokenKind.Comma));
        ExpectWord("on");
        var axis = ParseExpression();
        var from = AcceptWord("from") ? ParseExpression() : null;
        var to = AcceptWord("to") ? ParseExpression() : null;
        ExpectWord("step");
        var step = ParseExpression();
        var keys = AcceptWord("by") ? ParseNamedList() : [];
        return new MakeSeriesSyntax(nonEmpty, aggregates, axis, from, to, step, keys, Span(token));
    }
}
