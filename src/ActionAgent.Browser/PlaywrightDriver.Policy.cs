using ActionAgent.Core.Actions;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Ports;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>The policy the driver enforces itself, below any planner: the allow-list and where secrets may be typed.</summary>
public sealed partial class PlaywrightDriver
{
    private readonly AllowList _allowList;

    /// <summary>
    /// Every request of every page, popup and iframe in the context (documents, scripts, images, fetch/XHR, downloads)
    /// and every WebSocket is checked against the one allow-list; what it refuses is aborted before it leaves.
    /// </summary>
    private async Task EnforcePolicyAsync()
    {
        if (_allowList.AllowsAnyHost) return;
        await _context.RouteAsync("**/*", async route =>
        {
            var request = route.Request;
            var allowed = Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) && _allowList.Allows(uri, request.IsNavigationRequest);
            if (allowed) await route.ContinueAsync().ConfigureAwait(false);
            else await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
        }).ConfigureAwait(false);
        await _context.RouteWebSocketAsync(url => !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && _allowList.Allows(uri, navigation: false)),
            ws => _ = ws.CloseAsync(new() { Code = 1008, Reason = "blocked by the allow-list" })).ConfigureAwait(false);
    }

    private static bool IsWebScheme(Uri uri) => uri.Scheme is "http" or "https" or "ws" or "wss";

    /// <summary>
    /// A secret never goes into a URL, and is typed only into pages on the hosts it is bound to (checked on the page's
    /// URL right before typing).
    /// </summary>
    private Task<ActionResult?> RefuseSecretAsync(UiAction action)
    {
        if (!action.ValueIsSecret) return Task.FromResult<ActionResult?>(null);
        if (action.Kind == ActionKind.Goto)
        {
            return Task.FromResult<ActionResult?>(ActionResult.Failure(ActionFailureKind.InvalidStep,
                "A goto may not carry a secret: a URL goes to servers, redirects and history. Type the secret into a field instead."));
        }
        return Task.FromResult(SecretRefusedOn(action, Page.Url));
    }

    /// <summary>
    /// The element may sit in an iframe from another host than the page: the frame's own URL must be allowed too. It
    /// was read with the element's other facts; when they could not be read it is asked of the element again.
    /// </summary>
    private async Task<ActionResult?> RefuseSecretInFrameAsync(UiAction action, ILocator locator, ElementFacts facts)
    {
        if (!action.ValueIsSecret || action.SecretHosts is null) return null;
        var frameUrl = facts is { Read: true, DocumentUrl: { } read } ? read
            : await locator.EvaluateAsync<string>("el => el.ownerDocument.location.href").ConfigureAwait(false);
        return SecretRefusedOn(action, frameUrl);
    }

    private static ActionResult? SecretRefusedOn(UiAction action, string location)
    {
        if (action.SecretHosts is not { } hosts) return null;
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && IsWebScheme(uri) && hosts.Allows(uri, navigation: true)) return null;
        var host = Uri.TryCreate(location, UriKind.Absolute, out var shown) ? shown.Host : location;
        return ActionResult.Failure(ActionFailureKind.InvalidStep,
            $"The secret was not typed: the page is on \"{host}\", which is not one of the hosts the secret is bound to ({string.Join(", ", hosts.Hosts)}).");
    }
}
