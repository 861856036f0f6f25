using System.Text.Json.Nodes;

namespace Concierge.Models;

/// <summary>
/// A function the model may call during a request. The handler gets the parsed arguments and
/// returns the text the model sees; an exception it throws becomes an error text for the model,
/// never a failed turn.
/// </summary>
/// <param name="Name">The function name on the wire (letters, digits, '_' and '-').</param>
/// <param name="ParametersSchema">JSON schema of the arguments object.</param>
public sealed record ModelTool(string Name, string Description, JsonObject ParametersSchema, Func<JsonObject, CancellationToken, Task<string>> Handler);
