namespace RtfmGym.Play.Protocol;

/// <summary>Change what frames carry: <c>{"type":"options","truth":false,"format":"png"}</c>; an absent field keeps its value.</summary>
/// <param name="Truth">Whether frames carry the ground-truth view at the same pose (and PSNR and GMR against it).</param>
/// <param name="Format">How images travel.</param>
public sealed record OptionsMessage(bool? Truth, ImageFormat? Format) : ClientMessage;
