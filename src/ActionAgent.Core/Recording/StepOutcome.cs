namespace ActionAgent.Core.Recording;

/// <summary>
/// How a recorded step went. Written to <c>recording.json</c> as <c>succeeded</c> or <c>failed</c> (kebab-case, through
/// <see cref="RecordingJson.Options"/>); <see cref="OutcomeText.ToText(StepOutcome)"/> gives the same words.
/// </summary>
public enum StepOutcome
{
    /// <summary>The action was carried out and its checks held (<c>succeeded</c>).</summary>
    Succeeded,
    /// <summary>The action or one of its checks failed; the step's error says why (<c>failed</c>).</summary>
    Failed,
}
