using System.Globalization;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

// Native dialogs (alert, confirm, beforeunload). Without a handler Playwright dismisses them, so a "Delete" whose page
// asks "Remove Rob Smith?" never deletes. The driver answers them itself:
// - raised by the agent's own action (during it, or within DialogGrace after it): alert and confirm are accepted, as a
//   person who just pressed "Delete" would confirm; the click was the goal's, and any approval was asked before it;
// - raised at any other time (on load, by a timer, by a page acting on its own): dismissed;
// - prompt() is always dismissed: the agent has no value the goal gave for it.
// Each answer is reported on the action's result (ActionResult.Dialogs) and so written to the step's record.
// On a page the caller owns (ForPageAsync) the driver listens only while it acts: any other dialog stays the caller's
// (their handler, or Playwright's default dismissal when they have none).
public sealed partial class PlaywrightDriver
{
    private static readonly TimeSpan DialogGrace = TimeSpan.FromSeconds(2);

    private readonly Lock _dialogLock = new();
    private readonly List<string> _dialogs = [];
    private long _actingSince = long.MaxValue;
    private long _actedUntil = long.MinValue;
    private bool _callerOwnsDialogs;

    private void OnDialog(object? sender, IDialog dialog) => _ = AnswerAsync(dialog);

    private async Task AnswerAsync(IDialog dialog)
    {
        var now = _options.TimeProvider.GetTimestamp();
        bool byAction;
        lock (_dialogLock) byAction = now >= _actingSince || now <= _actedUntil;
        var accept = byAction && dialog.Type is DialogType.Alert or DialogType.Confirm or DialogType.BeforeUnload;
        var message = dialog.Message.Length > 200 ? dialog.Message[..200] + "…" : dialog.Message;
        var note = string.Create(CultureInfo.InvariantCulture, $"{dialog.Type} \"{message}\" {(accept ? "accepted" : "dismissed")}{(byAction ? "" : " (not raised by the agent's action)")}");
        lock (_dialogLock) _dialogs.Add(note);
        try
        {
            if (accept) await dialog.AcceptAsync().ConfigureAwait(false);
            else await dialog.DismissAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The page or the dialog closed first: nothing is left to answer.
        }
    }

    /// <summary>Opens the window in which a dialog counts as raised by the agent's action.</summary>
    private void BeginAction()
    {
        lock (_dialogLock) _actingSince = _options.TimeProvider.GetTimestamp();
        if (_callerOwnsDialogs) Page.Dialog += OnDialog;
    }

    /// <summary>
    /// Closes the action's window and returns the dialogs answered since the last action ended: the action's own (an
    /// action stalls until its dialog is answered, so those are all here) and any the page raised between actions.
    /// A dialog a timer raises within <see cref="DialogGrace"/> after the action still counts as the action's, and is
    /// reported with the next action.
    /// </summary>
    private IReadOnlyList<string> EndAction()
    {
        if (_callerOwnsDialogs) Page.Dialog -= OnDialog;
        lock (_dialogLock)
        {
            _actingSince = long.MaxValue;
            _actedUntil = _options.TimeProvider.GetTimestamp() + (long)(DialogGrace.TotalSeconds * _options.TimeProvider.TimestampFrequency);
            var answered = _dialogs.ToArray();
            _dialogs.Clear();
            return answered;
        }
    }
}
