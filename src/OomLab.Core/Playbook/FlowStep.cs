namespace OomLab.Playbook;

/// <summary>A node passed in the decision flow; for a question, the answer and the rule that gave it.</summary>
internal sealed record FlowStep(string NodeId, string Text, bool? Answer, string? Rule);
