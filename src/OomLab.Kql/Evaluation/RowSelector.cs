using System.Buffers;

namespace OomLab.Kql.Evaluation;

/// <summary>A test of one row, inlined into <see cref="RowSelector.Select{T}"/>'s loop (a struct, so the JIT specializes it).</summary>
internal interface IRowTest
{
    bool Passes(int row);
}

/// <summary>The selection vector of the rows that pass a test, made without a mask: what <c>where</c> keeps.</summary>
internal static class RowSelector
{
    /// <summary>The rows of 0..<paramref name="rows"/> that pass <paramref name="test"/>, in order.</summary>
    public static int[] Select<T>(int rows, ref T test)
        where T : struct, IRowTest
    {
        // Branch-free: a filter of random rows would mispredict every other branch. Written into scratch space, then copied.
        var scratch = ArrayPool<int>.Shared.Rent(Math.Max(1, rows));
        var count = 0;
        for (var i = 0; i < rows; i++)
        {
            scratch[count] = i;
            count += test.Passes(i) ? 1 : 0;
        }

        var selected = scratch.AsSpan(0, count).ToArray();
        ArrayPool<int>.Shared.Return(scratch);
        return selected;
    }
}
