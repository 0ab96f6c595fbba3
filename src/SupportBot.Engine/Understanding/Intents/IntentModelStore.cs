using System.Text.Json;
using Microsoft.ML;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// Trained models on disk, keyed by the hash of their training data: <c>intents-&lt;hash&gt;.zip</c> (the ML.NET
/// model) beside <c>intents-&lt;hash&gt;.json</c> (labels, calibration, threshold). A model is reused only when the
/// training data, pipeline version and settings that made it are unchanged. Another language's model is named with its
/// code, <c>intents-fr-&lt;hash&gt;.zip</c>; English keeps the plain names, so its cached models stay valid.
/// </summary>
internal sealed class IntentModelStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory => directory;

    public string ModelPath(string hash, string? language = null) =>
        Path.Combine(directory, IntentText.IsEnglish(language) ? $"intents-{hash}.zip" : $"intents-{language}-{hash}.zip");

    /// <summary>The cached model for <paramref name="hash"/> in <paramref name="language"/> (null: English), or null when there is none or it cannot be read.</summary>
    public IntentModel? TryLoad(string hash, IntentEmbedder? embedder = null, string? language = null)
    {
        var modelPath = ModelPath(hash, language);
        var infoPath = Path.ChangeExtension(modelPath, ".json");
        if (!File.Exists(modelPath) || !File.Exists(infoPath))
        {
            return null;
        }

        try
        {
            var info = JsonSerializer.Deserialize<IntentModelInfo>(File.ReadAllText(infoPath), Json);
            if (info is null || info.Hash != hash || (info.Language ?? IntentText.English) != (language ?? IntentText.English))
            {
                return null;
            }

            if (info.EmbeddingModel is not null && info.EmbeddingModel != embedder?.ModelId)
            {
                return null;
            }

            var ml = new MLContext(seed: 1);
            var transformer = ml.Model.Load(modelPath, out _);
            return new IntentModel(ml, transformer, info, embedder);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or FormatException or InvalidDataException)
        {
            // A damaged or foreign file is a cache miss: the model is trained again and the file replaced.
            return null;
        }
    }

    public string Save(IntentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        System.IO.Directory.CreateDirectory(directory);
        var modelPath = ModelPath(model.Info.Hash, model.Info.Language);
        var schema = model.Ml.Data.LoadFromEnumerable(Array.Empty<IntentRow>(), IntentRow.Schema(model.Info.EmbeddingDimensions)).Schema;

        // Written under temporary names and moved, so a crash never leaves a half-written model behind its name.
        // Two processes training the same data at once each write their own temporary files.
        var unique = Guid.NewGuid().ToString("N");
        var temporaryModel = $"{modelPath}.{unique}.tmp";
        var temporaryInfo = $"{Path.ChangeExtension(modelPath, ".json")}.{unique}.tmp";
        model.Ml.Model.Save(model.Transformer, schema, temporaryModel);
        File.WriteAllText(temporaryInfo, JsonSerializer.Serialize(model.Info, Json));
        File.Move(temporaryModel, modelPath, overwrite: true);
        File.Move(temporaryInfo, Path.ChangeExtension(modelPath, ".json"), overwrite: true);
        return modelPath;
    }
}
