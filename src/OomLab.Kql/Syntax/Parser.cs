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
            var value = ParsePipeExpression();
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
}
