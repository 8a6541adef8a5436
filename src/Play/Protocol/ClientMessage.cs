namespace RtfmGym.Play.Protocol;

/// <summary>
/// One message a page sends over its WebSocket (a JSON text message with a "type"); see
/// <see cref="ClientMessageParser"/> for the fields of each kind and docs/play.md for the exchange.
/// </summary>
public abstract record ClientMessage;
