using System.Globalization;

namespace ActionAgent.Planning.Offline;

/// <summary>What the goal says that the steps need: places, date, counts, preference, names, emails, quoted text.</summary>
public sealed record GoalSlots
{
    /// <summary>Where from, as written ("London", "LHR").</summary>
    public string? Origin { get; init; }

    /// <summary>Where to, as written.</summary>
    public string? Destination { get; init; }

    /// <summary>The date, resolved against today.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The number of adults (passengers, travellers, people).</summary>
    public int? Adults { get; init; }

    /// <summary>A choice among results: <c>cheapest</c>, <c>shortest</c>, <c>earliest</c> or <c>latest</c>.</summary>
    public string? Preference { get; init; }

    /// <summary>Text in quotes, in order.</summary>
    public IReadOnlyList<string> Quoted { get; init; } = [];

    /// <summary>Email addresses, in order.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Person names introduced by "for", "named", "as" ("as Ada Lovelace").</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The slots as a name → value map (dates as ISO <c>yyyy-MM-dd</c>).</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Origin is not null) slots["origin"] = Origin;
        if (Destination is not null) slots["destination"] = Destination;
        if (Date is { } date) slots["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Adults is { } adults) slots["adults"] = adults.ToString(CultureInfo.InvariantCulture);
        if (Preference is not null) slots["preference"] = Preference;
        for (var i = 0; i < Quoted.Count; i++) slots[i == 0 ? "quoted" : $"quoted{i + 1}"] = Quoted[i];
        for (var i = 0; i < Emails.Count; i++) slots[i == 0 ? "email" : $"email{i + 1}"] = Emails[i];
        for (var i = 0; i < Names.Count; i++) slots[i == 0 ? "name" : $"name{i + 1}"] = Names[i];
        return slots;
    }
}
