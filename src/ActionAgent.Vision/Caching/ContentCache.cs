namespace ActionAgent.Vision.Caching;

/// <summary>
/// A bounded, thread-safe cache of results keyed by the content they were computed from. Two generations: when the
/// newer one is full it becomes the older and the oldest is dropped, so entries used lately (promoted on a hit) stay.
/// </summary>
internal sealed class ContentCache<T>(int capacity)
{
    private readonly Lock _gate = new();
    private Dictionary<UInt128, T> _newer = [];
    private Dictionary<UInt128, T> _older = [];

    public bool TryGet(UInt128 key, out T value)
    {
        lock (_gate)
        {
            if (_newer.TryGetValue(key, out value!)) return true;
            if (!_older.TryGetValue(key, out value!)) return false;
            AddLocked(key, value);
            return true;
        }
    }

    public void Add(UInt128 key, T value)
    {
        lock (_gate)
        {
            AddLocked(key, value);
        }
    }

    private void AddLocked(UInt128 key, T value)
    {
        _newer[key] = value;
        if (_newer.Count < capacity) return;
        _older = _newer;
        _newer = [];
    }
}
