namespace OomLab.Telemetry;

/// <summary>A pass over one stored table of one store that reads <see cref="Columns"/> ahead (<see cref="StoreTables.Plan"/>).</summary>
internal sealed record StoreFetch(StoreTables Store, TelemetryTable Table, int Rows, IReadOnlyList<TelemetryColumn> Columns);
