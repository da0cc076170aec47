namespace OomLab.Report;

/// <summary>What a marker on the memory chart stands for.</summary>
internal enum MarkerKind
{
    /// <summary>A <c>Worker process exited with code 137</c> trace: the worker was killed.</summary>
    Killed,

    /// <summary>A <c>Restarting worker process after unexpected exit</c> trace.</summary>
    Restarted,

    /// <summary>A <c>System.OutOfMemoryException</c> row in <c>exceptions</c>, or a Python <c>MemoryError</c> (its message's first word).</summary>
    OutOfMemory,
}
