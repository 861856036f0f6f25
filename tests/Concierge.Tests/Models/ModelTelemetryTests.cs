using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Concierge.Models;
using Concierge.Testing.FakeOpenAi;

namespace Concierge.Tests.Models;

public sealed class ModelTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_tokens_cost_duration_and_tool_calls_are_measured_under_the_documented_names()
    {
        // A model name of its own: other tests record on the same static meter at the same time.
        const string ModelName = "telemetry-test-model";
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ModelTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();

        await using var sut = await ModelUnderTest.StartAsync();
        sut.Server.ToolCalls(new FakeToolCall("weather", "{}")).Reply("Sunny.", 100, 10);
        var tool = ModelTestKit.Tool("weather", (_, _) => Task.FromResult("sun"));
        var model = sut.Model(o =>
        {
            o.Model = ModelName;
            o.Prices[ModelName] = new ModelPrice(1m, 1m);
        });

        await model.CompleteAsync(ModelTestKit.AskWithTools("weather?", null, tool), Ct);

        var mine = measurements.Where(m => Equals(m.Tags.GetValueOrDefault("model"), ModelName)).ToList();
        var calls = mine.Where(m => m.Instrument == "concierge.model.calls").ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(("openai-compatible", "ok"), ((string?)c.Tags["provider"], (string?)c.Tags["outcome"])));
        Assert.Equal(2, mine.Count(m => m.Instrument == "concierge.model.duration"));
        Assert.Contains(mine, m => m.Instrument == "concierge.model.tokens" && Equals(m.Tags["direction"], "input") && m.Value == 100);
        Assert.Contains(mine, m => m.Instrument == "concierge.model.tokens" && Equals(m.Tags["direction"], "output") && m.Value == 10);
        Assert.Equal(2, mine.Count(m => m.Instrument == "concierge.model.cost"));
        Assert.Contains(measurements, m => m.Instrument == "concierge.tool.calls" && Equals(m.Tags["tool"], "weather") && Equals(m.Tags["outcome"], "ok"));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            copy[key] = value;
        }

        return copy;
    }
}
