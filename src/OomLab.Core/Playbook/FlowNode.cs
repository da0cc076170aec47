namespace OomLab.Playbook;

/// <summary>
/// A node of the decision flow. A question has <see cref="When"/> and goes to <see cref="Yes"/> or
/// <see cref="No"/>; a step goes to <see cref="Next"/>; an end has neither and states whether memory is the cause.
/// </summary>
internal sealed record FlowNode(string Id, string Text, PlaybookText? When, string? Yes, string? No, string? Next, bool? MemoryIsCause);
