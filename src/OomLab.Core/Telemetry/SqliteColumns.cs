using System.Runtime.InteropServices;

namespace OomLab.Telemetry;

/// <summary>
/// SQLite's column accessors called with the statement's raw pointer: a store read makes one call per value, and
/// the safe-handle calls (reference counting on every call) cost more than SQLite's own work per value.
/// The statement must stay open (its safe handle alive) while these are called.
/// </summary>
internal static class SqliteColumns
{
    private const string Library = "e_sqlite3";
    private const int Null = 5;

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    public static extern long Int64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double")]
    public static extern double Double(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_text")]
    public static extern IntPtr Text(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes")]
    public static extern int Bytes(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    private static extern int Type(IntPtr statement, int column);

    public static bool IsNull(IntPtr statement, int column) => Type(statement, column) == Null;
}
