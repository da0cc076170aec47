using OomLab.Kql;

namespace OomLab.Playbook;

/// <summary>Evaluates playbook rules with one scope of names (a preamble of <c>let</c>s) in force.</summary>
internal sealed class RuleRunner(string preamble, string source, KqlOptions options, CancellationToken cancellationToken)
{
    private static readonly InMemoryTableSource NoTables = new();

    public object? Evaluate(PlaybookText rule) => PlaybookQuery.Evaluate(preamble, rule, source, NoTables, options, cancellationToken);

    public bool Holds(PlaybookText rule) => PlaybookQuery.Holds(Evaluate(rule));
}
