using RtfmGym.Env.Spaces;

namespace RtfmGym.Env;

/// <summary>Thrown when an action is not a member of the action space; the environment's state is left unchanged.</summary>
public sealed class ActionOutOfSpaceException : RtfmGymException
{
    public ActionOutOfSpaceException(object? value, Space space, string reason, string what = "action")
        : base($"The {what} {Space.Format(value)} is not in the {what} space {space}: {reason}.")
    {
        Value = value;
        Space = space;
        Reason = reason;
    }

    /// <summary>The rejected value.</summary>
    public object? Value { get; }

    /// <summary>The space it was checked against.</summary>
    public Space Space { get; }

    /// <summary>Why it does not belong.</summary>
    public string Reason { get; }
}
