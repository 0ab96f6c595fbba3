namespace SupportBot.Knowledge.Search;
internal static class Tune { public static double A = 0.4, B = 0.3, C = 0.3; }
