using System.Diagnostics.CodeAnalysis;

namespace OomLab.Kql;

/// <summary>Resolves a table from the first source that has it, so that files given on the command line can sit beside a store.</summary>
public sealed class LayeredTableSource(params IReadOnlyList<ITableSource> sources) : ITableSource
{
    /// <inheritdoc />
    public IEnumerable<string> TableNames => sources.SelectMany(s => s.TableNames).Distinct(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool TryGetTable(string name, [NotNullWhen(true)] out KqlTable? table)
    {
        foreach (var source in sources)
        {
            if (source.TryGetTable(name, out table))
            {
                return true;
            }
        }

        table = null;
        return false;
    }
}
