using System.Text.Json.Nodes;
using Concierge.Models;

namespace Concierge.Tests.Models;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(["my-local-secret-42"]);

    [Fact]
    public void A_configured_secret_is_removed_wherever_it_appears()
    {
        var redacted = _redactor.Redact("key=my-local-secret-42 and again my-local-secret-42.");

        Assert.DoesNotContain("my-local-secret-42", redacted, StringComparison.Ordinal);
        Assert.Contains("again ***", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("api-key: 0123456789abcdef", "0123456789abcdef")]
    [InlineData("{\"Authorization\":\"Basic dXNlcjpwYXNz\"}", "dXNlcjpwYXNz")]
    [InlineData("sent with Bearer eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("Incorrect API key provided: sk-proj-AbCdEf0123456789xyz", "sk-proj-AbCdEf0123456789xyz")]
    [InlineData("a user pasted sk-AbCdEf0123456789xyz into the chat", "sk-AbCdEf0123456789xyz")]
    [InlineData("AUTHORIZATION=opaque-value-123", "opaque-value-123")]
    public void Header_values_bearer_tokens_and_key_like_tokens_are_removed(string text, string secret)
    {
        var redacted = _redactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_text_is_left_alone()
    {
        const string text = "Book a table for 4 at 7 pm, ask for the desk-side seats.";

        Assert.Equal(text, _redactor.Redact(text));
    }

    [Fact]
    public void Json_is_redacted_in_a_copy_masking_secret_named_properties_and_string_values()
    {
        var original = new JsonObject
        {
            ["headers"] = new JsonObject { ["Authorization"] = "Bearer x", ["api-key"] = "y", ["Accept"] = "application/json" },
            ["messages"] = new JsonArray(new JsonObject { ["content"] = "my key is my-local-secret-42" }),
            ["temperature"] = 0.2,
        };

        var redacted = _redactor.Redact(original)!;

        Assert.Equal("***", redacted["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal("***", redacted["headers"]!["api-key"]!.GetValue<string>());
        Assert.Equal("application/json", redacted["headers"]!["Accept"]!.GetValue<string>());
        Assert.Equal("my key is ***", redacted["messages"]![0]!["content"]!.GetValue<string>());
        Assert.Equal(0.2, redacted["temperature"]!.GetValue<double>());
        Assert.Equal("Bearer x", original["headers"]!["Authorization"]!.GetValue<string>());
    }
}
