using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Knowledge.Sentences;

/// <summary>
/// The French and Spanish words and number writing <see cref="FactLanguage.French"/> and <see cref="FactLanguage.Spanish"/>
/// read facts by. Words that are also everyday words are left out where they would make a number of a sentence that has
/// none: French "neuf" (nine, and new), "cent" after "pour" (per cent), Spanish "ciento" after "por"; "un/une/uno/una"
/// as in English "one".
/// </summary>
internal static partial class RomanceFactWords
{
    public static readonly IReadOnlyDictionary<string, string> FrenchNumberWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["deux"] = "2", ["trois"] = "3", ["quatre"] = "4", ["cinq"] = "5", ["six"] = "6", ["sept"] = "7", ["huit"] = "8", ["dix"] = "10",
        ["onze"] = "11", ["douze"] = "12", ["quatorze"] = "14", ["quinze"] = "15", ["seize"] = "16", ["dix-sept"] = "17", ["dix-huit"] = "18",
        ["vingt"] = "20", ["vingt-quatre"] = "24", ["trente"] = "30", ["quarante"] = "40", ["quarante-huit"] = "48", ["cinquante"] = "50",
        ["soixante"] = "60", ["soixante-dix"] = "70", ["soixante-douze"] = "72", ["quatre-vingt"] = "80", ["quatre-vingts"] = "80",
        ["quatre-vingt-dix"] = "90", ["cent"] = "100",
    };

    public static readonly IReadOnlyDictionary<string, string> SpanishNumberWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["dos"] = "2", ["tres"] = "3", ["cuatro"] = "4", ["cinco"] = "5", ["seis"] = "6", ["siete"] = "7", ["ocho"] = "8", ["nueve"] = "9",
        ["diez"] = "10", ["once"] = "11", ["doce"] = "12", ["catorce"] = "14", ["quince"] = "15", ["dieciocho"] = "18", ["veinte"] = "20",
        ["veinticuatro"] = "24", ["treinta"] = "30", ["cuarenta"] = "40", ["cuarenta y ocho"] = "48", ["cincuenta"] = "50", ["sesenta"] = "60",
        ["setenta"] = "70", ["setenta y dos"] = "72", ["ochenta"] = "80", ["noventa"] = "90", ["cien"] = "100", ["ciento"] = "100",
    };

    /// <summary>Abbreviations whose full stop does not end a French sentence ("M. Martin", "p. ex. Visa"); lone capitals count too.</summary>
    public static readonly string[] FrenchAbbreviations =
        ["MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "p", "ex", "env", "cf", "réf", "tél", "av", "bd", "art", "St", "Ste", "vol", "éd", "chap"];

    /// <summary>Abbreviations whose full stop does not end a Spanish sentence ("EE. UU.", "p. ej.", "Sra. Pérez"); lone capitals count too.</summary>
    public static readonly string[] SpanishAbbreviations =
        ["EE", "Sr", "Sra", "Srta", "Sres", "Dr", "Dra", "Dña", "Ud", "Uds", "Vd", "Vds", "p", "ej", "pág", "págs", "núm", "aprox", "tel", "tfno", "Avda", "av", "dcha", "izq"];

    /// <summary>"1 000", "1 000,50" and "5,95" (spaces, no-break or narrow, between thousands; a comma before decimals), or "5.95" as some write it.</summary>
    public static string NormalizeFrenchNumber(string number) => Decimal(Spacing().Replace(number, ""));

    /// <summary>"1.000", "1 000" and "5,95" (full stops or spaces between thousands, a comma before decimals), or "5.95" as some write it.</summary>
    public static string NormalizeSpanishNumber(string number)
    {
        var digits = Spacing().Replace(number, "");
        return Decimal(DottedThousands().IsMatch(digits) ? digits.Replace(".", "", StringComparison.Ordinal) : digits);
    }

    private static string Decimal(string digits)
    {
        var point = digits.Replace(',', '.');
        return decimal.TryParse(point, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : point;
    }

    /// <summary>Digits not glued to letters (LP20481736, "24h" are not facts of the policy), thousands spaced.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:,\d+)?(?![\p{L}\d])|(?<![\p{L}\d.,])\d+(?:[.,]\d+)?(?![\p{L}\d])", RegexOptions.None, 1000)]
    public static partial Regex FrenchNumber();

    /// <summary>Digits not glued to letters, thousands spaced or after full stops ("1.000").</summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,])\d{1,3}(?:(?:[ \u00A0\u202F]|\.)\d{3})+(?:,\d+)?(?![\p{L}\d])|(?<![\p{L}\d.,])\d+(?:[.,]\d+)?(?![\p{L}\d])", RegexOptions.None, 1000)]
    public static partial Regex SpanishNumber();

    [GeneratedRegex(@"\b(?:quatre-vingt-dix|quatre-vingts|quatre-vingt|soixante-douze|soixante-dix|quarante-huit|vingt-quatre|dix-sept|dix-huit|deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|(?<!pour\s)cent)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex FrenchNumberWord();

    [GeneratedRegex(@"\b(?:cuarenta\s+y\s+ocho|setenta\s+y\s+dos|veinticuatro|dieciocho|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|catorce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|(?<!por\s)ciento)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex SpanishNumberWord();

    /// <summary>"ne … pas" and "n'… jamais" by their "ne"/"n'", and the negations that stand alone ("jamais", "aucun", "sans", "pas de frais").</summary>
    [GeneratedRegex(@"\b(?:ne|pas|jamais|aucun|aucune|aucuns|aucunes|rien|sans|ni|non|nul|nulle|nullement|guère)\b|\bn['’](?=\p{L})", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex FrenchNegation();

    [GeneratedRegex(@"\b(?:no|nunca|jamás|jamas|ningún|ningun|ninguno|ninguna|ningunos|ningunas|nada|nadie|ni|sin|tampoco)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex SpanishNegation();

    /// <summary>Conditions, exceptions, limits and dates in French; money and percentages are numbers already.</summary>
    [GeneratedRegex(@"\b(?:si|s['’]ils?|sauf|excepté|exceptée|exceptés|hormis|seulement|uniquement|à\s+condition|pourvu\s+que|tant\s+que|jusqu['’](?:à|au|aux)|dans\s+les\s+\d+(?:[–-]\d+)?\s+(?:jours|heures|minutes|semaines|mois)|dans\s+un\s+délai\s+de|sous\s+\d+|avant|après|dès|à\s+partir\s+d(?:e|u|es)|au\s+moins|au\s+plus|au\s+maximum|au\s+minimum|minimum|maximum|plus\s+de|moins\s+de|ou\s+plus|ou\s+moins|une\s+fois|par\s+(?:commande|article|personne|client|compte|carte|jour|mois|an)|doit|doivent|devez|obligatoires?|exigée?s?|valables?|valides?|expirent|expire|expirée?s?|limites?|limitée?s?|sinon|autrement|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex FrenchCondition();

    /// <summary>Conditions, exceptions, limits and dates in Spanish; money and percentages are numbers already.</summary>
    [GeneratedRegex(@"\b(?:si|salvo|excepto|solo|sólo|solamente|únicamente|siempre\s+que|a\s+menos\s+que|hasta|en\s+un\s+plazo\s+de|dentro\s+de|en\s+los\s+\d+(?:[–-]\d+)?\s+(?:días|horas|minutos|semanas|meses)|antes|después|a\s+partir\s+de|al\s+menos|como\s+mínimo|como\s+máximo|mínimo|máximo|más\s+de|menos\s+de|o\s+más|o\s+menos|una\s+vez|por\s+(?:pedido|artículo|persona|cliente|cuenta|tarjeta|día|mes|año)|debe|deben|debes|tiene\s+que|tienen\s+que|tienes\s+que|obligatori[oa]s?|válid[oa]s?|caducan?|caducad[oa]s?|límites?|limitad[oa]s?|de\s+lo\s+contrario|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábados?|domingos?)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex SpanishCondition();

    /// <summary>
    /// Space after a full stop, question or exclamation mark (and any closing emphasis or quote, « » included) before a
    /// capital, a digit, an opening quote or Spanish "¿"/"¡".
    /// </summary>
    [GeneratedRegex(@"(?<=[.!?…](?:\*\*|\*|_|\)|""|”|[ \u00A0\u202F]?»)*)\s+(?=[\p{Lu}\d*_\[""“«¿¡(])", RegexOptions.None, 1000)]
    public static partial Regex Boundary();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.None, 1000)]
    public static partial Regex Figures();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    public static partial Regex Spaces();

    [GeneratedRegex(@"[ \u00A0\u202F]", RegexOptions.None, 1000)]
    private static partial Regex Spacing();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$", RegexOptions.None, 1000)]
    private static partial Regex DottedThousands();
}
