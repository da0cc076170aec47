namespace OomLab.Telemetry;

/// <summary>A telemetry table: its name and its columns in order.</summary>
internal sealed record TelemetryTable(string Name, IReadOnlyList<TelemetryColumn> Columns)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        return -1;
    }
}
