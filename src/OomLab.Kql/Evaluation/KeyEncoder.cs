namespace OomLab.Kql.Evaluation;

/// <summary>
/// Maps rows of key columns to dense group numbers, in order of first appearance. The state is kept
/// across calls so that both sides of a join are numbered alike. Null keys get a number of their own
/// (KQL groups nulls together and joins null keys to null keys).
/// </summary>
internal sealed class KeyEncoder
{
    private readonly ColumnCoder[] _coders;
    private readonly Dictionary<long, int>[] _pairs;
    private int _count;

    public KeyEncoder(int keyCount)
    {
        _coders = new ColumnCoder[keyCount];
        for (var i = 0; i < keyCount; i++)
        {
            _coders[i] = new ColumnCoder();
        }

        _pairs = new Dictionary<long, int>[Math.Max(0, keyCount - 1)];
        for (var i = 0; i < _pairs.Length; i++)
        {
            _pairs[i] = [];
        }
    }

    /// <summary>The number of distinct keys seen so far.</summary>
    public int Count => _coders.Length == 0 ? 1 : _coders.Length == 1 ? _coders[0].Count : _count;

    /// <param name="keys">The key columns.</param>
    /// <param name="rows">The row count.</param>
    /// <param name="addNew">
    /// False to only look keys up: an unseen key gets -1. The probe side of a join uses this, since a
    /// key the build side lacks can match nothing, and so never grows the tables.
    /// </param>
    public int[] Encode(IReadOnlyList<Column> keys, int rows, bool addNew = true)
    {
        if (keys.Count == 0)
        {
            return new int[rows];
        }

        var codes = _coders[0].Encode(keys[0], rows, addNew);
        for (var k = 1; k < keys.Count; k++)
        {
            var next = _coders[k].Encode(keys[k], rows, addNew);
            var pairs = _pairs[k - 1];
            for (var i = 0; i < rows; i++)
            {
                if (codes[i] < 0 || next[i] < 0)
                {
                    codes[i] = -1;
                    continue;
                }

                var combined = ((long)codes[i] << 31) | (uint)next[i];
                if (!pairs.TryGetValue(combined, out var id))
                {
                    if (!addNew)
                    {
                        codes[i] = -1;
                        continue;
                    }

                    id = pairs.Count;
                    pairs.Add(combined, id);
                }

                codes[i] = id;
            }

            _count = pairs.Count;
        }

        return codes;
    }

    private sealed class ColumnCoder
    {
        private readonly Dictionary<long, int> _longs = [];
        private readonly Dictionary<double, int> _reals = [];
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private int _nullCode = -1;

        public int Count { get; private set; }

        private bool _addNew = true;

        public int[] Encode(Column column, int rows, bool addNew)
        {
            _addNew = addNew;
            var codes = new int[rows];
            switch (column.Materialize())
            {
                case Int64Column c:
                {
                    // Keys come in runs (time bins of time-ordered rows): a row with its predecessor's key reuses its code.
                    var values = c.Values;
                    var nulls = c.Nulls;
                    var last = 0L;
                    var lastCode = int.MinValue;
                    for (var i = 0; i < rows; i++)
                    {
                        if (nulls is not null && nulls[i])
                        {
                            codes[i] = NullCode();
                            continue;
                        }

                        var value = values[i];
                        if (value != last || lastCode == int.MinValue)
                        {
                            (last, lastCode) = (value, Code(_longs, value));
                        }

                        codes[i] = lastCode;
                    }

                    break;
                }

                case RealColumn c:
                    for (var i = 0; i < rows; i++)
                    {
                        codes[i] = c.IsNull(i) ? NullCode() : Code(_reals, c.Values[i]);
                    }

                    break;
                case BoolColumn c:
                    for (var i = 0; i < rows; i++)
                    {
                        codes[i] = c.IsNull(i) ? NullCode() : Code(_longs, c.Values[i] ? 1 : 0);
                    }

                    break;
                case StringColumn c:
                {
                    var values = c.Values;
                    for (var i = 0; i < rows; i++)
                    {
                        codes[i] = Code(_strings, values[i]);
                    }

                    break;
                }

                case var c:
                    for (var i = 0; i < rows; i++)
                    {
                        codes[i] = c.IsNull(i) ? NullCode() : Code(_strings, c.Get(i).Dynamic?.ToJsonString() ?? string.Empty);
                    }

                    break;
            }

            return codes;
        }

        private int NullCode()
        {
            if (_nullCode < 0 && _addNew)
            {
                _nullCode = Count++;
            }

            return _nullCode;
        }

        private int Code<T>(Dictionary<T, int> map, T key)
            where T : notnull
        {
            if (!map.TryGetValue(key, out var code))
            {
                if (!_addNew)
                {
                    return -1;
                }

                code = Count++;
                map.Add(key, code);
            }

            return code;
        }
    }
}
