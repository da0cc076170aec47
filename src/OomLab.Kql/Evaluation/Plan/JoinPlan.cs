using OomLab.Kql.Binding;
using OomLab.Kql.Syntax;

namespace OomLab.Kql.Evaluation;

/// <summary>
/// <c>join</c> and <c>lookup</c> by hashing both sides' key tuples into shared group numbers. The
/// output size is counted first and checked against the budget before anything is materialised.
/// <paramref name="leftOutput"/> and <paramref name="rightOutput"/> list the ordinals each side
/// contributes, in output order (left first).
/// </summary>
internal sealed class JoinPlan(
    QueryPlan left,
    QueryPlan right,
    JoinKind kind,
    IReadOnlyList<int> leftKeys,
    IReadOnlyList<int> rightKeys,
    IReadOnlyList<int> leftOutput,
    IReadOnlyList<int> rightOutput,
    Schema schema,
    TextSpan span) : QueryPlan(schema, span)
{
    protected override KqlTable ExecuteCore(EvalContext context)
    {
        var l = left.Execute(context);
        var encoder = new KeyEncoder(leftKeys.Count);
        var leftCodes = encoder.Encode(leftKeys.Select(k => l.Columns[k].Data).ToArray(), l.RowCount);
        var codeCount = encoder.Count;

        // Right rows whose key no left row has are in no output of these kinds: the right side may skip them.
        var r = kind is JoinKind.Inner or JoinKind.InnerUnique or JoinKind.LeftOuter or JoinKind.LeftSemi or JoinKind.LeftAnti
            ? right.ExecuteForKeys(context, rightKeys, encoder)
            : right.Execute(context);
        var rightCodes = encoder.Encode(rightKeys.Select(k => r.Columns[k].Data).ToArray(), r.RowCount, addNew: false);

        // Right rows by code: head[code] -> first row, next[row] -> following row, in row order.
        var head = new int[codeCount];
        var tail = new int[codeCount];
        Array.Fill(head, -1);
        var next = new int[r.RowCount];
        for (var i = 0; i < r.RowCount; i++)
        {
            next[i] = -1;
            var c = rightCodes[i];
            if (c < 0)
            {
                continue;
            }

            if (head[c] < 0)
            {
                head[c] = i;
            }
            else
            {
                next[tail[c]] = i;
            }

            tail[c] = i;
        }

        var leftRows = new List<int>();
        var rightRows = new List<int>();
        var rightMatched = new bool[r.RowCount];
        var leftSeen = kind == JoinKind.InnerUnique ? new bool[codeCount] : null;
        long produced = 0;
        var width = EstimatedRowBytes(l, r);
        for (var i = 0; i < l.RowCount; i++)
        {
            var c = leftCodes[i];
            if (leftSeen is not null)
            {
                if (leftSeen[c])
                {
                    continue;
                }

                leftSeen[c] = true;
            }

            var match = head[c];
            switch (kind)
            {
                case JoinKind.LeftAnti:
                    if (match < 0)
                    {
                        Add(i, -1);
                    }

                    continue;
                case JoinKind.LeftSemi:
                    if (match >= 0)
                    {
                        Add(i, -1);
                    }

                    continue;
            }

            if (match < 0)
            {
                if (kind is JoinKind.LeftOuter or JoinKind.FullOuter)
                {
                    Add(i, -1);
                }

                continue;
            }

            for (var j = match; j >= 0; j = next[j])
            {
                rightMatched[j] = true;
                if (kind is not (JoinKind.RightAnti or JoinKind.RightSemi))
                {
                    Add(i, j);
                }
            }
        }

        if (kind is JoinKind.RightOuter or JoinKind.FullOuter or JoinKind.RightAnti or JoinKind.RightSemi)
        {
            for (var j = 0; j < r.RowCount; j++)
            {
                if (!rightMatched[j] && kind is not JoinKind.RightSemi)
                {
                    Add(-1, j);
                }
            }
        }

        if (kind is JoinKind.RightSemi)
        {
            // Right rows in right order, each once.
            leftRows.Clear();
            rightRows.Clear();
            for (var j = 0; j < r.RowCount; j++)
            {
                if (rightMatched[j])
                {
                    leftRows.Add(-1);
                    rightRows.Add(j);
                }
            }
        }

        context.CheckBudget(Span, "join", leftRows.Count, width);
        var lr = leftRows.ToArray();
        var rr = rightRows.ToArray();
        var columns = new List<KqlColumn>();
        var at = 0;
        foreach (var ordinal in leftOutput)
        {
            columns.Add(l.Columns[ordinal].Derive(Schema.Columns[at++].Name, lr.Length, data => data.Gather(lr)));
        }

        foreach (var ordinal in rightOutput)
        {
            columns.Add(r.Columns[ordinal].Derive(Schema.Columns[at++].Name, rr.Length, data => data.Gather(rr)));
        }

        return new KqlTable(string.Empty, columns, lr.Length);

        void Add(int leftRow, int rightRow)
        {
            produced++;
            if ((produced & 0xFFFF) == 0)
            {
                context.CheckBudget(Span, "join", produced, width);
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            leftRows.Add(leftRow);
            rightRows.Add(rightRow);
        }
    }

    private long EstimatedRowBytes(KqlTable l, KqlTable r)
    {
        long bytes = 8;
        foreach (var o in leftOutput)
        {
            bytes += BytesPerValue(l.Columns[o]);
        }

        foreach (var o in rightOutput)
        {
            bytes += BytesPerValue(r.Columns[o]);
        }

        return bytes;
    }

    private static long BytesPerValue(KqlColumn column) => column.Type is KqlType.String or KqlType.Dynamic ? 16 : 9;
}
