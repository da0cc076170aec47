namespace OomLab.Telemetry;

/// <summary>
/// The order in which a table shows the rows of several stores: as one store would hold them had every instance written
/// into it, by time (the view's <c>timestamp</c> or <c>TimeGenerated</c>), each store's rows staying in their own order
/// and a tie going to the store given first. The time column is read once for the order and then handed to the engine
/// when it loads that column.
/// </summary>
internal sealed class StoreMerge
{
    private readonly Lazy<int[]> order;
    private TelemetryColumnData? time;

    /// <param name="timeColumn">The view's time column.</param>
    /// <param name="rows">Each store's rows in the view, in the stores' order.</param>
    /// <param name="readTime">Reads the time column, the stores' rows one after the other.</param>
    public StoreMerge(TelemetryColumn timeColumn, int[] rows, Func<TelemetryColumnData> readTime)
    {
        ArgumentNullException.ThrowIfNull(timeColumn);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(readTime);
        TimeColumn = timeColumn;
        order = new Lazy<int[]>(() =>
        {
            var data = readTime();
            time = data;
            return Merge((long[])data.Values, data.Nulls, rows);
        });
    }

    public TelemetryColumn TimeColumn { get; }

    /// <summary>
    /// <paramref name="column"/>'s values in the merged order; <paramref name="read"/> gives them store after store
    /// (for the time column, the values read for the order are used instead, once).
    /// </summary>
    public TelemetryColumnData Arrange(TelemetryColumn column, Func<TelemetryColumnData> read)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(read);
        var merged = order.Value;
        var data = column.Name == TimeColumn.Name && Interlocked.Exchange(ref time, null) is { } kept ? kept : read();
        return ColumnValues.Reorder(data, merged);
    }

    /// <summary>
    /// The merge of the stores' runs of <paramref name="ticks"/> (store after store, <paramref name="rows"/> each): row
    /// <c>i</c> of the result is the index of the <c>i</c>-th earliest among the runs' next rows (a null time first).
    /// </summary>
    public static int[] Merge(long[] ticks, bool[]? nulls, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(rows);
        var heads = new int[rows.Length];
        var ends = new int[rows.Length];
        var queue = new PriorityQueue<int, (long Ticks, int Store)>(rows.Length);
        for (int s = 0, at = 0; s < rows.Length; at += rows[s], s++)
        {
            (heads[s], ends[s]) = (at, at + rows[s]);
            if (rows[s] > 0)
            {
                queue.Enqueue(s, (Key(at), s));
            }
        }

        var order = new int[ends.Length == 0 ? 0 : ends[^1]];
        for (var i = 0; queue.TryDequeue(out var store, out _); i++)
        {
            order[i] = heads[store]++;
            if (heads[store] < ends[store])
            {
                queue.Enqueue(store, (Key(heads[store]), store));
            }
        }

        return order;

        long Key(int row) => nulls?[row] == true ? long.MinValue : ticks[row];
    }
}
