using RtfmGym.Env.Spaces;

namespace RtfmGym.Env;

/// <summary>Thrown when an action is not a member of the action space; the environment's state is left unchanged.</summary>
public sealed class ActionOutOfSpaceException : RtfmGymException
{
    /// <summary>A rejection of <paramref name="value"/>, with a message naming the value, the space and the reason.</summary>
    /// <param name="value">The rejected value.</param>
    /// <param name="space">The space it was checked against.</param>
    /// <param name="reason">Why it does not belong, e.g. "component 1 is 2.5, above 1".</param>
    /// <param name="what">What the value is, for the message ("action" unless another space was checked).</param>
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
