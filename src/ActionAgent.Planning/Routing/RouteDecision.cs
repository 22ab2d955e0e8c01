namespace ActionAgent.Planning.Routing;

/// <summary>Which backend serves a role, and why. The CLI composes the real object from it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Family">The model family behind the role (LLM / LAM, SLM, VLM...).</param>
/// <param name="Backend">The backend chosen (<c>offline</c>, <c>openai:gpt-4o</c>, <c>embedded: OCR + embeddings</c>, <c>none</c>).</param>
/// <param name="Local">Whether it runs on this machine.</param>
/// <param name="Why">The reason, in words.</param>
/// <param name="EscalatesTo">The backend asked when this one is unsure, if the constraints allow one.</param>
public sealed record RouteDecision(ModelRole Role, string Family, string Backend, bool Local, string Why, string? EscalatesTo = null);
