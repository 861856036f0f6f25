using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concierge.Conversations;

namespace Concierge.Models;

/// <summary>One model round of the tool loop: its result and the tool calls the model asked for.</summary>
internal sealed record ToolRound(ModelResult Result, IReadOnlyList<ModelToolCall>? ToolCalls);

/// <summary>
/// The standard tool loop: ask the model; while it asks for tools, run them and send each result
/// back as a "tool" message quoting its call id; stop at a text answer. When the call or time
/// limit is reached, one last round runs with tool use switched off, so the user gets an answer
/// from what the tools returned; a model that still asks for tools then is a provider failure.
/// </summary>
internal static class ToolLoop
{
    private const string TimeLimitError = "The tool did not finish within the tool loop's time limit.";

    public static async Task<ModelResult> RunAsync(
        ModelRequest request,
        Func<ModelRequest, bool, CancellationToken, Task<ToolRound>> round,
        TimeProvider time,
        SecretRedactor redactor,
        CancellationToken cancellationToken)
    {
        var limits = request.ToolLimits ?? ToolLoopLimits.Default;
        var tools = request.Tools!.ToDictionary(tool => tool.Name, StringComparer.Ordinal);
        var messages = request.Messages.ToList();
        var calls = new List<ModelCallLog>();
        var records = new List<ToolCallRecord>();
        var started = time.GetTimestamp();
        var (inputTokens, outputTokens) = (0, 0);

        while (true)
        {
            // A tool cut off by the time limit ends the tools too: the timer may fire a hair before the
            // clock reads the limit, and the model must not be offered tools it has no time left for.
            var disabled = records.Count >= limits.MaxCalls || time.GetElapsedTime(started) >= limits.MaxDuration
                || records.Any(r => r.Error == TimeLimitError);
            var (result, toolCalls) = await round(request with { Messages = messages.ToArray() }, disabled, cancellationToken).ConfigureAwait(false);
            calls.AddRange(result.Calls);
            if (result.Response is not { } response)
            {
                return new ModelResult(null, calls) { ToolCalls = records };
            }

            inputTokens += response.InputTokens;
            outputTokens += response.OutputTokens;
            if (toolCalls is not { Count: > 0 })
            {
                return new ModelResult(response with { InputTokens = inputTokens, OutputTokens = outputTokens }, calls) { ToolCalls = records };
            }

            if (disabled)
            {
                calls[^1] = calls[^1] with
                {
                    Outcome = ModelCallOutcome.Malformed,
                    Error = "The model asked for tools again after the tool loop's limit switched tool use off.",
                };
                return new ModelResult(null, calls) { ToolCalls = records };
            }

            messages.Add(new ModelMessage(MessageRole.Assistant, response.Text, toolCalls));
            foreach (var call in toolCalls)
            {
                // Every call gets an answer (the wire format requires one per id), even those past the limit.
                var record = records.Count >= limits.MaxCalls || time.GetElapsedTime(started) >= limits.MaxDuration
                    ? Refused(call, time, $"Not run: the limit of {limits.MaxCalls} tool calls or {limits.MaxDuration.TotalSeconds:0.#} s per request was reached.")
                    : await ExecuteAsync(call, tools, limits.MaxDuration - time.GetElapsedTime(started), time, redactor, cancellationToken).ConfigureAwait(false);
                records.Add(record);
                ModelTelemetry.RecordTool(record);
                messages.Add(new ModelMessage(MessageRole.Tool, record.Result, ToolCallId: call.Id));
            }
        }
    }

    private static async Task<ToolCallRecord> ExecuteAsync(
        ModelToolCall call, Dictionary<string, ModelTool> tools, TimeSpan remaining, TimeProvider time, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var activity = ModelTelemetry.ActivitySource.StartActivity("execute_tool " + call.Name, ActivityKind.Internal);
        activity?.SetTag("gen_ai.tool.name", call.Name);
        activity?.SetTag("gen_ai.tool.call.id", call.Id);

        string? result = null;
        string? error;
        if (!tools.TryGetValue(call.Name, out var tool))
        {
            error = $"Unknown tool '{call.Name}'.";
        }
        else if (ParseArguments(call.ArgumentsJson) is not { } arguments)
        {
            error = "The arguments are not a JSON object.";
        }
        else
        {
            using var budget = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
            try
            {
                result = await tool.Handler(arguments, linked.Token).ConfigureAwait(false);
                error = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                error = TimeLimitError;
            }
            catch (Exception ex)
            {
                // The model sees what failed and can recover (ask the user, try other arguments).
                error = $"The tool failed: {ex.GetType().Name}: {redactor.Redact(ex.Message)}";
            }
        }

        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
        }

        return new ToolCallRecord(
            call.Id, call.Name, call.ArgumentsJson, error is null ? result ?? string.Empty : "Error: " + error, error,
            (long)time.GetElapsedTime(started).TotalMilliseconds, startedAt);
    }

    private static ToolCallRecord Refused(ModelToolCall call, TimeProvider time, string error) =>
        new(call.Id, call.Name, call.ArgumentsJson, "Error: " + error, error, 0, time.GetUtcNow());

    private static JsonObject? ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
