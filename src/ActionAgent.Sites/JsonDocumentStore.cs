using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ActionAgent.Sites;

/// <summary>
/// The in-memory store behind <c>/api/{collection}</c>: named collections of JSON objects, each given an
/// <c>id</c> and a <c>createdAt</c> stamp when stored. Thread-safe; contents live as long as the host.
/// </summary>
public sealed class JsonDocumentStore
{
    // No 0/O or 1/I: the id doubles as a booking reference a person may read aloud or retype.
    private const string IdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int IdLength = 6;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock for <c>createdAt</c>; <see cref="TimeProvider.System"/> when null.</param>
    public JsonDocumentStore(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Stores a copy of <paramref name="item"/> with a fresh <c>id</c> and <c>createdAt</c>.</summary>
    /// <returns>A copy of the stored object.</returns>
    public JsonObject Add(string collection, JsonObject item)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentNullException.ThrowIfNull(item);
        var stored = (JsonObject)item.DeepClone();
        lock (_gate)
        {
            // The store owns these two fields; a client's values are replaced, and they come first for readability.
            stored.Remove("id");
            stored.Remove("createdAt");
            stored.Insert(0, "id", NewId());
            stored.Insert(1, "createdAt", _timeProvider.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            if (!_collections.TryGetValue(collection, out var items))
            {
                items = [];
                _collections[collection] = items;
            }

            items.Add(stored);
            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>Copies of every object in <paramref name="collection"/>, oldest first (empty when unknown).</summary>
    public IReadOnlyList<JsonObject> List(string collection)
    {
        lock (_gate)
        {
            return _collections.TryGetValue(collection, out var items)
                ? items.Select(i => (JsonObject)i.DeepClone()).ToList()
                : [];
        }
    }

    /// <summary>A copy of the object with <paramref name="id"/>, or null.</summary>
    public JsonObject? Find(string collection, string id)
    {
        lock (_gate)
        {
            if (!_collections.TryGetValue(collection, out var items))
            {
                return null;
            }

            var found = items.Find(i => i["id"]?.GetValue<string>() == id);
            return found is null ? null : (JsonObject)found.DeepClone();
        }
    }

    /// <summary>Removes every object from <paramref name="collection"/>.</summary>
    /// <returns>How many objects were removed.</returns>
    public int Clear(string collection)
    {
        lock (_gate)
        {
            if (!_collections.Remove(collection, out var items))
            {
                return 0;
            }

            foreach (var item in items)
            {
                _usedIds.Remove(item["id"]!.GetValue<string>());
            }

            return items.Count;
        }
    }

    // Called under the lock; ids are unique across collections so a reference never names two things.
    private string NewId()
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetString(IdAlphabet, IdLength);
            if (_usedIds.Add(id))
            {
                return id;
            }
        }
    }
}
