namespace ActionAgent.Scheduling;

/// <summary>
/// Hands each run the remote browser with the fewest runs in it, so the worker's contexts spread over the pool.
/// An empty pool means every run launches a local Chromium.
/// </summary>
public sealed class BrowserPool(IReadOnlyList<BrowserEndpoint> endpoints)
{
    private readonly int[] _inUse = new int[endpoints.Count];
    private readonly Lock _gate = new();

    /// <summary>The endpoints.</summary>
    public IReadOnlyList<BrowserEndpoint> Endpoints => endpoints;

    /// <summary>Takes the least used endpoint, or null when the pool is empty; give it back with <see cref="Release"/>.</summary>
    public BrowserEndpoint? Take()
    {
        if (endpoints.Count == 0) return null;
        lock (_gate)
        {
            var best = 0;
            for (var i = 1; i < _inUse.Length; i++) if (_inUse[i] < _inUse[best]) best = i;
            _inUse[best]++;
            return endpoints[best];
        }
    }

    /// <summary>Gives an endpoint back.</summary>
    public void Release(BrowserEndpoint? endpoint)
    {
        if (endpoint is null) return;
        lock (_gate)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                if (endpoints[i] == endpoint && _inUse[i] > 0)
                {
                    _inUse[i]--;
                    return;
                }
            }
        }
    }
}
