namespace OomLab.Kql.Syntax;

internal sealed partial class Parser
{
    private static readonly HashSet<string> WordComparisons = new(StringComparer.Ordinal)
    {
        "has", "!has", "has_cs", "!has_cs", "contains", "!contains", "contains_cs", "!contains_cs",
        "startswith", "!startswith", "startswith_cs", "!startswith_cs", "endswith", "!endswith",
        "endswith_cs", "!endswith_cs", "hasprefix", "!hasprefix", "hassuffix", "!hassuffix", "matches",
    };

    private static readonly HashSet<string> ListOperators = new(StringComparer.Ordinal)
    {
        "in", "!in", "in~", "!in~", "has_any", "has_all",
    };

    /// <summary>An expression followed by any number of <c>| operator</c>.</summary>
    private ExpressionSyntax ParsePipeExpression()
    {
        var expression = ParseExpression();
        while (Current.Kind == TokenKind.Pipe)
        {
            var pipe = _index++;
            try
            {
                var op = ParseOperator();
                expression = new PipeSyntax(expression, op, expression.Span.Cover(op.Span));
            }
            catch (SyntaxError error)
            {
                _diagnostics.Report(error.Span, error.Message);
                SkipTo(TokenKind.Pipe);
                if (_index == pipe + 1 && Current.Kind != TokenKind.Pipe)
                {
                    return expression;
                }
            }
        }

        return expression;
    }

    private ExpressionSyntax ParseExpression() => ParseOr();

