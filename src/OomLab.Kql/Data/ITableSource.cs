namespace OomLab.Kql;

/// <summary>Where a query's table names resolve: a telemetry store, files, or tables in memory.</summary>
public interface ITableSource
{
    /// <summary>The names of the tables this source can resolve, for did-you-mean on an unknown table.</summary>
    IEnumerable<string> TableNames { get; }

    /// <summary>Resolves <paramref name="name"/> (case-sensitive, as in KQL) to a table.</summary>
    bool TryGetTable(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KqlTable? table);
}
