namespace ActionAgent.Planning.Offline;

/// <summary>One of a list of repeated results (a list item, an article, a table row) with the values read from it.</summary>
/// <param name="Container">The item.</param>
/// <param name="Action">The control that chooses it (its select/book button or link).</param>
/// <param name="Price">The first price in it, when any.</param>
/// <param name="DurationMinutes">The first duration in it ("2h 35m", "155 min"), when any.</param>
/// <param name="DepartureMinutes">The first clock time in it, in minutes after midnight, when any.</param>
public sealed record ResultItem(PageNode Container, PageNode Action, decimal? Price, int? DurationMinutes, int? DepartureMinutes);
