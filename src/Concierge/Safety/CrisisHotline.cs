namespace Concierge.Safety;

/// <summary>A line a person in crisis can call or text, as shown in the protocol reply.</summary>
/// <param name="Number">As dialled locally ("*4141", "988", "116 123").</param>
/// <param name="Name">In the locale's language ("Línea de prevención del suicidio").</param>
public sealed record CrisisHotline(string Number, string Name);
