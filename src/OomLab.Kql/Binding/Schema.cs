namespace OomLab.Kql.Binding;

/// <summary>The columns (name, type) of a tabular expression, known at bind time.</summary>
internal sealed class Schema
{
    public Schema(IReadOnlyList<(string Name, KqlType Type)> columns) => Columns = columns;

    public IReadOnlyList<(string Name, KqlType Type)> Columns { get; }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public static Schema Of(KqlTable table) => new(table.Columns.Select(c => (c.Name, c.Type)).ToList());
}
