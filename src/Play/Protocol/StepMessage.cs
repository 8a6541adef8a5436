namespace RtfmGym.Play.Protocol;

/// <summary>Take one step: <c>{"type":"step","action":1,"seq":7}</c>.</summary>
/// <param name="Action">A <see cref="long"/> for a discrete action, a <see cref="float"/>[] for a box (continuous, free flight); the environment checks it against its action space.</param>
/// <param name="Seq">The page's number for this step, echoed in the frame it produces, so the page can time key to screen.</param>
public sealed record StepMessage(object Action, long Seq) : ClientMessage;
