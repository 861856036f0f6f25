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
    private readonly Queue<(string[] Pieces, bool Cut)> _streams = new();

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

    /// <summary>Queues the next streamed answer, in pieces; <paramref name="cut"/> breaks the stream after them.</summary>
    public ScriptedLanguageModel ThenStream(bool cut, params string[] pieces)
    {
        _streams.Enqueue((pieces, cut));
        return this;
    }

    public async IAsyncEnumerable<ModelStreamUpdate> StreamAsync(
        ModelRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_streams.Count == 0)
        {
            var whole = await CompleteAsync(request, cancellationToken);
            if (whole.Response is { } response)
            {
                yield return new ModelTextDelta(response.Text);
            }

            yield return new ModelStreamCompleted(whole);
            yield break;
        }

        Requests.Add(request);
        var (pieces, cut) = _streams.Dequeue();
        foreach (var piece in pieces)
        {
            await Task.Yield();
            yield return new ModelTextDelta(piece);
        }

        var text = string.Concat(pieces);
        var log = Log(request, cut ? null : text) with { Outcome = cut ? ModelCallOutcome.StreamInterrupted : ModelCallOutcome.Ok };
        yield return new ModelStreamCompleted(cut
            ? new ModelResult(null, [log]) { PartialText = text }
            : new ModelResult(new ModelResponse(text, 10, pieces.Length), [log]));
    }

    public Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var answer = _answers.Count > 0 ? _answers.Dequeue() : null;
        return Task.FromResult(new ModelResult(answer is null ? null : new ModelResponse(answer, 10, 5), [Log(request, answer)]));
    }

    private ModelCallLog Log(ModelRequest request, string? answer) =>
        new()
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
}
