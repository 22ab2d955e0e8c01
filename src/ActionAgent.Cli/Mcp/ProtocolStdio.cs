using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ActionAgent.Cli.Mcp;

/// <summary>
/// Standard input and output kept for the MCP protocol alone. On stdio, one stray line on standard output (a library's
/// banner, a native runtime's warning, a child process that inherits it) breaks the client's JSON-RPC stream, so the
/// protocol gets its own copy of the output descriptor and descriptor 1 itself is pointed at standard error: whatever
/// else writes to "stdout", managed or native, lands in the server's log instead.
/// </summary>
internal sealed class ProtocolStdio : IDisposable
{
    private ProtocolStdio(Stream input, Stream output)
    {
        Input = input;
        Output = output;
    }

    /// <summary>The client's requests.</summary>
    public Stream Input { get; }

    /// <summary>The server's responses; nothing else writes here.</summary>
    public Stream Output { get; }

    /// <summary>Takes standard output for the protocol and sends every other writer to standard error.</summary>
    public static ProtocolStdio Claim()
    {
        var input = Console.OpenStandardInput();
        Stream output;
        if (OperatingSystem.IsWindows())
        {
            // No dup2 for the console handle here: managed writers are redirected, which is what can write on Windows.
            output = Console.OpenStandardOutput();
        }
        else
        {
            var copy = Dup(1);
            if (copy < 0 || Dup2(2, 1) < 0) throw new IOException($"Standard output could not be set aside for the protocol (errno {Marshal.GetLastPInvokeError()}).");
            output = new FileStream(new SafeFileHandle((IntPtr)copy, ownsHandle: true), FileAccess.Write, bufferSize: 0);
        }
        Console.SetOut(Console.Error);
        return new ProtocolStdio(input, output);
    }

    public void Dispose()
    {
        Input.Dispose();
        Output.Dispose();
    }

    // DllImport rather than LibraryImport: two blittable calls do not warrant unsafe code in the CLI project.
    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int oldFd, int newFd);
}
