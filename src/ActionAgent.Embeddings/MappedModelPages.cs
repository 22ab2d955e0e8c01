using System.Reflection;
using System.Runtime.InteropServices;

namespace ActionAgent.Embeddings;

/// <summary>
/// The MiniLM model travels as a 87 MB resource inside its package's assembly, which the runtime maps from the file.
/// Reading it once (to build the ONNX session, which keeps its own copy of the weights) leaves every page of it
/// resident in the process: 87 MB of a goal run's working set that is never read again. Once the session exists,
/// the kernel is told those pages are not needed (<c>madvise(MADV_DONTNEED)</c>). The mapping is a read-only image of
/// an unchanged file, so dropping its pages loses nothing: a later read faults them back in from the file.
/// </summary>
internal static partial class MappedModelPages
{
    private const int MadviseDontNeed = 4;

    /// <summary>Releases the resident pages of <paramref name="resource"/> in <paramref name="assembly"/>; false when it cannot.</summary>
    public static bool Release(Assembly assembly, string resource)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            using var stream = assembly.GetManifestResourceStream(resource) as UnmanagedMemoryStream;
            if (stream is null) return false;
            var (start, length) = WholePages(Address(stream), stream.Length, Environment.SystemPageSize);
            return length > 0 && Madvise(start, (nuint)length, MadviseDontNeed) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException)
        {
            return false; // only memory is at stake: the model works the same
        }
    }

    /// <summary>
    /// Hands the native heap's free memory back to the system (<c>malloc_trim</c>): building the session parses the
    /// model into buffers it frees afterwards, which glibc otherwise keeps for the process's life.
    /// </summary>
    public static bool TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no malloc_trim): only memory is at stake
        }
    }

    /// <summary>
    /// Makes glibc serve every block of 128 KB or more with its own mapping, returned to the system when it is freed
    /// (<c>mallopt(M_MMAP_THRESHOLD)</c>; fixing it also stops glibc from raising it after such frees, which it does
    /// by default, after which large blocks come from the heap and stay there once freed). The model's inferences
    /// allocate and free their tensors, megabytes each, once per batch; this keeps them from piling up in the heap.
    /// </summary>
    public static bool ReturnLargeBlocksToTheSystem()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Mallopt(MallocMmapThreshold, 128 * 1024) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc: only memory is at stake
        }
    }

    /// <summary>The pages wholly inside [address, address + length): partial pages at either end are left alone.</summary>
    internal static (nint Start, long Length) WholePages(nint address, long length, int pageSize)
    {
        var first = (address + pageSize - 1) / pageSize * pageSize;
        var end = (address + (nint)length) / pageSize * pageSize;
        return end > first ? (first, end - first) : (first, 0);
    }

    private static unsafe nint Address(UnmanagedMemoryStream stream) => (nint)stream.PositionPointer;

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);

    private const int MallocMmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
