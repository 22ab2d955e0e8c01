namespace ActionAgent.Core.Reports;

/// <summary>How a report holds its screenshots.</summary>
public enum ReportImages
{
    /// <summary>Relative links (the report sits beside the images).</summary>
    Link,
    /// <summary>Data URIs: the report is one file.</summary>
    Embed,
}
