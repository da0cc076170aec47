namespace OomLab.Lab;

/// <summary>Which function the lab deploys first.</summary>
internal enum LabVariant
{
    /// <summary>The seed's failing deployment: the buffering function (the default).</summary>
    Buffer,

    /// <summary>The control run: streaming from the start, so the lab must conclude "not supported".</summary>
    Stream,
}
