using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Tests.Policy;

public sealed class AllowListTests
{
    private static readonly AllowList ExampleOnly = new(["example.com"]);

    [Theory]
    [InlineData("https://example.com/", true)]
    [InlineData("https://shop.example.com/pay", true)]
    [InlineData("wss://live.example.com/socket", true)]
    [InlineData("https://evil-example.com/", false)]
    [InlineData("https://example.com.evil.net/", false)]
    [InlineData("https://EXAMPLE.COM/", true)]
    public void A_listed_host_allows_itself_and_its_subdomains_never_a_lookalike(string url, bool allowed) =>
        Assert.Equal(allowed, ExampleOnly.Allows(new Uri(url), navigation: true));

    [Fact]
    public void An_ip_address_allows_only_itself()
    {
        var list = new AllowList(["127.0.0.1"]);
        Assert.True(list.Allows(new Uri("http://127.0.0.1:5000/"), navigation: true));
        Assert.False(list.Allows(new Uri("http://localhost:5000/"), navigation: true));
    }

    [Theory]
    [InlineData("file:///etc/hostname")]
    [InlineData("data:text/html,<h1>login</h1>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("chrome://settings")]
    public void File_data_and_other_schemes_are_refused_as_pages_even_with_no_host_list(string url) =>
        Assert.False(AllowList.AnyHost.Allows(new Uri(url), navigation: true));

    [Fact]
    public void A_scheme_entry_allows_that_scheme()
    {
        var list = new AllowList(["example.com", "file:"]);
        Assert.True(list.Allows(new Uri("file:///tmp/page.html"), navigation: true));
    }

    [Fact]
    public void Inline_data_and_blob_subresources_are_allowed_because_they_reach_no_host()
    {
        Assert.True(ExampleOnly.Allows(new Uri("data:image/png;base64,AAAA"), navigation: false));
        Assert.True(ExampleOnly.Allows(new Uri("about:blank"), navigation: true));
    }

    [Fact]
    public void A_recordings_allow_list_can_narrow_the_users_list_but_never_widen_it()
    {
        var user = new AllowList(["example.com"]);
        var narrowed = user.NarrowedBy(new AllowList(["shop.example.com", "attacker.test"]));

        Assert.True(narrowed.Allows(new Uri("https://shop.example.com/"), navigation: true));
        Assert.False(narrowed.Allows(new Uri("https://www.example.com/"), navigation: true));
        Assert.False(narrowed.Allows(new Uri("https://attacker.test/"), navigation: true));
    }

    [Fact]
    public void Run_policy_uses_the_same_allow_list()
    {
        var policy = new ActionAgent.Core.Scenarios.RunPolicy { AllowDomains = ["example.com"] };
        Assert.True(policy.IsAllowed(new Uri("https://a.example.com/")));
        Assert.False(policy.IsAllowed(new Uri("file:///etc/passwd")));
    }
}
