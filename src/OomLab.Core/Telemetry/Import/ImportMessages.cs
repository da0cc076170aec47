namespace OomLab.Telemetry.Import;

/// <summary>The texts of import errors (after <c>file:line:column:</c>); tests assert these factories, not literals.</summary>
internal static class ImportMessages
{
    public const string Empty = "the file is empty";
    public const string EndsMidValue = "the file ends in the middle of a value";
    public const string EndsInQuotes = "the file ends inside a quoted value";
    public const string GzipTruncated = "the gzip data ends early: the file is truncated";
    public const string UnknownShape =
        "expected {\"tables\":[...]} (Application Insights REST, az monitor app-insights query -o json), {\"records\":[...]} or JSON lines (diagnostic settings), an array of objects (az monitor log-analytics query -o json) or CSV (the portal's Export to CSV)";

    public static string NotFound(string file) => $"{file}: file not found";

    public static string Binary(long offset) => $"binary data (byte {offset + 1} is not text): not an export of Application Insights or Log Analytics";

    public static string Gzip(string problem) => $"the gzip data cannot be read: {problem}";

    public static string NotOfType(string column, string cell, string type) => $"column '{column}': {Shorten(cell)} is not a {type}";

    public static string RowLength(int values, int columns) => $"the row has {values} values but there are {columns} columns";

    public static string BadTableOption(string table) =>
        $"--table \"{table}\": not a table name (a name of letters, digits and '_', not starting oomlab_ or sqlite_)";

    public static string CannotTellTable(IEnumerable<string> columns, IEnumerable<string> tables) =>
        $"cannot tell which table these columns ({string.Join(", ", columns.Take(8))}) belong to; name it with --table ({string.Join(", ", tables)}) or name the file after it (requests.json)";

    public static string ValueTooLarge(int mib) => $"a single value is larger than {mib} MiB; is this an Application Insights export?";

    public static string InvalidJson(string detail) => $"invalid JSON: {detail}";

    public static string Csv(string problem) => $"invalid CSV: {problem}";

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;
}
