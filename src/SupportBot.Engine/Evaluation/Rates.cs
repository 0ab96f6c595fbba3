namespace SupportBot.Evaluation;

/// <summary>How every evaluation report rounds its rates: fractions in [0,1] to four decimals, 0 when nothing was counted.</summary>
internal static class Rates
{
    public static double Fraction(int part, int whole) => whole == 0 ? 0 : Round((double)part / whole);

    public static double Round(double value) => Math.Round(value, 4);
}
