using System.Globalization;
using System.Text;

namespace OomLab.Kql.Syntax;

/// <summary>
/// Turns query text into tokens. Raw call literals (<c>datetime(...)</c>, <c>timespan(...)</c>,
/// <c>time(...)</c>, <c>dynamic(...)</c>) are taken whole because their insides are not KQL tokens.
/// </summary>
internal sealed class Lexer
{
    private static readonly string[] RawCallWords = ["datetime", "timespan", "time", "dynamic"];

    private static readonly string[] HyphenatedWords =
    [
        "project-away", "project-rename", "project-keep", "project-reorder", "mv-expand", "mv-apply",
        "make-series", "parse-where", "top-nested", "top-hitters",
    ];

    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private int _position;

    public Lexer(string text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var token = Next();
            if (token.Kind == TokenKind.Bad)
            {
                continue;
            }

            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfInput)
            {
                return tokens;
            }
        }
    }

    private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private Token Next()
    {
        SkipTrivia();
        var start = _position;
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.EndOfInput, _text.Length, 0, string.Empty);
        }

        var c = Peek();
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return Number();
        }

        if (c == '"' || c == '\'')
        {
            return String(start, verbatim: false);
        }

        if ((c == '@' || c == 'h' || c == 'H') && (Peek(1) == '"' || Peek(1) == '\''))
        {
            _position++;
            return String(start, verbatim: c == '@');
        }

        // ['name'] is a quoted name unless glued to what precedes it, as in d["key"] (an index).
        if (c == '[' && (Peek(1) == '\'' || Peek(1) == '"') && !IsIndexPosition(start))
        {
            return QuotedIdentifier(start);
        }

        if (IsIdentifierStart(c) || (c == '$' && IsIdentifierStart(Peek(1))))
        {
            return Word(start);
        }

        if (c == '!' && char.IsAsciiLetter(Peek(1)))
        {
            // Negated word operators: !has, !contains, !in, !between, !startswith ...
            _position++;
            var word = Word(_position);
            return word with { Start = start, Length = word.End - start, Text = "!" + word.Text };
        }

        _position++;
        switch (c)
        {
            case '|': return Punct(TokenKind.Pipe, start);
            case '(': return Punct(TokenKind.OpenParen, start);
            case ')': return Punct(TokenKind.CloseParen, start);
            case '[': return Punct(TokenKind.OpenBracket, start);
            case ']': return Punct(TokenKind.CloseBracket, start);
            case '{': return Punct(TokenKind.OpenBrace, start);
            case '}': return Punct(TokenKind.CloseBrace, start);
            case ',': return Punct(TokenKind.Comma, start);
            case ';': return Punct(TokenKind.Semicolon, start);
            case ':': return Punct(TokenKind.Colon, start);
            case '+': return Punct(TokenKind.Plus, start);
            case '-': return Punct(TokenKind.Minus, start);
            case '*': return Punct(TokenKind.Star, start);
            case '/': return Punct(TokenKind.Slash, start);
            case '%': return Punct(TokenKind.Percent, start);
            case '.':
                return Match('.') ? Punct(TokenKind.DotDot, start) : Punct(TokenKind.Dot, start);
            case '=':
                if (Match('='))
                {
                    return Punct(TokenKind.EqualEqual, start);
                }

                return Match('~') ? Punct(TokenKind.EqualTilde, start) : Punct(TokenKind.Equal, start);
            case '!':
                if (Match('='))
                {
                    return Punct(TokenKind.NotEqual, start);
                }

                if (Match('~'))
                {
                    return Punct(TokenKind.BangTilde, start);
                }

                break;
            case '<':
                if (Match('='))
                {
                    return Punct(TokenKind.LessEqual, start);
                }

                return Match('>') ? Punct(TokenKind.NotEqual, start) : Punct(TokenKind.Less, start);
            case '>':
                return Match('=') ? Punct(TokenKind.GreaterEqual, start) : Punct(TokenKind.Greater, start);
        }

        _diagnostics.Report(new TextSpan(start, 1), Messages.UnexpectedCharacter(c));
        return new Token(TokenKind.Bad, start, 1, c.ToString());
    }

    private bool Match(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    private Token Punct(TokenKind kind, int start) => new(kind, start, _position - start, _text[start.._position]);

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool IsIndexPosition(int start) =>
        start > 0 && (IsIdentifierPart(_text[start - 1]) || _text[start - 1] is ')' or ']');

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private Token Word(int start)
    {
        if (Peek() == '$')
        {
            _position++;
        }

        while (IsIdentifierPart(Peek()))
        {
            _position++;
        }

        if (Peek() == '~' && _text.AsSpan(start, _position - start) is "in" or "!in")
        {
            _position++;
        }

        var word = _text[start.._position];
        if (Peek() == '-' && IsIdentifierStart(Peek(1)))
        {
            foreach (var hyphenated in HyphenatedWords)
            {
                if (hyphenated.StartsWith(word + "-", StringComparison.Ordinal)
                    && string.CompareOrdinal(_text, start, hyphenated, 0, hyphenated.Length) == 0
                    && !IsIdentifierPart(start + hyphenated.Length < _text.Length ? _text[start + hyphenated.Length] : ' '))
                {
                    _position = start + hyphenated.Length;
                    return new Token(TokenKind.Identifier, start, hyphenated.Length, hyphenated);
                }
            }
        }

        if (Array.IndexOf(RawCallWords, word) >= 0)
        {
            var save = _position;
            SkipTrivia();
            if (Peek() == '(')
            {
                return RawCall(start, word);
            }

            _position = save;
        }

        return new Token(TokenKind.Identifier, start, _position - start, word);
    }

    private Token RawCall(int start, string word)
    {
        var open = _position;
        _position++;
        var depth = 1;
        char quote = '\0';
        while (_position < _text.Length && depth > 0)
        {
            var c = _text[_position];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    _position++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }

            _position++;
        }

        if (depth > 0)
        {
            _diagnostics.Report(new TextSpan(open, 1), Messages.Unclosed("(", ")"));
            return new Token(TokenKind.RawCallLiteral, start, _position - start, word + "\0" + _text[(open + 1).._position]);
        }

        var inner = _text[(open + 1)..(_position - 1)];
        return new Token(TokenKind.RawCallLiteral, start, _position - start, word + "\0" + inner);
    }

    private Token QuotedIdentifier(int start)
    {
        _position++;
        var inner = String(_position, verbatim: false);
        SkipTrivia();
        if (!Match(']'))
        {
            _diagnostics.Report(new TextSpan(start, _position - start), Messages.Unclosed("[", "]"));
        }

        return new Token(TokenKind.Identifier, start, _position - start, inner.Text);
    }

    private Token String(int start, bool verbatim)
    {
        var quote = Peek();
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || (!verbatim && _text[_position] == '\n'))
            {
                _diagnostics.Report(new TextSpan(start, _position - start), Messages.UnterminatedString());
                return new Token(TokenKind.StringLiteral, start, _position - start, builder.ToString());
            }

            var c = _text[_position++];
            if (c == quote)
            {
                if (verbatim && Peek() == quote)
                {
                    builder.Append(quote);
                    _position++;
                    continue;
                }

                return new Token(TokenKind.StringLiteral, start, _position - start, builder.ToString());
            }

            if (c == '\\' && !verbatim && _position < _text.Length)
            {
                var e = _text[_position++];
                if (e == 'u' && _position + 4 <= _text.Length && int.TryParse(_text.AsSpan(_position, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    // scalar-data-types/string.md: "Hello\u00A0World".
                    builder.Append((char)code);
                    _position += 4;
                    continue;
                }

                builder.Append(e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    _ => e,
                });
                continue;
            }

            builder.Append(c);
        }
    }

    private Token Number()
    {
        var start = _position;
        if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X'))
        {
            _position += 2;
            while (char.IsAsciiHexDigit(Peek()))
            {
                _position++;
            }

            var hex = _text[(start + 2).._position];
            if (!long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hexValue))
            {
                _diagnostics.Report(new TextSpan(start, _position - start), Messages.LiteralOutOfRange(_text[start.._position], "long"));
            }

            return new Token(TokenKind.LongLiteral, start, _position - start, _text[start.._position], hexValue);
        }

        var isReal = false;
        while (char.IsAsciiDigit(Peek()))
        {
            _position++;
        }

        if (Peek() == '.' && Peek(1) != '.')
        {
            isReal = true;
            _position++;
            while (char.IsAsciiDigit(Peek()))
            {
                _position++;
            }
        }

        if ((Peek() == 'e' || Peek() == 'E') && (char.IsAsciiDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsAsciiDigit(Peek(2)))))
        {
            isReal = true;
            _position += 2;
            while (char.IsAsciiDigit(Peek()))
            {
                _position++;
            }
        }

        var numberText = _text[start.._position];
        if (char.IsAsciiLetter(Peek()))
        {
            var unitStart = _position;
            while (char.IsAsciiLetter(Peek()))
            {
                _position++;
            }

            var unit = _text[unitStart.._position];
            if (TimespanUnits.TryGetTicksPerUnit(unit, out var ticksPerUnit))
            {
                var amount = double.Parse(numberText, CultureInfo.InvariantCulture);
                var ticks = amount * ticksPerUnit;
                if (double.IsInfinity(ticks) || Math.Abs(ticks) > long.MaxValue)
                {
                    _diagnostics.Report(new TextSpan(start, _position - start), Messages.LiteralOutOfRange(_text[start.._position], "timespan"));
                    ticks = 0;
                }

                return new Token(TokenKind.TimespanLiteral, start, _position - start, _text[start.._position], (long)Math.Round(ticks));
            }

            _diagnostics.Report(new TextSpan(start, _position - start), Messages.InvalidLiteral("numeric or timespan", _text[start.._position]));
            return new Token(TokenKind.LongLiteral, start, _position - start, numberText);
        }

        if (isReal)
        {
            var real = double.Parse(numberText, CultureInfo.InvariantCulture);
            if (double.IsInfinity(real))
            {
                _diagnostics.Report(new TextSpan(start, _position - start), Messages.LiteralOutOfRange(numberText, "real"));
                real = 0;
            }

            return new Token(TokenKind.RealLiteral, start, _position - start, numberText, RealValue: real);
        }

        if (!long.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Report(new TextSpan(start, _position - start), Messages.LiteralOutOfRange(numberText, "long"));
        }

        return new Token(TokenKind.LongLiteral, start, _position - start, numberText, value);
    }
}
