namespace OomLab.Kql.Syntax;

/// <summary>
/// One lexical token. <see cref="Text"/> is the decoded text (a string literal's value, a quoted
/// identifier's name, a raw literal's inner text); numeric literals carry their parsed value.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text, long LongValue = 0, double RealValue = 0)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public bool IsWord(string word) => Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.Ordinal);
}
