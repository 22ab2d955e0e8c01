using System.Text.Json.Nodes;
using ActionAgent.Sites;
using Microsoft.Extensions.Time.Testing;

namespace ActionAgent.Sites.Tests;

public sealed class JsonDocumentStoreTests
{
    [Fact]
    public void CreatedAt_comes_from_the_time_provider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 9, 30, 0, TimeSpan.Zero));
        var store = new JsonDocumentStore(clock);

        var stored = store.Add("bookings", new JsonObject { ["fare"] = "basic" });

        Assert.Equal("2026-12-24T09:30:00.0000000Z", stored["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public void A_client_supplied_id_is_replaced()
    {
        var store = new JsonDocumentStore();

        var stored = store.Add("bookings", new JsonObject { ["id"] = "MINE", ["fare"] = "flex" });

        Assert.NotEqual("MINE", stored["id"]!.GetValue<string>());
    }

    [Fact]
    public void Returned_objects_are_copies_that_do_not_change_the_store()
    {
        var store = new JsonDocumentStore();
        var stored = store.Add("bookings", new JsonObject { ["fare"] = "flex" });

        stored["fare"] = "basic";

        Assert.Equal("flex", store.List("bookings")[0]["fare"]!.GetValue<string>());
    }
}
