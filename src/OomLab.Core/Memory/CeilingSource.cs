namespace OomLab.Memory;

/// <summary>Where a <see cref="MemoryCeiling"/> came from.</summary>
internal enum CeilingSource
{
    /// <summary>A hosting plan preset.</summary>
    Plan,

    /// <summary>A size the user gave, such as <c>--ceiling 224MiB</c>.</summary>
    Custom,

    /// <summary>The memory limit of the cgroup oomlab runs in, lower than what was asked for.</summary>
    Cgroup,
}
