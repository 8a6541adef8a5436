namespace RtfmGym.Bridge.Zmq;

/// <summary>A libzmq call failed; carries errno and zmq_strerror's text.</summary>
public sealed class ZmqException : Exception
{
    /// <summary>Creates the exception for <paramref name="errorCode"/> raised by <paramref name="call"/>.</summary>
    public ZmqException(int errorCode, string call)
        : base($"{call} failed: {Describe(errorCode)} (errno {errorCode})")
    {
        ErrorCode = errorCode;
    }

    /// <summary>The zmq errno value.</summary>
    public int ErrorCode { get; }

    /// <summary>zmq_strerror's message for <paramref name="errorCode"/>.</summary>
    public static unsafe string Describe(int errorCode) =>
        System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)NativeMethods.zmq_strerror(errorCode)) ?? "unknown error";

    /// <summary>Throws for the current zmq_errno when <paramref name="rc"/> is negative.</summary>
    internal static void ThrowIfFailed(int rc, string call)
    {
        if (rc < 0) throw new ZmqException(NativeMethods.zmq_errno(), call);
    }
}
