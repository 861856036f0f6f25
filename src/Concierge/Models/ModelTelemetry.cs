using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Concierge.Models;

/// <summary>
/// Traces and metrics of the model layer. The host subscribes by <see cref="Name"/>
/// (<c>AddSource(ModelTelemetry.Name)</c>, <c>AddMeter(ModelTelemetry.Name)</c>); nothing is
/// recorded anywhere until something listens, so the domain stays free of exporters.
/// </summary>
public static class ModelTelemetry
{
    public const string Name = "Concierge.Models";

    public static ActivitySource ActivitySource { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "concierge.model.calls", "{call}", "Model calls (one per HTTP attempt or circuit-open refusal), by model, provider and outcome.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "concierge.model.duration", "s", "Latency of one model call.");

    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "concierge.model.tokens", "{token}", "Tokens the provider reported, by direction (input, output), model and tenant.");

    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "concierge.model.cost", "USD", "Cost of model calls from the price table, by model and tenant.");

    private static readonly Counter<long> ToolCalls = Meter.CreateCounter<long>(
        "concierge.tool.calls", "{call}", "Tool executions in the tool loop, by tool and outcome (ok, error).");

    private static readonly AsyncLocal<string?> CurrentTenant = new();

    /// <summary>
    /// Tags the model calls made in the current flow (a turn, a job) with <paramref name="tenantId"/>
    /// until disposed, so cost and tokens can be summed per tenant (the daily budget alert).
    /// </summary>
    public static IDisposable ForTenant(Guid tenantId)
    {
        var previous = CurrentTenant.Value;
        CurrentTenant.Value = tenantId.ToString();
        return new TenantScope(previous);
    }

    internal static void RecordCall(ModelCallLog log)
    {
        var model = new KeyValuePair<string, object?>("model", log.Model);
        var tenant = new KeyValuePair<string, object?>("tenant", CurrentTenant.Value ?? "none");
        Calls.Add(1, model, new("provider", log.Provider), new("outcome", log.Outcome));
        Duration.Record(log.LatencyMs / 1000.0, model, new("provider", log.Provider), new("outcome", log.Outcome));
        if (log.InputTokens is { } input)
        {
            Tokens.Add(input, new("direction", "input"), model, tenant);
        }

        if (log.OutputTokens is { } output)
        {
            Tokens.Add(output, new("direction", "output"), model, tenant);
        }

        if (log.Cost is { } cost)
        {
            Cost.Add((double)cost, model, tenant);
        }
    }

    internal static void RecordTool(ToolCallRecord record) =>
        ToolCalls.Add(1, new("tool", record.Name), new("outcome", record.Succeeded ? "ok" : "error"));

    /// <summary>A client span per request (a tool loop's rounds and a stream included), named as OpenTelemetry's GenAI conventions do.</summary>
    internal static Activity? StartCall(string provider, string model, bool streaming)
    {
        var activity = ActivitySource.StartActivity("chat " + model, ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.system", provider);
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("concierge.model.streaming", streaming);
        return activity;
    }

    internal static void EndCall(Activity? activity, ModelResult result)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("concierge.model.outcome", result.Calls.Count == 0 ? "none" : result.Calls[^1].Outcome);
        activity.SetTag("concierge.model.calls", result.Calls.Count);
        activity.SetTag("concierge.tool.calls", result.ToolCalls.Count);
        if (result.Response is { } response)
        {
            activity.SetTag("gen_ai.usage.input_tokens", response.InputTokens);
            activity.SetTag("gen_ai.usage.output_tokens", response.OutputTokens);
        }
        else
        {
            activity.SetStatus(ActivityStatusCode.Error, result.FailureReason);
        }
    }

    private sealed class TenantScope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentTenant.Value = previous;
    }
}
