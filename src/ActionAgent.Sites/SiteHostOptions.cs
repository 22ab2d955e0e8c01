namespace ActionAgent.Sites;

/// <summary>How a <see cref="SiteHost"/> listens and keeps time.</summary>
public sealed class SiteHostOptions
{
    /// <summary>The loopback port to bind; 0 picks a free port.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; init; }

    /// <summary>The clock behind the <c>createdAt</c> stamps of the JSON store.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }
    }
}
