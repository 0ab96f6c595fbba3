namespace SupportBot.Understanding.Intents;

/// <summary>
/// Temperature scaling: one number, fitted on held-out data, that sharpens or softens the model's probabilities
/// so that "0.8" is right about 80 % of the time. It never changes which intent ranks first.
/// </summary>
internal static class Calibration
{
    private const double Floor = 1e-9;

    public static double[] Apply(float[] probabilities, double temperature)
    {
        var result = new double[probabilities.Length];
        if (probabilities.Length == 0)
        {
            return result;
        }

        double max = double.MinValue;
        for (var i = 0; i < probabilities.Length; i++)
        {
            result[i] = Math.Log(Math.Max(Floor, probabilities[i])) / temperature;
            max = Math.Max(max, result[i]);
        }

        double sum = 0;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Exp(result[i] - max);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    /// <summary>The temperature in [0.2, 5] that minimises the negative log-likelihood of the true intents.</summary>
    public static double FitTemperature(IReadOnlyList<(float[] Probabilities, int Truth)> held)
    {
        if (held.Count == 0)
        {
            return 1;
        }

        double Loss(double t) => held.Sum(h => -Math.Log(Math.Max(Floor, Apply(h.Probabilities, t)[h.Truth])));

        // The loss is smooth and unimodal in log t: a coarse scan, then a golden-section refinement.
        var best = 1.0;
        var bestLoss = double.MaxValue;
        for (var logT = Math.Log(0.2); logT <= Math.Log(5) + 1e-9; logT += 0.1)
        {
            var loss = Loss(Math.Exp(logT));
            if (loss < bestLoss)
            {
                (best, bestLoss) = (Math.Exp(logT), loss);
            }
        }

        double low = Math.Log(best) - 0.1, high = Math.Log(best) + 0.1;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 30; i++)
        {
            var a = high - (ratio * (high - low));
            var b = low + (ratio * (high - low));
            if (Loss(Math.Exp(a)) < Loss(Math.Exp(b)))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return Math.Exp((low + high) / 2);
    }
}
