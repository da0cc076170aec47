using OomLab.Kql.Syntax;

namespace OomLab.Kql;

/// <summary>Collects diagnostics so that several problems in one query are reported at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<KqlDiagnostic> _items = [];
    private readonly SourceText _source;

    public DiagnosticBag(SourceText source) => _source = source;

    public IReadOnlyList<KqlDiagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Report(TextSpan span, DiagnosticMessage message)
    {
        // One problem per position: the parser's recovery could otherwise report the same spot twice.
        if (_items.Exists(d => d.Offset == span.Start && d.Code == message.Code))
        {
            return;
        }

        var (line, column) = _source.Locate(Math.Min(span.Start, _source.Text.Length));
        _items.Add(new KqlDiagnostic(message.Code, line, column, Math.Max(1, span.Length), message.Text, span.Start));
    }
}
