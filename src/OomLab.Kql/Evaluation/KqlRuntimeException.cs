using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// Stops evaluation with a located diagnostic (a budget exceeded, a bad regex). Never escapes the
/// engine: <see cref="KqlEngine"/> turns it into a diagnostic on the result.
/// </summary>
#pragma warning disable CA1032, CA1064 // Internal control transfer with required data, not a general-purpose exception.
internal sealed class KqlRuntimeException(TextSpan span, DiagnosticMessage diagnostic) : Exception(diagnostic.Text)
#pragma warning restore CA1032, CA1064
{
    public TextSpan Span { get; } = span;

    public DiagnosticMessage Diagnostic { get; } = diagnostic;
}
