namespace ActionAgent.Planning.Offline;

/// <summary>An empty form field matched to a scenario input or secret.</summary>
/// <param name="Field">The field.</param>
/// <param name="Key">The input key (<c>passenger.first_name</c>) or secret name.</param>
/// <param name="Value">The value to fill: always a placeholder (<c>${inputs.x}</c>, <c>${secrets.x}</c>).</param>
/// <param name="IsSecret">Whether the value is a secret.</param>
/// <param name="Score">How well the field's label matches the key's meaning.</param>
public sealed record InputField(PageNode Field, string Key, string Value, bool IsSecret, double Score);
