using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace SupportBot.Embeddings;

/// <summary>A reply from the endpoint that is not the embeddings it was asked for; the raw body is kept in <c>Data["body"]</c>.</summary>
internal sealed class EmbeddingProviderException(string message) : Exception(message);

/// <summary>
/// Any OpenAI-compatible <c>POST {endpoint}/embeddings</c>, through an <see cref="HttpClient"/> that carries the
/// resilience rules (timeouts, retries, circuit breaker; see <see cref="EmbeddingServiceCollectionExtensions"/>).
/// Vectors are scaled to unit length, so a dot product is their cosine whatever the model returns.
/// </summary>
internal sealed partial class OpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HttpClient _http;
    private readonly OpenAIEmbeddingOptions _options;
    private readonly Uri _address;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAIEmbeddingGenerator(HttpClient http, OpenAIEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _address = new Uri(options.Endpoint!.TrimEnd('/') + "/embeddings");
        _metadata = new EmbeddingGeneratorMetadata("openai-compatible", new Uri(options.Endpoint!), options.Model, options.Dimensions);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        if (texts.Length == 0)
        {
            return result;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _address)
        {
            Content = JsonContent.Create(new EmbeddingRequest(_options.Model!, texts, options?.Dimensions ?? _options.Dimensions), EmbeddingsJson.Default.EmbeddingRequest),
        };
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure($"the embeddings endpoint answered {(int)response.StatusCode}", body);
        }

        EmbeddingResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, EmbeddingsJson.Default.EmbeddingResponse);
        }
        catch (JsonException)
        {
            throw Failure("the embeddings endpoint answered with something that is not JSON", body);
        }

        var vectors = new float[texts.Length][];
        foreach (var item in parsed?.Data ?? [])
        {
            if (item.Index >= 0 && item.Index < vectors.Length && item.Embedding is { Length: > 0 } vector)
            {
                vectors[item.Index] = Vectors.Normalized(vector);
            }
        }

        if (vectors.Any(v => v is null) || vectors.Select(v => v.Length).Distinct().Count() != 1)
        {
            throw Failure($"the embeddings endpoint did not return one vector of one size for each of the {texts.Length} texts", body);
        }

        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = parsed!.Model ?? _options.Model });
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to the factory.
    }

    private static EmbeddingProviderException Failure(string message, string body)
    {
        var exception = new EmbeddingProviderException(message);
        exception.Data["body"] = body.Length > 2000 ? body[..2000] : body;
        return exception;
    }

    /// <summary>The OpenAI embeddings API's JSON: snake_case names, an unset dimension left out, names matched exactly.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(EmbeddingRequest))]
    [JsonSerializable(typeof(EmbeddingResponse))]
    private sealed partial class EmbeddingsJson : JsonSerializerContext;

    private sealed record EmbeddingRequest(
        string Model,
        string[] Input,
        int? Dimensions,
        string EncodingFormat = "float");

    private sealed record EmbeddingResponse(
        List<EmbeddingItem>? Data,
        string? Model);

    private sealed record EmbeddingItem(
        int Index,
        float[]? Embedding);
}