    private ExpressionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsWord("or"))
        {
            var op = _tokens[_index++];
            var right = ParseAnd();
            left = new BinarySyntax("or", left, right, op.Span, left.Span.Cover(right.Span));
        }

        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        var left = ParseComparison();
        while (Current.IsWord("and"))
        {
            var op = _tokens[_index++];
            var right = ParseComparison();
            left = new BinarySyntax("and", left, right, op.Span, left.Span.Cover(right.Span));
        }

        return left;
    }

    private ExpressionSyntax ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            var token = Current;
            string? op = token.Kind switch
            {
                TokenKind.EqualEqual => "==",
                TokenKind.NotEqual => "!=",
                TokenKind.Less => "<",
                TokenKind.LessEqual => "<=",
                TokenKind.Greater => ">",
                TokenKind.GreaterEqual => ">=",
                TokenKind.EqualTilde => "=~",
                TokenKind.BangTilde => "!~",
                TokenKind.Identifier when WordComparisons.Contains(token.Text) => token.Text,
                _ => null,
            };
            if (op is not null)
            {
                _index++;
                if (op == "matches")
                {
                    ExpectWord("regex");
                    op = "matches regex";
                }

                var right = ParseAdditive();
                left = new BinarySyntax(op, left, right, token.Span, left.Span.Cover(right.Span));
                continue;
            }

            if (token.Kind == TokenKind.Identifier && (token.Text is "between" or "!between"))
            {
                _index++;
                Expect(TokenKind.OpenParen, "'(' after between");
                var low = ParseAdditive();
                Expect(TokenKind.DotDot, "'..'");
                var high = ParseAdditive();
                var close = ExpectClose(token);
                left = new BetweenSyntax(left, low, high, token.Text[0] == '!', TextSpan.FromBounds(left.Span.Start, close.End));
                continue;
            }

            if (token.Kind == TokenKind.Identifier && ListOperators.Contains(token.Text))
            {
                _index++;
                var open = Expect(TokenKind.OpenParen, $"'(' after {token.Text}");
                var items = ParseList(open);
                left = new ListOperatorSyntax(token.Text, left, items, token.Span, TextSpan.FromBounds(left.Span.Start, Previous.End));
                continue;
            }

            return left;
        }
    }

    private Token ExpectClose(Token open)
    {
        if (Current.Kind != TokenKind.CloseParen)
        {
            throw new SyntaxError(Current.Kind == TokenKind.EndOfInput ? open.Span : Current.Span, Messages.Unclosed("(", ")"));
        }

        return _tokens[_index++];
    }

    private List<ExpressionSyntax> ParseList(Token open)
    {
        var items = new List<ExpressionSyntax>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            do
            {
                items.Add(Current.Kind == TokenKind.Star ? new StarSyntax(_tokens[_index++].Span) : ParsePipeExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        if (Current.Kind != TokenKind.CloseParen)
        {
            if (Current.Kind is TokenKind.EndOfInput or TokenKind.Semicolon or TokenKind.Pipe)
            {
                throw new SyntaxError(open.Span, Messages.Unclosed("(", ")"));
            }

            throw Unexpected("',' or ')'");
        }

        _index++;
        return items;
    }

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = _tokens[_index++];
            var right = ParseMultiplicative();
            left = new BinarySyntax(op.Text, left, right, op.Span, left.Span.Cover(right.Span));
        }

        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = _tokens[_index++];
            var right = ParseUnary();
            left = new BinarySyntax(op.Text, left, right, op.Span, left.Span.Cover(right.Span));
        }

        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var op = _tokens[_index++];
            var operand = ParseUnary();
            return new UnarySyntax(op.Text, operand, op.Span.Cover(operand.Span));
        }

        return ParsePostfix();
    }

    private ExpressionSyntax ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.Dot && PeekToken().Kind == TokenKind.Identifier)
            {
                _index++;
                var member = _tokens[_index++];
                expression = new MemberSyntax(expression, member.Text, expression.Span.Cover(member.Span));
            }
            else if (Current.Kind == TokenKind.OpenBracket)
            {
                var open = _tokens[_index++];
                var index = ParseExpression();
                if (Current.Kind != TokenKind.CloseBracket)
                {
                    throw new SyntaxError(open.Span, Messages.Unclosed("[", "]"));
                }

                var close = _tokens[_index++];
                expression = new IndexSyntax(expression, index, TextSpan.FromBounds(expression.Span.Start, close.End));
            }
            else
            {
                return expression;
            }
        }
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.LongLiteral:
                _index++;
                return new LiteralSyntax(LiteralKind.Long, token, token.Span);
            case TokenKind.RealLiteral:
                _index++;
                return new LiteralSyntax(LiteralKind.Real, token, token.Span);
            case TokenKind.StringLiteral:
                _index++;

                // scalar-data-types/string.md: string literals next to each other are one string ("Hello" ', ' @"world!").
                while (Current.Kind == TokenKind.StringLiteral)
                {
                    token = new Token(TokenKind.StringLiteral, token.Start, Current.End - token.Start, token.Text + Current.Text);
                    _index++;
                }

                return new LiteralSyntax(LiteralKind.String, token, token.Span);
            case TokenKind.TimespanLiteral:
                _index++;
                return new LiteralSyntax(LiteralKind.Timespan, token, token.Span);
            case TokenKind.RawCallLiteral:
                _index++;
                return new LiteralSyntax(LiteralKind.Raw, token, token.Span);
            case TokenKind.OpenParen:
            {
                _index++;
                var inner = ParsePipeExpression();
                ExpectClose(token);
                return inner;
            }

            case TokenKind.Identifier:
                return ParseWord(token);
            default:
                throw Unexpected("an expression");
        }
    }

    private ExpressionSyntax ParseWord(Token token)
    {
        var next = PeekToken();
        switch (token.Text)
        {
            case "true" or "false":
                _index++;
                return new LiteralSyntax(LiteralKind.Bool, token, token.Span);
            case "datatable" when next.Kind == TokenKind.OpenParen:
                return ParseDataTable();
            case "print":
                return ParsePrint();
            case "range" when next.Kind == TokenKind.Identifier:
                return ParseRange();
            case "union" when next.Kind != TokenKind.OpenParen || PeekToken(2).Kind != TokenKind.CloseParen:
            {
                _index++;
                var tables = ParseUnionTables();
                return new UnionSyntax(tables, TextSpan.FromBounds(token.Start, Previous.End));
            }
        }

        _index++;
        if (next.Kind == TokenKind.OpenParen)
        {
            var open = _tokens[_index++];
            var arguments = ParseList(open);
            return new CallSyntax(token.Text, token.Span, arguments, TextSpan.FromBounds(token.Start, Previous.End));
        }

        return new NameSyntax(token.Text, token.Span);
    }

    private List<ExpressionSyntax> ParseUnionTables()
    {
        while (Current.Kind == TokenKind.Identifier && PeekToken().Kind == TokenKind.Equal)
        {
            // Options such as kind=outer or withsource=T are accepted and ignored (outer is the default).
            _index += 3;
        }

        var tables = new List<ExpressionSyntax>();
        do
        {
            if (Current.Kind == TokenKind.OpenParen)
            {
                var open = _tokens[_index++];
                tables.Add(ParsePipeExpression());
                ExpectClose(open);
            }
            else
            {
                tables.Add(ParseName("a table name"));
            }
        }
        while (Accept(TokenKind.Comma));
        return tables;
    }

    private DataTableSyntax ParseDataTable()
    {
        var start = Current.Start;
        _index++;
        var open = Expect(TokenKind.OpenParen, "'('");
        var columns = new List<ColumnDeclarationSyntax>();
        do
        {
            var name = ParseName("a column name");
            Expect(TokenKind.Colon, "':'");
            var type = ParseName("a type name");
            columns.Add(new ColumnDeclarationSyntax(name.Name, type.Name, name.Span.Cover(type.Span)));
        }
        while (Accept(TokenKind.Comma));
        ExpectClose(open);
        var bracket = Expect(TokenKind.OpenBracket, "'['");
        var values = new List<ExpressionSyntax>();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            do
            {
                if (Current.Kind == TokenKind.CloseBracket)
                {
                    break;
                }

                values.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        if (Current.Kind != TokenKind.CloseBracket)
        {
            throw Current.Kind == TokenKind.EndOfInput ? new SyntaxError(bracket.Span, Messages.Unclosed("[", "]")) : Unexpected("',' or ']'");
        }

        _index++;
        return new DataTableSyntax(columns, values, TextSpan.FromBounds(start, Previous.End));
    }

    private PrintSyntax ParsePrint()
    {
        var start = Current.Start;
        _index++;
        var columns = ParseNamedList();
        return new PrintSyntax(columns, TextSpan.FromBounds(start, Previous.End));
    }

    private RangeSyntax ParseRange()
    {
        var start = Current.Start;
        _index++;
        var name = ParseName("a column name");
        ExpectWord("from");
        var from = ParseExpression();
        ExpectWord("to");
        var to = ParseExpression();
        ExpectWord("step");
        var step = ParseExpression();
        return new RangeSyntax(name.Name, from, to, step, TextSpan.FromBounds(start, step.Span.End));
    }

    private List<NamedExpressionSyntax> ParseNamedList()
    {
        var list = new List<NamedExpressionSyntax>();
        do
        {
            list.Add(ParseNamed());
        }
        while (Accept(TokenKind.Comma));
        return list;
    }

    private NamedExpressionSyntax ParseNamed()
    {
        if (Current.Kind == TokenKind.Identifier && PeekToken().Kind == TokenKind.Equal)
        {
            var name = _tokens[_index];
            _index += 2;
            return new NamedExpressionSyntax(name.Text, name.Span, ParseExpression());
        }

        if (Current.Kind == TokenKind.OpenParen && TupleNameCount() is > 0 and var count)
        {
            var open = Current;
            var names = new List<string>();
            for (var i = 0; i < count; i++)
            {
                names.Add(_tokens[_index + 1 + (2 * i)].Text);
            }

            var close = _tokens[_index + (2 * count)];
            _index += (2 * count) + 2;
            return new NamedExpressionSyntax(names[0], open.Span.Cover(close.Span), ParseExpression()) { Names = names };
        }

        return new NamedExpressionSyntax(null, default, ParseExpression());
    }

    /// <summary>How many names a <c>(a, b, ...) =</c> at the current position holds; 0 when there is none.</summary>
    private int TupleNameCount()
    {
        var count = 0;
        while (PeekToken((2 * count) + 1).Kind == TokenKind.Identifier)
        {
            count++;
            var after = PeekToken(2 * count).Kind;
            if (after == TokenKind.CloseParen)
            {
                return PeekToken((2 * count) + 1).Kind == TokenKind.Equal ? count : 0;
            }

            if (after != TokenKind.Comma)
            {
                return 0;
            }
        }

        return 0;
    }
}
