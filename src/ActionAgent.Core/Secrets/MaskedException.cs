namespace ActionAgent.Core.Secrets;

/// <summary>
/// An exception to log in place of one whose text holds a secret (a driver that echoed what it typed): it reads as the
/// original (type, message, stack, inner exceptions) with the secrets masked. The engines log through the caller's
/// logger, which may have no masking of its own.
/// </summary>
internal sealed class MaskedException : Exception
{
    private readonly string _text;

    private MaskedException(string text, string message) : base(message) => _text = text;

    public override string? StackTrace => null;

    /// <summary><paramref name="exception"/> itself when it holds no secret of <paramref name="vault"/>, else its masked copy.</summary>
    public static Exception? Mask(Exception? exception, SecretVault vault)
    {
        if (exception is null || vault.Names.Count == 0) return exception;
        var text = exception.ToString();
        var masked = vault.Mask(text);
        return masked == text ? exception : new MaskedException(masked, vault.Mask(exception.Message));
    }

    public override string ToString() => _text;
}
