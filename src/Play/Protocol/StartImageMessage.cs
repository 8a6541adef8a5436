using RtfmGym.Env.Geometry;

namespace RtfmGym.Play.Protocol;

/// <summary>
/// Start from an uploaded picture: a binary message (see <see cref="ClientMessageParser.ParseBinary"/>) carrying a PNG, its name and,
/// optionally, the floor pose it was seen from; the session resets from it.
/// </summary>
/// <param name="Name">The file's name, for the record and messages.</param>
/// <param name="Png">The uploaded bytes (checked to be a PNG by the session, which decodes them).</param>
/// <param name="Pose">Where the camera stood (x, z in metres, yaw in radians), or null for the episode's start pose.</param>
public sealed record StartImageMessage(string Name, byte[] Png, FloorPose? Pose) : ClientMessage;
