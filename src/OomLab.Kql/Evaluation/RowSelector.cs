using System.Buffers;
using System.Runtime.CompilerServices;

namespace OomLab.Kql.Evaluation;

/// <summary>A test of one row, inlined into <see cref="RowSelector.Select{T}"/>'s loop (a struct, so the JIT specializes it).</summary>
internal interface IRowTest
{
    bool Passes(int row);
}

/// <summary>The selection vector of the rows that pass a test, made without a mask: what <c>where</c> keeps.</summary>
internal static class RowSelector
{
    /// <summary>The rows of 0..<paramref name="rows"/> that pass <paramref name="test"/>, in order; long inputs on all cores, a copy of the test each.</summary>
    public static int[] Select<T>(int rows, T test)
        where T : struct, IRowTest
    {
        // Each range writes its passing rows into scratch space from its own start, then they are copied out in order.
        var scratch = ArrayPool<int>.Shared.Rent(Math.Max(1, rows));
        var counts = new int[Parallelism.RangeCount(rows)];
        var ranges = Parallelism.ForRanges(rows, (range, start, end) => counts[range] = Fill(scratch, start, end, test));
        var selected = new int[counts.Sum()];
        var at = 0;
        for (var range = 0; range < ranges; range++)
        {
            Array.Copy(scratch, Parallelism.Start(rows, ranges, range), selected, at, counts[range]);
            at += counts[range];
        }

        ArrayPool<int>.Shared.Return(scratch);
        return selected;
    }

    // Branch-free: a filter of random rows would mispredict every other branch. Compiled optimized at once: a query calls
    // it a few times, too few for tiered compilation to reach its optimized code before the rows are done.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Fill<T>(int[] scratch, int start, int end, T test)
        where T : struct, IRowTest
    {
        var count = start;
        for (var i = start; i < end; i++)
        {
            scratch[count] = i;
            count += test.Passes(i) ? 1 : 0;
        }

        return count - start;
    }
}
