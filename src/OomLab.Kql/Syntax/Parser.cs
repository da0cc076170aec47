namespace OomLab.Kql.Syntax;

/// <summary>
/// Recursive-descent parser for KQL queries. Errors are reported to the <see cref="DiagnosticBag"/>;
/// after an error the parser skips to the next pipe or semicolon so that several problems are found in
/// one pass. Split by aspect: statements here, expressions and query operators in partial files.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly DiagnosticBag _diagnostics;
    private int _index;

    public Parser(string text, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _tokens = new Lexer(text, diagnostics).Tokenize();
    }

    private Token Current => _tokens[_index];

    private Token PeekToken(int offset = 1) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    public QuerySyntax ParseQuery()
    {
        var statements = new List<StatementSyntax>();
        while (Current.Kind != TokenKind.EndOfInput)
        {
            if (Current.Kind == TokenKind.Semicolon)
            {
                _index++;
                continue;
            }

            var start = _index;
            try
            {
                statements.Add(ParseStatement());
                if (Current.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput))
                {
                    throw Unexpected("';' or '|'");
                }
            }
            catch (SyntaxError error)
            {
                _diagnostics.Report(error.Span, error.Message);
                SkipTo(TokenKind.Semicolon);
                if (_index == start)
                {
                    _index++;
                }
            }
        }

        return new QuerySyntax(statements);
    }

    private StatementSyntax ParseStatement()
    {
        var first = Current;
        if (first.IsWord("let") && PeekToken().Kind == TokenKind.Identifier)
        {
            _index++;
            var name = ParseName("a name after 'let'");
            Expect(TokenKind.Equal, "'='");
            if (Current.IsWord("view") && PeekToken().Kind == TokenKind.OpenParen)
            {
                _index++;
            }

            var value = IsFunctionHead() ? ParseFunction() : ParsePipeExpression();
            return new LetSyntax(name, value, TextSpan.FromBounds(first.Start, value.Span.End));
        }

        var expression = ParsePipeExpression();
        return new ExpressionStatementSyntax(expression, expression.Span);
    }

    private NameSyntax ParseName(string expected)
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            throw Unexpected(expected);
        }

        var token = Current;
        _index++;
        return new NameSyntax(token.Text, token.Span);
    }

    private Token Expect(TokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(expected);
        }

        return _tokens[_index++];
    }

    private void ExpectWord(string word)
    {
        if (!Current.IsWord(word))
        {
            throw Unexpected($"'{word}'");
        }

        _index++;
    }

    private bool AcceptWord(string word)
    {
        if (!Current.IsWord(word))
        {
            return false;
        }

        _index++;
        return true;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private Token Previous => _tokens[Math.Max(0, _index - 1)];

    private SyntaxError Unexpected(string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.CloseParen && expected != "')'")
        {
            return new SyntaxError(token.Span, Messages.UnmatchedClose(")"));
        }

        var found = token.Kind switch
        {
            TokenKind.EndOfInput => "the end of the query",
            TokenKind.StringLiteral => "a string literal",
            _ => $"'{Describe(token)}'",
        };
        return new SyntaxError(token.Kind == TokenKind.EndOfInput ? new TextSpan(Math.Max(0, token.Start - 1), 1) : token.Span, Messages.Expected(expected, found));
    }

    private static string Describe(Token token) => token.Kind == TokenKind.RawCallLiteral ? token.Text[..token.Text.IndexOf('\0', StringComparison.Ordinal)] + "(...)" : token.Text;

    /// <summary>Skips to the next token of <paramref name="kind"/> (or a semicolon) outside brackets.</summary>
    private void SkipTo(TokenKind kind)
    {
        var depth = 0;
        while (Current.Kind != TokenKind.EndOfInput)
        {
            var k = Current.Kind;
            if (depth == 0 && (k == kind || k == TokenKind.Semicolon))
            {
                return;
            }

            if (k is TokenKind.OpenParen or TokenKind.OpenBracket or TokenKind.OpenBrace)
            {
                depth++;
            }
            else if (k is TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace)
            {
                if (depth == 0)
                {
                    return;
                }

                depth--;
            }

            _index++;
        }
    }

    /// <summary>A syntax error unwinds to the nearest recovery point (operator or statement).</summary>
    private sealed class SyntaxError(TextSpan span, DiagnosticMessage message) : Exception(message.Text)
    {
        public TextSpan Span { get; } = span;

        public new DiagnosticMessage Message { get; } = message;
    }

    /// <summary>Whether a <c>(</c> here opens a parameter list followed by a <c>{</c> body.</summary>
    private bool IsFunctionHead()
    {
        if (Current.Kind != TokenKind.OpenParen)
        {
            return false;
        }

        var depth = 0;
        for (var i = _index; i < _tokens.Count; i++)
        {
            depth += _tokens[i].Kind == TokenKind.OpenParen ? 1 : _tokens[i].Kind == TokenKind.CloseParen ? -1 : 0;
            if (depth == 0)
            {
                return i + 1 < _tokens.Count && _tokens[i + 1].Kind == TokenKind.OpenBrace;
            }
        }

        return false;
    }

    private FunctionSyntax ParseFunction()
    {
        var open = Expect(TokenKind.OpenParen, "'('");
        var parameters = new List<FunctionParameterSyntax>();
        while (Current.Kind == TokenKind.Identifier)
        {
            var name = ParseName("a parameter name");
            var tabular = false;
            if (Accept(TokenKind.Colon))
            {
                if (Current.Kind == TokenKind.OpenParen)
                {
                    // A tabular parameter: T:(*) or T:(x:long, ...).
                    tabular = true;
                    SkipBalanced();
                }
                else
                {
                    ParseName("a type name");
                }
            }

            TextSpan? fallback = null;
            if (Accept(TokenKind.Equal))
            {
                var value = ParseExpression();
                fallback = value.Span;
            }

            parameters.Add(new FunctionParameterSyntax(name.Name, tabular, fallback));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        ExpectClose(open);
        var brace = Expect(TokenKind.OpenBrace, "'{'");
        var depth = 1;
        while (Current.Kind != TokenKind.EndOfInput)
        {
            depth += Current.Kind == TokenKind.OpenBrace ? 1 : Current.Kind == TokenKind.CloseBrace ? -1 : 0;
            if (depth == 0)
            {
                break;
            }

            _index++;
        }

        var close = Expect(TokenKind.CloseBrace, "'}'");
        return new FunctionSyntax(parameters, TextSpan.FromBounds(brace.End, close.Start), TextSpan.FromBounds(open.Start, close.End));
    }

    private void SkipBalanced()
    {
        var depth = 0;
        do
        {
            depth += Current.Kind == TokenKind.OpenParen ? 1 : Current.Kind == TokenKind.CloseParen ? -1 : 0;
            _index++;
        }
        while (depth > 0 && Current.Kind != TokenKind.EndOfInput);
    }
}
