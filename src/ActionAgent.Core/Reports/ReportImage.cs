namespace ActionAgent.Core.Reports;

/// <summary>A screenshot on a report.</summary>
/// <param name="Caption">What it shows ("recorded after", "replay (failed)").</param>
/// <param name="Path">The image file's full path.</param>
public sealed record ReportImage(string Caption, string Path);
