using System.Globalization;
using System.Net;
using System.Text.Json;
using Concierge.Geocoding;
using Concierge.Shops;

namespace Concierge.Server.Geocoding;

/// <summary>A Nominatim-compatible provider: <c>GET {GEOCODER_URL}search?q=...&amp;format=json&amp;limit=1</c>, answering <c>[{"lat":"..","lon":".."}]</c>.</summary>
public sealed class NominatimGeocoder(IHttpClientFactory http, GeocodingSettings settings) : IGeocoder
{
    public const string HttpClientName = "geocoder";

    public string Provider => "nominatim";

    public async Task<GeoPoint?> LookUpAsync(string address, CancellationToken cancellationToken)
    {
        var url = new Uri(settings.NominatimUrl, $"search?q={Uri.EscapeDataString(address)}&format=json&limit=1");
        using var document = await GeocoderHttp.GetJsonAsync(http, settings, url, cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new GeocoderUnavailableException("The geocoder answered something other than a JSON array.");
        }

        foreach (var place in document.RootElement.EnumerateArray())
        {
            if (GeocoderHttp.Coordinate(place, "lat") is { } lat && GeocoderHttp.Coordinate(place, "lon") is { } lon && GeoPoint.IsValid(lat, lon))
            {
                return new GeoPoint(lat, lon);
            }
        }

        return null;
    }
}

/// <summary>Google's Geocoding API: <c>GET maps/api/geocode/json?address=...&amp;key=...</c>; <c>ZERO_RESULTS</c> is "no such place", any other status but OK a failure.</summary>
public sealed class GoogleGeocoder(IHttpClientFactory http, GeocodingSettings settings) : IGeocoder
{
    public string Provider => "google";

    public async Task<GeoPoint?> LookUpAsync(string address, CancellationToken cancellationToken)
    {
        var url = new Uri(settings.GoogleUrl, $"maps/api/geocode/json?address={Uri.EscapeDataString(address)}&key={Uri.EscapeDataString(settings.GoogleApiKey ?? string.Empty)}");
        using var document = await GeocoderHttp.GetJsonAsync(http, settings, url, cancellationToken);
        var root = document.RootElement;
        var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (status == "ZERO_RESULTS")
        {
            return null;
        }

        if (status != "OK" || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new GeocoderUnavailableException($"Google's geocoder answered status '{status ?? "none"}'.");
        }

        foreach (var result in results.EnumerateArray())
        {
            if (result.TryGetProperty("geometry", out var geometry) && geometry.TryGetProperty("location", out var location)
                && GeocoderHttp.Coordinate(location, "lat") is { } lat && GeocoderHttp.Coordinate(location, "lng") is { } lng && GeoPoint.IsValid(lat, lng))
            {
                return new GeoPoint(lat, lng);
            }
        }

        return null;
    }
}

internal static class GeocoderHttp
{
    public static async Task<JsonDocument> GetJsonAsync(IHttpClientFactory http, GeocodingSettings settings, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(settings.UserAgent);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.CreateClient(NominatimGeocoder.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new GeocoderUnavailableException($"The geocoder answered {(int)response.StatusCode} {(response.StatusCode == HttpStatusCode.TooManyRequests ? "(rate limited)" : response.ReasonPhrase)}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GeocoderUnavailableException($"The geocoder did not answer within {settings.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new GeocoderUnavailableException($"The geocoder could not be reached: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new GeocoderUnavailableException("The geocoder's answer is not JSON.", e);
        }
    }

    /// <summary>A coordinate that is a number or a numeric string (Nominatim sends strings).</summary>
    public static double? Coordinate(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetDouble(out var d) => d,
                JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;
}
