using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// dynamic values. A cell holds a parsed <see cref="JsonNode"/> or the JSON text it came from, parsed
/// on first use: most rows of a telemetry table are filtered out before their dimensions are read.
/// A gathered column is a view of its source's cells, so what one query parses the next one reuses, and
/// a member read by a constant key (<c>customDimensions.Key</c>) from JSON text is kept per key without
/// keeping the whole parsed object.
/// </summary>
internal sealed class DynamicColumn : Column
{
    private static readonly object NotRead = new();

    private Cells _cells;
    private int[]? _rows;

    public DynamicColumn(object?[] cells)
        : this(new Cells(cells), null)
    {
    }

    private DynamicColumn(Cells cells, int[]? rows)
    {
        _cells = cells;
        _rows = rows;
    }

    public override KqlType Type => KqlType.Dynamic;

    public override int Length => _rows?.Length ?? _cells.Values.Length;

    public override long EstimatedBytes => Length * 64L;

    public override bool IsNull(int row) => Node(row) is null;

    public JsonNode? Node(int row)
    {
        var at = At(row);
        if (at < 0)
        {
            return null;
        }

        var cell = _cells.Values[at];
        if (cell is string text)
        {
            cell = Parse(text);
            _cells.Values[at] = cell;
        }

        return cell as JsonNode;
    }

    /// <summary>The member <paramref name="name"/> of the object at <paramref name="row"/>, or null.</summary>
    public JsonNode? Member(int row, string name)
    {
        var at = At(row);
        if (at < 0)
        {
            return null;
        }

        if (_cells.Values[at] is not string text)
        {
            return DynamicValues.Member(Node(row), name);
        }

        return (JsonNode?)MembersOf(name).Read(at, text, name);
    }

    /// <summary>The member <paramref name="name"/> of each row's object (null where there is none), into <paramref name="into"/>.</summary>
    public void ReadMembers(string name, object?[] into)
    {
        Members? members = null;
        for (var row = 0; row < into.Length; row++)
        {
            var at = At(row);
            if (at < 0)
            {
                into[row] = null;
            }
            else if (_cells.Values[at] is string text)
            {
                into[row] = (members ??= MembersOf(name)).Read(at, text, name);
            }
            else
            {
                into[row] = DynamicValues.Member(Node(row), name);
            }
        }
    }

    public override KqlValue Get(int row) => KqlValue.FromDynamic(Node(row));

    public override void Set(int row, in KqlValue value)
    {
        if (_rows is not null || !_cells.Members.IsEmpty)
        {
            // Views share their source's cells: writing takes a private copy first.
            _cells = new Cells(Enumerable.Range(0, Length).Select(i => (object?)Node(i)).ToArray());
            _rows = null;
        }

        _cells.Values[row] = value.Type == KqlType.Dynamic ? value.Dynamic : DynamicValues.From(value);
    }

    public override Column Gather(ReadOnlySpan<int> rows)
    {
        var composed = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            composed[i] = rows[i] >= 0 ? At(rows[i]) : -1;
        }

        return new DynamicColumn(_cells, composed);
    }

    public static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON: KQL keeps such text as a dynamic string.
            return JsonValue.Create(text);
        }
    }

    private int At(int row) => _rows is null ? row : _rows[row];

    private Members MembersOf(string name) => _cells.Members.GetOrAdd(name, static (_, length) => new Members(length), _cells.Values.Length);

    /// <summary>
    /// The member of the JSON object in <paramref name="text"/>, read without building the whole object: the text is
    /// read token by token (all of it, so invalid JSON still gives null) and only the member's value is kept. When a
    /// name repeats, the last one counts, as in <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
    /// </summary>
    private static JsonNode? ReadMember(string text, string name)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[length];
            var reader = new Utf8JsonReader(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            JsonElement? member = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    member = JsonElement.ParseValue(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            while (reader.Read())
            {
                // Anything after the object is invalid; reading to the end finds it.
            }

            return member switch
            {
                null => null,
                { ValueKind: JsonValueKind.Null } => null,
                { ValueKind: JsonValueKind.Object or JsonValueKind.Array } value => JsonNode.Parse(value.GetRawText()),
                { } value => JsonValue.Create(value),
            };
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private sealed class Cells(object?[] values)
    {
        public object?[] Values { get; } = values;

        public ConcurrentDictionary<string, Members> Members { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One member read by a constant key: per cell, and per distinct text (by reference: comparing texts would cost more than it saves).</summary>
    private sealed class Members
    {
        private const int MaxRemembered = 1 << 16;
        private string? _quotedName;
        private const int Probe = 4096;
        private int _remembered;
        private int _lookups;
        private int _hits;
        private bool _byTextPays = true;

        public Members(int length)
        {
            Values = new object?[length];
            Array.Fill(Values, NotRead);
        }

        public object?[] Values { get; }

        private ConcurrentDictionary<string, object?> ByText { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>The member of the text in cell <paramref name="at"/>, read once per cell.</summary>
        public object? Read(int at, string text, string name)
        {
            var member = Values[at];
            if (member == NotRead)
            {
                // Cells often repeat one text (a store keeps one string per distinct value): read each text's member once.
                // A cell that does not even mention the key cannot have it: skip the parse.
                var remembering = _byTextPays;
                if (!remembering || !ByText.TryGetValue(text, out member))
                {
                    member = !text.Contains(QuotedName(name), StringComparison.Ordinal) ? null
                        : FlatJsonMember.TryRead(text, name, out var flat) ? flat
                        : ReadMember(text, name);
                    if (remembering)
                    {
                        Remember(text, member);
                    }
                }
                else
                {
                    _hits++;
                }

                // Texts that rarely repeat (a size per row) cost a look-up each and save nothing: stop looking them up.
                // The counts are a heuristic; a lost update between threads only delays the decision.
                if (remembering && ++_lookups == Probe && _hits < Probe / 4)
                {
                    _byTextPays = false;
                }

                Values[at] = member;
            }

            return member;
        }

        private string QuotedName(string name) => _quotedName ??= "\"" + name + "\"";

        private void Remember(string text, object? member)
        {
            // Texts that never repeat (a size per row) would only fill the table.
            if (Interlocked.Increment(ref _remembered) <= MaxRemembered)
            {
                ByText.TryAdd(text, member);
            }
        }
    }
}
