namespace OomLab.Telemetry;

/// <summary>
/// A table as queries see it: its columns, and where each column's values are in the store. <see cref="Parts"/> are the
/// store's tables whose rows it shows, one after the other (the table of that name, then its twin of the other naming);
/// <see cref="Sources"/>[column][part] are the part's columns that hold the column's values, the first non-null one
/// winning a row (none: the part has no such column, its rows are null there).
/// </summary>
internal sealed record TelemetryView(
    string Name,
    IReadOnlyList<TelemetryColumn> Columns,
    IReadOnlyList<TelemetryTable> Parts,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<TelemetryColumn>>> Sources);
