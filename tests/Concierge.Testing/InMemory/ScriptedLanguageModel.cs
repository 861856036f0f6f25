using System.Text.Json.Nodes;
using Concierge.Models;

namespace Concierge.Testing.InMemory;

/// <summary>
/// A model in process for domain tests of the pipeline: it answers each call with the next scripted
/// text, or fails when the script says null (like a provider failure: no response, a failed call
/// log). Tests of the real provider path use the fake OpenAI server instead.
/// </summary>
public sealed class ScriptedLanguageModel : ILanguageModel
{
    private readonly Queue<string?> _answers = new();

    public string Provider => "scripted";

    public string Model => "scripted-model";

    /// <summary>Every request the pipeline sent, in order.</summary>
    public List<ModelRequest> Requests { get; } = [];

    /// <summary>Queues the next answer; null makes that call fail.</summary>
    public ScriptedLanguageModel Then(string? answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var answer = _answers.Count > 0 ? _answers.Dequeue() : null;
        var log = new ModelCallLog
        {
            Id = Guid.NewGuid(),
            StartedAt = DateTimeOffset.UnixEpoch,
            Provider = Provider,
            Model = Model,
            RequestPayload = new JsonObject { ["messages"] = request.Messages.Count },
            ResponsePayload = answer is null ? null : new JsonObject { ["text"] = answer },
            LatencyMs = 1,
            InputTokens = answer is null ? null : 10,
            OutputTokens = answer is null ? null : 5,
            Outcome = answer is null ? ModelCallOutcome.Http(503) : ModelCallOutcome.Ok,
            Error = answer is null ? "scripted failure" : null,
        };
        return Task.FromResult(new ModelResult(answer is null ? null : new ModelResponse(answer, 10, 5), [log]));
    }
}
